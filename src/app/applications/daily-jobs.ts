// Daily work of the statutory clock: lapse expired correction and fee periods (arts. 30, 42), and
// remind staff of cases due soon or overdue by email.
import type { ApplicationContext } from './ports.js';
import type { ApplicationSnapshot } from '../../domain/applications/application.js';
import { status } from '../../domain/applications/deadlines.js';
import { rulesFor } from '../../domain/applications/rules.js';
import { STATE_LABELS } from '../../domain/applications/transition-table.js';
import { holdsAt } from '../../domain/policies/actor.js';
import { actorOf } from '../actors.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { enqueueMail } from '../mail/outbox.js';
import { actOnApplication } from './act-on-application.js';
import { today as todayOf } from './case-context.js';

/**
 * Ends cases whose correction period (art. 30: deemed abandoned) or fee payment period (measures:
 * deemed abandoned) ran out before today, as `other.correction_lapsed` / `other.fee_unpaid` — not a case
 * whose correction, sent online in time, waits for the handler.
 * @returns the ids lapsed
 */
export async function sweepLapses(ctx: ApplicationContext): Promise<string[]> {
  const today = todayOf(ctx);
  const lapsed: string[] = [];
  for (const id of await ctx.repos.applications.openIds()) {
    const app = await ctx.repos.applications.byId(id);
    if (!app?.waitingUntil || app.waitingUntil >= today) continue;
    const action =
      app.state === 'awaiting_correction' ? 'lapse_correction' : app.state === 'awaiting_payment' ? 'lapse_fee' : null;
    if (!action) continue;
    if (action === 'lapse_correction' && (await correctedInTime(ctx, id, app.waitingUntil))) continue;
    await actOnApplication(ctx, null, id, action, {});
    lapsed.push(id);
  }
  return lapsed;
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
