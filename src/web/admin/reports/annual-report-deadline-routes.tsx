/** @jsxImportSource hono/jsx */
// Routes of the annual report's deadline settings (issue 5; SPEC §1.8): `/admin/reports/deadlines`
// (GET, `?year=`), `POST …/orgs/:orgId` (set or clear an organization's internal date, inherited by
// the units below it) and `POST …/unregulated` (the date of townships, streets and other bodies).
// Handlers are thin: parse → use case → render; the use cases decide permissions. Register before
// the `/admin/reports/:orgId/:year` routes.
import type { Context, Hono } from 'hono';
import { AppError } from '../../../app/errors.js';
import { listReportDeadlines } from '../../../app/reports/report-deadline-queries.js';
import { setInternalReportDue, setUnregulatedReportDue } from '../../../app/reports/report-settings.js';
import type { Actor } from '../../../domain/policies/actor.js';
import { readForm, requireActor, str } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import { notFoundPage } from '../../common/pages.js';
import { parseYear } from './annual-report-common.js';
import { DeadlinesPage, UNREGULATED_DEADLINE_PATH, orgDueKey } from './annual-report-deadline-views.js';
import { REPORT_DEADLINES_PATH, ReportForbiddenPage } from './annual-report-views.js';

type C = Context<WebEnv>;

const FLASH: Record<string, string> = {
  set: '内部报送期限已保存，本机构及未单独设置的下级单位按此期限报送。',
  cleared: '内部报送期限已清除，恢复沿用上级设置或法定期限。',
  unregulated: '乡镇、街道等单位的报告期限已保存。',
};

const YEAR_ERROR = '年度应为 2019 年以后的四位数字，如 2025';

const denied = (c: C, actor: Actor) =>
  c.html(
    <ReportForbiddenPage
      actor={actor}
      csrf={c.get('csrf')}
      message="只有上级政务公开办（监督）或系统管理员可以设置年度报告的报送期限"
    />,
    403,
  );

/** A supported report year from the text, or undefined. */
const validYear = (text: string): number | undefined => {
  const year = parseYear(text);
  return year !== undefined && year >= 2019 ? year : undefined;
};

/** The report year shown by default: last year's reports are the ones due. */
const defaultYear = (c: C): number => Number(c.get('ctx').clock.today().slice(0, 4)) - 1;

type Extra = {
  yearText?: string;
  flash?: string;
  values?: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
};

/** Renders the settings page (403 when the actor may configure nothing). */
async function show(c: C, actor: Actor, extra: Extra = {}, status: 200 | 422 = 200): Promise<Response> {
  const yearText = (extra.yearText ?? String(defaultYear(c))).trim();
  const year = validYear(yearText);
  let deadlines;
  try {
    deadlines = await listReportDeadlines(c.get('ctx'), actor, year ?? defaultYear(c));
  } catch (e) {
    if (e instanceof AppError && e.code === 'forbidden') return denied(c, actor);
    throw e;
  }
  const base = {
    actor,
    csrf: c.get('csrf'),
    flash: extra.flash,
    yearText,
    values: extra.values,
    message: extra.message,
  };
  if (year === undefined) {
    const errors = { ...extra.errors, year: YEAR_ERROR };
    return c.html(
      <DeadlinesPage
        {...base}
        errors={errors}
        unregulatedDue={deadlines.unregulatedDue}
        canSetUnregulated={deadlines.canSetUnregulated}
      />,
      status === 200 ? 400 : status,
    );
  }
  return c.html(<DeadlinesPage {...base} errors={extra.errors} deadlines={deadlines} />, status);
}

/** Where to go after a change: the page of the year the form was sent from. */
const back = (yearText: string, flash: string, anchor = ''): string => {
  const q = new URLSearchParams();
  const year = validYear(yearText);
  if (year !== undefined) q.set('year', String(year));
  q.set('flash', flash);
  return `${REPORT_DEADLINES_PATH}?${q.toString()}${anchor}`;
};

/** Registers the deadline settings page and its forms. */
export function registerAnnualReportDeadlineRoutes(app: Hono<WebEnv>): void {
  app.get(REPORT_DEADLINES_PATH, async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    return show(c, actor, { yearText: c.req.query('year'), flash: FLASH[c.req.query('flash') ?? ''] });
  });

  app.post(UNREGULATED_DEADLINE_PATH, async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const form = await readForm(c);
    const typed = str(form, 'unregulatedDue');
    const yearText = str(form, 'year');
    try {
      await setUnregulatedReportDue(c.get('ctx'), actor, typed);
      return c.redirect(back(yearText, 'unregulated'), 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'forbidden') return denied(c, actor);
      if (e.code !== 'invalid') throw e;
      const error = e.fieldErrors.unregulatedDue ?? e.message;
      return show(
        c,
        actor,
        {
          yearText,
          values: { unregulatedDue: typed },
          errors: { unregulatedDue: error },
          message: `${e.message}，未保存`,
        },
        422,
      );
    }
  });

  app.post(`${REPORT_DEADLINES_PATH}/orgs/:orgId`, async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const orgId = c.req.param('orgId');
    const form = await readForm(c);
    const typed = str(form, 'internalDue');
    const clear = str(form, 'action') === 'clear';
    const yearText = str(form, 'year');
    try {
      const set = await setInternalReportDue(c.get('ctx'), actor, orgId, clear ? null : typed);
      return c.redirect(back(yearText, set === null ? 'cleared' : 'set', `#org-${orgId}`), 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'forbidden') return denied(c, actor);
      if (e.code === 'not_found') return c.html(notFoundPage(), 404);
      if (e.code !== 'invalid') throw e;
      const key = orgDueKey(orgId);
      const error = e.fieldErrors.internalDue ?? e.message;
      return show(
        c,
        actor,
        { yearText, values: { [key]: typed }, errors: { [key]: error }, message: `${e.message}，未保存` },
        422,
      );
    }
  });
}
