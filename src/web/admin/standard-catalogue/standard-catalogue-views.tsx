/** @jsxImportSource hono/jsx */
// The standard-catalogue page of an organization (/admin/orgs/:id/standard-catalogue): per key area
// its rows in the published column set with what is published under each row and the overdue flags;
// "not applicable" statements; local areas; XLSX import and export; filters. And the dashboard's card.
import type { Actor } from '../../../domain/policies/actor.js';
import type { SheetError } from '../../../domain/standard-catalogue/sheet.js';
import { describeTimeLimitRule } from '../../../domain/standard-catalogue/time-limit.js';
import { METHOD_LABELS, ROW_COLUMNS, channelMarks } from '../../../domain/standard-catalogue/catalogue-row.js';
import type { CatalogueAreaView, StandardCataloguePage } from '../../../app/standard-catalogue/catalogue-page.js';
import type { CatalogueDashboardLine, RowStatus } from '../../../app/standard-catalogue/catalogue-dashboard.js';
import { AdminLayout } from '../../common/layout.js';
import {
  ErrorSummary,
  Field,
  FieldNotes,
  FileField,
  FilterForm,
  PostForm,
  Select,
  describedBy,
  type FormPart,
} from '../../common/forms.js';
import { DataTable } from '../../common/blocks.js';

type Props = {
  actor: Actor;
  csrf: string;
  data: StandardCataloguePage;
  /** The filter as typed. */
  filter: { area: string; show: string };
  /** The filter's malformed fields. */
  filterErrors?: Record<string, string>;
  flash?: string;
  message?: string;
  /** Field errors of the small forms (area name, not-applicable reason, import file). */
  errors?: Record<string, string>;
  /** What the small forms held when they failed. */
  values?: Record<string, string>;
  /** The area whose not-applicable form failed (its details open). */
  failedArea?: string;
  importErrors?: SheetError[];
};

const LABELS: Readonly<Record<string, string>> = {
  name: '领域名称',
  reason: '未涉及说明',
  file: '目录文件',
  show: '事项',
};

/** The page. */
export function StandardCatalogueView(p: Props) {
  const { data } = p;
  const base = `/admin/orgs/${data.org.id}/standard-catalogue`;
  const t = data.totals;
  return (
    <AdminLayout
      title={`基层政务公开标准目录：${data.org.name}`}
      actor={p.actor}
      csrf={p.csrf}
      path="/admin/publications"
      flash={p.flash}
      back={['/admin/publications', '返回主动公开']}
    >
      <ErrorSummary message={p.message} errors={{ ...p.filterErrors, ...p.errors }} labels={LABELS} />
      {p.importErrors && p.importErrors.length > 0 ? <ImportErrors errors={p.importErrors} /> : null}
      <div class="grid">
        <div class="card">
          <p>目录事项</p>
          <p class="big">{t.rows}</p>
        </div>
        <div class="card">
          <p>尚无已发布信息</p>
          <p class="big">{t.nothingPublished}</p>
          <a href={`${base}?show=nothing`}>只看这些事项</a>
        </div>
        <div class="card">
          <p>超过公开时限</p>
          <p class="big">{t.overdue}</p>
          <a href={`${base}?show=overdue`}>只看逾期事项</a>
        </div>
      </div>
      <FilterForm action={base} label="筛选目录事项">
        <Select
          name="area"
          label="重点领域"
          value={p.filter.area}
          options={[['', '全部领域'], ...data.allAreas.map((a): [string, string] => [a.id, a.name])]}
        />
        <Select
          name="show"
          label="事项"
          value={p.filter.show}
          options={[
            ['', '全部事项'],
            ['overdue', '超过公开时限的事项'],
            ['nothing', '尚无已发布信息的事项'],
          ]}
        />
      </FilterForm>
      <p class="actions-row">
        <a href={`${base}/export.xlsx`} download>
          导出标准目录（XLSX）
        </a>
        {data.can.write ? (
          <a class="button" href={`${base}/rows/new`}>
            新增事项
          </a>
        ) : null}
      </p>
      {data.can.write ? (
        <WriterForms base={base} csrf={p.csrf} values={p.values ?? {}} errors={p.errors ?? {}} />
      ) : null}
      {data.areas.length === 0 ? <p class="notice">没有符合条件的目录事项。</p> : null}
      {data.areas.map((a) => (
        <AreaSection
          view={a}
          base={base}
          csrf={p.csrf}
          canWrite={data.can.write}
          open={p.failedArea === a.area.id}
          reason={p.failedArea === a.area.id ? (p.values?.reason ?? '') : ''}
          error={p.failedArea === a.area.id ? p.errors?.reason : undefined}
        />
      ))}
    </AdminLayout>
  );
}

/** Every error of a refused import, naming sheet, row and column. */
function ImportErrors(p: { errors: SheetError[] }) {
  return (
    <section class="error-summary" aria-labelledby="import-errors-h">
      <h2 id="import-errors-h">导入未完成：文件中有 {p.errors.length} 处错误，未写入任何内容</h2>
      <ul>
        {p.errors.map((e) => (
          <li>{`工作表“${e.sheet}”${e.row > 0 ? `第${e.row}行` : ''}${e.column ? `${e.column}列` : ''}：${e.message}`}</li>
        ))}
      </ul>
    </section>
  );
}

/** Import, and adding a local area (writers only). */
function WriterForms(p: FormPart & { base: string }) {
  return (
    <div class="grid">
      <PostForm action={`${p.base}/import`} csrf={p.csrf} multipart class="card">
        <h2>导入标准目录</h2>
        <FileField
          name="file"
          label="目录文件（XLSX）"
          hint="按政府网站公布的目录格式，每个领域一个工作表；文件中各领域原有而文件中没有的事项将停用。有任何错误时不写入。"
          error={p.errors.file}
          accept=".xlsx"
          required
        />
        <button type="submit">导入</button>
      </PostForm>
      <PostForm action={`${p.base}/areas`} csrf={p.csrf} class="card">
        <h2>新增地方领域</h2>
        <Field
          name="name"
          label="领域名称"
          value={p.values.name}
          error={p.errors.name}
          required
          hint="26个试点领域之外本地增设的领域，如：涉农资金"
        />
        <button type="submit">新增领域</button>
      </PostForm>
    </div>
  );
}

/** One area's section, and its "not applicable" form when it has no rows (open after that form failed). */
type AreaProps = {
  view: CatalogueAreaView;
  base: string;
  csrf: string;
  canWrite: boolean;
  open: boolean;
  reason: string;
  error?: string;
};

function AreaSection(p: AreaProps) {
  const { area, notApplicable, rows, rowCount } = p.view;
  const hId = `area-${area.id}`;
  return (
    <section aria-labelledby={hId}>
      <h2 id={hId}>
        {area.name}
        {area.national ? null : <span class="badge">地方领域</span>}
        <span class="muted">（{rowCount} 项）</span>
      </h2>
      {notApplicable !== null ? (
        <div class="notice">
          <p>本机构未涉及该领域：{notApplicable}</p>
          {p.canWrite ? (
            <PostForm action={`${p.base}/areas/${area.id}/applicable`} csrf={p.csrf}>
              <button type="submit" class="secondary">
                撤销未涉及说明
              </button>
            </PostForm>
          ) : null}
        </div>
      ) : rowCount === 0 ? (
        <EmptyArea {...p} />
      ) : (
        <RowsTable rows={rows} base={p.base} csrf={p.csrf} canWrite={p.canWrite} caption={`${area.name}领域目录事项`} />
      )}
    </section>
  );
}

function EmptyArea(p: AreaProps) {
  const { area } = p.view;
  // The failed form's field takes the id the error summary links to.
  const fid = p.open ? 'f-reason' : `f-reason-${area.id}`;
  return (
    <div>
      <p class="muted">尚无目录事项。</p>
      {p.canWrite ? (
        <details open={p.open}>
          <summary>说明本机构未涉及该领域</summary>
          <PostForm action={`${p.base}/areas/${area.id}/not-applicable`} csrf={p.csrf}>
            <div class={p.error ? 'field has-error' : 'field'}>
              <label for={fid}>未涉及说明</label>
              <FieldNotes id={fid} error={p.error} />
              <textarea
                id={fid}
                name="reason"
                rows={2}
                required
                aria-invalid={p.error ? 'true' : undefined}
                aria-describedby={describedBy({ id: fid, error: p.error })}
              >
                {p.reason}
              </textarea>
            </div>
            <button type="submit">保存说明</button>
          </PostForm>
          <p>
            <a href={`${p.base}/rows/new?area=${encodeURIComponent(area.id)}`}>或为该领域新增事项</a>
          </p>
        </details>
      ) : null}
    </div>
  );
}

/** The rows of one area in the published column order, plus what is published and the flags. */
function RowsTable(p: { rows: RowStatus[]; base: string; csrf: string; canWrite: boolean; caption: string }) {
  return (
    <DataTable
      class="catalogue-rows"
      caption={p.caption}
      captionClass="vh"
      cols={[...ROW_COLUMNS, '已发布信息', '状态', ...(p.canWrite ? ['操作'] : [])]}
    >
      {p.rows.map((s, i) => (
        <RowLine status={s} index={i + 1} base={p.base} csrf={p.csrf} canWrite={p.canWrite} />
      ))}
    </DataTable>
  );
}

function RowLine(p: { status: RowStatus; index: number; base: string; csrf: string; canWrite: boolean }) {
  const { row, liveCount, lastPublishedOn } = p.status;
  return (
    <tr>
      <td>{p.index}</td>
      <td>{row.level1}</td>
      <td>{row.level2}</td>
      <td>{row.level3 || '—'}</td>
      <td class="pre">{row.contentElements}</td>
      <td>{row.basis}</td>
      <td>
        {row.timeLimitText}
        <p class="muted">
          {row.timeLimitRule
            ? `计算规则：${describeTimeLimitRule(row.timeLimitRule)}`
            : '计算规则：无（不自动计算期限）'}
        </p>
      </td>
      <td>{row.subject}</td>
      <td>
        {channelMarks(row).map((c) => (
          <span class="channel">{c} </span>
        ))}
      </td>
      <td>{row.audience}</td>
      <td>{METHOD_LABELS[row.method]}</td>
      <td>{row.levels.join('、') || '—'}</td>
      <td>{liveCount > 0 ? `${liveCount} 条，最近 ${lastPublishedOn ?? ''}` : '无'}</td>
      <td>
        <RowFlag status={p.status} />
      </td>
      {p.canWrite ? (
        <td>
          <a href={`${p.base}/rows/${row.id}/edit`}>
            修改
            <span class="vh">
              ：{row.level1} {row.level2}
            </span>
          </a>
          <PostForm action={`${p.base}/rows/${row.id}/retire`} csrf={p.csrf}>
            <button type="submit" class="secondary">
              停用
              <span class="vh">
                ：{row.level1} {row.level2}
              </span>
            </button>
          </PostForm>
        </td>
      ) : null}
    </tr>
  );
}

/** Overdue, nothing published, or the next due date, as text (never colour alone). */
function RowFlag(p: { status: RowStatus }) {
  const s = p.status;
  if (s.overdue) return <span class="badge badge-overdue">逾期（应于 {s.dueOn} 前公开）</span>;
  if (s.liveCount === 0 && s.dueOn) {
    return <span class="badge badge-due_soon">尚无已发布信息，应于 {s.dueOn} 前公开</span>;
  }
  if (s.liveCount === 0) return <span class="badge badge-due_soon">尚无已发布信息</span>;
  return s.dueOn ? <span class="muted">下次应于 {s.dueOn} 前公开</span> : <span class="muted">正常</span>;
}

/**
 * The dashboard's standard-catalogue card: per organization, rows with nothing published and rows whose time
 * limit has passed; nothing when the actor reads no organization's catalogue.
 */
export function CatalogueDashboardCard(p: { lines: CatalogueDashboardLine[] }) {
  const { lines } = p;
  if (lines.length === 0) return null;
  return (
    <section aria-labelledby="dash-standard-catalogue">
      <h3 id="dash-standard-catalogue">基层政务公开标准目录</h3>
      <DataTable cols={['机构', '目录事项', '尚无已发布信息', '超过公开时限']}>
        {lines.map((l) => {
          const base = `/admin/orgs/${l.orgId}/standard-catalogue`;
          return (
            <tr>
              <td>
                <a href={base}>{l.orgName}</a>
              </td>
              <td>{l.rows}</td>
              <td>
                {l.nothingPublished > 0 ? (
                  <a href={`${base}?show=nothing`}>
                    {l.nothingPublished} 项<span class="vh">（{l.orgName}尚无已发布信息的事项）</span>
                  </a>
                ) : (
                  '0'
                )}
              </td>
              <td>
                {l.overdue > 0 ? (
                  <a class="badge badge-overdue" href={`${base}?show=overdue`}>
                    逾期 {l.overdue} 项<span class="vh">（{l.orgName}）</span>
                  </a>
                ) : (
                  '0'
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}
