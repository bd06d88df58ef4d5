// 提醒函: a letter to one unit listing the open findings of its websites (tasks not yet closed), numbered by the
// issuing organization's pattern for letters, with the deadline to fix; printed as HTML, written as DOCX, sent by
// email (the outbox) or marked delivered, and closed when all its findings are closed (runs.ts).
import type { Actor } from '../../domain/policies/actor.js';
import { compareDates, parseLocalDate, yearOf, type LocalDate } from '../../domain/core/local-date.js';
import { fillNumberPattern, validateDocNoPattern } from '../../domain/notices/doc-no.js';
import { ancestry, type Organization } from '../../domain/orgs/organization.js';
import { buildLetterDocument, letterHtml, type LetterDocument } from '../../domain/monitoring-registry/letter.js';
import type { LetterRenderer, MonitoringContext, MonitorLetter } from './ports.js';
import { accessOf, authorizeMonitoring } from './access.js';
import { enqueueMail } from '../mail/outbox.js';
import { conflict, invalid, notFound } from '../errors.js';
import { auditBy } from '../actors.js';

/** The setting holding the letters' number pattern; `{orgShort}` is the issuing organization's short name. */
export const LETTER_PATTERN_SETTING = 'monitoring.letterDocNoPattern';
/** The default pattern, e.g. 示例区政办网监〔2026〕3号 (GB/T 9704-2012 §7.2.4: 机关代字〔year〕serial号). */
export const DEFAULT_LETTER_PATTERN = '{orgShort}网监〔{yyyy}〕{serial}号';

async function letterPattern(repos: MonitoringContext['repos']): Promise<string> {
  const v = await repos.settings.get(LETTER_PATTERN_SETTING);
  return typeof v === 'string' && validateDocNoPattern(v).length === 0 ? v : DEFAULT_LETTER_PATTERN;
}

/** The monitoring office that signs a unit's letters: the root of the unit's tree (its 政务公开办). */
export function issuerOf(orgs: readonly Organization[], orgId: string): Organization | undefined {
  const top = ancestry(orgs, orgId)[0];
  return orgs.find((o) => o.id === top);
}

/**
 * Issues a letter to the unit about its open tasks not yet in another open letter. The issuing organization is the
 * root of the unit's tree; the deadline defaults to the latest due date of the tasks.
 * @throws AppError 'forbidden', 'not_found', 'invalid' (no open task; bad deadline)
 */
export async function issueLetter(
  ctx: MonitoringContext,
  actor: Actor | null,
  orgId: string,
  opts: { deadlineOn?: string } = {},
): Promise<MonitorLetter> {
  const access = await authorizeMonitoring(ctx.repos, actor, 'monitoring.manage', orgId);
  const unit = access.orgs.find((o) => o.id === orgId);
  if (!unit) throw notFound('机构');
  const tasks = (await ctx.repos.monitoring.tasks({ orgIds: [orgId], states: ['open', 'fixed'] })).filter(
    (t) => t.letterId === null,
  );
  if (tasks.length === 0) throw invalid('该单位没有尚未提醒的整改任务', { orgId: '该单位没有尚未提醒的整改任务' });
  let deadline = tasks.map((t) => t.dueOn).sort(compareDates)[tasks.length - 1] as LocalDate;
  if (opts.deadlineOn && opts.deadlineOn.trim() !== '') {
    const d = parseLocalDate(opts.deadlineOn.trim());
    if (!d.ok || compareDates(d.value, ctx.clock.today()) < 0) {
      throw invalid('整改期限应为今天或以后的有效日期', { deadlineOn: '整改期限应为今天或以后的有效日期' });
    }
    deadline = d.value;
  }
  const issuer = issuerOf(access.orgs, orgId) ?? unit;
  const pattern = await letterPattern(ctx.repos);
  const now = ctx.clock.nowIso();
  const year = yearOf(ctx.clock.today());
  return ctx.uow.run(async (r) => {
    const serial = await r.counters.next(`monitor-letter:${issuer.id}:${year}`);
    const docNo = fillNumberPattern(pattern, serial, (t) =>
      t === 'orgShort'
        ? issuer.shortName || issuer.name
        : t === 'yyyy'
          ? String(year)
          : t === 'yy'
            ? String(year).slice(2)
            : '',
    );
    const letter: MonitorLetter = {
      id: ctx.crypto.newId(),
      orgId,
      docNo,
      deadlineOn: deadline,
      state: 'issued',
      recipientEmail: null,
      createdBy: actor?.userId ?? null,
      createdAt: now,
      sentAt: null,
      deliveredAt: null,
      closedAt: null,
    };
    await r.monitoring.insertLetter(letter);
    for (const t of tasks) await r.monitoring.updateTask(t.id, { letterId: letter.id, updatedAt: now });
    await r.audit.append(
      auditBy(actor, {
        action: 'monitoring.letter_issued',
        entityType: 'monitor_letter',
        entityId: letter.id,
        orgId,
        before: null,
        after: { docNo, deadlineOn: deadline, findings: tasks.length, issuer: issuer.name },
      }),
      now,
    );
    return letter;
  });
}

/** A letter as shown: the record, its document, its tasks' states and what the actor may do. */
export type LetterView = {
  letter: MonitorLetter;
  unitName: string;
  document: LetterDocument;
  html: string;
  open: number;
  total: number;
  canManage: boolean;
};

/**
 * A letter with its document (the tasks' findings as they are now).
 * @throws AppError 'not_found'
 */
export async function letterView(ctx: MonitoringContext, actor: Actor | null, letterId: string): Promise<LetterView> {
  const letter = await ctx.repos.monitoring.letterById(letterId);
  if (!letter) throw notFound('提醒函');
  const access = await accessOf(ctx.repos, actor);
  if (!access.may('monitoring.read', letter.orgId) && !access.may('monitoring.task.fix', letter.orgId)) {
    throw notFound('提醒函');
  }
  const tasks = await ctx.repos.monitoring.tasks({ letterId });
  const sites = await ctx.repos.monitoring.sites();
  const items = [];
  for (const t of tasks) {
    const f = await ctx.repos.monitoring.findingById(t.findingId);
    if (!f) continue;
    const site = sites.find((s) => s.id === f.siteId);
    items.push({
      site: site?.name ?? '',
      where: f.column ? `栏目：${f.column}` : (f.url ?? ''),
      problem: f.message,
      dueOn: t.dueOn,
    });
  }
  const unit = access.orgs.find((o) => o.id === letter.orgId);
  const issuer = issuerOf(access.orgs, letter.orgId);
  const document = buildLetterDocument({
    docNo: letter.docNo,
    unitName: unit?.name ?? '',
    issuerName: issuer?.name ?? '',
    issuedOn: ctx.clock.dateOf(letter.createdAt),
    deadlineOn: letter.deadlineOn,
    items,
  });
  return {
    letter,
    unitName: unit?.name ?? '',
    document,
    html: letterHtml(document),
    open: tasks.filter((t) => t.state !== 'closed').length,
    total: tasks.length,
    canManage: access.may('monitoring.manage', letter.orgId),
  };
}

/** The letter as DOCX (GB/T 9704 layout). */
export async function letterDocx(
  ctx: MonitoringContext & { letterRenderer: LetterRenderer },
  actor: Actor | null,
  letterId: string,
): Promise<{ name: string; bytes: Uint8Array }> {
  const view = await letterView(ctx, actor, letterId);
  return { name: `${view.letter.docNo}.docx`, bytes: await ctx.letterRenderer.letterDocx(view.document) };
}

/**
 * Sends the letter by email (queued in the outbox, sent by the background job) to the address given.
 * @throws AppError 'invalid' (bad address), 'conflict' (closed), 'forbidden', 'not_found'
 */
export async function sendLetter(ctx: MonitoringContext, actor: Actor | null, letterId: string, to: string) {
  const view = await letterView(ctx, actor, letterId);
  await authorizeMonitoring(ctx.repos, actor, 'monitoring.manage', view.letter.orgId);
  const address = to.trim();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) {
    throw invalid('请填写有效的电子邮箱', { email: '请填写有效的电子邮箱' });
  }
  if (view.letter.state === 'closed') throw conflict('该提醒函所列问题已全部整改');
  const now = ctx.clock.nowIso();
  const text = [
    view.document.title,
    view.document.docNo,
    '',
    view.document.addressee,
    ...view.document.paragraphs,
    '',
    view.document.signature.orgName,
    view.document.signature.date,
  ].join('\n');
  await ctx.uow.run(async (r) => {
    await enqueueMail(
      r,
      ctx.crypto.newId,
      {
        to: address,
        subject: `${view.document.title}（${view.letter.docNo}）`,
        text,
        kind: 'monitor_letter',
        refId: letterId,
      },
      now,
    );
    await r.monitoring.updateLetter(letterId, { state: 'sent', recipientEmail: address, sentAt: now });
    await r.audit.append(
      auditBy(actor, {
        action: 'monitoring.letter_sent',
        entityType: 'monitor_letter',
        entityId: letterId,
        orgId: view.letter.orgId,
        before: { state: view.letter.state },
        after: { state: 'sent', to: address },
      }),
      now,
    );
  });
}

/**
 * Records that the letter was delivered (by hand, by fax…).
 * @throws AppError 'conflict' (closed), 'forbidden', 'not_found'
 */
export async function markLetterDelivered(ctx: MonitoringContext, actor: Actor | null, letterId: string) {
  const letter = await ctx.repos.monitoring.letterById(letterId);
  if (!letter) throw notFound('提醒函');
  await authorizeMonitoring(ctx.repos, actor, 'monitoring.manage', letter.orgId);
  if (letter.state === 'closed') throw conflict('该提醒函所列问题已全部整改');
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.monitoring.updateLetter(letterId, { state: 'delivered', deliveredAt: now });
    await r.audit.append(
      auditBy(actor, {
        action: 'monitoring.letter_delivered',
        entityType: 'monitor_letter',
        entityId: letterId,
        orgId: letter.orgId,
        before: { state: letter.state },
        after: { state: 'delivered' },
      }),
      now,
    );
  });
}
