// The workflow of the 政府网站工作年度报表 (国办函〔2018〕12号): the entered values are edited on a form, a second
// person reviews (编审分离), and the report is published on the portal (and, when the unit keeps its disclosure
// catalogue in gongkai, drafted as a publication that goes through the review chain like any other).
import type { Actor } from '../../domain/policies/actor.js';
import { checkValue } from '../../domain/website-report/fields.js';
import {
  REPORT_STATE_LABELS,
  refusalOf,
  reviewerRefusal,
  type ReportMove,
} from '../../domain/website-report/report.js';
import { isWebAddress } from '../../domain/monitoring-registry/registry.js';
import { escapeHtml } from '../../domain/core/text.js';
import type { AppContext } from '../context.js';
import { actorLabel, auditBy } from '../actors.js';
import { conflict, invalid } from '../errors.js';
import { reportOfActor } from './access.js';
import { reportFields } from './settings.js';
import { createDraft } from '../publications/drafts.js';
import { ensureCatalogue } from '../publications/catalogue.js';

/** What the workflow uses. */
export type WorkflowContext = Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto'>;

async function load(ctx: WorkflowContext, actor: Actor | null, id: string, move: ReportMove) {
  const found = await reportOfActor(ctx, actor, id);
  const refusal = refusalOf(found.report.state, move);
  if (refusal) throw conflict(refusal);
  return found;
}

/**
 * Saves the entered values (fields gongkai did not fill). Every value is checked at once; a refused form loses
 * nothing (the caller shows it again with what was typed).
 * @throws AppError 'not_found', 'conflict' (not a draft), 'invalid' (field errors keyed by field id)
 */
export async function saveEnteredValues(
  ctx: WorkflowContext,
  actor: Actor | null,
  id: string,
  input: Readonly<Record<string, string>>,
): Promise<void> {
  const { report, site } = await load(ctx, actor, id, 'edit');
  const { fields } = await reportFields(ctx);
  const errors: Record<string, string> = {};
  const values = { ...report.values };
  for (const field of fields) {
    if (field.id in report.filled) continue;
    const raw = input[field.id];
    if (raw === undefined) continue;
    const checked = checkValue(field, raw);
    if (checked.ok) values[field.id] = checked.value;
    else errors[field.id] = checked.error;
  }
  if (Object.keys(errors).length > 0) throw invalid('请修改标出的内容', errors);
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.websiteReports.update(id, {
      values,
      editedBy: actor?.userId ?? null,
      editedLabel: actorLabel(actor),
      actorId: actor?.userId ?? null,
      actorLabel: actorLabel(actor),
      updatedAt: now,
    });
    const changed = Object.keys(values).filter((k) => values[k] !== report.values[k]);
    await r.audit.append(
      auditBy(actor, {
        action: 'website_report.edited',
        entityType: 'website_report',
        entityId: id,
        orgId: site.orgId,
        before: Object.fromEntries(changed.map((k) => [k, report.values[k] ?? ''])),
        after: Object.fromEntries(changed.map((k) => [k, values[k]])),
      }),
      now,
    );
  });
}

/**
 * Approves a draft. 编审分离: not by the user who last filled or edited it.
 * @throws AppError 'not_found', 'conflict' (not a draft; the reviewer edited it)
 */
export async function reviewWebsiteReport(ctx: WorkflowContext, actor: Actor | null, id: string): Promise<void> {
  const { report, site } = await load(ctx, actor, id, 'review');
  const refusal = reviewerRefusal(report, actor);
  if (refusal) throw conflict(refusal);
  const now = ctx.clock.nowIso();
  await move(ctx, actor, id, site.orgId, 'website_report.reviewed', report.state, 'reviewed', {
    reviewedBy: actor?.userId ?? null,
    reviewedLabel: actorLabel(actor),
    reviewedAt: now,
  });
}

/**
 * Sends a reviewed report back to draft (to correct it before publication).
 * @throws AppError 'not_found', 'conflict' (not reviewed)
 */
export async function reopenWebsiteReport(ctx: WorkflowContext, actor: Actor | null, id: string): Promise<void> {
  const { report, site } = await load(ctx, actor, id, 'reopen');
  await move(ctx, actor, id, site.orgId, 'website_report.reopened', report.state, 'draft', {
    reviewedBy: null,
    reviewedLabel: '',
    reviewedAt: null,
  });
}

/**
 * Publishes a reviewed report: it shows on the portal's page of reports, and counts as filed today
 * (国办函〔2018〕12号: published on the site by 31 January). `publicationUrl` is the address it is published at.
 * @throws AppError 'not_found', 'conflict' (not reviewed), 'invalid' (the address)
 */
export async function publishWebsiteReport(
  ctx: WorkflowContext,
  actor: Actor | null,
  id: string,
  publicationUrl: string,
): Promise<void> {
  const { report, site } = await load(ctx, actor, id, 'publish');
  const url = publicationUrl.trim();
  if (url !== '' && !isWebAddress(url) && !url.startsWith('/')) {
    throw invalid('发布地址有误', { publicationUrl: '发布地址应以 http:// 或 https:// 开头' });
  }
  const now = ctx.clock.nowIso();
  await move(ctx, actor, id, site.orgId, 'website_report.published', report.state, 'published', {
    filedAt: now,
    publicationUrl: url,
  });
}

async function move(
  ctx: WorkflowContext,
  actor: Actor | null,
  id: string,
  orgId: string,
  action: string,
  from: keyof typeof REPORT_STATE_LABELS,
  to: keyof typeof REPORT_STATE_LABELS,
  patch: Parameters<WorkflowContext['repos']['websiteReports']['update']>[1],
): Promise<void> {
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.websiteReports.update(id, {
      ...patch,
      state: to,
      actorId: actor?.userId ?? null,
      actorLabel: actorLabel(actor),
      updatedAt: now,
    });
    await r.audit.append(
      auditBy(actor, {
        action,
        entityType: 'website_report',
        entityId: id,
        orgId,
        before: { state: REPORT_STATE_LABELS[from] },
        after: { state: REPORT_STATE_LABELS[to], ...patch },
      }),
      now,
    );
  });
}

/** The category a report is filed under in the catalogue: a column named for 网站年报/年度报表, else 其他文件. */
async function reportCategory(ctx: Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto'>, orgId: string) {
  await ensureCatalogue(ctx, orgId);
  const cats = (await ctx.repos.categories.list(orgId)).filter((c) => c.kind === 'category' && !c.retiredAt);
  const cat =
    cats.find((c) => /网站.*(年报|年度报表)/.test(c.name)) ??
    cats.find((c) => c.statutoryKey === 'policy-other') ??
    cats[0];
  if (!cat) throw invalid('主办单位的目录中没有可发布信息的栏目');
  return cat.id;
}

/**
 * Drafts a publication of the 主办单位 carrying the report's table (a reviewed or published report), to go through
 * the review chain into the 政府信息公开 catalogue. The actor must be an editor of the 主办单位 (the drafting's own
 * check).
 * @returns the draft's id and 索引号
 * @throws AppError 'not_found', 'conflict' (a draft report, or one already drafted), 'forbidden'
 */
export async function draftReportPublication(
  ctx: Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto' | 'sanitizer'>,
  actor: Actor,
  id: string,
): Promise<{ id: string; indexNo: string }> {
  const { report, site, access } = await reportOfActor(ctx, actor, id);
  if (report.state === 'draft') throw conflict('报表须先经审核才能生成主动公开信息');
  if (report.publicationId !== null) throw conflict('该报表已生成主动公开信息');
  const { fields } = await reportFields(ctx);
  const org = access.orgs.find((o) => o.id === site.orgId);
  const rows = fields
    .map((f) => {
      const v = report.values[f.id] ?? '';
      const unit = v !== '' && f.unit !== '文本' && f.unit !== '是/否' ? f.unit : '';
      return `<tr><td>${escapeHtml(f.group)}</td><td>${escapeHtml(f.label)}</td><td>${escapeHtml(v + unit)}</td></tr>`;
    })
    .join('');
  const title = `${site.name}政府网站工作年度报表（${report.year}年度）`;
  const body = `<p>${escapeHtml(title)}</p><table><thead><tr><th>分组</th><th>指标</th><th>数值</th></tr></thead><tbody>${rows}</tbody></table>`;
  const draft = await createDraft(ctx, actor, {
    org: site.orgId,
    title,
    kind: 'other_document',
    category: await reportCategory(ctx, site.orgId),
    writtenOn: ctx.clock.today(),
    publisher: org?.name ?? '',
    summary: `${site.name}${report.year}年度政府网站工作年度报表（国办函〔2018〕12号）。`,
    keywords: '政府网站,工作年度报表',
    disclosure: 'proactive',
    body,
  });
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.websiteReports.update(id, { publicationId: draft.id, updatedAt: now });
    await r.audit.append(
      auditBy(actor, {
        action: 'website_report.drafted',
        entityType: 'website_report',
        entityId: id,
        orgId: site.orgId,
        before: null,
        after: { publication: draft.indexNo },
      }),
      now,
    );
  });
  return draft;
}
