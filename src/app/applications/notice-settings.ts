// Per-organization notice settings: document-number pattern, remedy bodies, payment instructions,
// edited templates and the seal image: each organization edits its own templates.
import { z } from 'zod';
import type { ApplicationContext, ApplicationUseCaseRepos } from './ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { Organization } from '../../domain/orgs/organization.js';
import { DEFAULT_DOC_NO_PATTERN, validateDocNoPattern } from '../../domain/notices/doc-no.js';
import type { OrgNoticeTemplates } from '../../domain/notices/templates.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { REMEDY_VARIANTS, REVIEW_ROUTE_GROUPS, type ReviewRoutes } from '../../domain/notices/reply-outcomes.js';
import { reviewBodyFor, type ReviewBody } from '../../domain/notices/review-body.js';
import { holdsOver } from '../../domain/policies/actor.js';
import { forbidden, invalid } from '../errors.js';
import { auditBy } from '../actors.js';

/** What an organization configures for its notices. */
export type NoticeSettings = {
  docNoPattern: string;
  /** The organization's own 行政复议机关, as saved; blank: computed from the organization tree. */
  reconsiderationBody: string;
  /** The review route per outcome group (行政复议法 art. 23; defaults REVIEW_ROUTE_DEFAULTS). */
  reviewRoutes: ReviewRoutes;
  court: string;
  paymentInstructions: string;
  sealFileId: string | null;
  templates: OrgNoticeTemplates;
};

/** The settings with the 行政复议机关 notices name (the saved one, else computed from the tree). */
export type EffectiveNoticeSettings = NoticeSettings & { reviewBody: ReviewBody };

const schema = z.object({
  docNoPattern: z.string().trim().min(1).max(100),
  reconsiderationBody: z.string().trim().max(200),
  reviewRoutes: z.partialRecord(z.enum(REVIEW_ROUTE_GROUPS), z.enum(REMEDY_VARIANTS)),
  court: z.string().trim().max(200),
  paymentInstructions: z.string().trim().max(1000),
  sealFileId: z.string().nullable(),
  templates: z.record(z.string(), z.unknown()),
});

const key = (orgId: string) => `notices.org.${orgId}`;

/**
 * The settings of an organization, with defaults for what was never set, and the 行政复议机关 its notices name:
 * the saved one, else computed from the organization tree (domain/notices/review-body.ts).
 */
export async function noticeSettings(
  repos: ApplicationUseCaseRepos,
  org: Organization,
): Promise<EffectiveNoticeSettings> {
  const orgs = await repos.orgs.list({ includeRetired: true });
  const saved = await storedSettings(repos, org.id);
  const reviewBody = reviewBodyFor(orgs, org.id, saved.reconsiderationBody);
  return { ...saved, reviewBody };
}

async function storedSettings(repos: ApplicationUseCaseRepos, orgId: string): Promise<NoticeSettings> {
  const defaults: NoticeSettings = {
    docNoPattern: DEFAULT_DOC_NO_PATTERN,
    reconsiderationBody: '',
    reviewRoutes: {},
    court: '有管辖权的人民法院',
    paymentInstructions: '请持本通知书到本机关政府信息公开工作机构办理缴费，或按本机关告知的非税收入缴款方式缴纳。',
    sealFileId: null,
    templates: {},
  };
  const stored = schema.partial().safeParse((await repos.settings.get(key(orgId))) ?? {});
  return stored.success ? ({ ...defaults, ...stored.data } as NoticeSettings) : defaults;
}

/**
 * Sets an organization's 行政复议机关 without an actor (bootstrap of the demo district, whose root cannot name it).
 */
export async function seedReconsiderationBody(
  repos: ApplicationUseCaseRepos,
  orgId: string,
  name: string,
  now: string,
): Promise<void> {
  await repos.settings.set(key(orgId), { ...(await storedSettings(repos, orgId)), reconsiderationBody: name }, now);
}

/**
 * Saves an organization's notice settings (its admin, office head or the root admin).
 * @throws AppError 'invalid' for a bad document-number pattern, 'forbidden'
 */
export async function saveNoticeSettings(
  ctx: ApplicationContext,
  actor: Actor,
  orgId: string,
  input: Partial<NoticeSettings>,
): Promise<void> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const path = ancestry(orgs, orgId);
  if (!holdsOver(actor, 'admin', path) && !holdsOver(actor, 'office_head', path)) throw forbidden();
  const org = orgs.find((o) => o.id === orgId);
  if (!org) throw invalid('机构不存在');
  const next: NoticeSettings = { ...(await storedSettings(ctx.repos, org.id)), ...input };
  const problems = validateDocNoPattern(next.docNoPattern);
  if (problems.length > 0) throw invalid('文号格式有误', { docNoPattern: problems.join('；') });
  const now = ctx.clock.nowIso();
  const { docNoPattern, reconsiderationBody, reviewRoutes } = next;
  const after = { docNoPattern, reconsiderationBody, reviewRoutes, seal: next.sealFileId !== null };
  const entry = { action: 'notice_settings.updated', entityType: 'organization', entityId: orgId, orgId };
  await ctx.uow.run(async (r) => {
    await r.settings.set(key(orgId), next, now);
    await r.audit.append(auditBy(actor, { ...entry, before: null, after }), now);
  });
}
