// The catalogue (政府信息公开目录) of an organization: the default tree on creation (art. 12;
// 国办公开办函〔2019〕61号), and the publication settings (索引号 pattern, review chain).
import type { AppContext, Repos } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { defaultCatalogue, flattenCatalogue } from '../../domain/publications/catalogue.js';
import {
  DEFAULT_PUBLICATION_CONFIG,
  validateChain,
  type PublicationConfig,
} from '../../domain/publications/review-chain.js';
import { validateIndexPattern } from '../../domain/publications/index-no.js';
import { canManageCatalogue } from '../../domain/policies/publication-policy.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { auditBy } from '../actors.js';
import { AppError, invalid, notFound } from '../errors.js';
import type { Category } from './ports.js';
import type { Organization } from '../../domain/orgs/organization.js';

/** The settings key of an organization's publication settings. */
export const configKey = (orgId: string): string => `publications.config:${orgId}`;

/**
 * Creates the default catalogue of an organization that has none (idempotent).
 * @returns the number of categories created (0 when the organization already has a catalogue)
 */
export async function ensureCatalogue(
  ctx: Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto'>,
  orgId: string,
): Promise<number> {
  if ((await ctx.repos.categories.list(orgId, { includeRetired: true })).length > 0) return 0;
  const org = (await ctx.repos.orgs.list({ includeRetired: true })).find((o) => o.id === orgId);
  if (!org) throw notFound('机构');
  return ctx.uow.run((r) => insertDefaultCatalogue(r, ctx, org, ctx.clock.nowIso()));
}

/**
 * Inserts the default catalogue inside the caller's transaction (e.g. the one creating the
 * organization), unless the organization already has categories.
 * @returns the number of categories created
 */
export async function insertDefaultCatalogue(
  r: Repos,
  ctx: Pick<AppContext, 'crypto'>,
  org: Pick<Organization, 'id' | 'kind'>,
  now: string,
): Promise<number> {
  const orgId = org.id;
  if ((await r.categories.list(orgId, { includeRetired: true })).length > 0) return 0;
  const ids = new Map<string, string>();
  const nodes = flattenCatalogue(defaultCatalogue(org.kind));
  for (const { node, parentSlug, sortOrder } of nodes) {
    const c: Category = {
      id: ctx.crypto.newId(),
      orgId,
      parentId: parentSlug === null ? null : (ids.get(parentSlug) ?? null),
      slug: node.slug,
      name: node.name,
      sortOrder,
      kind: node.kind,
      statutoryKey: node.statutoryKey,
      retiredAt: null,
    };
    ids.set(node.slug, c.id);
    await r.categories.insert(c, now);
  }
  // Filed under the first node (not the organization), so the organization's own trail stays its own.
  await r.audit.append(
    auditBy(null, {
      action: 'catalogue.created',
      entityType: 'category',
      entityId: ids.get(nodes[0]?.node.slug ?? '') ?? orgId,
      orgId,
      before: null,
      after: { categories: nodes.length },
    }),
    now,
  );
  return nodes.length;
}

/**
 * An organization's publication settings (defaults when none were saved).
 * @param repos repositories (in or out of a transaction)
 */
export async function loadPublicationConfig(repos: Pick<Repos, 'settings'>, orgId: string): Promise<PublicationConfig> {
  const v = (await repos.settings.get(configKey(orgId))) as Partial<PublicationConfig> | undefined;
  if (!v) return DEFAULT_PUBLICATION_CONFIG;
  const pattern =
    typeof v.indexPattern === 'string' && validateIndexPattern(v.indexPattern).ok
      ? v.indexPattern
      : DEFAULT_PUBLICATION_CONFIG.indexPattern;
  const levels = Array.isArray(v.levels) && validateChain(v.levels).ok ? v.levels : DEFAULT_PUBLICATION_CONFIG.levels;
  return { indexPattern: pattern, levels };
}

/**
 * Saves an organization's publication settings (admins of the organization or above).
 * @throws AppError 'forbidden', 'not_found', or 'invalid' with field messages
 */
export async function savePublicationConfig(
  ctx: Pick<AppContext, 'repos' | 'uow' | 'clock'>,
  actor: Actor,
  orgId: string,
  config: PublicationConfig,
): Promise<void> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  if (!orgs.some((o) => o.id === orgId)) throw notFound('机构');
  if (!canManageCatalogue(actor, ancestry(orgs, orgId))) {
    throw new AppError('forbidden', '只有系统管理员可以修改发布设置');
  }
  const pattern = validateIndexPattern(config.indexPattern);
  const chain = validateChain(config.levels);
  const errors = {
    ...(pattern.ok ? {} : { indexPattern: pattern.error.message }),
    ...(chain.ok ? {} : { levels: chain.error.message }),
  };
  if (Object.keys(errors).length > 0) throw invalid('发布设置有误', errors);
  const before = await loadPublicationConfig(ctx.repos, orgId);
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.settings.set(configKey(orgId), config, now);
    await r.audit.append(
      auditBy(actor, {
        action: 'publication.config_saved',
        entityType: 'organization',
        entityId: orgId,
        orgId,
        before,
        after: config,
      }),
      now,
    );
  });
}
