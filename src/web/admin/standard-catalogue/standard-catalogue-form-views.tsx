/** @jsxImportSource hono/jsx */
// Forms of the standard catalogue (基层政务公开标准目录): adding or editing a row with the published column
// set, and the select that links a publication draft to a row.
import type { Actor } from '../../../domain/policies/actor.js';
import type { KeyArea } from '../../../domain/standard-catalogue/key-areas.js';
import {
  AUDIENCES,
  DEFAULT_LEVELS,
  FIELD_LABELS,
  KNOWN_CHANNELS,
  METHODS,
  METHOD_LABELS,
  type CatalogueRow,
} from '../../../domain/standard-catalogue/catalogue-row.js';
import type { RowChoiceGroup } from '../../../app/standard-catalogue/link-row.js';
import { AdminLayout } from '../../common/layout.js';
import {
  ErrorSummary,
  Field,
  FieldNotes,
  Label,
  Options,
  PostForm,
  Select,
  describedBy,
  labelledOptions,
} from '../../common/forms.js';

/** A form as typed: strings, repeated fields as arrays. */
export type FormValues = Record<string, string | string[]>;

/** The text fields after the area, in form order, with their hints. */
const TEXT_FIELDS: [keyof typeof FIELD_LABELS, { required?: boolean; multiline?: boolean; hint?: string }][] = [
  ['level1', { required: true, hint: '如：最低生活保障' }],
  ['level2', { required: true, hint: '如：办事指南' }],
  ['level3', { hint: '目录只分两级时不填' }],
  ['contentElements', { required: true, multiline: true }],
  ['basis', { required: true, multiline: true, hint: '如：《中华人民共和国政府信息公开条例》《社会救助暂行办法》' }],
  [
    'timeLimitText',
    {
      required: true,
      hint: '按目录原文填写，如：信息形成或者变更之日起20个工作日内；每年1月31日前；长期公开。系统据此计算应公开日期。',
    },
  ],
  ['subject', { required: true, hint: '如：县级政府民政部门、乡镇政府（街道办事处）' }],
];

const text = (v: FormValues, k: string): string => {
  const x = v[k];
  return Array.isArray(x) ? (x[0] ?? '') : (x ?? '');
};
const arr = (v: FormValues, k: string): string[] => {
  const x = v[k];
  return x === undefined ? [] : Array.isArray(x) ? x : [x];
};

/** A stored row as form values: known channels and levels ticked, the others in the "other" fields. */
export function rowFormValues(row: CatalogueRow): FormValues {
  const known = (list: readonly string[], all: readonly string[]) => ({
    ticked: list.filter((x) => all.includes(x)),
    other: list.filter((x) => !all.includes(x)).join('、'),
  });
  const req = known(row.channelsRequired, KNOWN_CHANNELS);
  const opt = known(row.channelsOptional, KNOWN_CHANNELS);
  const lev = known(row.levels, DEFAULT_LEVELS);
  return {
    keyAreaId: row.keyAreaId,
    level1: row.level1,
    level2: row.level2,
    level3: row.level3,
    contentElements: row.contentElements,
    basis: row.basis,
    timeLimitText: row.timeLimitText,
    subject: row.subject,
    audience: row.audience,
    method: row.method,
    sort: String(row.sort),
    channelsRequired: req.ticked,
    channelsRequiredOther: req.other,
    channelsOptional: opt.ticked,
    channelsOptionalOther: opt.other,
    levels: lev.ticked,
    levelsOther: lev.other,
  };
}

/** A group of checkboxes with an "other" text field; the fieldset carries the id the error summary links to. */
function Checks(p: {
  name: string;
  legend: string;
  options: readonly string[];
  values: FormValues;
  error?: string;
  otherHint: string;
}) {
  const chosen = arr(p.values, p.name);
  return (
    <fieldset id={`f-${p.name}`} class={p.error ? 'has-error' : undefined}>
      <legend>{p.legend}</legend>
      {p.error ? <p class="error">{p.error}</p> : null}
      <div class="checks">
        {p.options.map((o, i) => (
          <label class="check" for={`f-${p.name}-${i}`}>
            <input id={`f-${p.name}-${i}`} type="checkbox" name={p.name} value={o} checked={chosen.includes(o)} /> {o}
          </label>
        ))}
      </div>
      <Field
        name={`${p.name}Other`}
        label="其他（多项用顿号或逗号分隔）"
        value={text(p.values, `${p.name}Other`)}
        hint={p.otherHint}
      />
    </fieldset>
  );
}

type RowFormProps = {
  actor: Actor;
  csrf: string;
  org: { id: string; name: string };
  areas: KeyArea[];
  values: FormValues;
  /** The row edited, or undefined for a new row. */
  rowId?: string;
  errors?: Record<string, string>;
  message?: string;
};

/** The add/edit form of a row. */
export function RowFormPage(p: RowFormProps) {
  const v = p.values;
  const e = p.errors ?? {};
  const base = `/admin/orgs/${p.org.id}/standard-catalogue`;
  const action = p.rowId ? `${base}/rows/${p.rowId}` : `${base}/rows`;
  const audienceNotes = { id: 'f-audience', hint: '全社会或特定群体，也可按目录写明具体对象。', error: e.audience };
  const checks = (name: string, legend: string, options: readonly string[], otherHint: string) => (
    <Checks name={name} legend={legend} options={options} values={v} error={e[name]} otherHint={otherHint} />
  );
  return (
    <AdminLayout
      title={p.rowId ? `修改目录事项：${p.org.name}` : `新增目录事项：${p.org.name}`}
      actor={p.actor}
      csrf={p.csrf}
      path="/admin/publications"
      back={[base, '返回标准目录']}
    >
      <ErrorSummary message={p.message} errors={e} labels={FIELD_LABELS} />
      <PostForm action={action} csrf={p.csrf} class="publication-form">
        <Select
          name="keyAreaId"
          label={FIELD_LABELS.keyAreaId}
          value={text(v, 'keyAreaId')}
          error={e.keyAreaId}
          required
          options={[
            ['', '（请选择）'],
            ...p.areas.map((a): [string, string] => [a.id, a.national ? a.name : `${a.name}（地方领域）`]),
          ]}
        />
        {TEXT_FIELDS.map(([name, opts]) => (
          <Field name={name} label={FIELD_LABELS[name]} value={text(v, name)} error={e[name]} {...opts} />
        ))}
        {checks(
          'channelsRequired',
          '公开渠道和载体：必选（■）',
          KNOWN_CHANNELS,
          '如：公共资源交易平台、12345政务服务热线',
        )}
        {checks('channelsOptional', '公开渠道和载体：可选（□）', KNOWN_CHANNELS, '同一渠道不能既必选又可选')}
        <div class={e.audience ? 'field has-error' : 'field'}>
          <Label for="f-audience" required>
            公开对象
          </Label>
          <FieldNotes {...audienceNotes} />
          <input
            id="f-audience"
            name="audience"
            type="text"
            list="audience-list"
            value={text(v, 'audience')}
            required
            aria-invalid={e.audience ? 'true' : undefined}
            aria-describedby={describedBy(audienceNotes)}
          />
          <datalist id="audience-list">
            {AUDIENCES.map((a) => (
              <option value={a} />
            ))}
          </datalist>
        </div>
        <Select
          name="method"
          label={FIELD_LABELS.method}
          value={text(v, 'method') || '主动'}
          error={e.method}
          options={labelledOptions(METHODS, METHOD_LABELS)}
        />
        {checks('levels', '公开层级', DEFAULT_LEVELS, '如：乡、村级；市级；区级')}
        <Field
          name="sort"
          label={FIELD_LABELS.sort}
          value={text(v, 'sort')}
          error={e.sort}
          inputmode="numeric"
          hint="决定在本领域内的排列顺序；不填则排在最后"
        />
        <button type="submit">{p.rowId ? '保存修改' : '新增事项'}</button>
      </PostForm>
    </AdminLayout>
  );
}

/**
 * The draft form's select of the organization's catalogue rows, grouped by key area (optional link).
 * @param p.value the chosen row id ('' for none)
 */
export function CatalogueRowSelect(p: { groups: RowChoiceGroup[]; value?: string; error?: string }) {
  const notes = { id: 'f-catalogueRow', hint: '本信息对应的基层政务公开标准目录事项（可不选）。', error: p.error };
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={notes.id}>标准目录事项</label>
      <FieldNotes {...notes} />
      <select
        id={notes.id}
        name="catalogueRow"
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy(notes)}
      >
        <option value="" selected={!p.value}>
          {p.groups.length === 0 ? '（本机构尚未编制标准目录）' : '（不对应标准目录事项）'}
        </option>
        {p.groups.map((g) => (
          <optgroup label={g.area}>
            <Options options={g.rows} value={p.value} />
          </optgroup>
        ))}
      </select>
    </div>
  );
}
