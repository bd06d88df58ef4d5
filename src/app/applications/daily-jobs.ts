// Daily work of the statutory clock: propose ending cases whose correction or fee period expired (arts. 30, 42;
// the handler confirms), and
// remind staff of cases due soon or overdue by email.
import type { ApplicationContext } from './ports.js';
import type { ApplicationSnapshot } from '../../domain/applications/application.js';
import { status } from '../../domain/applications/deadlines.js';
import { rulesFor } from '../../domain/applications/rules.js';
import { STATE_LABELS } from '../../domain/applications/transition-table.js';
import { lapseProposed } from '../../domain/applications/transitions.js';
import { holdsAt } from '../../domain/policies/actor.js';
import { actorOf } from '../actors.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { enqueueMail } from '../mail/outbox.js';
import { actOnApplication } from './act-on-application.js';
import { today as todayOf } from './case-context.js';

/**
 * Proposes ending the cases whose correction period (art. 30) or fee payment period (国办函〔2020〕109号) ran out
 * before today: records `propose_lapse` (once per period) and mails the handler, who checks whether the applicant
 * had a good reason and confirms (`lapse_correction` / `lapse_fee`) or accepts the late correction or payment.
 * Art. 30 deems abandoned only a failure "无正当理由", which the clock cannot know; a case whose correction, sent
 * online in time, waits for the handler is not proposed.
 * @returns the ids proposed
 */
export async function proposeLapses(ctx: ApplicationContext): Promise<string[]> {
  const today = todayOf(ctx);
  const proposed: string[] = [];
  for (const id of await ctx.repos.applications.openIds()) {
    const app = await ctx.repos.applications.byId(id);
    if (!app?.waitingUntil || app.waitingUntil >= today || lapseProposed(app)) continue;
    if (app.state !== 'awaiting_correction' && app.state !== 'awaiting_payment') continue;
    if (app.state === 'awaiting_correction' && (await correctedInTime(ctx, id, app.waitingUntil))) continue;
    await actOnApplication(ctx, null, id, 'propose_lapse', {});
    proposed.push(id);
    const handler = app.handlerId === null ? undefined : await ctx.repos.users.byId(app.handlerId);
    if (!handler?.email) continue;
    const what = app.state === 'awaiting_correction' ? '补正期限' : '缴费期限';
    await ctx.uow.run((r) =>
      enqueueMail(
        r,
        () => ctx.crypto.newId(),
        {
          to: handler.email,
          subject: `${what}已届满，请确认是否终止办理：${app.trackingCode}`,
          text: [
            `${handler.displayName || handler.username}：`,
            '',
            `政府信息公开申请 ${app.trackingCode} 的${what}已于${app.waitingUntil ?? ''}届满，申请人尚未${app.state === 'awaiting_correction' ? '补正' : '缴费'}。`,
            '请核实申请人有无正当理由：无正当理由的，确认终止办理；有正当理由的，登记其补正或缴费。',
            '',
            '请登录政务公开管理后台，在“待确认终止”中办理。',
          ].join('\n'),
          kind: 'reminder.lapse',
          refId: app.id,
        },
        ctx.clock.nowIso(),
      ),
    );
  }
  return proposed;
}

/**
 * Whether the applicant sent a correction online within the period (received on or before its last day) that waits
 * for the handler's confirmation: the applicant did correct in time, so the case is not deemed abandoned (art. 30).
 */
async function correctedInTime(ctx: ApplicationContext, id: string, lastDay: string): Promise<boolean> {
  const proposals = await ctx.repos.corrections.forApplication(id);
  return proposals.some((p) => p.state === 'pending' && p.receivedOn <= lastDay);
}

/**
 * Queues one reminder per handler (their cases due soon or overdue) and per office head (overdue
 * cases of their organization), at most once a day.
 * @returns the number of reminders queued (0 when today's were already sent)
 */
export async function enqueueDeadlineReminders(ctx: ApplicationContext): Promise<number> {
  const today = todayOf(ctx);
  if ((await ctx.repos.settings.get('mail.reminders.lastDay')) === today) return 0;
  const calendar = await loadHolidayCalendar(ctx.repos);
  const urgent: { app: ApplicationSnapshot; status: string }[] = [];
  for (const id of await ctx.repos.applications.openIds()) {
    const app = await ctx.repos.applications.byId(id);
    if (!app) continue;
    const s = status(app, today, rulesFor(app.receivedOn), calendar);
    if (s === 'due_soon' || s === 'overdue') urgent.push({ app, status: s });
  }
  const users = (await ctx.repos.users.list({ status: 'active' })).filter((u) => u.email !== '');
  const now = ctx.clock.nowIso();
  let queued = 0;
  await ctx.uow.run(async (r) => {
    for (const u of users) {
      const actor = actorOf(u);
      const mine = urgent.filter(
        (x) => x.app.handlerId === u.id || (x.status === 'overdue' && holdsAt(actor, 'office_head', x.app.orgId)),
      );
      if (mine.length === 0) continue;
      const lines = mine.map(
        (x) =>
          `${x.status === 'overdue' ? '【已超期】' : '【即将到期】'} ${x.app.trackingCode}  答复期限 ${x.app.dueOn ?? '—'}  ${STATE_LABELS[x.app.state]}`,
      );
      const text = [
        `${u.displayName || u.username}：`,
        '',
        `截至${today}，以下政府信息公开申请需要您关注：`,
        '',
        ...lines,
        '',
        '请登录政务公开管理后台办理。',
      ].join('\n');
      await enqueueMail(
        r,
        () => ctx.crypto.newId(),
        {
          to: u.email,
          subject: `依申请公开期限提醒：${mine.length}件（${today}）`,
          text,
          kind: 'reminder.deadlines',
          refId: u.id,
        },
        now,
      );
      queued += 1;
    }
    await r.settings.set('mail.reminders.lastDay', today, now);
  });
  return queued;
}
