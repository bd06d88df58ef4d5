// What the report pages read from the request: the report year (2019 on), the organization-and-year
// chooser of the register and the rollup, and the report named by the path.
import type { Context } from 'hono';
import { notFound } from '../../../app/errors.js';
import type { ReportChoices } from '../../../app/reports/report-pages.js';
import { isReportYear } from '../../../app/reports/report-context.js';
import { readQuery, valueOf } from '../../common/pipeline.js';
import { parseQuery, year, type FieldErrors } from '../../common/validation.js';

/** The message of a year outside the formats (the first format is the 2019 trial one). */
export const YEAR_ERROR = '年度应为 2019 年以后的四位数字，如 2025';

/** A report year: four digits, 2019 on. */
export const reportYear = () => year(YEAR_ERROR).refine(isReportYear, { error: YEAR_ERROR });

/** The chooser as typed in the query string. */
export type ReportQuery = { org: string; year: string };

/** A valid choice of organization and year. */
export type Chosen = { orgId: string; orgName: string; year: number };

/**
 * The organization and year of a chooser's query string (absent: the defaults of `choices`), what is
 * wrong with them, and the choice when both are right.
 * @param orgError the message for an organization the chooser does not offer
 */
export function readChoice(
  c: Context,
  choices: ReportChoices,
  orgError: string,
): { query: ReportQuery; errors: FieldErrors; chosen?: Chosen } {
  const raw = readQuery(c);
  const query = {
    org: raw.org === undefined ? choices.orgId : valueOf(raw, 'org'),
    year: (raw.year === undefined ? String(choices.year) : valueOf(raw, 'year')).trim(),
  };
  const { value, errors } = parseQuery({ year: reportYear() }, { year: query.year });
  const org = choices.orgs.find((o) => o.id === query.org);
  if (!org) errors.org = orgError;
  const chosen = org && value.year !== undefined ? { orgId: org.id, orgName: org.name, year: value.year } : undefined;
  return { query, errors, chosen };
}

/**
 * The report named by the path (`…/:orgId/:year`); a year without a format is no page.
 * @throws AppError 'not_found'
 */
export function reportTarget(c: Context): { orgId: string; year: number } {
  const year = Number(c.req.param('year'));
  if (!isReportYear(year)) throw notFound('年度报告');
  return { orgId: c.req.param('orgId') ?? '', year };
}
