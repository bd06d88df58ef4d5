// Per-organization notice settings: document-number pattern, remedy bodies, payment instructions,
// edited templates and the seal image: each organization edits its own templates.
import { z } from 'zod';
import type { ApplicationContext, ApplicationUseCaseRepos } from './ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { Organization } from '../../domain/orgs/organization.js';
import { DEFAULT_DOC_NO_PATTERN, validateDocNoPattern } from '../../domain/notices/doc-no.js';
import type { OrgNoticeTemplates } from '../../domain/notices/templates.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { holdsOver } from '../../domain/policies/actor.js';
import { forbidden, invalid } from '../errors.js';
import { auditBy } from '../actors.js';

/** What an organization configures for its notices. */
export type NoticeSettings = {
  docNoPattern: string;
  /** 行政复议机关 named in replies; default: the parent government, else 上一级人民政府. */
  reconsiderationBody: string;
  court: string;
  paymentInstructions: string;
  sealFileId: string | null;
  templates: OrgNoticeTemplates;
};

const schema = z.object({
  docNoPattern: z.string().trim().min(1).max(100),
  reconsiderationBody: z.string().trim().max(200),
  court: z.string().trim().max(200),
  paymentInstructions: z.string().trim().max(1000),
  sealFileId: z.string().nullable(),
  templates: z.record(z.string(), z.unknown()),
});

const key = (orgId: string) => `notices.org.${orgId}`;

/** The settings of an organization, with defaults for what was never set. */
export async function noticeSettings(repos: ApplicationUseCaseRepos, org: Organization): Promise<NoticeSettings> {
  const orgs = await repos.orgs.list({ includeRetired: true });
  const parent = orgs.find((o) => o.id === org.parentId);
  const defaults: NoticeSettings = {
    docNoPattern: DEFAULT_DOC_NO_PATTERN,
    // 《行政复议法》(2023) art. 24: a county department's decisions are reviewed by the 本级人民政府.
    reconsiderationBody: parent && parent.kind === 'government' ? parent.name : '上一级人民政府',
    court: '有管辖权的人民法院',
    paymentInstructions: '请持本通知书到本机关政府信息公开工作机构办理缴费，或按本机关告知的非税收入缴款方式缴纳。',
    sealFileId: null,
    templates: {},
  };
  const stored = schema.partial().safeParse((await repos.settings.get(key(org.id))) ?? {});
  return stored.success ? ({ ...defaults, ...stored.data } as NoticeSettings) : defaults;
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
  const next = { ...(await noticeSettings(ctx.repos, org)), ...input };
  const problems = validateDocNoPattern(next.docNoPattern);
  if (problems.length > 0) throw invalid('文号格式有误', { docNoPattern: problems.join('；') });
  const now = ctx.clock.nowIso();
  const { docNoPattern, reconsiderationBody } = next;
  const after = { docNoPattern, reconsiderationBody, seal: next.sealFileId !== null };
  const entry = { action: 'notice_settings.updated', entityType: 'organization', entityId: orgId, orgId };
  await ctx.uow.run(async (r) => {
    await r.settings.set(key(orgId), next, now);
    await r.audit.append(auditBy(actor, { ...entry, before: null, after }), now);
  });
}
