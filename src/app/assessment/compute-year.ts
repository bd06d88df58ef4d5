// The assessment of a year as `gongkai assess` prints it: the subtree of an organization (default the root), with
// the year's published scheme of that scope, a scheme named by id, or the default scheme shipped with gongkai.
import { DEFAULT_SCHEME } from '../../domain/assessment/scheme.js';
import { orderTree } from '../../domain/orgs/organization.js';
import type { ResultTable } from './ports.js';
import { computeTable, type ComputeContext } from './compute.js';
import { invalid, notFound } from '../errors.js';

/** The name the default scheme goes by in tables. */
export const DEFAULT_SCHEME_NAME = '默认考核方案';

/**
 * The table of `year` over the subtree of the organization with `creditCode` (default: the root). A published
 * scheme of exactly that scope gives its frozen table; another scheme is computed over the subtree with its
 * entered values and adjustments. No access check: the command line acts as the system.
 * @throws AppError 'not_found' (organization, scheme), 'invalid' (the scheme is of another year)
 */
export async function assessYear(
  ctx: ComputeContext,
  req: { year: number; creditCode?: string; schemeId?: string },
): Promise<ResultTable> {
  const orgs = orderTree(await ctx.repos.orgs.list());
  const scope = req.creditCode === undefined ? orgs[0] : orgs.find((o) => o.creditCode === req.creditCode);
  if (!scope) throw notFound(req.creditCode === undefined ? '根机构' : `统一社会信用代码为${req.creditCode}的机构`);
  const stored =
    req.schemeId !== undefined
      ? await ctx.repos.assessments.scheme(req.schemeId)
      : await ctx.repos.assessments.publishedFor(scope.id, req.year);
  if (req.schemeId !== undefined && !stored) throw notFound('考核方案');
  if (stored && stored.year !== req.year) throw invalid(`考核方案为${stored.year}年度，与 --year ${req.year} 不一致`);
  if (stored?.state === 'published' && stored.scopeOrgId === scope.id) {
    const frozen = await ctx.repos.assessments.snapshot(stored.id);
    if (frozen) return { ...frozen, frozen: true };
  }
  const scheme = stored
    ? { ...stored, scopeOrgId: scope.id }
    : { id: null, name: DEFAULT_SCHEME_NAME, year: req.year, scopeOrgId: scope.id, def: DEFAULT_SCHEME };
  const [entries, adjustments] = stored
    ? await Promise.all([ctx.repos.assessments.entries(stored.id), ctx.repos.assessments.adjustments(stored.id)])
    : [[], []];
  return computeTable(ctx, { scheme, entries, adjustments });
}
