/** @jsxImportSource hono/jsx */
// Views of the working-day calendar page: the year grid, due-date calculator, overrides and import.
import type { Actor } from '../../../domain/policies/actor.js';
import { formatInstant } from '../../common/time.js';
import type { CalendarPage, DayCell } from '../../../app/calendar/calendar-page.js';
import type { Deadline } from '../../../domain/calendar/working-days.js';
import type { ScheduleFileError } from '../../../domain/calendar/schedule-file.js';
import { dayOfWeek, localDate } from '../../../domain/core/local-date.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, Field, PostForm, Select } from '../../common/forms.js';
import { DataTable } from '../../common/blocks.js';

/** What the calendar page shows. The optional parts carry a form's typed values and errors. */
export type CalendarPageModel = CalendarPage & {
  actor: Actor;
  csrf: string;
  flash?: string;
  due?: { start: string; days: string; result?: Deadline; error?: string };
  overrideForm?: { values: Record<string, string>; errors: Record<string, string>; message: string };
  importError?: { message: string; lines: ScheduleFileError[] };
};

const WEEK_HEAD = ['一', '二', '三', '四', '五', '六', '日'];
const WEEKDAY = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const OVERRIDE_LABELS: Record<string, string> = { date: '日期', working: '类型', reason: '调整原因' };

/** The whole calendar page. */
export function CalendarPage(p: CalendarPageModel) {
  return (
    <AdminLayout
      title={`工作日日历 · ${p.year}年`}
      actor={p.actor}
      csrf={p.csrf}
      path="/admin/calendar"
      flash={p.flash}
    >
      {/* Without edit rights the forms are hidden, so a refused change is reported here. */}
      {p.can.edit ? null : <ErrorSummary message={p.overrideForm?.message ?? p.importError?.message} />}
      <YearStatus {...p} />
      <p class="legend">
        图例：<span class="key holiday">休</span> 放假　<span class="key workday">班</span> 调休上班（周末上班）
        {'　'}
        <span class="key override">※</span> 本地调整　“六”“日”两列为周末
      </p>
      <div class="months">
        {p.months.map((cells, i) => (
          <MonthTable year={p.year} month={i + 1} cells={cells} today={p.today} />
        ))}
      </div>
      <DueSection {...p} />
      <OverrideSection {...p} />
      {p.can.edit ? <ImportSection {...p} /> : null}
    </AdminLayout>
  );
}

function YearStatus(p: CalendarPageModel) {
  const first = p.publishedYears[0];
  const last = p.publishedYears.at(-1);
  return (
    <div>
      <nav class="yearnav" aria-label="选择年份">
        <a href={`/admin/calendar?year=${p.year - 1}`} rel="prev">
          ‹ {p.year - 1}年
        </a>
        <strong aria-current="page">{p.year}年</strong>
        <a href={`/admin/calendar?year=${p.year + 1}`} rel="next">
          {p.year + 1}年 ›
        </a>
      </nav>
      {p.source ? (
        <p>
          本年放假安排来源：<code>{p.source.source}</code>（载入于 {formatInstant(p.source.loadedAt)}）
        </p>
      ) : (
        <p class="banner provisional" role="note">
          <strong>暂定</strong>
          {`：${p.year} 年的放假安排尚未载入。本年只按双休日和本地调整日计算工作日，涉及本年的期限均标为“暂定”，` +
            '国务院公布放假安排并导入后将自动重新计算。'}
        </p>
      )}
      {first !== undefined && last !== undefined ? (
        <p class="muted">
          已载入放假安排的年份：{first}–{last}年{p.publishedYears.length !== last - first + 1 ? '（中间有缺漏）' : ''}
        </p>
      ) : null}
    </div>
  );
}

function MonthTable(p: { year: number; month: number; cells: DayCell[]; today: string }) {
  const first = p.cells[0];
  const blanks = first ? (dayOfWeek(first.date) + 6) % 7 : 0;
  const slots: (DayCell | null)[] = [...Array.from({ length: blanks }, () => null), ...p.cells];
  const weeks: (DayCell | null)[][] = [];
  for (let i = 0; i < slots.length; i += 7) {
    weeks.push(slots.slice(i, i + 7));
  }
  return (
    <div class="month">
      <table>
        <caption>{`${p.year}年${p.month}月`}</caption>
        <thead>
          <tr>
            {WEEK_HEAD.map((w, i) => (
              <th scope="col" abbr={`星期${w}`} class={i >= 5 ? 'weekend' : undefined}>
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr>{w.map((cell) => (cell ? <DayTd cell={cell} today={p.today} /> : <td></td>))}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function DayTd(p: { cell: DayCell; today: string }) {
  const c = p.cell;
  const mark = c.override
    ? c.override.working
      ? '班'
      : '休'
    : c.kind === 'holiday'
      ? '休'
      : c.kind === 'workday'
        ? '班'
        : '';
  const what = c.override
    ? `本地调整为${c.override.working ? '工作日' : '休息日'}：${c.override.reason}`
    : c.kind === 'holiday'
      ? `${c.name} 放假`
      : c.kind === 'workday'
        ? `${c.name} 调休上班`
        : '';
  const classes = [
    c.weekend ? 'weekend' : '',
    mark === '休' ? 'holiday' : mark === '班' ? 'workday' : '',
    c.override ? 'override' : '',
    c.date === p.today ? 'today' : '',
  ];
  return (
    <td
      class={classes.filter(Boolean).join(' ') || undefined}
      title={what ? `${c.date} ${what}` : undefined}
      aria-current={c.date === p.today ? 'date' : undefined}
    >
      <time datetime={c.date}>{Number(c.date.slice(8))}</time>
      {mark ? (
        <abbr class="mark" title={what}>
          {mark}
        </abbr>
      ) : null}
      {c.override ? <span aria-hidden="true">※</span> : null}
      {what ? <span class="vh">{what}</span> : null}
    </td>
  );
}

function DueSection(p: CalendarPageModel) {
  const d = p.due;
  return (
    <section id="due" aria-labelledby="due-h">
      <h2 id="due-h">计算期限</h2>
      <form method="get" action="/admin/calendar#due" class="filters">
        <input type="hidden" name="year" value={String(p.year)} />
        <Field name="start" label="起算日（当日不计入）" type="date" value={d?.start ?? ''} required />
        <Field name="days" label="工作日天数" type="number" inputmode="numeric" value={d?.days ?? '20'} required />
        <button type="submit">计算</button>
      </form>
      {d?.error ? (
        <p class="error" role="alert">
          {d.error}
        </p>
      ) : null}
      {d?.result ? (
        <div role="status">
          <p>
            自 {d.start} 起第 {d.days} 个工作日为：<strong class="big-date">{d.result.due}</strong>（
            {WEEKDAY[dayOfWeek(d.result.due)]}）
          </p>
          {d.result.provisional ? (
            <p class="warn">暂定：该期限涉及尚未载入放假安排的年度，仅按双休日计算；放假安排载入后将重新计算。</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function OverrideSection(p: CalendarPageModel) {
  const f = p.overrideForm;
  return (
    <section id="overrides" aria-labelledby="ov-h">
      <h2 id="ov-h">本地调整日</h2>
      <p class="muted">调整日优先于国务院放假安排，例如本地因故停止办公的日子，或按上级通知上班的日子。</p>
      {p.overrides.length === 0 ? (
        <p>暂无调整日。</p>
      ) : (
        <DataTable cols={['日期', '调整为', '原因', '设置时间', ...(p.can.edit ? ['操作'] : [])]}>
          {p.overrides.map((o) => (
            <tr>
              <td>
                <time datetime={o.date}>{o.date}</time>（{WEEKDAY[dayOfWeek(localDate(o.date))]}）
              </td>
              <td>{o.isWorking ? '工作日（上班）' : '休息日（不上班）'}</td>
              <td>{o.reason}</td>
              <td>{formatInstant(o.createdAt)}</td>
              {p.can.edit ? (
                <td>
                  <PostForm action={`/admin/calendar/overrides/${o.date}/delete`} csrf={p.csrf} class="inline">
                    <button type="submit" class="secondary" aria-label={`删除调整日 ${o.date}`}>
                      删除
                    </button>
                  </PostForm>
                </td>
              ) : null}
            </tr>
          ))}
        </DataTable>
      )}
      {p.can.edit ? (
        <PostForm action="/admin/calendar/overrides" csrf={p.csrf} class="narrow">
          <h3>新增或修改调整日</h3>
          <ErrorSummary message={f?.message} errors={f?.errors} labels={OVERRIDE_LABELS} />
          <Field
            name="date"
            label={OVERRIDE_LABELS.date ?? ''}
            type="date"
            value={f?.values.date}
            error={f?.errors.date}
            hint="同一日期再次设置会覆盖原设置"
            required
          />
          <Select
            name="working"
            label={OVERRIDE_LABELS.working ?? ''}
            value={f?.values.working ?? '0'}
            options={[
              ['0', '休息日（不上班）'],
              ['1', '工作日（上班）'],
            ]}
            required
          />
          <Field
            name="reason"
            label={OVERRIDE_LABELS.reason ?? ''}
            value={f?.values.reason}
            error={f?.errors.reason}
            hint="例如：本区因台风停止办公（区政府通知）"
            required
          />
          <button type="submit">保存调整日</button>
        </PostForm>
      ) : (
        <p class="notice">只有根机构（本级人民政府）的管理员可以修改日历。</p>
      )}
    </section>
  );
}

function ImportSection(p: CalendarPageModel) {
  const e = p.importError;
  return (
    <section id="import" aria-labelledby="im-h">
      <h2 id="im-h">导入年度放假安排</h2>
      <p class="muted">
        {'国务院办公厅公布下一年度部分节假日安排后，按规定格式整理成 UTF-8 文本文件（.txt）上传。' +
          '导入会替换该年度已有的放假安排，并重新计算涉及该年度的暂定期限。文件有任何错误时不会导入任何内容。'}
      </p>
      {e ? (
        <div class="error-summary" role="alert" tabindex={-1}>
          <p>{e.message}</p>
          {e.lines.length > 0 ? (
            <ul>
              {e.lines.map((l) => (
                <li>
                  {l.line === 0 ? '整个文件' : `第 ${l.line} 行`}：{l.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <PostForm action="/admin/calendar/import" csrf={p.csrf} multipart class="narrow">
        <div class={e ? 'field has-error' : 'field'}>
          <label for="f-file">放假安排文件（.txt）</label>
          <p class="hint" id="f-file-hint">
            格式：每行“YYYY-MM-DD holiday 名称”或“YYYY-MM-DD workday 名称”，首行“year 年份”，可加“source 文号或网址”。
          </p>
          <input id="f-file" name="file" type="file" accept=".txt,text/plain" required aria-describedby="f-file-hint" />
        </div>
        <button type="submit">上传并导入</button>
      </PostForm>
    </section>
  );
}
