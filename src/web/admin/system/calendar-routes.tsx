/** @jsxImportSource hono/jsx */
// Back-office working-day calendar: the year grid, due-date calculator, override days, schedule import.
import type { Context, Hono } from 'hono';
import { dueDate, importSchedule, removeCalendarOverride, setCalendarOverride } from '../../../app/calendar/calendar.js';
import { AppError } from '../../../app/errors.js';
import type { Actor } from '../../../domain/policies/actor.js';
import { canAdmin } from '../../../domain/policies/admin-policy.js';
import { readForm, requireActor, statusOf, str } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import { CalendarPage, yearGrid, type CalendarPageModel } from './calendar-views.js';

const FLASH: Record<string, string> = {
  imported: '放假安排已导入，相关暂定期限已重新计算。',
  override_set: '调整日已保存。',
  override_removed: '调整日已删除。',
};

type Extra = Pick<CalendarPageModel, 'flash' | 'due' | 'overrideForm' | 'importError'>;

/** Registers /admin/calendar and its forms. */
export function registerCalendarRoutes(app: Hono<WebEnv>): void {
  app.get('/admin/calendar', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const year = yearParam(c.req.query('year'), c.get('ctx').clock.today());
    const due = await computeDue(c, c.req.query('start'), c.req.query('days'));
    return render(c, actor, year, { due, flash: FLASH[c.req.query('flash') ?? ''] }, due?.error ? 422 : 200);
  });

  app.post('/admin/calendar/overrides', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const form = await readForm(c);
    const values = { date: str(form, 'date').trim(), working: str(form, 'working'), reason: str(form, 'reason') };
    const year = yearParam(values.date.slice(0, 4), c.get('ctx').clock.today());
    try {
      await setCalendarOverride(c.get('ctx'), actor, values.date, values.working === '1', values.reason);
      return c.redirect(`/admin/calendar?year=${year}&flash=override_set#overrides`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return render(
        c,
        actor,
        year,
        { overrideForm: { values, errors: e.fieldErrors, message: e.message } },
        statusOf(e),
      );
    }
  });

  app.post('/admin/calendar/overrides/:date/delete', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const date = c.req.param('date');
    const year = yearParam(date.slice(0, 4), c.get('ctx').clock.today());
    try {
      await removeCalendarOverride(c.get('ctx'), actor, date);
      return c.redirect(`/admin/calendar?year=${year}&flash=override_removed#overrides`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return render(c, actor, year, { overrideForm: { values: {}, errors: {}, message: e.message } }, statusOf(e));
    }
  });

  app.post('/admin/calendar/import', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const year = yearParam(undefined, c.get('ctx').clock.today());
    const upload = await readUpload(c);
    if ('error' in upload) return render(c, actor, year, { importError: { message: upload.error, lines: [] } }, 422);
    try {
      const r = await importSchedule(c.get('ctx'), actor, upload.text, upload.name);
      if (r.ok) return c.redirect(`/admin/calendar?year=${r.years[0] ?? year}&flash=imported`, 303);
      const message = `文件“${upload.name}”有 ${r.errors.length} 处错误，未导入任何内容。请更正后重新上传：`;
      return render(c, actor, year, { importError: { message, lines: r.errors } }, 422);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return render(c, actor, year, { importError: { message: e.message, lines: [] } }, statusOf(e));
    }
  });
}

/** The year to show: a 4-digit year from the query, else the current year. */
function yearParam(raw: string | undefined, today: string): number {
  const y = Number(raw);
  return raw && /^\d{4}$/.test(raw) && y >= 1000 ? y : Number(today.slice(0, 4));
}

async function computeDue(
  c: Context<WebEnv>,
  start: string | undefined,
  days: string | undefined,
): Promise<CalendarPageModel['due']> {
  if (start === undefined || start === '') {
    return days === undefined ? undefined : { start: '', days, error: '请填写起算日' };
  }
  const typed = (days ?? '').trim();
  const shown = { start, days: typed === '' ? '20' : typed };
  try {
    return { ...shown, result: await dueDate(c.get('ctx'), start.trim(), Number(shown.days)) };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { ...shown, error: e.message };
  }
}

/** Reads the uploaded schedule file: a UTF-8 `.txt` file, at most the configured upload size. */
async function readUpload(c: Context<WebEnv>): Promise<{ text: string; name: string } | { error: string }> {
  const body = await c.req.parseBody();
  const file = body.file;
  if (!(file instanceof File) || file.size === 0) return { error: '请选择要上传的放假安排文件（.txt）' };
  if (!/\.txt$/i.test(file.name)) return { error: `只能上传 .txt 文本文件，“${file.name}”不是` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()), name: file.name };
  } catch {
    return { error: `文件“${file.name}”不是 UTF-8 编码的文本，请另存为 UTF-8 后重新上传` };
  }
}

/** Loads what the page shows for a year and renders it with the given status. */
async function render(
  c: Context<WebEnv>,
  actor: Actor,
  year: number,
  extra: Extra,
  status: 200 | 400 | 401 | 403 | 404 | 409 | 422 | 423,
) {
  const ctx = c.get('ctx');
  const [days, overrides, years, orgs] = await Promise.all([
    ctx.repos.calendar.days({ from: `${year}-01-01`, to: `${year}-12-31` }),
    ctx.repos.calendar.overrides(),
    ctx.repos.calendar.years(),
    ctx.repos.orgs.list(),
  ]);
  const roots = orgs.filter((o) => o.parentId === null).map((o) => o.id);
  const loaded = years.find((y) => y.year === year);
  const model: CalendarPageModel = {
    actor,
    csrf: c.get('csrf'),
    year,
    today: ctx.clock.today(),
    source: loaded ? { source: loaded.source, loadedAt: loaded.loadedAt } : null,
    publishedYears: years.map((y) => y.year),
    months: yearGrid(
      year,
      days,
      overrides.filter((o) => o.date.startsWith(String(year))),
    ),
    overrides,
    canEdit: canAdmin(actor, 'calendar.update', null, roots),
    ...extra,
  };
  return c.html(<CalendarPage {...model} />, status);
}
