/** @jsxImportSource hono/jsx */
// The annual report's deadline settings: the statutory dates of 《政府信息公开条例》第四十九条, the
// internal dates a supervising office sets for itself and the units below it, and the date of townships,
// streets and other bodies, which the Regulation leaves to local rules.
import type { Actor } from '../../../domain/policies/actor.js';
import { ORG_KIND_LABELS } from '../../../domain/orgs/organization.js';
import {
  REVIEW_COUNTING_LABELS,
  REVIEW_COUNTING_NOTES,
  REVIEW_COUNTING_RULES,
  type ReviewCountingRule,
} from '../../../domain/reviews/review-case.js';
import type { OrgDeadline, ReportDeadlines } from '../../../app/reports/report-deadline-queries.js';
import { DataTable } from '../../common/blocks.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, Field, FieldNotes, PostForm, Select, describedBy, labelledOptions } from '../../common/forms.js';
import { REPORTS_PATH, REPORT_DEADLINES_PATH, ReportChooser } from './annual-report-views.js';

/** Art. 49 of the Regulation, quoted on the page. */
const ARTICLE_49 =
  '《政府信息公开条例》第四十九条：县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交本行政机关上一年度政府信息公开工作年度报告并向社会公布；县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告。';

const INTERNAL_DEADLINES_NOTE =
  '上级政务公开办可以为本机关及下级单位设置更早的内部报送期限（如“01-20”，指报告年度的次年1月20日），未单独设置的下级单位沿用最近一级上级的设置。设置内部期限后，年度报告总览按内部期限判断是否逾期。乡镇、街道等单位的报告期限《条例》未作规定，由本系统统一设置。';

export const deadlineOrgHref = (orgId: string): string => `${REPORT_DEADLINES_PATH}/orgs/${encodeURIComponent(orgId)}`;
/** The form of the township/street default. */
export const UNREGULATED_DEADLINE_PATH = `${REPORT_DEADLINES_PATH}/unregulated`;
/** Why the counting rule is a setting, and what it governs. */
const REVIEW_COUNTING_HINT =
  '年度报告格式（国办公开办函〔2021〕30号）未规定跨年度案件的统计口径。默认“按结果年度统计”，使跨年度审结的案件结果不致遗漏；' +
  '“按立案年度统计”为原有口径。设置对所有单位的年度报告和复议诉讼登记的年度统计同时生效，年度报告的说明部分写明所用口径。';

/** The form of the section 四 counting rule. */
export const REVIEW_COUNTING_PATH = `${REPORT_DEADLINES_PATH}/review-counting`;
/** The form key of an organization's internal date (errors and typed values). */
export const orgDueKey = (orgId: string): string => `due-${orgId}`;

/** 'MM-DD' as 1月20日. */
export const monthDayText = (md: string): string => {
  const m = /^(\d{2})-(\d{2})$/.exec(md);
  return m ? `${Number(m[1])}月${Number(m[2])}日` : md;
};

/** The statutory rule of a kind of organization (art. 49), or the configured default where the Regulation sets none. */
export function statutoryRuleText(d: Pick<OrgDeadline, 'kind' | 'statutory' | 'statutoryMonthDay'>): string {
  if (d.kind === 'department') return `次年${monthDayText(d.statutoryMonthDay)}前（《条例》第四十九条第一款）`;
  if (d.statutory) return `次年${monthDayText(d.statutoryMonthDay)}前（《条例》第四十九条第二款）`;
  return `《条例》未规定；按本系统设置：次年${monthDayText(d.statutoryMonthDay)}前`;
}

/** The internal date in force: the organization's own, the inherited one (and from whom), or none. */
function InternalText(p: { d: OrgDeadline }) {
  if (p.d.own) return <span>本机构设置：次年{monthDayText(p.d.own)}前</span>;
  if (p.d.inherited) {
    return (
      <span>
        继承“{p.d.inherited.fromOrgName}”的设置：次年{monthDayText(p.d.inherited.monthDay)}前
      </span>
    );
  }
  return <span class="muted">未设置（适用法定期限）</span>;
}

/** The organization's row form: 'MM-DD', save, clear. */
function DeadlineForm(p: { d: OrgDeadline; csrf: string; year: number; value?: string; error?: string }) {
  const id = `f-${orgDueKey(p.d.orgId)}`;
  return (
    <PostForm action={deadlineOrgHref(p.d.orgId)} csrf={p.csrf} class="inline-edit">
      <input type="hidden" name="year" value={String(p.year)} />
      <label for={id}>月-日</label>
      <input
        id={id}
        name="internalDue"
        value={p.value ?? p.d.own ?? ''}
        inputmode="numeric"
        placeholder="如 01-20"
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy({ id, error: p.error })}
      />
      <button type="submit" name="action" value="set">
        保存
      </button>
      {p.d.own ? (
        <button type="submit" name="action" value="clear" class="secondary">
          清除
        </button>
      ) : null}
      <FieldNotes id={id} error={p.error} />
    </PostForm>
  );
}

type PageProps = {
  actor: Actor;
  csrf: string;
  flash?: string;
  /** The year as typed in the chooser. */
  yearText: string;
  /** The settings of the chosen year; absent when the year typed is not valid. */
  deadlines?: ReportDeadlines;
  /** The township/street default when no year could be shown. */
  unregulatedDue?: string;
  canSetUnregulated?: boolean;
  /** The section 四 counting rule in force and whether the actor may change it. */
  reviewCounting: { rule: ReviewCountingRule; canSet: boolean };
  /** Typed values and errors by form key (`year`, `unregulatedDue`, `due-<orgId>`). */
  values?: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
};

/**
 * `/admin/reports/deadlines`: the statutory rule, internal date and due date of each organization, with their forms.
 */
export function DeadlinesPage(p: PageProps) {
  const d = p.deadlines;
  const errors = p.errors ?? {};
  const values = p.values ?? {};
  const year = d?.year;
  const unregulated = d?.unregulatedDue ?? p.unregulatedDue ?? '';
  const canSetUnregulated = d?.canSetUnregulated ?? p.canSetUnregulated ?? false;
  const names = new Map((d?.orgs ?? []).map((o) => [orgDueKey(o.orgId), o.orgName]));
  const labels: Record<string, string> = {
    year: '报告年度',
    unregulatedDue: '乡镇、街道等单位的报告期限',
    reviewCounting: '复议、诉讼案件的统计口径',
    ...Object.fromEntries([...names].map(([k, n]) => [k, `${n}的内部期限`])),
  };
  return (
    <AdminLayout title="年度报告内部报送期限设置" actor={p.actor} csrf={p.csrf} path={REPORTS_PATH} flash={p.flash}>
      <p>{ARTICLE_49}</p>
      <p>{INTERNAL_DEADLINES_NOTE}</p>
      <ErrorSummary message={p.message} errors={errors} labels={labels} />
      <ReportChooser
        action={REPORT_DEADLINES_PATH}
        query={{ year: p.yearText }}
        errors={errors}
        submit="查看"
        label="选择报告年度"
        yearHint="四位数字，如 2025；下表按该年度计算报告期限"
      />

      <section aria-labelledby="unregulated">
        <h2 id="unregulated">乡镇、街道等单位的报告期限</h2>
        <p>
          当前设置：次年{monthDayText(unregulated)}
          前。适用于乡镇、街道和其他单位（《条例》未规定报告期限），上级政务公开办设置的内部期限优先。
        </p>
        {canSetUnregulated ? (
          <PostForm action={UNREGULATED_DEADLINE_PATH} csrf={p.csrf} class="deadline-default">
            {year !== undefined ? <input type="hidden" name="year" value={String(year)} /> : null}
            <Field
              name="unregulatedDue"
              label="报告期限（月-日）"
              value={values.unregulatedDue ?? unregulated}
              error={errors.unregulatedDue}
              inputmode="numeric"
              hint="如 01-31，指报告年度的次年1月31日"
            />
            <button type="submit">保存</button>
          </PostForm>
        ) : (
          <p class="muted">只有本级政府的系统管理员可以修改此项设置。</p>
        )}
      </section>

      <ReviewCountingSection
        {...p.reviewCounting}
        csrf={p.csrf}
        year={year}
        value={values.reviewCounting}
        error={errors.reviewCounting}
      />

      {d ? (
        <section aria-labelledby="orgs">
          <h2 id="orgs">各机构的内部报送期限（{d.year}年度报告）</h2>
          <DataTable
            class="report-units report-deadlines"
            caption={`可设置内部期限的机构：共 ${d.orgs.length} 个；留空保存或点“清除”即恢复沿用上级设置或法定期限`}
            cols={['机构', '类别', '法定期限', '内部报送期限', `${d.year}年度报告期限`, '设置本机构内部期限']}
          >
            {d.orgs.map((o) => (
              <tr id={`org-${o.orgId}`}>
                <th scope="row" class={`depth-${Math.min(3, o.depth)}`}>
                  {o.orgName}
                </th>
                <td>{ORG_KIND_LABELS[o.kind]}</td>
                <td>{statutoryRuleText(o)}</td>
                <td>
                  <InternalText d={o} />
                </td>
                <td>
                  <strong data-due={o.orgId}>{o.effectiveDueOn}</strong>
                  {o.internalDueOn ? `（内部期限；法定 ${o.dueOn}）` : o.statutory ? '（法定期限）' : '（系统设置）'}
                  {o.internalDueOn && o.internalDueOn > o.dueOn ? <p class="error">内部期限晚于法定期限</p> : null}
                </td>
                <td>
                  <DeadlineForm
                    d={o}
                    csrf={p.csrf}
                    year={d.year}
                    value={values[orgDueKey(o.orgId)]}
                    error={errors[orgDueKey(o.orgId)]}
                  />
                </td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
      <p>
        <a href={REPORTS_PATH}>返回年度报告</a>
      </p>
    </AdminLayout>
  );
}

/** The section 四 counting rule: the rule in force in words and, for a root administrator, its form. */
function ReviewCountingSection(p: {
  rule: ReviewCountingRule;
  canSet: boolean;
  csrf: string;
  year: number | undefined;
  value?: string;
  error?: string;
}) {
  return (
    <section aria-labelledby="review-counting">
      <h2 id="review-counting">年度报告第四部分（行政复议、行政诉讼）的统计口径</h2>
      <p data-review-counting={p.rule}>当前设置：{REVIEW_COUNTING_NOTES[p.rule]}</p>
      <p class="muted">{REVIEW_COUNTING_HINT}</p>
      {p.canSet ? (
        <PostForm action={REVIEW_COUNTING_PATH} csrf={p.csrf} class="deadline-default">
          {p.year !== undefined ? <input type="hidden" name="year" value={String(p.year)} /> : null}
          <Select
            name="reviewCounting"
            label="统计口径"
            value={p.value ?? p.rule}
            error={p.error}
            options={labelledOptions(REVIEW_COUNTING_RULES, REVIEW_COUNTING_LABELS)}
          />
          <button type="submit">保存</button>
        </PostForm>
      ) : (
        <p class="muted">只有本级政府的系统管理员可以修改此项设置。</p>
      )}
    </section>
  );
}
