/** @jsxImportSource hono/jsx */
// Back-office working-day calendar: the year grid, due-date calculator, override days, schedule import.
// Thin handlers: parse → use case or query (which authorizes) → render; errors go to the pipeline.
import type { Hono } from 'hono';
import {
  dueDate,
  importSchedule,
  removeCalendarOverride,
  setCalendarOverride,
} from '../../../app/calendar/calendar.js';
import { calendarPage } from '../../../app/calendar/calendar-page.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import { flashOf, formAction, parseBody, readQuery, valueOf } from '../../common/pipeline.js';
import { integer, optionalLocalDate, optionalYear, parseQuery, text, z } from '../../common/validation.js';
import { CalendarPage, type CalendarPageModel } from './calendar-views.js';

const FLASH: Record<string, string> = {
  imported: '放假安排已导入，相关暂定期限已重新计算。',
  override_set: '调整日已保存。',
  override_removed: '调整日已删除。',
};

/** The page's query: the year shown, and the due-date calculator (blank days count as 20). */
const pageQuery = {
  year: optionalYear(),
  start: optionalLocalDate('日期格式应为 YYYY-MM-DD'),
  days: z.preprocess((v) => (v === '' ? '20' : v), integer('工作日天数应为 0 到 2500 之间的整数', 0, 2500)),
};

/** The override form as typed (the use case checks the date and the reason at once). */
const overrideForm = z.object({ date: text(20), working: text(1), reason: text(500) });

type Extra = Pick<CalendarPageModel, 'flash' | 'due' | 'overrideForm' | 'importError'>;

/** Registers /admin/calendar and its forms. */
export function registerCalendarRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/calendar', async (c) => {
    const raw = readQuery(c);
    const { value: q, errors } = parseQuery(pageQuery, raw);
    const year = yearOf(c, q.year);
    const flash = flashOf(c, FLASH);
    if (raw.start === undefined || raw.start === '') {
      // Days without a start: the calculator was submitted empty.
      const due = raw.days === undefined ? undefined : { start: '', days: valueOf(raw, 'days'), error: '请填写起算日' };
      return render(c, year, { due, flash }, due ? 422 : 200);
    }
    const shown = { start: valueOf(raw, 'start'), days: valueOf(raw, 'days').trim() || '20' };
    const error = errors.start ?? errors.days;
    if (error !== undefined || q.start === undefined || q.days === undefined) {
      return render(c, year, { due: { ...shown, error }, flash }, 422);
    }
    const result = await dueDate(c.get('ctx'), q.start, q.days);
    return render(c, year, { due: { ...shown, result }, flash }, 200);
  });

  admin.post('/admin/calendar/overrides', (c) =>
    formAction(c, {
      schema: overrideForm,
      run: async ({ date, working, reason }) => {
        await setCalendarOverride(c.get('ctx'), c.get('actor'), date, working === '1', reason);
        return yearOf(c, date);
      },
      done: (year) => c.redirect(`/admin/calendar?year=${year}&flash=override_set#overrides`, 303),
      again: (state) => {
        const values = Object.fromEntries(['date', 'working', 'reason'].map((k) => [k, valueOf(state.values, k)]));
        const year = yearOf(c, values.date);
        return page(c, year, { overrideForm: { values, errors: state.errors, message: state.message ?? '' } });
      },
    }),
  );

  admin.post('/admin/calendar/overrides/:date/delete', async (c) => {
    const date = c.req.param('date');
    await removeCalendarOverride(c.get('ctx'), c.get('actor'), date);
    return c.redirect(`/admin/calendar?year=${yearOf(c, date)}&flash=override_removed#overrides`, 303);
  });

  admin.post('/admin/calendar/import', async (c) => {
    const year = yearOf(c);
    const upload = await readUpload(c);
    if ('error' in upload) return render(c, year, { importError: { message: upload.error, lines: [] } }, 422);
    const r = await importSchedule(c.get('ctx'), c.get('actor'), upload.text, upload.name);
    if (r.ok) return c.redirect(`/admin/calendar?year=${r.years[0] ?? year}&flash=imported`, 303);
    const message = `文件“${upload.name}”有 ${r.errors.length} 处错误，未导入任何内容。请更正后重新上传：`;
    return render(c, year, { importError: { message, lines: r.errors } }, 422);
  });
}

/** The year to show: a year given (a number, or the first four characters of a typed date), else this year. */
function yearOf(c: StaffContext, given?: number | string): number {
  const y = typeof given === 'string' ? (/^\d{4}/.test(given) ? Number(given.slice(0, 4)) : NaN) : given;
  return y !== undefined && y >= 1000 ? y : Number(c.get('ctx').clock.today().slice(0, 4));
}

/** Reads the uploaded schedule file: a UTF-8 `.txt` file, at most the configured upload size. */
async function readUpload(c: StaffContext): Promise<{ text: string; name: string } | { error: string }> {
  const body = await parseBody(c);
  const file = body.file;
  if (!(file instanceof File) || file.size === 0) return { error: '请选择要上传的放假安排文件（.txt）' };
  if (!/\.txt$/i.test(file.name)) return { error: `只能上传 .txt 文本文件，“${file.name}”不是` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()), name: file.name };
  } catch {
    return { error: `文件“${file.name}”不是 UTF-8 编码的文本，请另存为 UTF-8 后重新上传` };
  }
}

/** The page of a year with a form's values and errors. */
async function page(c: StaffContext, year: number, extra: Extra) {
  const data = await calendarPage(c.get('ctx'), c.get('actor'), year);
  return <CalendarPage {...data} {...staffPage(c)} {...extra} />;
}

async function render(c: StaffContext, year: number, extra: Extra, status: 200 | 422) {
  return c.html(await page(c, year, extra), status);
}
