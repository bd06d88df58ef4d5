/** @jsxImportSource hono/jsx */
// The back-office case page (依申请公开): summary, applicant, request, identity proof, the deadline
// ledger, the corrections sent online, one form per move the transition table offers (fields from the move's
// ParamSpecs), notices.
import type { Actor } from '../../../domain/policies/actor.js';
import type { ApplicationEvent } from '../../../domain/applications/application.js';
import type { ApplicationPage } from '../../../app/applications/application-pages.js';
import type { CaseView } from '../../../app/applications/application-queries.js';
import type { AvailableTransition } from '../../../domain/applications/transitions.js';
import type { ParamSpec } from '../../../domain/applications/transition-params.js';
import type { TransitionGroup } from '../../../domain/applications/transition-table.js';
import { ACTION_LABELS, STATE_LABELS } from '../../../domain/applications/transition-table.js';
import { OUTCOMES } from '../../../domain/applications/application.js';
import {
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
  CONSULTATION_KIND_LABELS,
  ID_TYPE_LABELS,
  SERVICE_METHOD_LABELS,
  SUBTYPE_LABELS,
  outcomeName,
  requestRows,
  outcomeWithCitation,
} from '../../../domain/applications/labels.js';
import { AdminLayout } from '../../common/layout.js';
import { Label, Options, PostForm } from '../../common/forms.js';
import { formatInstant } from '../../common/time.js';
import { DataTable, InfoList } from '../../common/blocks.js';
import { NoticeList } from './notice-views.js';
import { ReplySection } from './reply-views.js';
import type { ReplyPanel } from '../../../app/applications/reply-files.js';
import { RETENTION_LABELS, type RetentionPeriod } from '../../../domain/applications/reply-approval.js';
import { CaseCell, DueCell } from './application-views.js';
import { ProposedCorrections } from './correction-views.js';

const PATH = '/admin/applications';

/** A move that failed: which form to reopen, with the values typed and the Chinese error. */
export type FailedMove = { action: string; message: string; values: Record<string, string> };

type CaseProps = {
  actor: Actor;
  csrf: string;
  page: ApplicationPage;
  /** The draft notice and attachments; null for roles that do not see them. */
  reply?: ReplyPanel | null;
  flash?: string;
  failed?: FailedMove;
};

/** Forms of the case page other than the moves, by the name a failure reopens them with. */
const FORM_LABELS: Readonly<Record<string, string>> = { release_to_all: '转为主动公开', reply_file: '答复附件' };

const GROUP_TITLES: Readonly<Record<TransitionGroup, string>> = { pending: '办理', complete: '办结', other: '其他' };

/** Labels of enum values by parameter name (consultation kind, service method, outcome). */
const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  kind: CONSULTATION_KIND_LABELS,
  method: SERVICE_METHOD_LABELS,
  outcome: Object.fromEntries(OUTCOMES.map((o) => [o, outcomeName(o)])),
  retention: RETENTION_LABELS,
};

/** The case page. */
export function ApplicationCasePage(p: CaseProps) {
  const { view } = p.page;
  const { app, org } = view;
  const r = app.request;
  return (
    <AdminLayout
      title={`申请 ${app.trackingCode}`}
      actor={p.actor}
      csrf={p.csrf}
      path={PATH}
      flash={p.flash}
      back={[PATH, '返回申请列表']}
    >
      {p.failed ? (
        <div class="error-summary" role="alert" tabindex={-1}>
          <p>
            “
            {ACTION_LABELS[p.failed.action as keyof typeof ACTION_LABELS] ??
              FORM_LABELS[p.failed.action] ??
              p.failed.action}
            ”未完成
          </p>
          <p>{p.failed.message}</p>
        </div>
      ) : null}
      <h2>概况</h2>
      <InfoList
        rows={[
          ['查询码', app.trackingCode],
          ['受理机关', org.name],
          ['收到渠道', CHANNEL_LABELS[app.channel]],
          ['收到日期', app.receivedOn],
          ['状态', STATE_LABELS[app.state]],
          [
            '答复期限',
            <DueCell dueOn={app.dueOn} status={view.status} provisional={app.events.at(-1)?.provisional === true} />,
          ],
          ['补正、征求意见或缴费期限至', app.waitingUntil],
          ['延期', app.extended ? '已延期' : '未延期'],
          ['承办人', p.page.handlerLabel],
          ['办理结果', outcomeWithCitation(app.outcome)],
          ['办结日期', app.closedOn],
          ...archiveRows(app.events),
        ]}
      />
      <ApplicantBlock view={view} />
      <ApplicantHistory view={view} />
      <h2>申请内容</h2>
      <InfoList rows={requestRows(r)} />
      <Ledger events={app.events} people={p.page.people} />
      <ProposedCorrections
        caseId={app.id}
        csrf={p.csrf}
        proposals={p.page.proposals}
        canAccept={p.page.can.acceptCorrection}
        typed={p.failed?.values}
      />
      {p.reply ? <ReplySection caseId={app.id} csrf={p.csrf} reply={p.reply} /> : null}
      <Moves {...p} />
      <NoticeList csrf={p.csrf} notices={p.page.notices} canRecordService={p.page.can.recordService} />
      {p.page.can.releaseToAll ? (
        <section aria-labelledby="release-h">
          <h2 id="release-h">转为主动公开</h2>
          <p class="muted">
            依照《条例》第四十四条，可以公开且有普遍需求的信息可纳入主动公开：生成一份信息草稿，经审核签发后在门户发布（不含申请人个人信息）。
          </p>
          <PostForm action={`${PATH}/${app.id}/release`} csrf={p.csrf}>
            <button type="submit" class="secondary">
              生成主动公开信息草稿
            </button>
          </PostForm>
        </section>
      ) : null}
    </AdminLayout>
  );
}

function ApplicantBlock(p: { view: CaseView }) {
  const { app, personalVisible } = p.view;
  const a = app.applicant;
  if (!personalVisible) {
    return (
      <>
        <h2>申请人</h2>
        <p class="notice">无权查看申请人个人信息</p>
      </>
    );
  }
  const idLabel = a.type === 'legal_person' ? '统一社会信用代码' : a.idType ? ID_TYPE_LABELS[a.idType] : '证件号码';
  return (
    <>
      <h2>申请人</h2>
      <InfoList
        rows={[
          ['类型', `${APPLICANT_TYPE_LABELS[a.type]}${a.subtype ? `（${SUBTYPE_LABELS[a.subtype]}）` : ''}`],
          ['姓名或名称', a.name],
          [idLabel, a.idNumber || '—'],
          ['法定代表人', a.legalRepresentative || null],
          ['联系人', a.contactPerson || null],
          ['联系电话', a.phone || '—'],
          ['电子邮箱', a.email || '—'],
          ['通信地址', `${a.address || '—'}${a.postcode ? `（邮编 ${a.postcode}）` : ''}`],
          [
            '身份证明',
            app.proofFileId ? (
              <a href={`${PATH}/${app.id}/proof`} download>
                下载身份证明文件
              </a>
            ) : (
              <span class="warn">未提供身份证明</span>
            ),
          ],
        ]}
      />
    </>
  );
}

function Ledger(p: { events: readonly ApplicationEvent[]; people: Readonly<Record<string, string>> }) {
  return (
    <>
      <h2 id="ledger">期限台账</h2>
      <DataTable
        class="ledger"
        labelledBy="ledger"
        cols={['日期', '办理事项', '操作人', '答复期限', '说明', '记录时间']}
      >
        {p.events.map((e) => (
          <tr>
            <td>{e.on}</td>
            <td>{ACTION_LABELS[e.action]}</td>
            <td>{(e.actorId && p.people[e.actorId]) || e.actorLabel}</td>
            <td>
              {e.dueOn ?? '暂停计算'}
              {e.provisional ? <span class="badge badge-provisional">暂定</span> : null}
            </td>
            <td>
              {e.explanation}
              <EventComments event={e} />
              {typeof e.params.note === 'string' && e.params.note ? <p class="muted">备注：{e.params.note}</p> : null}
            </td>
            <td>{formatInstant(e.at)}</td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

/** What the ledger prints of a step's words: review and approval comments, the reason of a return. */
const COMMENT_PARAMS: readonly [string, string][] = [
  ['comments', '意见'],
  ['reason', '理由'],
];

/** The comments of legal review and approval, and the reason of a return, for everyone on the case. */
function EventComments(p: { event: ApplicationEvent }) {
  const shown = ['pass_legal_review', 'return_from_legal_review', 'approve_reply', 'return_from_approval'];
  if (!shown.includes(p.event.action)) return null;
  return (
    <>
      {COMMENT_PARAMS.map(([name, label]) => {
        const v = p.event.params[name];
        return typeof v === 'string' && v.trim() !== '' ? (
          <p class="review-comment">
            {ACTION_LABELS[p.event.action]}
            {label}：{v}
          </p>
        ) : null;
      })}
    </>
  );
}

/** The 档号 and 保管期限 an archive move recorded. */
function archiveRows(events: readonly ApplicationEvent[]): [string, string | null][] {
  const filed = events.findLast((e) => e.action === 'archive');
  if (!filed) return [];
  const retention = filed.params.retention as RetentionPeriod | undefined;
  return [
    ['档号', typeof filed.params.archiveNo === 'string' ? filed.params.archiveNo : null],
    ['保管期限', retention && Object.hasOwn(RETENTION_LABELS, retention) ? RETENTION_LABELS[retention] : null],
  ];
}

/** The applicant's other applications (arts. 35, 36(6)): possible repeats flagged for the handler to judge. */
function ApplicantHistory(p: { view: CaseView }) {
  const v = p.view;
  if (!v.personalVisible || (v.related.length === 0 && v.applicantMonthCount <= 1)) return null;
  const repeats = v.related.filter((r) => r.possibleRepeat);
  return (
    <section aria-labelledby="history-h">
      <h2 id="history-h">同一申请人的其他申请</h2>
      <p>
        本月该申请人向本机关提出申请共 {v.applicantMonthCount} 件。
        {repeats.length > 0 ? (
          <strong class="warn">有 {repeats.length} 件内容相近，可能属于重复申请，请核实。</strong>
        ) : null}
      </p>
      <DataTable cols={['查询码', '收到日期', '状态', '内容相似度']}>
        {v.related.slice(0, 10).map((r) => (
          <tr>
            <CaseCell id={r.id} code={r.trackingCode} />
            <td>{r.receivedOn}</td>
            <td>{STATE_LABELS[r.state as keyof typeof STATE_LABELS] ?? r.state}</td>
            <td>
              {Math.round(r.similarity * 100)}%{r.possibleRepeat ? '（可能重复）' : ''}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

function Moves(p: CaseProps) {
  const { view, handlers, transferOrgs } = p.page;
  const moves = view.moves;
  return (
    <section aria-labelledby="moves">
      <h2 id="moves">可办理事项</h2>
      {moves.length === 0 ? <p class="muted">您在本申请的当前状态下没有可办理的事项。</p> : null}
      {(['pending', 'complete', 'other'] as const).map((group) => {
        const inGroup = moves.filter((m) => m.group === group);
        return inGroup.length === 0 ? null : (
          <div class="move-group">
            <h3>{GROUP_TITLES[group]}</h3>
            {inGroup.map((m) => (
              <MoveForm
                move={m}
                from={view.app.state}
                caseId={view.app.id}
                csrf={p.csrf}
                handlers={handlers.map((h): [string, string] => [h.id, h.label])}
                orgs={transferOrgs.map((o): [string, string] => [o.id, o.name])}
                failed={p.failed?.action === m.action && !p.failed.values.proposalId ? p.failed : undefined}
              />
            ))}
          </div>
        );
      })}
    </section>
  );
}

function MoveForm(p: {
  move: AvailableTransition;
  from: string;
  caseId: string;
  csrf: string;
  handlers: [string, string][];
  orgs: [string, string][];
  failed?: FailedMove;
}) {
  const m = p.move;
  return (
    <details class="move" open={p.failed !== undefined || m.params.length <= 1}>
      <summary>
        {m.label}
        <span class="muted">{m.to === p.from ? '（状态不变）' : `（办理后：${STATE_LABELS[m.to]}）`}</span>
      </summary>
      <PostForm action={`${PATH}/${p.caseId}/actions`} csrf={p.csrf}>
        <input type="hidden" name="action" value={m.action} />
        {m.params.map((s) => (
          <MoveField action={m.action} spec={s} value={p.failed?.values[s.name]} handlers={p.handlers} orgs={p.orgs} />
        ))}
        <button type="submit">{m.label}</button>
      </PostForm>
    </details>
  );
}

function MoveField(p: {
  action: string;
  spec: ParamSpec;
  value?: string;
  handlers: [string, string][];
  orgs: [string, string][];
}) {
  const s = p.spec;
  const id = `m-${p.action}-${s.name}`;
  const label = (
    <Label for={id} required={s.required}>
      {s.label}
    </Label>
  );
  if (s.type === 'boolean') {
    return (
      <div class="field">
        <label class="check" for={id}>
          <input
            id={id}
            type="checkbox"
            name={s.name}
            value="true"
            required={s.required}
            checked={p.value === 'true'}
          />{' '}
          {s.label}
        </label>
      </div>
    );
  }
  const choices: [string, string][] | undefined =
    s.name === 'handlerId'
      ? p.handlers
      : s.name === 'orgId'
        ? p.orgs
        : s.type === 'enum'
          ? (s.values ?? []).map((v) => [v, VALUE_LABELS[s.name]?.[v] ?? v])
          : undefined;
  if (choices) {
    return (
      <div class="field">
        {label}
        <select id={id} name={s.name} required={s.required}>
          <option value="">（请选择）</option>
          <Options options={choices} value={p.value} />
        </select>
      </div>
    );
  }
  const hint =
    s.type === 'date' && !s.required
      ? '不填则为今天'
      : s.type === 'int'
        ? `${s.min ?? 0} 至 ${s.max ?? '—'} 之间的整数`
        : undefined;
  return (
    <div class="field">
      {label}
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {s.type === 'text' && (s.max ?? 0) > 500 ? (
        <textarea
          id={id}
          name={s.name}
          rows={3}
          required={s.required}
          aria-describedby={hint ? `${id}-hint` : undefined}
        >
          {p.value ?? ''}
        </textarea>
      ) : (
        <input
          id={id}
          name={s.name}
          type={s.type === 'date' ? 'date' : s.type === 'int' ? 'number' : 'text'}
          min={s.type === 'int' ? s.min : undefined}
          max={s.type === 'int' ? s.max : undefined}
          inputmode={s.type === 'int' ? 'numeric' : undefined}
          value={p.value ?? ''}
          required={s.required}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
      )}
    </div>
  );
}
