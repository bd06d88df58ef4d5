// The drill-down of one indicator of one unit: the items behind its value that cost points (late items, late
// answers, corrected cases, failing sites…). Cases appear by tracking code / 索引号 and subject only, never with an
// applicant's name, contact or identity number.
import type { Actor } from '../../domain/policies/actor.js';
import { rowPath } from '../../domain/standard-catalogue/catalogue-row.js';
import { REVIEW_KIND_LABELS, type ReviewKind } from '../../domain/reviews/review-case.js';
import { publicationDueOn } from '../../domain/publications/deadlines.js';
import { workingDaysBetween } from '../../domain/calendar/working-days.js';
import { compareDates, localDate } from '../../domain/core/local-date.js';
import type { DrillItem } from './ports.js';
import { authorizedScheme, type SchemeContext } from './schemes.js';
import {
  asOfDay,
  beforeOf,
  reportShortfalls,
  rowCostsPoints,
  scopeUnits,
  unitAccounts,
  unitCatalogues,
  type ComputeContext,
} from './compute.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { invalid } from '../errors.js';
import type { ComputedIndicator } from '../../domain/assessment/scheme.js';

const line = (ref: string, subject: string, why: string): DrillItem => ({ ref, subject, why, href: null });
const untitled = (s: string, none: string) => (s.trim() ? s : none);

/** The items behind a computed measure's value for one unit of a scope. */
export async function measureItems(
  ctx: ComputeContext,
  measure: ComputedIndicator,
  scopeOrgId: string,
  orgId: string,
  year: number,
): Promise<DrillItem[]> {
  const facts = ctx.repos.assessmentFacts;
  const asOf = asOfDay(year, ctx.clock.today());
  const before = beforeOf(asOf);
  const scope = await scopeUnits(ctx.repos, scopeOrgId);
  const unit = scope.units.filter((u) => u.id === orgId);
  switch (measure) {
    case 'art26_on_time': {
      const cal = await loadHolidayCalendar(ctx.repos);
      return (await facts.art26Items(orgId, year)).flatMap((p) => {
        if (p.a === null || p.b === null || compareDates(localDate(p.a), localDate(p.b)) >= 0) return [];
        const due = publicationDueOn(localDate(p.a), cal);
        if (compareDates(localDate(p.b), due) <= 0) return [];
        const late = workingDaysBetween(due, localDate(p.b), cal);
        return [line(untitled(p.ref, '（无索引号）'), p.subject, `成文日期${p.a}，${p.b}公开，超期${late}个工作日`)];
      });
    }
    case 'catalogue_rows_empty': {
      const rows = (await unitCatalogues(ctx, unit, await loadHolidayCalendar(ctx.repos))).get(orgId) ?? [];
      return rows
        .filter(rowCostsPoints)
        .map((s) =>
          line(
            rowPath(s.row),
            s.row.contentElements || s.row.level3 || s.row.level2,
            s.liveCount === 0 ? '尚无发布的信息' : `已超过公开时限（应于${s.dueOn}前公开）`,
          ),
        );
    }
    case 'policy_without_interpretation':
      return (await facts.normativeMissingItems(orgId, year)).map((p) =>
        line(untitled(p.ref, '（无索引号）'), p.subject, `${p.a}公开，未发布解读`),
      );
    case 'applications_on_time':
      return (await facts.applicationItems(orgId, year, asOf)).map((a) =>
        line(
          a.ref,
          untitled(a.subject, '（未填写所需信息名称）'),
          a.b === null ? `逾期未答复（答复期限${a.a}）` : `逾期答复（答复期限${a.a}，${a.b}答复）`,
        ),
      );
    case 'review_corrected':
      return (await facts.reviewCorrectedItems(orgId, year)).map((r) =>
        line(r.ref, r.subject, `${REVIEW_KIND_LABELS[r.a as ReviewKind] ?? ''}结果纠正（${r.b}）`),
      );
    case 'annual_report': {
      const s = (await reportShortfalls(ctx, scope.all, unit, year)).get(orgId);
      if (!s) return [];
      const ref = `${year}年度报告`;
      const subject = unit[0]?.name ?? '';
      return [
        ...(s.late ? [line(ref, subject, `未在${s.due}前公布`)] : []),
        ...(s.errors > 0 ? [line(ref, subject, `校验发现${s.errors}处错误`)] : []),
        ...(s.unpublished ? [line(ref, subject, '未在门户公布')] : []),
      ];
    }
    case 'website_verdict':
      return (await facts.siteVerdicts([orgId], before))
        .filter((s) => s.verdict !== null && s.verdict !== '合格')
        .map((s) => line(s.site, s.site, `最近一次检查（${(s.finishedAt ?? '').slice(0, 10)}）不合格`));
    case 'media_verdict':
      return (await unitAccounts(ctx, unit, asOf))
        .filter((a) => a.summary.verdict !== '合格')
        .map((a) =>
          line(
            a.key,
            a.account.name,
            `检查不合格：${a.findings
              .filter((f) => f.severity === 'veto')
              .map((f) => f.message)
              .join('；')}`,
          ),
        );
    case 'rectification_open':
      return (await facts.taskItems(orgId, asOf, before)).map((t) =>
        line(t.ref, t.subject, `整改期限${t.a}已过，仍未整改`),
      );
    case 'training': {
      const t = await facts.training(
        scope.units.map((u) => u.id),
        year,
      );
      const went = new Set(t.attended.filter((a) => a.orgId === orgId).map((a) => a.sessionId));
      return t.sessions.filter((s) => !went.has(s.id)).map((s) => line(s.heldOn, s.title, '本单位无人参加'));
    }
  }
}

/**
 * The items behind one indicator of one unit: for a computed indicator, what cost points; for an entered one,
 * the value and its evidence.
 * @throws AppError 'invalid' (no such indicator or unit), 'not_found', 'forbidden'
 */
export async function drill(
  ctx: SchemeContext,
  actor: Actor | null,
  schemeId: string,
  orgId: string,
  indicatorId: string,
): Promise<DrillItem[]> {
  const scheme = await authorizedScheme(ctx, actor, schemeId);
  const ind = scheme.def.indicators.find((i) => i.id === indicatorId);
  if (!ind) throw invalid('该指标不在方案中');
  const { units } = await scopeUnits(ctx.repos, scheme.scopeOrgId);
  if (!units.some((u) => u.id === orgId)) throw invalid('该单位不在考核范围内');
  if (ind.mode === 'entered' || ind.measure === undefined) {
    const entry = (await ctx.repos.assessments.entries(schemeId)).find(
      (e) => e.orgId === orgId && e.indicatorId === indicatorId,
    );
    return entry ? [line('录入值', entry.evidence, `${entry.value}（${entry.actorLabel}录入）`)] : [];
  }
  return measureItems(ctx, ind.measure, scheme.scopeOrgId, orgId, scheme.year);
}
