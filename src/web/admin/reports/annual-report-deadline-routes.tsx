/** @jsxImportSource hono/jsx */
// Routes of the annual report's deadline settings (《政府信息公开条例》第四十九条 and the internal dates of
// the supervising offices): `/admin/reports/deadlines` (GET, `?year=`), `POST …/orgs/:orgId` (set or clear
// an organization's internal date, inherited by the units below it), `POST …/unregulated` (the date of
// townships, streets and other bodies) and `POST …/review-counting` (the section 四 counting rule).
// Thin handlers: parse → use case (which authorizes) → render.
// Register before the `/admin/reports/:orgId/:year` routes.
import type { Hono } from 'hono';
import { listReportDeadlines } from '../../../app/reports/report-deadline-queries.js';
import {
  setInternalReportDue,
  setReviewCountingRule,
  setUnregulatedReportDue,
} from '../../../app/reports/report-settings.js';
import type { StaffContext, StaffEnv } from '../../common/env.js';
import { formAction, readQuery, valueOf, type FormState } from '../../common/pipeline.js';
import { parseQuery, text, z, type FieldErrors } from '../../common/validation.js';
import {
  DeadlinesPage,
  REVIEW_COUNTING_PATH,
  UNREGULATED_DEADLINE_PATH,
  orgDueKey,
} from './annual-report-deadline-views.js';
import { REPORT_DEADLINES_PATH } from './annual-report-views.js';
import { reportYear } from './report-query.js';

const FLASH: Record<string, string> = {
  set: '内部报送期限已保存，本机构及未单独设置的下级单位按此期限报送。',
  cleared: '内部报送期限已清除，恢复沿用上级设置或法定期限。',
  unregulated: '乡镇、街道等单位的报告期限已保存。',
  counting: '复议、诉讼案件的统计口径已保存，年度报告第四部分和复议诉讼登记按新口径统计。',
};

/** The year as typed (query string or the forms' hidden field), and the year it names when valid. */
const yearOf = (typed: string) => ({ typed, ...parseQuery({ year: reportYear() }, { year: typed }) });

type Extra = { flash?: string; values?: Record<string, string>; errors?: FieldErrors; message?: string };

/**
 * The settings page of the year typed (blank: last year, whose reports are due); a bad year shows the
 * township default only, with the error.
 */
async function deadlinesPage(c: StaffContext, yearText: string, extra: Extra = {}) {
  const lastYear = Number(c.get('ctx').clock.today().slice(0, 4)) - 1;
  const { typed, value, errors } = yearOf(yearText.trim() || String(lastYear));
  const deadlines = await listReportDeadlines(c.get('ctx'), c.get('actor'), value.year ?? lastYear);
  const page = { actor: c.get('actor'), csrf: c.get('csrf'), yearText: typed, ...extra };
  if (value.year === undefined) {
    return (
      <DeadlinesPage
        {...page}
        errors={{ ...extra.errors, ...errors }}
        unregulatedDue={deadlines.unregulatedDue}
        canSetUnregulated={deadlines.canSetUnregulated}
        reviewCounting={deadlines.reviewCounting}
      />
    );
  }
  return <DeadlinesPage {...page} deadlines={deadlines} reviewCounting={deadlines.reviewCounting} />;
}

/** Where to go after a change: the page of the year the form was sent from. */
const back = (yearText: string, flash: string, anchor = ''): string => {
  const q = new URLSearchParams();
  const { year } = yearOf(yearText).value;
  if (year !== undefined) q.set('year', String(year));
  q.set('flash', flash);
  return `${REPORT_DEADLINES_PATH}?${q.toString()}${anchor}`;
};

/** A refused date: the page again with the date as typed and its message beside the field. */
function refused(c: StaffContext, state: FormState, key: string, field: string) {
  return deadlinesPage(c, valueOf(state.values, 'year'), {
    values: { [key]: valueOf(state.values, field) },
    errors: { [key]: state.errors[field] ?? state.message ?? '' },
    message: state.message ? `${state.message}，未保存` : undefined,
  });
}

/** Registers the deadline settings page and its forms. */
export function registerAnnualReportDeadlineRoutes(admin: Hono<StaffEnv>): void {
  admin.get(REPORT_DEADLINES_PATH, async (c) => {
    const raw = readQuery(c);
    const yearText = valueOf(raw, 'year').trim();
    const page = await deadlinesPage(c, yearText, { flash: FLASH[valueOf(raw, 'flash')] });
    return c.html(page, yearText === '' || yearOf(yearText).value.year !== undefined ? 200 : 400);
  });

  /** A site-wide setting posted from the page: saved, then back to the page with a flash (or shown refused). */
  const setting = (
    path: string,
    field: string,
    save: (c: StaffContext, value: string) => Promise<unknown>,
    saved: (year: string) => string,
  ) =>
    admin.post(path, (c) =>
      formAction(c, {
        schema: z.object({ [field]: text(20), year: text(10) }),
        run: async (input) => {
          await save(c, valueOf(input, field));
          return valueOf(input, 'year');
        },
        done: (year) => c.redirect(saved(year), 303),
        again: (state) => refused(c, state, field, field),
      }),
    );
  setting(
    UNREGULATED_DEADLINE_PATH,
    'unregulatedDue',
    (c, v) => setUnregulatedReportDue(c.get('ctx'), c.get('actor'), v),
    (year) => back(year, 'unregulated'),
  );
  setting(
    REVIEW_COUNTING_PATH,
    'reviewCounting',
    (c, v) => setReviewCountingRule(c.get('ctx'), c.get('actor'), v),
    (year) => back(year, 'counting', '#review-counting'),
  );

  admin.post(`${REPORT_DEADLINES_PATH}/orgs/:orgId`, (c) => {
    const orgId = c.req.param('orgId');
    return formAction(c, {
      schema: z.object({ internalDue: text(20), action: text(10), year: text(10) }),
      run: async (input) => {
        const due = input.action === 'clear' ? null : input.internalDue;
        return { set: await setInternalReportDue(c.get('ctx'), c.get('actor'), orgId, due), year: input.year };
      },
      done: ({ set, year }) => c.redirect(back(year, set === null ? 'cleared' : 'set', `#org-${orgId}`), 303),
      again: (state) => refused(c, state, orgDueKey(orgId), 'internalDue'),
    });
  });
}
