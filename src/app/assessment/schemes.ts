// Assessment schemes (考核方案): the actor's access to a scope, and keeping schemes — created from the default,
// copied from last year's, edited while a draft, deleted, published (frozen with the result table as its snapshot).
import type { Actor } from '../../domain/policies/actor.js';
import { canAssess } from '../../domain/assessment/assessment-policy.js';
import { DEFAULT_SCHEME, type SchemeDef } from '../../domain/assessment/scheme.js';
import { schemeErrors } from '../../domain/assessment/result-table.js';
import { ancestry, type Organization } from '../../domain/orgs/organization.js';
import type { AuditRepos, Clock, Crypto, UnitOfWork } from '../ports.js';
import type { Repos } from '../context.js';
import type { AssessmentRepos, SchemeRecord, StoredScheme } from './ports.js';
import { auditBy, actorLabel } from '../actors.js';
import { conflict, forbidden, invalid, notFound } from '../errors.js';

/** What keeping schemes uses. */
export type SchemeContext = {
  repos: Repos;
  uow: UnitOfWork<AssessmentRepos & AuditRepos>;
  clock: Clock;
  crypto: Crypto;
};

/**
 * Writes a change of a scheme and its audit entry in one transaction, stamped `now`.
 * @param entry the audit entry (the action's code, the scheme, the organization, before and after)
 */
export async function writeAudited(
  ctx: SchemeContext,
  actor: Actor | null,
  write: (r: AssessmentRepos) => Promise<void>,
  entry: { action: string; schemeId: string; orgId: string; before: unknown; after: unknown },
  now: string,
): Promise<void> {
  await ctx.uow.run(async (r) => {
    await write(r);
    const { action, schemeId, orgId, before, after } = entry;
    await r.audit.append(
      auditBy(actor, { action, entityType: 'assessment_scheme', entityId: schemeId, orgId, before, after }),
      now,
    );
  });
}

/** Whether the actor may assess the scope (null: the system, the command line). */
export function mayAssess(orgs: readonly Organization[], actor: Actor | null, scopeOrgId: string): boolean {
  if (actor === null) return true;
  return orgs.some((o) => o.id === scopeOrgId) && canAssess(actor, ancestry(orgs, scopeOrgId));
}

/**
 * The stored scheme, if the actor may assess its scope.
 * @throws AppError 'not_found' (no such scheme), 'forbidden'
 */
export async function authorizedScheme(ctx: { repos: Repos }, actor: Actor | null, id: string): Promise<StoredScheme> {
  const scheme = await ctx.repos.assessments.scheme(id);
  if (!scheme) throw notFound('考核方案');
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  if (!mayAssess(orgs, actor, scheme.scopeOrgId)) throw forbidden('无权查看或修改该考核方案');
  return scheme;
}

/** A stored scheme as the edges see it. */
export const toRecord = (s: StoredScheme): SchemeRecord => ({
  id: s.id,
  name: s.name,
  year: s.year,
  scopeOrgId: s.scopeOrgId,
  def: s.def,
  state: s.state,
  copiedFrom: s.copiedFrom,
  publishedAt: s.publishedAt,
  publicationId: s.publicationId,
  updatedAt: s.updatedAt,
});

/** Schemes whose scope the actor may assess, newest year first. */
export async function listSchemes(ctx: { repos: Repos }, actor: Actor | null): Promise<SchemeRecord[]> {
  const [orgs, all] = await Promise.all([
    ctx.repos.orgs.list({ includeRetired: true }),
    ctx.repos.assessments.schemes(),
  ]);
  return all.filter((s) => mayAssess(orgs, actor, s.scopeOrgId)).map(toRecord);
}

const checkYear = (year: number) => {
  if (!Number.isInteger(year) || year < 2008 || year > 2100) throw invalid('考核年度有误', { year: '请填写四位年份' });
};

const checkName = (name: string): string => {
  const n = name.trim();
  if (!n) throw invalid('请填写方案名称', { name: '请填写方案名称' });
  if (n.length > 100) throw invalid('方案名称过长', { name: '方案名称不超过100个字' });
  return n;
};

/** The fields of an audit entry about a scheme. */
const schemeAudit = (s: StoredScheme) => ({
  name: s.name,
  year: s.year,
  state: s.state,
  indicators: s.def.indicators.map((i) => `${i.name}（${i.max}分）`),
});

async function insert(
  ctx: SchemeContext,
  actor: Actor | null,
  fields: { year: number; scopeOrgId: string; name: string; def: SchemeDef; copiedFrom: string | null },
  action: 'assessment.scheme_created' | 'assessment.scheme_copied',
): Promise<SchemeRecord> {
  const now = ctx.clock.nowIso();
  const scheme: StoredScheme = {
    id: ctx.crypto.newId(),
    ...fields,
    state: 'draft',
    publishedAt: null,
    publicationId: null,
    updatedAt: now,
    createdAt: now,
    actorId: actor?.userId ?? null,
    actorLabel: actorLabel(actor),
  };
  const entry = { action, schemeId: scheme.id, orgId: scheme.scopeOrgId, before: null, after: schemeAudit(scheme) };
  await writeAudited(ctx, actor, (r) => r.assessments.insertScheme(scheme), entry, now);
  return toRecord(scheme);
}

/**
 * A new draft with the default scheme's content for a year and scope.
 * @throws AppError 'invalid', 'not_found', 'forbidden'
 */
export async function createScheme(
  ctx: SchemeContext,
  actor: Actor | null,
  req: { year: number; scopeOrgId: string; name: string },
): Promise<SchemeRecord> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  if (!orgs.some((o) => o.id === req.scopeOrgId)) throw notFound('考核范围的机构');
  if (!mayAssess(orgs, actor, req.scopeOrgId)) throw forbidden('无权对该范围开展考核');
  checkYear(req.year);
  const fields = { ...req, name: checkName(req.name), def: DEFAULT_SCHEME, copiedFrom: null };
  return insert(ctx, actor, fields, 'assessment.scheme_created');
}

/**
 * A new draft for `year` with the content of an existing scheme (copy last year's), same scope.
 * @throws AppError 'invalid', 'not_found', 'forbidden'
 */
export async function copyScheme(
  ctx: SchemeContext,
  actor: Actor | null,
  fromId: string,
  req: { year: number; name?: string },
): Promise<SchemeRecord> {
  const from = await authorizedScheme(ctx, actor, fromId);
  checkYear(req.year);
  const name = checkName(req.name ?? from.name.replace(String(from.year), String(req.year)));
  const fields = { year: req.year, scopeOrgId: from.scopeOrgId, name, def: from.def, copiedFrom: from.id };
  return insert(ctx, actor, fields, 'assessment.scheme_copied');
}

/**
 * Refuses any change to a published (frozen) scheme.
 * @throws AppError 'conflict'
 */
export const refuseFrozen = (s: StoredScheme): void => {
  if (s.state === 'published') throw conflict('考核结果已发布，方案已冻结，不能再修改');
};

/**
 * Replaces a draft's name and content, validated (every error at once, in Chinese).
 * @throws AppError 'invalid', 'conflict' (published), 'not_found', 'forbidden'
 */
export async function updateScheme(
  ctx: SchemeContext,
  actor: Actor | null,
  id: string,
  req: { name: string; def: SchemeDef },
): Promise<SchemeRecord> {
  const before = await authorizedScheme(ctx, actor, id);
  refuseFrozen(before);
  const errors = schemeErrors(req.def);
  if (Object.keys(errors).length > 0) throw invalid('考核方案有误，请按提示更正', errors);
  const now = ctx.clock.nowIso();
  const after: StoredScheme = {
    ...before,
    name: checkName(req.name),
    def: req.def,
    updatedAt: now,
    actorId: actor?.userId ?? null,
    actorLabel: actorLabel(actor),
  };
  await writeAudited(
    ctx,
    actor,
    (r) => r.assessments.updateScheme(after),
    {
      action: 'assessment.scheme_updated',
      schemeId: id,
      orgId: before.scopeOrgId,
      before: schemeAudit(before),
      after: schemeAudit(after),
    },
    now,
  );
  return toRecord(after);
}

/**
 * Deletes a draft with its entered values and adjustments. A published scheme stays (its result is on record).
 * @throws AppError 'conflict' (published), 'not_found', 'forbidden'
 */
export async function deleteScheme(ctx: SchemeContext, actor: Actor | null, id: string): Promise<void> {
  const before = await authorizedScheme(ctx, actor, id);
  refuseFrozen(before);
  const now = ctx.clock.nowIso();
  await writeAudited(
    ctx,
    actor,
    (r) => r.assessments.deleteScheme(id),
    {
      action: 'assessment.scheme_deleted',
      schemeId: id,
      orgId: before.scopeOrgId,
      before: schemeAudit(before),
      after: null,
    },
    now,
  );
}
