/** @jsxImportSource hono/jsx */
// The art. 18 re-assessment section of a publication's back-office page: the next due date, the
// register of past re-assessments, and the form that records one (signer, head, admin).
import type { ReassessmentPanel } from '../../../app/publications/reassessment.js';
import {
  DISCLOSURE_LABELS,
  WITHHELD_GROUND_LABELS,
  WITHHELD_GROUNDS,
} from '../../../domain/publications/publication.js';
import {
  REASSESSMENT_DECISION_LABELS,
  REASSESSMENT_DECISIONS,
  REASSESSMENT_FIELD_LABELS as LABELS,
} from '../../../domain/publications/reassessment.js';
import { ErrorSummary, Field, PostForm, Select, labelledOptions } from '../../common/forms.js';
import { formatInstant } from '../../common/time.js';
import { DataTable } from '../../common/blocks.js';

/** A re-assessment that failed: the values typed and the Chinese messages. */
export type ReassessFailure = { message: string; errors: Record<string, string>; values: Record<string, string> };

/** What the item page passes to the section. */
type ReassessSectionProps = {
  panel: ReassessmentPanel;
  today: string;
  failed?: ReassessFailure;
  csrf: string;
  pubId: string;
  currentGround: string | null;
};

/** The section (nothing for items that were never 不予公开). */
export function ReassessSection(p: ReassessSectionProps) {
  const { panel } = p;
  if (!panel.withheld && panel.history.length === 0) return null;
  return (
    <section aria-labelledby="reassess-h">
      <h2 id="reassess-h">定期评估审查（第十八条）</h2>
      {panel.withheld ? (
        <p>
          本信息为“不予公开”信息，应定期评估审查；下次评估日期：<strong>{panel.dueOn ?? '未设定'}</strong>
          {panel.due ? <span class="badge badge-overdue">已到期</span> : null}
        </p>
      ) : null}
      {p.failed && !panel.canRecord ? <ErrorSummary message={p.failed.message} /> : null}
      {panel.history.length > 0 ? <History panel={panel} /> : <p class="muted">尚无评估审查记录。</p>}
      {panel.canRecord ? (
        <ReassessForm {...p} />
      ) : panel.withheld ? (
        <p class="muted">签发人、主要负责同志或管理员可以记录评估审查结论。</p>
      ) : null}
    </section>
  );
}

function History(p: { panel: ReassessmentPanel }) {
  return (
    <DataTable
      class="ledger"
      caption="评估审查记录"
      cols={['评估日期', '结论', '理由', '下次评估日期', '记录人', '记录时间']}
    >
      {p.panel.history.map((r) => (
        <tr>
          <td>{r.assessedOn}</td>
          <td>
            {REASSESSMENT_DECISION_LABELS[r.decision]}
            {r.withheldGround
              ? `：${WITHHELD_GROUND_LABELS[r.withheldGround]}`
              : `（${DISCLOSURE_LABELS[r.disclosureBefore]}→${DISCLOSURE_LABELS[r.disclosureAfter]}）`}
          </td>
          <td>{r.reason}</td>
          <td>{r.nextDueOn ?? '—'}</td>
          <td>{r.actorLabel}</td>
          <td>{formatInstant(r.recordedAt)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function ReassessForm(p: ReassessSectionProps) {
  const v = p.failed?.values ?? {};
  const e = p.failed?.errors ?? {};
  const decision = v.decision ?? '';
  const ground = v.withheldGround ?? p.currentGround ?? '';
  return (
    <details class="move" open={p.failed !== undefined || p.panel.due}>
      <summary>记录评估审查结论</summary>
      <PostForm action={`/admin/publications/${p.pubId}/reassess`} csrf={p.csrf}>
        <ErrorSummary message={p.failed?.message} errors={e} labels={LABELS} />
        <fieldset class={e.decision ? 'has-error' : undefined} id="f-decision">
          <legend>{LABELS.decision}</legend>
          {e.decision ? <p class="error">{e.decision}</p> : null}
          {REASSESSMENT_DECISIONS.map((d) => (
            <label class="check" for={`f-decision-${d}`}>
              <input id={`f-decision-${d}`} type="radio" name="decision" value={d} checked={decision === d} />{' '}
              {REASSESSMENT_DECISION_LABELS[d]}
            </label>
          ))}
          <p class="hint">
            调整为主动公开或依申请公开后，已登记的信息转为草稿（新版本），须重新经过审核、保密审查和签发后才在网站公开。
          </p>
        </fieldset>
        <div class={e.assessedOn ? 'field has-error' : 'field'}>
          <label for="f-assessedOn">{LABELS.assessedOn}</label>
          {e.assessedOn ? <p class="error">{e.assessedOn}</p> : null}
          <input id="f-assessedOn" type="date" name="assessedOn" value={v.assessedOn ?? p.today} max={p.today} />
        </div>
        <Select
          name="withheldGround"
          label={`${LABELS.withheldGround}（继续不予公开时填写）`}
          value={ground}
          error={e.withheldGround}
          options={labelledOptions(WITHHELD_GROUNDS, WITHHELD_GROUND_LABELS, '（请选择）')}
        />
        <Field name="reason" label={LABELS.reason} value={v.reason} error={e.reason} multiline required />
        <button type="submit">记录评估审查</button>
      </PostForm>
    </details>
  );
}
