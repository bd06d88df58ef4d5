/** @jsxImportSource hono/jsx */
// The back-office page of one publication: the metadata table, the body preview, attachments, the
// pre-publication checks as they stand, the review trail with each step's findings (evidence), the
// live version while a revision runs, and one form per move the transition table offers.
import { raw } from 'hono/html';
import type { Actor } from '../../../domain/policies/actor.js';
import {
  DISCLOSURE_LABELS,
  KIND_LABELS,
  VALIDITY_LABELS,
  WITHHELD_GROUND_LABELS,
  type ReviewEntry,
} from '../../../domain/publications/publication.js';
import { ACTION_LABELS, STATE_LABELS, type PublicationAction } from '../../../domain/publications/transition-table.js';
import type { AvailableTransition } from '../../../domain/publications/transitions.js';
import { CHECK_RULE_LABELS, type CheckFinding } from '../../../domain/publications/checks.js';
import { fieldLabel, PUBLICATION_FIELD_LABELS as L } from '../../../domain/publications/draft-fields.js';
import { formatSize } from '../../../domain/publications/attachments.js';
import type { ReviewLevel } from '../../../domain/publications/review-chain.js';
import type { PublicationPage } from '../../../app/publications/back-office.js';
import { AdminLayout } from '../../common/layout.js';
import { Label, PostForm } from '../../common/forms.js';
import { formatInstant } from '../../common/time.js';
import { ClockBadge } from './publication-views.js';
import { ReassessSection, type ReassessFailure } from './publication-reassess-views.js';
import { REASSESS_LEDGER_ACTION, REASSESS_LEDGER_LABEL } from '../../../domain/publications/reassessment.js';
import { DataTable } from '../../common/blocks.js';
import { CLOCK_CAUSE_LABELS } from '../../../domain/publications/deadlines.js';
import { VERSION_STATUS_LABELS, type VersionHistoryRow } from '../../../domain/publications/version-history.js';

/**
 * The body as the back office previews it: an image the body shows at the portal's address of one of the item's
 * own attachments (an image imported from Word) is loaded from the back office, which serves it before publication.
 */
function previewHtml(html: string, id: string, attachments: readonly { fileId: string }[]): string {
  const own = new Set(attachments.map((a) => a.fileId));
  return html.replace(
    /(<img\b[^>]*?\ssrc=")\/files\/([0-9a-f]{64})(?:\?[^"]*)?"/g,
    (all, head: string, fileId: string) =>
      own.has(fileId) ? `${head}/admin/publications/${encodeURIComponent(id)}/files/${fileId}"` : all,
  );
}

/** A move that failed: which form to reopen, with the values typed and the Chinese error. */
export type FailedMove = { action: string; message: string; values: Record<string, string> };

/** A form of the page that was refused: a move, or the art. 18 re-assessment. */
export type PageFailure = ({ form: 'move' } & FailedMove) | ({ form: 'reassess' } & ReassessFailure);

type Props = {
  actor: Actor;
  csrf: string;
  page: PublicationPage;
  flash?: string;
  failed?: PageFailure;
};

const levelName = (levels: readonly ReviewLevel[], level: number | null): string => {
  if (level === null) return '';
  const l = levels[level - 1];
  return l ? `第${level}级“${l.label}”${l.confidentiality ? '（保密审查）' : ''}` : `第${level}级`;
};

/** The item page. */
export function PublicationItemPage(p: Props) {
  const { pub, live, levels } = p.page;
  const move = p.failed?.form === 'move' ? p.failed : undefined;
  const stateText =
    pub.state === 'submitted' || pub.state === 'in_review'
      ? `${STATE_LABELS[pub.state]}：待${levelName(levels, pub.reviewLevel)}审核`
      : STATE_LABELS[pub.state];
  return (
    <AdminLayout
      title={pub.title}
      actor={p.actor}
      csrf={p.csrf}
      path="/admin/publications"
      flash={p.flash}
      back={['/admin/publications', '返回信息列表']}
    >
      {move ? (
        <div class="error-summary" role="alert" tabindex={-1}>
          <p>“{ACTION_LABELS[move.action as PublicationAction] ?? move.action}”未完成</p>
          <p>{move.message}</p>
        </div>
      ) : null}
      <p>
        状态：<strong>{stateText}</strong>
        {pub.major ? <span class="badge badge-major">重大</span> : null}
        {p.page.can.edit ? (
          <>
            {' '}
            <a class="button secondary" href={`/admin/publications/${pub.id}/edit`}>
              修改草稿
            </a>
          </>
        ) : null}
      </p>
      {p.page.can.interpret ? (
        <PostForm action={`/admin/publications/${pub.id}/interpretation`} csrf={p.csrf}>
          <button type="submit" class="secondary">
            为本文件起草解读
          </button>
        </PostForm>
      ) : null}
      {pub.state !== 'withdrawn' && pub.withdrawnAt ? (
        <p class="notice" id="reopened">
          撤稿后修订：该信息已于{formatInstant(pub.withdrawnAt)}撤稿（理由：{pub.withdrawReason}
          ），网站上不显示。修订稿经审核签发发布后，以原索引号和原网址重新公开。
        </p>
      ) : null}
      {live && pub.state !== 'published' && pub.state !== 'withdrawn' ? (
        <p class="notice">
          正在修订：网站上仍显示第{live.version}版（{formatInstant(live.publishedAt)}发布，名称“{live.fields.title}
          ”），新版本签发发布后替换。
        </p>
      ) : null}
      {pub.state === 'withdrawn' ? (
        <p class="notice">
          已于{formatInstant(pub.withdrawnAt)}撤稿。理由：{pub.withdrawReason}
        </p>
      ) : null}
      <Metadata page={p.page} />
      <h2>正文</h2>
      <div class="body-preview">{raw(previewHtml(p.page.bodyHtml, pub.id, pub.attachments))}</div>
      <h2>附件</h2>
      {pub.attachments.length === 0 ? (
        <p class="muted">无附件</p>
      ) : (
        <ul class="plain">
          {pub.attachments.map((a) => (
            <li>
              <a href={`/admin/publications/${pub.id}/files/${a.fileId}`}>{a.name}</a>（{formatSize(a.size)}）
            </li>
          ))}
        </ul>
      )}
      {['draft', 'submitted', 'in_review', 'signed_off'].includes(pub.state) ? (
        <section aria-labelledby="checks-h">
          <h2 id="checks-h">发布前检查（当前内容）</h2>
          {p.page.findings.length === 0 ? <p>未发现问题。</p> : <Findings findings={p.page.findings} />}
        </section>
      ) : null}
      <Versions page={p.page} />
      <Trail reviews={pub.reviews} levels={levels} people={p.page.people} />
      <ReassessSection
        panel={p.page.reassess}
        today={p.page.today}
        failed={p.failed?.form === 'reassess' ? p.failed : undefined}
        csrf={p.csrf}
        pubId={pub.id}
        currentGround={pub.withheldGround}
      />
      <Moves {...p} failed={move} />
    </AdminLayout>
  );
}

function Metadata(p: { page: PublicationPage }) {
  const { pub, clock, org, category, interprets } = p.page;
  return (
    <>
      <h2>基本信息</h2>
      <dl class="info">
        <dt>{L.indexNo}</dt>
        <dd>{pub.indexNo}</dd>
        <dt>{L.title}</dt>
        <dd>{pub.title}</dd>
        <dt>发布机构</dt>
        <dd>{pub.publisher || org?.name}</dd>
        <dt>类别</dt>
        <dd>{category ? `${category.name}${category.retiredAt ? '（已停用）' : ''}` : '—'}</dd>
        <dt>{L.kind}</dt>
        <dd>{KIND_LABELS[pub.kind]}</dd>
        <dt>{L.docNo}</dt>
        <dd>{pub.docNo || '—'}</dd>
        <dt>{L.writtenOn}</dt>
        <dd>{pub.writtenOn}</dd>
        <dt>{L.publishedOn}</dt>
        <dd>{pub.publishedOn ?? '—'}</dd>
        <dt>公开时限</dt>
        <dd>
          {clock ? (
            <>
              {clock.dueOn}前（第二十六条，自{CLOCK_CAUSE_LABELS[clock.cause]}
              {clock.from}起）
              <ClockBadge status={clock.status} />
            </>
          ) : (
            '不适用'
          )}
        </dd>
        {pub.scheduledAt ? (
          <>
            <dt>定时发布</dt>
            <dd>{formatInstant(pub.scheduledAt)}</dd>
          </>
        ) : null}
        <dt>{L.topic}</dt>
        <dd>{pub.topic || '—'}</dd>
        <dt>{L.summary}</dt>
        <dd>{pub.summary || '—'}</dd>
        <dt>{L.keywords}</dt>
        <dd>{pub.keywords || '—'}</dd>
        <dt>{L.keyAreas}</dt>
        <dd>{pub.keyAreas.length > 0 ? pub.keyAreas.join('、') : '—'}</dd>
        <dt>{L.validity}</dt>
        <dd>
          {VALIDITY_LABELS[pub.validity]}
          {pub.validityOn ? `（${pub.validityOn}）` : ''}
        </dd>
        <dt>{L.disclosure}</dt>
        <dd>
          {DISCLOSURE_LABELS[pub.disclosure]}
          {pub.withheldGround ? `：${WITHHELD_GROUND_LABELS[pub.withheldGround]}` : ''}
        </dd>
        <dt>{L.major}</dt>
        <dd>{pub.major ? '是（须由主要负责同志签发）' : '否'}</dd>
        {p.page.interpretations.length > 0 ? (
          <>
            <dt>政策解读</dt>
            <dd>
              <ul class="plain">
                {p.page.interpretations.map((i) => (
                  <li>
                    <a href={`/admin/publications/${i.id}`}>{i.title}</a>（{i.indexNo}）
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {interprets ? (
          <>
            <dt>所解读的文件</dt>
            <dd>
              <a href={`/admin/publications/${interprets.id}`}>{interprets.title}</a>（{interprets.indexNo}）
            </dd>
          </>
        ) : null}
      </dl>
    </>
  );
}

/** The published versions: when each went up, who published it, and how it ended. */
function Versions(p: { page: PublicationPage }) {
  const { versions, people } = p.page;
  if (versions.length === 0) return null;
  const ended = (v: VersionHistoryRow): string => {
    if (v.status === 'withdrawn') {
      const again = v.followedBy === null ? '' : `，修订后以第${v.followedBy}版重新发布`;
      return `${formatInstant(v.endedAt)}撤稿${again}`;
    }
    if (v.status === 'replaced') return `${formatInstant(v.endedAt)}由第${v.followedBy}版替换`;
    return '—';
  };
  return (
    <section aria-labelledby="versions-h">
      <h2 id="versions-h">版本记录</h2>
      <DataTable class="versions" cols={['版本', '发布时间', '发布人', '名称', '状态', '结束']}>
        {versions.map((v) => (
          <tr data-version={v.version}>
            <td>第{v.version}版</td>
            <td>{formatInstant(v.publishedAt)}</td>
            <td>{(v.publishedBy && people[v.publishedBy]) || (v.publishedBy === null ? '系统' : '—')}</td>
            <td>{v.title}</td>
            <td>{VERSION_STATUS_LABELS[v.status]}</td>
            <td>{ended(v)}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

/** Findings as stored (ledger rows hold them as unknown JSON). */
function asFindings(list: readonly unknown[]): CheckFinding[] {
  return list.filter((f): f is CheckFinding => typeof f === 'object' && f !== null && 'rule' in f && 'message' in f);
}

function Findings(p: { findings: readonly CheckFinding[] }) {
  return (
    <ul class="findings">
      {p.findings.map((f) => (
        <li class={f.severity === 'error' ? 'finding-error' : 'finding-warning'}>
          <strong>{f.severity === 'error' ? '须处理' : '提示'}</strong>　{CHECK_RULE_LABELS[f.rule] ?? f.rule}（
          {fieldLabel(f.field) ?? f.field}）：{f.message}
          {f.excerpt ? (
            <>
              {' '}
              <q>{f.excerpt}</q>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Trail(p: {
  reviews: readonly ReviewEntry[];
  levels: readonly ReviewLevel[];
  people: Readonly<Record<string, string>>;
}) {
  return (
    <section aria-labelledby="trail-h">
      <h2 id="trail-h">审核记录</h2>
      <DataTable class="ledger" cols={['时间', '事项', '层级', '操作人', '意见', '发布前检查']}>
        {p.reviews.map((r) => {
          const findings = asFindings(r.findings);
          return (
            <tr>
              <td>{formatInstant(r.at)}</td>
              <td>
                {ACTION_LABELS[r.action as PublicationAction] ??
                  (r.action === REASSESS_LEDGER_ACTION ? REASSESS_LEDGER_LABEL : r.action)}
              </td>
              <td>{levelName(p.levels, r.level) || '—'}</td>
              <td>{(r.actorId && p.people[r.actorId]) || r.actorLabel}</td>
              <td>{r.comment || '—'}</td>
              <td>
                {['submit', 'approve', 'reject'].includes(r.action) ? (
                  findings.length === 0 ? (
                    '未发现问题'
                  ) : (
                    <Findings findings={findings} />
                  )
                ) : (
                  '—'
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}

function Moves(p: Props & { failed?: FailedMove }) {
  const moves = p.page.available;
  return (
    <section aria-labelledby="moves-h">
      <h2 id="moves-h">可办理事项</h2>
      {p.page.separation ? (
        <p class="notice" id="separation">
          您不能审核本级——{p.page.separation}。
        </p>
      ) : null}
      {moves.length === 0 ? <p class="muted">您在当前状态下没有可办理的事项。</p> : null}
      {moves.map((m) => (
        <MoveForm move={m} {...p} failed={p.failed?.action === m.action ? p.failed : undefined} />
      ))}
    </section>
  );
}

function MoveForm(p: Props & { failed?: FailedMove; move: AvailableTransition }) {
  const m = p.move;
  const id = p.page.pub.id;
  const v = p.failed?.values ?? {};
  const blocking = p.page.findings.filter((f) => f.severity === 'error').length;
  return (
    <details class="move" open={p.failed !== undefined || p.page.available.length <= 2}>
      <summary>
        {m.label}
        <span class="muted">（办理后：{STATE_LABELS[m.to]}）</span>
      </summary>
      <PostForm action={`/admin/publications/${id}/actions`} csrf={p.csrf}>
        <input type="hidden" name="action" value={m.action} />
        {m.action === 'approve' ? (
          <>
            <Text name="comment" label="审核意见" action={m.action} value={v.comment} />
            {blocking > 0 || v.acceptFindings !== undefined ? (
              <div class="field">
                <label class="check" for="m-approve-acceptFindings">
                  <input
                    id="m-approve-acceptFindings"
                    type="checkbox"
                    name="acceptFindings"
                    value="true"
                    checked={v.acceptFindings === 'true'}
                  />{' '}
                  已核实检查结果（发布前检查发现{blocking}处须处理的问题），确认无误
                </label>
              </div>
            ) : null}
          </>
        ) : null}
        {m.action === 'reject' ? (
          <Text name="comment" label="退回意见" action={m.action} value={v.comment} required />
        ) : null}
        {m.action === 'withdraw' ? (
          <>
            <Text name="reason" label="撤稿理由" action={m.action} value={v.reason} required />
            <WithdrawInterpretations list={p.page.interpretations} chosen={v.interpretations} />
          </>
        ) : null}
        {m.action === 'publish' && p.page.pub.state === 'signed_off' ? (
          <fieldset>
            <legend>发布时间</legend>
            <label class="check" for="m-publish-now">
              <input id="m-publish-now" type="radio" name="when" value="now" checked={v.when !== 'at'} /> 立即发布
            </label>
            <label class="check" for="m-publish-at">
              <input id="m-publish-at" type="radio" name="when" value="at" checked={v.when === 'at'} /> 定时发布：
            </label>
            <label for="m-publish-time" class="vh">
              定时发布时间
            </label>
            <input id="m-publish-time" type="datetime-local" name="at" value={v.at ?? ''} />
          </fieldset>
        ) : null}
        <button type="submit">
          {m.action === 'publish' && p.page.pub.state === 'scheduled' ? '立即发布' : m.label}
        </button>
      </PostForm>
    </details>
  );
}

/** 撤稿 of a document: a checkbox per live interpretation, to withdraw it in the same move. */
function WithdrawInterpretations(p: { list: PublicationPage['interpretations']; chosen?: string }) {
  if (p.list.length === 0) return null;
  const chosen = new Set((p.chosen ?? '').split(','));
  return (
    <fieldset>
      <legend>本文件的政策解读：勾选的解读一并撤稿（理由同上）</legend>
      {p.list.map((i, n) => (
        <label class="check" for={`m-withdraw-interp-${n}`}>
          <input
            id={`m-withdraw-interp-${n}`}
            type="checkbox"
            name="interpretations"
            value={i.id}
            checked={chosen.has(i.id)}
          />{' '}
          {i.title}（{i.indexNo}）
        </label>
      ))}
    </fieldset>
  );
}

function Text(p: { name: string; label: string; action: string; value?: string; required?: boolean }) {
  const id = `m-${p.action}-${p.name}`;
  return (
    <div class="field">
      <Label for={id} required={p.required}>
        {p.label}
      </Label>
      <textarea id={id} name={p.name} rows={3} required={p.required}>
        {p.value ?? ''}
      </textarea>
    </div>
  );
}
