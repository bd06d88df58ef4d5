/** @jsxImportSource hono/jsx */
// The back-office case page (依申请公开): summary, applicant, request, identity proof, the deadline
// ledger, one form per move the transition table offers (fields from the move's ParamSpecs), notices.
import type { Actor } from '../../../domain/policies/actor.js';
import type { ApplicationEvent } from '../../../domain/applications/application.js';
import type { CaseView } from '../../../app/applications/application-queries.js';
import type { AvailableTransition } from '../../../domain/applications/transitions.js';
import type { ParamSpec } from '../../../domain/applications/transition-params.js';
import type { TransitionGroup } from '../../../domain/applications/transition-table.js';
import { ACTION_LABELS, STATE_LABELS } from '../../../domain/applications/transition-table.js';
import { OUTCOME_INFO, isOutcome } from '../../../domain/applications/outcomes.js';
import { AdminLayout } from '../../common/layout.js';
import { Csrf } from '../../common/forms.js';
import { formatInstant } from '../../common/time.js';
import { NoticeList } from './notice-views.js';
import {
  APPLICANT_TYPE_LABELS,
  CARRIER_LABELS,
  CHANNEL_LABELS,
  DELIVERY_LABELS,
  DueCell,
  ID_TYPE_LABELS,
  SUBTYPE_LABELS,
  outcomeText,
} from './application-views.js';

/** A move that failed: which form to reopen, with the values typed and the Chinese error. */
export type FailedMove = { action: string; message: string; values: Record<string, string> };

/** What the notices slot lists. */
export type NoticeItem = { id: string; kind: string; docNo: string; issuedOn: string; servedOn: string | null };

type CaseProps = {
  actor: Actor;
  csrf: string;
  view: CaseView;
  notices: NoticeItem[];
  handlerName: (id: string | null) => string;
  /** [userId, label] of the handlers a case may be assigned to (only needed when `assign` is offered). */
  handlers: [string, string][];
  /** [orgId, name] of the organizations a case may be transferred to (转办). */
  orgs: [string, string][];
  flash?: string;
  failed?: FailedMove;
};

const GROUP_TITLES: Readonly<Record<TransitionGroup, string>> = { pending: '办理', complete: '办结', other: '其他' };

/** Labels of enum values by parameter name (consultation kind, service method, outcome). */
const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  kind: { third_party: '第三方（第三十二条）', agency: '共同制作机关（第三十四条）' },
  method: { post: '邮寄', email: '电子邮件', in_person: '当面送达', online: '网上' },
  outcome: Object.fromEntries(
    Object.values(OUTCOME_INFO).map((o) => [
      o.code,
      o.group === 'disclosed' || o.group === 'partially_disclosed' ? o.groupLabel : `${o.groupLabel} ${o.label}`,
    ]),
  ),
};

/** The case page. */
export function ApplicationCasePage(p: CaseProps) {
  const { app, org } = p.view;
  return (
    <AdminLayout
      title={`申请 ${app.trackingCode}`}
      actor={p.actor}
      csrf={p.csrf}
      path="/admin/applications"
      flash={p.flash}
    >
      <p>
        <a href="/admin/applications">‹ 返回申请列表</a>
      </p>
      {p.failed ? (
        <div class="error-summary" role="alert" tabindex={-1}>
          <p>“{ACTION_LABELS[p.failed.action as keyof typeof ACTION_LABELS] ?? p.failed.action}”未完成</p>
          <p>{p.failed.message}</p>
        </div>
      ) : null}
      <h2>概况</h2>
      <dl class="info">
        <dt>查询码</dt>
        <dd>{app.trackingCode}</dd>
        <dt>受理机关</dt>
        <dd>{org.name}</dd>
        <dt>收到渠道</dt>
        <dd>{CHANNEL_LABELS[app.channel]}</dd>
        <dt>收到日期</dt>
        <dd>{app.receivedOn}</dd>
        <dt>状态</dt>
        <dd>{STATE_LABELS[app.state]}</dd>
        <dt>答复期限</dt>
        <dd>
          <DueCell dueOn={app.dueOn} status={p.view.status} provisional={app.events.at(-1)?.provisional === true} />
        </dd>
        {app.waitingUntil ? (
          <>
            <dt>补正、征求意见或缴费期限至</dt>
            <dd>{app.waitingUntil}</dd>
          </>
        ) : null}
        <dt>延期</dt>
        <dd>{app.extended ? '已延期' : '未延期'}</dd>
        <dt>承办人</dt>
        <dd>{p.handlerName(app.handlerId)}</dd>
        <dt>办理结果</dt>
        <dd>{outcomeText(app.outcome)}</dd>
        {app.closedOn ? (
          <>
            <dt>办结日期</dt>
            <dd>{app.closedOn}</dd>
          </>
        ) : null}
      </dl>
      <ApplicantBlock view={p.view} />
      <ApplicantHistory view={p.view} />
      <h2>申请内容</h2>
      <dl class="info">
        <dt>内容描述</dt>
        <dd>{app.request.description}</dd>
        {app.request.title ? (
          <>
            <dt>信息名称</dt>
            <dd>{app.request.title}</dd>
          </>
        ) : null}
        {app.request.docNo ? (
          <>
            <dt>文号</dt>
            <dd>{app.request.docNo}</dd>
          </>
        ) : null}
        {app.request.indexNo ? (
          <>
            <dt>索引号</dt>
            <dd>{app.request.indexNo}</dd>
          </>
        ) : null}
        <dt>载体形式</dt>
        <dd>{CARRIER_LABELS[app.request.carrier]}</dd>
        <dt>获取方式</dt>
        <dd>{DELIVERY_LABELS[app.request.delivery]}</dd>
      </dl>
      <Ledger events={app.events} />
      <Moves {...p} />
      {/* Notices slot: the list and its service forms belong to notice-views.tsx. */}
      <NoticeList caseId={app.id} csrf={p.csrf} notices={p.notices} />
      {['replied', 'archived'].includes(app.state) &&
      ['disclosed', 'partially_disclosed'].includes(app.outcome ?? '') &&
      p.view.personalVisible ? (
        <section aria-labelledby="release-h">
          <h2 id="release-h">转为主动公开</h2>
          <p class="muted">
            依照《条例》第四十四条，可以公开且有普遍需求的信息可纳入主动公开：生成一份信息草稿，经审核签发后在门户发布（不含申请人个人信息）。
          </p>
          <form method="post" action={`/admin/applications/${app.id}/release`}>
            <Csrf token={p.csrf} />
            <button type="submit" class="secondary">
              生成主动公开信息草稿
            </button>
          </form>
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
  return (
    <>
      <h2>申请人</h2>
      <dl class="info">
        <dt>类型</dt>
        <dd>
          {APPLICANT_TYPE_LABELS[a.type]}
          {a.subtype ? `（${SUBTYPE_LABELS[a.subtype]}）` : ''}
        </dd>
        <dt>姓名或名称</dt>
        <dd>{a.name}</dd>
        <dt>{a.type === 'legal_person' ? '统一社会信用代码' : a.idType ? ID_TYPE_LABELS[a.idType] : '证件号码'}</dt>
        <dd>{a.idNumber || '—'}</dd>
        {a.legalRepresentative ? (
          <>
            <dt>法定代表人</dt>
            <dd>{a.legalRepresentative}</dd>
          </>
        ) : null}
        {a.contactPerson ? (
          <>
            <dt>联系人</dt>
            <dd>{a.contactPerson}</dd>
          </>
        ) : null}
        <dt>联系电话</dt>
        <dd>{a.phone || '—'}</dd>
        <dt>电子邮箱</dt>
        <dd>{a.email || '—'}</dd>
        <dt>通信地址</dt>
        <dd>
          {a.address || '—'}
          {a.postcode ? `（邮编 ${a.postcode}）` : ''}
        </dd>
        <dt>身份证明</dt>
        <dd>
          {app.proofFileId ? (
            <a href={`/admin/applications/${app.id}/proof`} download>
              下载身份证明文件
            </a>
          ) : (
            <span class="warn">未提供身份证明</span>
          )}
        </dd>
      </dl>
    </>
  );
}

function Ledger(p: { events: readonly ApplicationEvent[] }) {
  return (
    <>
      <h2 id="ledger">期限台账</h2>
      <div class="table-wrap">
        <table class="ledger" aria-describedby="ledger">
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">办理事项</th>
              <th scope="col">操作人</th>
              <th scope="col">答复期限</th>
              <th scope="col">说明</th>
              <th scope="col">记录时间</th>
            </tr>
          </thead>
          <tbody>
            {p.events.map((e) => (
              <tr>
                <td>{e.on}</td>
                <td>{ACTION_LABELS[e.action]}</td>
                <td>{e.actorLabel}</td>
                <td>
                  {e.dueOn ?? '暂停计算'}
                  {e.provisional ? <span class="badge badge-provisional">暂定</span> : null}
                </td>
                <td>
                  {e.explanation}
                  {typeof e.params.note === 'string' && e.params.note ? (
                    <p class="muted">备注：{e.params.note}</p>
                  ) : null}
                </td>
                <td>{formatInstant(e.at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** The applicant's other applications (arts. 35, 36(6)): possible repeats flagged for the handler to judge. */
function ApplicantHistory(p: { view: CaseProps['view'] }) {
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
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">查询码</th>
              <th scope="col">收到日期</th>
              <th scope="col">状态</th>
              <th scope="col">内容相似度</th>
            </tr>
          </thead>
          <tbody>
            {v.related.slice(0, 10).map((r) => (
              <tr>
                <td>
                  <a href={`/admin/applications/${r.id}`}>{r.trackingCode}</a>
                </td>
                <td>{r.receivedOn}</td>
                <td>{STATE_LABELS[r.state as keyof typeof STATE_LABELS] ?? r.state}</td>
                <td>
                  {Math.round(r.similarity * 100)}%{r.possibleRepeat ? '（可能重复）' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Moves(p: CaseProps) {
  const moves = p.view.moves;
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
                from={p.view.app.state}
                caseId={p.view.app.id}
                csrf={p.csrf}
                handlers={p.handlers}
                orgs={p.orgs}
                failed={p.failed?.action === m.action ? p.failed : undefined}
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
      <form method="post" action={`/admin/applications/${p.caseId}/actions`}>
        <Csrf token={p.csrf} />
        <input type="hidden" name="action" value={m.action} />
        {m.params.map((s) => (
          <MoveField action={m.action} spec={s} value={p.failed?.values[s.name]} handlers={p.handlers} orgs={p.orgs} />
        ))}
        <button type="submit">{m.label}</button>
      </form>
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
    <label for={id}>
      {s.label}
      {s.required ? (
        <span class="req" aria-hidden="true">
          {' '}
          *
        </span>
      ) : null}
    </label>
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
          ? (s.values ?? []).map((v) => [v, VALUE_LABELS[s.name]?.[v] ?? (isOutcome(v) ? OUTCOME_INFO[v].label : v)])
          : undefined;
  if (choices) {
    return (
      <div class="field">
        {label}
        <select id={id} name={s.name} required={s.required}>
          <option value="">（请选择）</option>
          {choices.map(([v, l]) => (
            <option value={v} selected={v === p.value}>
              {l}
            </option>
          ))}
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
