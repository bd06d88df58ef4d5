// The correction (补正, 《政府信息公开条例》第三十条) an applicant sends online from the applicant's page, and its
// confirmation by the handler. Sending stores a proposal — the corrected request, its files and its receipt date
// (第三十一条第三项, domain/applications/online-correction.ts) — and changes nothing in the case: the handler confirms
// it with the existing `receive_correction` move, dated the proposal's day, which marks it accepted in the same
// transaction. A second sending while one waits replaces it (the later one is the correction as the applicant
// means it, received on its own day). While a proposal sent in time waits, the daily sweep does not lapse the case
// (daily-jobs.ts).
import type { ApplicationContext } from './ports.js';
import type { ApplicationSnapshot } from '../../domain/applications/application.js';
import type { Actor } from '../../domain/policies/actor.js';
import {
  checkCorrection,
  type CorrectionUpload,
  type ProposalState,
  type ProposedCorrection,
} from '../../domain/applications/online-correction.js';
import { receiptDate } from '../../domain/applications/intake.js';
import { conflict, fromDomainError, invalid, notFound } from '../errors.js';
import { auditBy } from '../actors.js';
import { loadCase, today } from './case-context.js';
import { readCase, type CaseView } from './application-queries.js';
import { actOnApplication, type ActResult } from './act-on-application.js';
import { correctionItems } from './notices.js';
import { readTrackPass, type PassRefusal } from './track-pass.js';

/** What the applicant's page shows while the case waits for a correction. */
export type TrackCorrection = {
  /** What must be corrected, as the 补正告知书 lists it. */
  items: string[];
  /** The end of the correction period. */
  dueOn: string | null;
  /** The correction sent online and waiting for the handler, if any (the applicant's own words and file names). */
  sent: { receivedOn: string; correctedRequest: string; files: string[] } | null;
};

/**
 * The correction part of the applicant's page.
 * @returns null unless the case waits for a correction (art. 30)
 */
export async function trackCorrection(
  ctx: Pick<ApplicationContext, 'repos'>,
  app: ApplicationSnapshot,
): Promise<TrackCorrection | null> {
  if (app.state !== 'awaiting_correction') return null;
  const asked = app.events.findLast((e) => e.action === 'request_correction');
  const sent = (await ctx.repos.corrections.forApplication(app.id)).find((p) => p.state === 'pending');
  return {
    items: correctionItems(asked?.params ?? {}),
    dueOn: app.waitingUntil,
    sent: sent
      ? { receivedOn: sent.receivedOn, correctedRequest: sent.correctedRequest, files: sent.files.map((f) => f.name) }
      : null,
  };
}

/**
 * Sends a correction from the applicant's page: stored as a proposal to the handler, received today (the office's
 * day), replacing one still waiting; the case itself is unchanged.
 * @returns the receipt date, or why the pass opens nothing
 * @throws AppError 'conflict' when the case does not wait for a correction; 'invalid' with the messages by field
 */
export async function sendCorrection(
  ctx: ApplicationContext,
  token: string,
  input: { correctedRequest: string; files: readonly CorrectionUpload[] },
): Promise<{ ok: true; receivedOn: string } | { ok: false; refusal: PassRefusal }> {
  const pass = readTrackPass(ctx, token);
  if (!pass.ok) return pass;
  const c = await loadCase(ctx.repos, pass.caseId);
  if (c.app.state !== 'awaiting_correction') throw conflict('本申请当前不需要补正，不能提交补正');
  const checked = checkCorrection(input.correctedRequest, input.files);
  if (!checked.ok) throw invalid('补正未提交，请按提示更正', checked.error);
  const received = receiptDate('online', { submittedOn: today(ctx) });
  if (!received.ok) throw fromDomainError(received.error);
  const now = ctx.clock.nowIso();
  const id = ctx.crypto.newId();
  await ctx.uow.run(async (r) => {
    await r.corrections.supersede(c.app.id, now);
    const files: ProposedCorrection['files'] = [];
    for (const f of checked.value.files) {
      files.push({
        fileId: await r.files.put(f.content, f.mime, now),
        name: f.name,
        mime: f.mime,
        size: f.content.byteLength,
      });
    }
    await r.corrections.insert({
      id,
      applicationId: c.app.id,
      receivedOn: received.value,
      correctedRequest: checked.value.correctedRequest,
      files,
      state: 'pending',
      eventSeq: null,
      createdAt: now,
    });
    await r.audit.append(
      auditBy(null, {
        action: 'application.correction_sent',
        entityType: 'application',
        entityId: c.app.id,
        orgId: c.org.id,
        before: null,
        after: { proposalId: id, receivedOn: received.value, files: files.length },
      }),
      now,
    );
  });
  return { ok: true, receivedOn: received.value };
}

/** A correction sent online as the back office shows it; files only for the roles that see personal data. */
export type ProposalView = {
  id: string;
  receivedOn: string;
  correctedRequest: string;
  state: ProposalState;
  /** The `receive_correction` event that confirmed it. */
  eventSeq: number | null;
  files: { sort: number; name: string; mime: string; size: number }[];
};

/**
 * The corrections sent online for a case the actor may see (newest first), from its view.
 * @param view the case as {@link readCase} showed it to the actor
 */
export async function caseProposals(ctx: Pick<ApplicationContext, 'repos'>, view: CaseView): Promise<ProposalView[]> {
  const proposals = await ctx.repos.corrections.forApplication(view.app.id);
  return proposals.map((p) => ({
    id: p.id,
    receivedOn: p.receivedOn,
    correctedRequest: p.correctedRequest,
    state: p.state,
    eventSeq: p.eventSeq,
    files: view.personalVisible ? p.files.map((f, sort) => ({ sort, name: f.name, mime: f.mime, size: f.size })) : [],
  }));
}

/**
 * The correction waiting for the handler's confirmation: the pending proposal while the case waits for a correction.
 * @param proposals the case's proposals ({@link caseProposals})
 */
export const waitingProposal = (view: CaseView, proposals: readonly ProposalView[]): ProposalView | null =>
  view.app.state === 'awaiting_correction' ? (proposals.find((p) => p.state === 'pending') ?? null) : null;

/**
 * A file sent with a correction, for the roles that see the applicant's personal data.
 * @throws AppError 'not_found' (also for a case or file the actor may not see)
 */
export async function proposalFile(
  ctx: ApplicationContext,
  actor: Actor,
  caseId: string,
  proposalId: string,
  sort: number,
): Promise<{ bytes: Uint8Array; mime: string; name: string }> {
  const { view } = await readCase(ctx, actor, caseId);
  const p = await ctx.repos.corrections.byId(proposalId);
  const f = view.personalVisible && p?.applicationId === caseId ? p.files[sort] : undefined;
  const file = f ? await ctx.repos.files.get(f.fileId) : undefined;
  if (!f || !file) throw notFound('补正材料');
  return { bytes: file.content, mime: f.mime, name: f.name };
}

/**
 * Confirms a correction sent online: the `receive_correction` move dated the proposal's receipt day (art. 31; not
 * what the form says), its corrected request as the applicant worded it unless the handler's form gives another,
 * and the proposal marked accepted by that event — one transaction.
 * @throws AppError 'not_found' for a proposal of another case; 'conflict' when it is no longer waiting (replaced
 *   by a later one, or confirmed); as {@link actOnApplication} for the move
 */
export async function acceptCorrection(
  ctx: ApplicationContext,
  actor: Actor,
  caseId: string,
  proposalId: string,
  input: { correctedRequest?: string; lateReason?: string; note?: string },
): Promise<ActResult> {
  const p = await ctx.repos.corrections.byId(proposalId);
  if (!p || p.applicationId !== caseId) throw notFound('补正');
  const stale = () => conflict('申请人已重新提交补正或该补正已确认，请刷新页面后核对');
  if (p.state !== 'pending') throw stale();
  const params = {
    receivedOn: p.receivedOn,
    correctedRequest: input.correctedRequest?.trim() || p.correctedRequest,
    note: input.note ?? '',
    ...(input.lateReason?.trim() ? { lateReason: input.lateReason.trim() } : {}),
  };
  return actOnApplication(ctx, actor, caseId, 'receive_correction', params, async (r, seq, now) => {
    if (!(await r.corrections.accept(p.id, seq, now))) throw stale();
  });
}
