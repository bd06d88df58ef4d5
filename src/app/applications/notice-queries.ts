// Reading notices (they carry the applicant's name and address) and recording their service (送达).
import type { ApplicationContext, NoticeRecord } from './ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { NoticeDocument } from '../../domain/notices/notice.js';
import type { Organization } from '../../domain/orgs/organization.js';
import { parseLocalDate } from '../../domain/core/local-date.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { auditBy } from '../actors.js';
import { accessTo, auditGrantedView, loadCase } from './case-context.js';
import { noticeSettings } from './notice-settings.js';
import { SERVICE_METHODS } from '../../domain/applications/transition-params.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * A notice with its case, for the notice page; `orgId` is the case's organization, `hasSeal` whether it has a seal
 * image.
 */
export type NoticeView = NoticeRecord & {
  doc: NoticeDocument;
  caseId: string;
  trackingCode: string;
  orgId: string;
  hasSeal: boolean;
};

/**
 * One notice, for roles that may see the applicant's personal data.
 * @throws AppError 'not_found' (also when the actor may not see it)
 */
export async function getNotice(ctx: ApplicationContext, actor: Actor, id: string): Promise<NoticeView> {
  const n = await ctx.repos.notices.byId(id);
  const c = n ? await loadCase(ctx.repos, n.applicationId).catch(() => undefined) : undefined;
  const access = c ? await accessTo(ctx.repos, actor, c) : undefined;
  if (!n || !c || !access || access.personal === null) throw notFound('告知书');
  await auditGrantedView(ctx, actor, access, {
    action: 'notice.personal_data_viewed',
    entityType: 'notice',
    entityId: n.id,
    orgId: c.org.id,
  });
  const hasSeal = (await noticeSettings(ctx.repos, c.org)).sealFileId !== null;
  return {
    ...n,
    doc: n.body as NoticeDocument,
    caseId: c.app.id,
    trackingCode: c.app.trackingCode,
    orgId: c.org.id,
    hasSeal,
  };
}

/** The DOCX of a notice, with the organization's seal when one is uploaded. */
export async function noticeDocx(
  ctx: ApplicationContext,
  actor: Actor,
  id: string,
): Promise<{ bytes: Uint8Array; mime: string; name: string }> {
  const n = await getNotice(ctx, actor, id);
  const c = await loadCase(ctx.repos, n.applicationId);
  return renderNoticeDocx(ctx, c.org, n.doc, `${n.doc.title}-${n.trackingCode}.docx`);
}

/** A notice document as a DOCX download, with the organization's seal when one is uploaded. */
export async function renderNoticeDocx(
  ctx: ApplicationContext,
  org: Organization,
  doc: NoticeDocument,
  name: string,
): Promise<{ bytes: Uint8Array; mime: string; name: string }> {
  const settings = await noticeSettings(ctx.repos, org);
  const seal = settings.sealFileId ? await ctx.repos.files.get(settings.sealFileId) : undefined;
  const content = await ctx.renderer.noticeDocx(doc, seal?.mime === 'image/png' ? seal.content : undefined);
  return { bytes: content, mime: DOCX, name };
}

/**
 * Records how and when a notice reached its addressee. Periods that run from the applicant's
 * receipt (correction, fee) are entered on the move itself (its servedOn), which this record documents.
 * @throws AppError 'invalid' with field errors, 'forbidden' unless a handler of the case's organization
 */
export async function recordNoticeService(
  ctx: ApplicationContext,
  actor: Actor,
  id: string,
  input: { servedOn: string; method: string; ref: string },
): Promise<void> {
  const n = await getNotice(ctx, actor, id);
  const c = await loadCase(ctx.repos, n.applicationId);
  if (!(await accessTo(ctx.repos, actor, c)).owns) throw forbidden('只有办理机关的承办人可以登记送达');
  const errors: Record<string, string> = {};
  const d = parseLocalDate(input.servedOn);
  if (!d.ok || input.servedOn > ctx.clock.today() || input.servedOn < n.issuedOn) {
    errors.servedOn = '送达日期应为告知书出具之日至今天之间的日期';
  }
  if (!(SERVICE_METHODS as readonly string[]).includes(input.method)) errors.method = '请选择送达方式';
  if (input.method === 'post' && input.ref.trim() === '') errors.ref = '邮寄送达请填写邮件单号';
  if (Object.keys(errors).length > 0) throw invalid('送达记录有误', errors);
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.notices.recordService(id, { servedOn: input.servedOn, method: input.method, ref: input.ref.trim() });
    await r.audit.append(
      auditBy(actor, {
        action: 'notice.served',
        entityType: 'notice',
        entityId: id,
        orgId: c.org.id,
        before: { servedOn: n.servedOn },
        after: { servedOn: input.servedOn, method: input.method },
      }),
      now,
    );
  });
}
