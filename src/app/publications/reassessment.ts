// Recording the periodic re-assessment of a 不予公开 item (Regulation art. 18): the decision with
// its date, reason and author goes into the re-assessment register, the item's working copy takes
// the outcome (next due date, or the new 公开属性 and — for a registered item — a new version back
// in draft), the review ledger gets a row and the audit trail an entry, all in one transaction.
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { localDate } from '../../domain/core/local-date.js';
import { canViewPublications } from '../../domain/policies/publication-policy.js';
import {
  canReassess,
  decideReassessment,
  parseReassessment,
  REASSESS_LEDGER_ACTION,
  REASSESSMENT_DECISION_LABELS,
} from '../../domain/publications/reassessment.js';
import { actorLabel, auditBy } from '../actors.js';
import { AppError, conflict, fromDomainError, invalid, notFound } from '../errors.js';
import type { ReassessmentRecord } from './archive-ports.js';
import { ledgerEntry, nextSeq } from './drafts.js';

/** What the item page shows of the art. 18 re-assessment. */
export type ReassessmentPanel = {
  /** Whether the item is (still) a 不予公开 item, so a re-assessment can be recorded. */
  withheld: boolean;
  canRecord: boolean;
  /** The next due date of a 不予公开 item, and whether it has come. */
  dueOn: string | null;
  due: boolean;
  history: ReassessmentRecord[];
};

/**
 * The re-assessment panel of an item's page.
 * @throws AppError 'not_found' (also for items the actor may not see)
 */
export async function reassessmentPanel(
  ctx: Pick<AppContext, 'repos' | 'clock'>,
  actor: Actor,
  publicationId: string,
): Promise<ReassessmentPanel> {
  const pub = await ctx.repos.publications.byId(publicationId);
  if (!pub) throw notFound('信息');
  const orgIds = ancestry(await ctx.repos.orgs.list({ includeRetired: true }), pub.orgId);
  if (!canViewPublications(actor, orgIds)) throw notFound('信息');
  const withheld = pub.disclosure === 'withheld';
  return {
    withheld,
    canRecord: withheld && canReassess(actor, orgIds),
    dueOn: withheld ? pub.reassessOn : null,
    due: withheld && pub.reassessOn !== null && pub.reassessOn <= ctx.clock.today(),
    history: await ctx.repos.reassessments.forPublication(publicationId),
  };
}

/**
 * Records a re-assessment.
 * @param input `decision` (keep_withheld | to_proactive | to_on_request), `assessedOn` (default
 *   today), `withheldGround` (keep_withheld), `reason`
 * @returns the stored record
 * @throws AppError 'not_found', 'forbidden', 'invalid' (field messages), 'conflict' (not withheld, or state)
 */
export async function recordReassessment(
  ctx: Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto'>,
  actor: Actor,
  publicationId: string,
  input: Record<string, unknown>,
): Promise<ReassessmentRecord> {
  const pub = await ctx.repos.publications.byId(publicationId);
  if (!pub) throw notFound('信息');
  const orgIds = ancestry(await ctx.repos.orgs.list({ includeRetired: true }), pub.orgId);
  if (!canViewPublications(actor, orgIds)) throw notFound('信息');
  if (!canReassess(actor, orgIds)) {
    throw new AppError('forbidden', '需要“签发人”“主要负责同志”或管理员角色才能记录定期评估审查');
  }
  const parsed = parseReassessment(input, localDate(ctx.clock.today()));
  if (!parsed.ok) throw invalid('评估审查填写有误', parsed.error);
  const decided = decideReassessment(pub, parsed.value);
  if (!decided.ok) throw fromDomainError(decided.error);
  const out = decided.value;
  const now = ctx.clock.nowIso();
  const record: ReassessmentRecord = {
    id: ctx.crypto.newId(),
    publicationId,
    orgId: pub.orgId,
    assessedOn: parsed.value.assessedOn,
    decision: parsed.value.decision,
    disclosureBefore: pub.disclosure,
    disclosureAfter: out.disclosure,
    withheldGround: out.withheldGround,
    reason: parsed.value.reason,
    nextDueOn: out.nextDueOn,
    actorId: actor.userId,
    actorLabel: actorLabel(actor),
    recordedAt: now,
  };
  const seq = nextSeq(pub);
  const comment = `${REASSESSMENT_DECISION_LABELS[record.decision]}（评估日期${record.assessedOn}）：${record.reason}`;
  try {
    await ctx.uow.run(async (r) => {
      await r.reassessments.insert(record);
      await r.reassessments.apply(
        publicationId,
        {
          disclosure: out.disclosure,
          withheldGround: out.withheldGround,
          reassessOn: out.nextDueOn,
          ...(out.state ? { state: out.state } : {}),
        },
        now,
      );
      await r.publications.appendReview(publicationId, ledgerEntry(seq, REASSESS_LEDGER_ACTION, actor, now, comment));
      await r.audit.append(
        auditBy(actor, {
          action: 'publication.reassessed',
          entityType: 'publication',
          entityId: publicationId,
          orgId: pub.orgId,
          before: {
            disclosure: pub.disclosure,
            withheldGround: pub.withheldGround,
            reassessOn: pub.reassessOn,
            state: pub.state,
          },
          after: {
            decision: record.decision,
            assessedOn: record.assessedOn,
            disclosure: out.disclosure,
            withheldGround: out.withheldGround,
            reassessOn: out.nextDueOn,
            state: out.state ?? pub.state,
          },
        }),
        now,
      );
    });
  } catch (e) {
    // Two people recording at once: the ledger's (publication, seq) key lets only one through.
    if ((await ctx.repos.publications.byId(publicationId))?.reviews.some((x) => x.seq === seq)) {
      throw conflict('该信息刚刚已被他人处理，请刷新页面后重试');
    }
    throw e;
  }
  return record;
}
