/** @jsxImportSource hono/jsx */
// The corrections an applicant sent online from the applicant's page (补正, 《政府信息公开条例》第三十条) on the
// back-office case page: each with its receipt date, text and files, and for the one waiting, the form confirming it
// with the `receive_correction` move (its corrected request prefilled, dated the day it was sent).
import type { ApplicationPage } from '../../../app/applications/application-pages.js';
import type { ProposalView } from '../../../app/applications/online-correction.js';
import { PROPOSAL_STATE_LABELS } from '../../../domain/applications/online-correction.js';
import { formatSize } from '../../../domain/publications/attachments.js';
import { InfoList } from '../../common/blocks.js';
import { Label, PostForm } from '../../common/forms.js';

const PATH = '/admin/applications';

/** Where the form confirming a proposal posts. */
export const acceptPath = (caseId: string, proposalId: string): string =>
  `${PATH}/${caseId}/corrections/${proposalId}/accept`;

/** The corrections sent online, newest first; nothing when there are none. */
export function ProposedCorrections(p: {
  caseId: string;
  csrf: string;
  proposals: ApplicationPage['proposals'];
  canAccept: boolean;
  /** What was typed in a refused confirmation (its message is shown at the top of the page). */
  typed?: Readonly<Record<string, string>>;
}) {
  const { all, waiting } = p.proposals;
  if (all.length === 0) return null;
  return (
    <section aria-labelledby="proposals-h">
      <h2 id="proposals-h">申请人网上提交的补正</h2>
      {all.map((x) => (
        <div class={x === waiting ? 'proposal proposal-waiting' : 'proposal'}>
          <ProposalInfo caseId={p.caseId} proposal={x} />
          {x === waiting && p.canAccept ? (
            <AcceptForm caseId={p.caseId} csrf={p.csrf} proposal={x} typed={p.typed} />
          ) : null}
        </div>
      ))}
    </section>
  );
}

function ProposalInfo(p: { caseId: string; proposal: ProposalView }) {
  const x = p.proposal;
  const state = PROPOSAL_STATE_LABELS[x.state];
  return (
    <InfoList
      rows={[
        ['收到补正日期', x.receivedOn],
        ['状态', x.eventSeq === null ? state : `${state}（期限台账第${x.eventSeq}项）`],
        ['补正后的申请内容', <p class="pre">{x.correctedRequest}</p>],
        [
          '补正材料',
          x.files.length === 0 ? (
            '无'
          ) : (
            <ul>
              {x.files.map((f) => (
                <li>
                  <a href={`${PATH}/${p.caseId}/corrections/${x.id}/files/${f.sort}`} download>
                    {f.name}
                  </a>
                  （{formatSize(f.size)}）
                </li>
              ))}
            </ul>
          ),
        ],
      ]}
    />
  );
}

function AcceptForm(p: {
  caseId: string;
  csrf: string;
  proposal: ProposalView;
  typed?: Readonly<Record<string, string>>;
}) {
  const x = p.proposal;
  const typed = p.typed?.proposalId === x.id ? p.typed : undefined;
  const id = (name: string) => `accept-${name}`;
  return (
    <PostForm action={acceptPath(p.caseId, x.id)} csrf={p.csrf}>
      <input type="hidden" name="proposalId" value={x.id} />
      <p>
        {`确认后办理“收到补正后的申请”，收到补正的日期为${x.receivedOn}（申请人在网上提交之日，《中华人民共和国政府信息公开条例》第三十一条第三项），答复期限自该日起重新计算。`}
      </p>
      <div class="field">
        <Label for={id('correctedRequest')} required>
          补正后的申请内容
        </Label>
        <p class="hint" id={`${id('correctedRequest')}-hint`}>
          默认为申请人提交的内容，记入期限台账并用于此后的告知书
        </p>
        <textarea
          id={id('correctedRequest')}
          name="correctedRequest"
          rows={4}
          required
          aria-describedby={`${id('correctedRequest')}-hint`}
        >
          {typed?.correctedRequest ?? x.correctedRequest}
        </textarea>
      </div>
      <div class="field">
        <Label for={id('lateReason')}>逾期补正的正当理由</Label>
        <p class="hint" id={`${id('lateReason')}-hint`}>
          晚于补正期限收到的必填（第三十条：无正当理由逾期不补正的，视为放弃申请）
        </p>
        <input
          id={id('lateReason')}
          name="lateReason"
          type="text"
          value={typed?.lateReason ?? ''}
          aria-describedby={`${id('lateReason')}-hint`}
        />
      </div>
      <div class="field">
        <Label for={id('note')}>备注</Label>
        <input id={id('note')} name="note" type="text" value={typed?.note ?? ''} />
      </div>
      <button type="submit">确认收到补正</button>
    </PostForm>
  );
}
