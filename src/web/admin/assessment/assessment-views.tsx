/** @jsxImportSource hono/jsx */
// Back-office views of the assessment (考核): the schemes by year and scope with the forms making and copying one,
// the scheme form (points, deductions, entered indicators, grade bands, the no-data rule) with its workbook, the
// result table (units × indicators, formula in words, adjusted scores marked with their reason, the grade chart),
// the drill-down of one unit's indicator, and the forms entering values and adjusting scores.
import { raw } from 'hono/html';
import type { Actor } from '../../../domain/policies/actor.js';
import type { Organization } from '../../../domain/orgs/organization.js';
import { COMPUTED_INDICATORS, type IndicatorDef } from '../../../domain/assessment/scheme.js';
import type { DrillItem, ResultTable, SchemeRecord } from '../../../app/assessment/ports.js';
import {
  INDICATOR_HEADER,
  MODE_LABELS,
  NO_DATA_LABELS,
  VALUE_KIND_LABELS,
  type SchemeSheetError,
} from '../../../app/assessment/export.js';
import {
  adjustmentText,
  adjustmentsOf,
  gradeChartSvg,
  gradeCounts,
  scoreText,
  valueText,
} from '../../../app/assessment/export-text.js';
import { AdminLayout } from '../../common/layout.js';
import { DataTable, InfoList } from '../../common/blocks.js';
import {
  Checkbox,
  ErrorSummary,
  Field,
  FileField,
  FilterForm,
  PostForm,
  Select,
  labelledOptions,
} from '../../common/forms.js';
import { BAND_GRADES, countOf } from './scheme-form.js';

type Values = Record<string, string>;
type Common = { actor: Actor; csrf: string; flash?: string };
/** A form's state after a refusal: what was typed, the messages by field and the summary. */
export type FormPart = { values: Values; errors: Record<string, string>; message?: string };

const BASE = '/admin/assessment';
const schemeHref = (id: string) => `${BASE}/schemes/${id}`;
const STATE_LABELS = { draft: '草稿（可修改）', published: '已发布（已冻结）' } as const;

const SCHEME_LABELS: Readonly<Record<string, string>> = {
  year: '考核年度',
  scopeOrgId: '考核范围',
  name: '方案名称',
  fromId: '复制自',
  noData: '无数据的指标',
  grades: '等次分数线',
  indicators: '指标',
};

/** The schemes, filtered by year and scope, with the forms making a new one and copying last year's. */
export function SchemeListView(
  p: Common & {
    schemes: SchemeRecord[];
    scopes: Organization[];
    filter: { year: string; scope: string };
    create?: FormPart;
    copy?: FormPart;
  },
) {
  const scopeName = (id: string) => p.scopes.find((o) => o.id === id)?.name ?? '';
  const years = [...new Set(p.schemes.map((s) => s.year))].sort((a, b) => b - a);
  const shown = p.schemes.filter(
    (s) => (!p.filter.year || String(s.year) === p.filter.year) && (!p.filter.scope || s.scopeOrgId === p.filter.scope),
  );
  const scopeOptions: [string, string][] = p.scopes.map((o) => [o.id, o.name]);
  return (
    <AdminLayout title="考核" actor={p.actor} csrf={p.csrf} path={BASE} flash={p.flash}>
      <p>
        按年度、按考核范围（本单位及下级单位）设定考核方案；自动计算的指标取自本系统的记录，人工录入的指标须附依据。
        考核结果发布后方案冻结（《中华人民共和国政府信息公开条例》第四十八条）。
      </p>
      <FilterForm action={BASE} label="筛选考核方案">
        <Select
          name="year"
          label="年度"
          value={p.filter.year}
          options={[['', '全部年度'], ...years.map((y): [string, string] => [String(y), `${y}年`])]}
        />
        <Select name="scope" label="考核范围" value={p.filter.scope} options={[['', '全部范围'], ...scopeOptions]} />
      </FilterForm>
      <DataTable
        cols={['年度', '考核范围', '方案名称', '状态', '操作']}
        caption="考核方案"
        captionClass="vh"
        empty="暂无考核方案。"
      >
        {shown.map((s) => (
          <tr>
            <td>{s.year}</td>
            <td>{scopeName(s.scopeOrgId)}</td>
            <td>
              <a href={schemeHref(s.id)}>{s.name}</a>
            </td>
            <td>{STATE_LABELS[s.state]}</td>
            <td>
              {s.state === 'draft' ? <a href={`${schemeHref(s.id)}/edit`}>修改方案</a> : null}{' '}
              <a href={schemeHref(s.id)}>考核结果</a>
            </td>
          </tr>
        ))}
      </DataTable>
      {p.schemes.length > 0 ? <CopyForm {...p} /> : null}
      <CreateForm {...p} scopeOptions={scopeOptions} />
    </AdminLayout>
  );
}

function CopyForm(p: Parameters<typeof SchemeListView>[0]) {
  const latest = p.schemes[0];
  const v = p.copy?.values ?? { fromId: latest?.id ?? '', year: String((latest?.year ?? 0) + 1) };
  const e = p.copy?.errors ?? {};
  const options: [string, string][] = p.schemes.map((s) => [s.id, `${s.year}年 ${s.name}`]);
  return (
    <section aria-labelledby="copy-scheme">
      <h2 id="copy-scheme">复制上年方案</h2>
      <ErrorSummary message={p.copy?.message} errors={e} labels={SCHEME_LABELS} />
      <PostForm action={`${BASE}/copy`} csrf={p.csrf}>
        <Select name="fromId" label="复制自" value={v.fromId} error={e.fromId} options={options} required />
        <Field
          name="year"
          id="f-copy-year"
          label="新方案年度"
          value={v.year}
          error={e.year}
          inputmode="numeric"
          required
        />
        <Field
          name="name"
          id="f-copy-name"
          label="新方案名称（选填）"
          value={v.name}
          error={e.name}
          hint="不填时沿用原名称，并把其中的年度改为新年度"
        />
        <button type="submit">复制上年方案</button>
      </PostForm>
    </section>
  );
}

function CreateForm(p: Parameters<typeof SchemeListView>[0] & { scopeOptions: [string, string][] }) {
  const v = p.create?.values ?? {};
  const e = p.create?.errors ?? {};
  return (
    <section aria-labelledby="new-scheme">
      <h2 id="new-scheme">新建考核方案</h2>
      <p class="hint">
        新方案按系统默认方案（10项自动计算指标，满分100分）建立，建立后可修改分值、扣分标准和等次分数线。
      </p>
      <ErrorSummary message={p.create?.message} errors={e} labels={SCHEME_LABELS} />
      <PostForm action={`${BASE}/schemes`} csrf={p.csrf}>
        <Field name="year" label="考核年度" value={v.year} error={e.year} inputmode="numeric" required />
        <Select
          name="scopeOrgId"
          label="考核范围"
          value={v.scopeOrgId}
          error={e.scopeOrgId}
          options={[['', '请选择'], ...p.scopeOptions]}
          required
        />
        <Field name="name" label="方案名称" value={v.name} error={e.name} required />
        <button type="submit">新建方案</button>
      </PostForm>
    </section>
  );
}

/** The field labels of one indicator group, for the error summary. */
function indicatorLabels(values: Values): Record<string, string> {
  const labels: Record<string, string> = { ...SCHEME_LABELS };
  BAND_GRADES.forEach((g, i) => (labels[`grades.${i}.min`] = `${g}最低分`));
  for (let i = 0; i <= countOf(values); i++) {
    const name = values[`indicators.${i}.name`] || (i === countOf(values) ? '新增指标' : `指标${i + 1}`);
    for (const [f, l] of Object.entries({
      id: '编号',
      name: '名称',
      max: '分值',
      perItem: '每项扣分',
      formula: '计分规则',
    })) {
      labels[`indicators.${i}.${f}`] = `${name}·${l}`;
    }
  }
  return labels;
}

/** The scheme form of a draft: its name, the indicators' points and rules, entered ones added or removed, bands. */
export function SchemeFormView(
  p: Common & {
    scheme: SchemeRecord;
    scopeName: string;
    form: FormPart;
    importErrors?: SchemeSheetError[];
    fileError?: string;
  },
) {
  const v = p.form.values;
  const e = p.form.errors;
  const count = countOf(v);
  return (
    <AdminLayout
      title={`修改考核方案：${p.scheme.name}`}
      actor={p.actor}
      csrf={p.csrf}
      path={BASE}
      flash={p.flash}
      back={[schemeHref(p.scheme.id), '考核结果']}
    >
      <p>
        {p.scheme.year}年度 · 考核范围：{p.scopeName} · {STATE_LABELS[p.scheme.state]}
      </p>
      <ErrorSummary message={p.form.message} errors={e} labels={indicatorLabels(v)} />
      <PostForm action={schemeHref(p.scheme.id)} csrf={p.csrf}>
        <input type="hidden" name="count" value={String(count)} />
        <Field name="name" label="方案名称" value={v.name} error={e.name} required />
        {Array.from({ length: count }, (_, i) => (
          <IndicatorFields values={v} errors={e} i={i} />
        ))}
        <NewIndicatorFields values={v} errors={e} i={count} />
        <fieldset>
          <legend>等次分数线</legend>
          {e.grades ? (
            <p class="error" id="f-grades">
              {e.grades}
            </p>
          ) : null}
          {BAND_GRADES.map((g, i) => (
            <Field
              name={`grades.${i}.min`}
              label={`${g}最低分`}
              value={v[`grades.${i}.min`]}
              error={e[`grades.${i}.min`]}
              inputmode="numeric"
              required
            />
          ))}
          <p class="hint">总分低于“合格最低分”的为不合格。</p>
        </fieldset>
        <Select
          name="noData"
          label="无数据的指标"
          value={v.noData}
          error={e.noData}
          options={labelledOptions(['full', 'zero'], NO_DATA_LABELS)}
        />
        <button type="submit">保存方案</button>
      </PostForm>
      <SchemeFileForms {...p} />
      <section aria-labelledby="delete-scheme">
        <h2 id="delete-scheme">删除方案</h2>
        <PostForm action={`${schemeHref(p.scheme.id)}/delete`} csrf={p.csrf}>
          <button type="submit" class="secondary">
            删除该草稿方案
          </button>
        </PostForm>
      </section>
    </AdminLayout>
  );
}

function IndicatorFields(p: { values: Values; errors: Record<string, string>; i: number }) {
  const at = `indicators.${p.i}`;
  const v = (f: string) => p.values[`${at}.${f}`] ?? '';
  const err = (f: string) => p.errors[`${at}.${f}`];
  const computed = v('mode') === 'computed';
  const kind = v('valueKind') === 'count' ? 'count' : 'share';
  return (
    <fieldset>
      <legend>
        {v('name') || v('id')}（{MODE_LABELS[computed ? 'computed' : 'entered']}，{VALUE_KIND_LABELS[kind]}）
      </legend>
      {(['id', 'mode', 'measure', 'valueKind'] as const).map((f) => (
        <input type="hidden" name={`${at}.${f}`} value={v(f)} />
      ))}
      {err('id') ? <p class="error">{err('id')}</p> : null}
      <Field name={`${at}.name`} label={`指标${p.i + 1}名称`} value={v('name')} error={err('name')} required />
      <Field
        name={`${at}.max`}
        label={`指标${p.i + 1}分值`}
        value={v('max')}
        error={err('max')}
        inputmode="numeric"
        required
      />
      {kind === 'count' ? (
        <Field
          name={`${at}.perItem`}
          label={`指标${p.i + 1}每项扣分`}
          value={v('perItem')}
          error={err('perItem')}
          inputmode="numeric"
          required
        />
      ) : null}
      <Field
        name={`${at}.formula`}
        label={`指标${p.i + 1}计分规则（文字说明）`}
        value={v('formula')}
        error={err('formula')}
        multiline
        required
      />
      {computed ? null : (
        <Checkbox name={`${at}.remove`} label={`删除指标“${v('name') || v('id')}”`} checked={v('remove') === '1'} />
      )}
    </fieldset>
  );
}

function NewIndicatorFields(p: { values: Values; errors: Record<string, string>; i: number }) {
  const at = `indicators.${p.i}`;
  const v = (f: string) => p.values[`${at}.${f}`] ?? '';
  const err = (f: string) => p.errors[`${at}.${f}`];
  return (
    <fieldset>
      <legend>新增人工录入指标（选填）</legend>
      <p class="hint">由考核人员逐个单位录入指标值，并写明依据（证明材料）。</p>
      <input type="hidden" name={`${at}.mode`} value="entered" />
      <Field
        name={`${at}.id`}
        label="新指标编号"
        value={v('id')}
        error={err('id')}
        hint="字母开头，只含字母、数字和下划线，如 social_review"
      />
      <Field name={`${at}.name`} label="新指标名称" value={v('name')} error={err('name')} />
      <Select
        name={`${at}.valueKind`}
        label="新指标值类型"
        value={v('valueKind')}
        error={err('valueKind')}
        options={labelledOptions(['share', 'count'], VALUE_KIND_LABELS)}
      />
      <Field name={`${at}.max`} label="新指标分值" value={v('max')} error={err('max')} inputmode="numeric" />
      <Field
        name={`${at}.perItem`}
        label="新指标每项扣分（计数类）"
        value={v('perItem')}
        error={err('perItem')}
        inputmode="numeric"
      />
      <Field
        name={`${at}.formula`}
        label="新指标计分规则（文字说明）"
        value={v('formula')}
        error={err('formula')}
        multiline
      />
    </fieldset>
  );
}

function SchemeFileForms(p: Parameters<typeof SchemeFormView>[0]) {
  const errors = p.importErrors ?? [];
  return (
    <section aria-labelledby="scheme-file">
      <h2 id="scheme-file">方案文件（XLSX）</h2>
      <p>
        <a href={`${schemeHref(p.scheme.id)}/scheme.xlsx`}>导出方案（XLSX）</a>
      </p>
      {errors.length > 0 ? (
        <div class="error-summary" role="alert" tabindex={-1}>
          <p>文件有 {errors.length} 处错误，方案未作任何修改：</p>
          <ul>
            {errors.map((x) => (
              <li>
                {x.sheet}!{x.column}
                {x.row}：{x.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <PostForm action={`${schemeHref(p.scheme.id)}/import`} csrf={p.csrf} multipart>
        <FileField
          name="file"
          label="导入方案文件"
          hint={`工作表“考核指标”（表头：${INDICATOR_HEADER.join('、')}）和“等级与规则”。全部正确才导入，并替换本方案的名称和内容。`}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          error={p.fileError}
        />
        <button type="submit">导入方案</button>
      </PostForm>
    </section>
  );
}

/** The forms of the result page that may be shown again after a refusal. */
export type ResultForms = { adjust?: FormPart; value?: FormPart };

/** The result table of a scheme: chart, rules, units × indicators, adjustments, and the forms. */
export function ResultView(
  p: Common & { scheme: SchemeRecord; scopeName: string; table: ResultTable; forms?: ResultForms },
) {
  const { table, scheme } = p;
  const inds = table.def.indicators;
  const draft = scheme.state === 'draft';
  return (
    <AdminLayout
      title={`${table.year}年度考核结果：${scheme.name}`}
      actor={p.actor}
      csrf={p.csrf}
      path={BASE}
      flash={p.flash}
      back={[BASE, '考核']}
    >
      <InfoList
        rows={[
          ['考核范围', p.scopeName],
          ['方案状态', STATE_LABELS[scheme.state]],
          ['计算时间', table.computedAt.slice(0, 16).replace('T', ' ')],
          ['复制自', scheme.copiedFrom ? '上年方案' : null],
          [
            '发布稿',
            scheme.publicationId ? <a href={`/admin/publications/${scheme.publicationId}`}>查看发布稿</a> : null,
          ],
        ]}
      />
      <p>
        {draft ? <a href={`${schemeHref(scheme.id)}/edit`}>修改方案</a> : null} 导出：
        <a href={`${schemeHref(scheme.id)}/result.xlsx`}>考核结果 XLSX</a> ·{' '}
        <a href={`${schemeHref(scheme.id)}/result.pdf`}>考核结果 PDF</a>
      </p>
      <section aria-labelledby="grades-chart">
        <h2 id="grades-chart">等次分布</h2>
        <p>
          {gradeCounts(table)
            .map((g) => `${g.grade} ${g.count} 个`)
            .join('，')}
        </p>
        <figure class="chart">{raw(gradeChartSvg(table))}</figure>
      </section>
      <h2 id="rules">指标与计分规则</h2>
      <DataTable cols={['指标', { label: '分值', class: 'num' }, '取值方式', '计分规则']} labelledBy="rules">
        {inds.map((i) => (
          <tr id={`rule-${i.id}`}>
            <td>{i.name}</td>
            <td class="num">{scoreText(i.max)}</td>
            <td>{MODE_LABELS[i.mode]}</td>
            <td>{i.formula}</td>
          </tr>
        ))}
      </DataTable>
      <h2 id="scores">考核得分</h2>
      <p class="hint">
        每格为得分及指标值；点击得分可查看扣分明细。标有“调整”的得分经人工调整，理由列在格内。
        {table.def.noData === 'full' ? '无数据的指标不扣分。' : '无数据的指标计零分。'}
      </p>
      <DataTable
        labelledBy="scores"
        class="assessment-table"
        cols={[
          { label: '名次', class: 'num' },
          '单位',
          ...inds.map((i) => ({ label: `${i.name}（${scoreText(i.max)}分）`, class: 'num' })),
          { label: '总分', class: 'num' },
          '等次',
        ]}
        empty="考核范围内没有单位。"
      >
        {table.rows.map((r) => (
          <tr>
            <td class="num">{r.rank}</td>
            <th scope="row">{r.org}</th>
            {inds.map((i) => (
              <ScoreCell scheme={scheme} row={r} ind={i} />
            ))}
            <td class="num">
              <strong>{scoreText(r.total)}</strong>
              {adjustmentsOf(r, null).map((a) => (
                <span class="adjusted">{adjustmentText(a)}</span>
              ))}
            </td>
            <td>{r.grade}</td>
          </tr>
        ))}
      </DataTable>
      {draft ? <AdjustForm {...p} /> : null}
      {draft && inds.some((i) => i.mode === 'entered') ? <ValueForm {...p} /> : null}
      <PublishForm {...p} />
    </AdminLayout>
  );
}

function ScoreCell(p: { scheme: SchemeRecord; row: ResultTable['rows'][number]; ind: IndicatorDef }) {
  const item = p.row.items[p.ind.id];
  const adj = adjustmentsOf(p.row, p.ind.id);
  const href = `${schemeHref(p.scheme.id)}/drill?org=${encodeURIComponent(p.row.orgId)}&indicator=${encodeURIComponent(p.ind.id)}`;
  return (
    <td class="num">
      <a href={href} aria-label={`${p.row.org}${p.ind.name}明细：得分${scoreText(item?.score ?? 0)}`}>
        {scoreText(item?.score ?? 0)}
      </a>
      <span class="muted value">{valueText(p.ind, item)}</span>
      {adj.map((a) => (
        <span class="adjusted">{adjustmentText(a)}</span>
      ))}
    </td>
  );
}

const ADJUST_LABELS: Readonly<Record<string, string>> = {
  orgId: '单位',
  indicatorId: '调整项目',
  points: '调整分值',
  reason: '调整理由',
};

function unitOptions(table: ResultTable): [string, string][] {
  return [['', '请选择'], ...table.rows.map((r): [string, string] => [r.orgId, r.org])];
}

function AdjustForm(p: Parameters<typeof ResultView>[0]) {
  const f = p.forms?.adjust;
  const v = f?.values ?? {};
  const e = f?.errors ?? {};
  const what: [string, string][] = [
    ['', '总分'],
    ...p.table.def.indicators.map((i): [string, string] => [i.id, i.name]),
  ];
  return (
    <section aria-labelledby="adjust">
      <h2 id="adjust">人工调整得分</h2>
      <p class="hint">调整必须写明理由；调整和理由在结果表、导出文件和发布稿中一并列出。</p>
      <ErrorSummary message={f?.message} errors={e} labels={ADJUST_LABELS} />
      <PostForm action={`${schemeHref(p.scheme.id)}/adjust`} csrf={p.csrf}>
        <Select name="orgId" label="单位" value={v.orgId} error={e.orgId} options={unitOptions(p.table)} required />
        <Select name="indicatorId" label="调整项目" value={v.indicatorId} error={e.indicatorId} options={what} />
        <Field
          name="points"
          label="调整分值"
          value={v.points}
          error={e.points}
          hint="加分为正数，扣分为负数，如 -2"
          required
        />
        <Field name="reason" label="调整理由" value={v.reason} error={e.reason} multiline required hint="必填" />
        <button type="submit">调整</button>
      </PostForm>
    </section>
  );
}

const VALUE_LABELS: Readonly<Record<string, string>> = {
  unit: '单位',
  entered: '指标',
  value: '指标值',
  evidence: '录入依据',
};

function ValueForm(p: Parameters<typeof ResultView>[0]) {
  const f = p.forms?.value;
  const v = f?.values ?? {};
  const e = f?.errors ?? {};
  const entered = p.table.def.indicators.filter((i) => i.mode === 'entered');
  return (
    <section aria-labelledby="enter-value">
      <h2 id="enter-value">录入指标值</h2>
      <ErrorSummary message={f?.message} errors={e} labels={VALUE_LABELS} />
      <PostForm action={`${schemeHref(p.scheme.id)}/values`} csrf={p.csrf}>
        <Select name="unit" label="单位" value={v.unit} error={e.unit} options={unitOptions(p.table)} required />
        <Select
          name="entered"
          label="指标"
          value={v.entered}
          error={e.entered}
          options={entered.map((i): [string, string] => [i.id, `${i.name}（${VALUE_KIND_LABELS[i.valueKind]}）`])}
          required
        />
        <Field
          name="value"
          label="指标值"
          value={v.value}
          error={e.value}
          hint="比例填0至1之间的数（如 0.85），计数填件数"
          required
        />
        <Field
          name="evidence"
          label="录入依据"
          value={v.evidence}
          error={e.evidence}
          multiline
          required
          hint="证明材料、检查记录等"
        />
        <button type="submit">录入</button>
      </PostForm>
    </section>
  );
}

function PublishForm(p: Parameters<typeof ResultView>[0]) {
  if (p.scheme.publicationId) return null;
  return (
    <section aria-labelledby="publish">
      <h2 id="publish">发布考核结果</h2>
      <p>
        {p.scheme.state === 'draft'
          ? '发布后方案和结果冻结，不能再修改或调整；结果生成主动公开信息的草稿，经审核流程后在门户公开。'
          : '方案已冻结。生成考核结果的主动公开草稿，经审核流程后在门户公开。'}
      </p>
      <PostForm action={`${schemeHref(p.scheme.id)}/publish`} csrf={p.csrf}>
        <button type="submit">发布考核结果并生成公开草稿</button>
      </PostForm>
    </section>
  );
}

/** The items behind one indicator of one unit: tracking codes, 索引号 and subjects only. */
export function DrillView(
  p: Common & { scheme: SchemeRecord; table: ResultTable; orgId: string; indicator: IndicatorDef; items: DrillItem[] },
) {
  const row = p.table.rows.find((r) => r.orgId === p.orgId);
  const item = row?.items[p.indicator.id];
  const adj = row ? adjustmentsOf(row, p.indicator.id) : [];
  const known = (COMPUTED_INDICATORS as readonly string[]).includes(p.indicator.measure ?? '');
  return (
    <AdminLayout
      title={`${row?.org ?? ''}：${p.indicator.name}`}
      actor={p.actor}
      csrf={p.csrf}
      path={BASE}
      back={[schemeHref(p.scheme.id), '考核结果']}
    >
      <InfoList
        rows={[
          ['指标', p.indicator.name],
          ['计分规则', p.indicator.formula],
          ['指标值', valueText(p.indicator, item)],
          ['得分', `${scoreText(item?.score ?? 0)} / ${scoreText(p.indicator.max)}`],
          ['人工调整', adj.length > 0 ? adj.map(adjustmentText).join('；') : null],
          ['取值方式', known ? MODE_LABELS.computed : MODE_LABELS[p.indicator.mode]],
        ]}
      />
      <h2 id="items">{p.indicator.mode === 'entered' ? '录入依据' : '扣分或计数的事项'}</h2>
      <p class="hint">依申请公开的事项只列受理编号和标题，不显示申请人信息。</p>
      <DataTable cols={['编号', '标题或事项', '说明']} labelledBy="items" empty="没有影响得分的事项。">
        {p.items.map((x) => (
          <tr>
            <td>{x.href ? <a href={x.href}>{x.ref}</a> : x.ref}</td>
            <td>{x.subject}</td>
            <td>{x.why}</td>
          </tr>
        ))}
      </DataTable>
    </AdminLayout>
  );
}
