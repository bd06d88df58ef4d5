// Intake: an application from the online form, the API, or staff entering another channel (art. 29, 31).
import type { ApplicationContext } from './ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { Channel } from '../../domain/applications/application.js';
import { receiptDate, validateApplication, type ApplicationForm } from '../../domain/applications/intake.js';
import { submissionEvent } from '../../domain/applications/deadlines.js';
import { rulesFor } from '../../domain/applications/rules.js';
import { formatTrackingCode } from '../../domain/applications/tracking-code.js';
import { checkProof } from '../../domain/applications/proof.js';
import { canEnterApplication } from '../../domain/policies/application-policy.js';
import { parseLocalDate, type LocalDate } from '../../domain/core/local-date.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { canonicalJson } from '../../domain/audit/audit-entry.js';
import { AppError, forbidden, invalid, notFound } from '../errors.js';
import { auditBy } from '../actors.js';
import { mailReceipt } from './applicant-mail.js';
import { chargeIntake, chargeReceipt, type IntakeLimitContext } from '../throttle/intake-limits.js';

/** What intake receives. Dates are 'YYYY-MM-DD' strings from the form or API. */
export type SubmitInput = {
  orgCreditCode: string;
  form: ApplicationForm;
  channel: Channel;
  dates?: { submittedOn?: string; signedForOn?: string; confirmedOn?: string };
  proof?: { content: Uint8Array; fileName: string };
  /**
   * A key the form (or the API's Idempotency-Key) carries so that posting it twice creates one case. The same key
   * with another body is refused (`idempotency_key_reused`): it never answers with another submission's case.
   */
  submissionKey?: string;
  /** The online form asks for the identity proof; staff entry and the API may leave it out. */
  requireProof?: boolean;
  /** The public's client address: public applications are limited per address, email and phone. */
  clientAddress?: string;
};

/** What the applicant is told. */
export type SubmitResult = {
  id: string;
  trackingCode: string;
  receivedOn: string;
  dueOn: string | null;
  provisional: boolean;
  duplicate: boolean;
};

/**
 * Registers a new application. The public (actor null) may only apply online, within the intake limits
 * (app/throttle/intake-limits.ts); staff with the `handler` role enter the other channels with the dates
 * art. 31 needs. The receipt email is queued within the receipt limits.
 * @throws AppError 'invalid' with per-field Chinese errors, or with reason `idempotency_key_reused` when the
 *   submission key came before with another body; 'forbidden'; 'not_found' (organization);
 *   RateLimitedError when the public's limits are used up
 */
export async function submitApplication(
  ctx: ApplicationContext & Pick<IntakeLimitContext, 'settings'>,
  actor: Actor | null,
  input: SubmitInput,
): Promise<SubmitResult> {
  const submissionHash = input.submissionKey ? ctx.crypto.sha256(canonicalSubmission(ctx, actor, input)) : null;
  const earlier = await replayed(ctx, input.submissionKey, submissionHash);
  if (earlier) return earlier;
  const orgs = await ctx.repos.orgs.list();
  const org = orgs.find((o) => o.creditCode === input.orgCreditCode.trim().toUpperCase());
  if (!org) throw notFound('受理机关');
  if (actor !== null && !canEnterApplication(actor, ancestry(orgs, org.id))) throw forbidden();
  const channel: Channel = actor === null ? 'online' : input.channel;
  const valid = validateApplication(input.form);
  const fieldErrors = valid.ok ? {} : { ...valid.error };
  const receivedOn = receiptOn(ctx, channel, input.dates ?? {}, actor === null, fieldErrors);
  const proof =
    input.proof && input.proof.content.byteLength > 0
      ? checkProof(input.proof.content, input.proof.fileName)
      : undefined;
  if (proof && !proof.ok) fieldErrors.proof = proof.error;
  if (!proof && input.requireProof) fieldErrors.proof = '请上传身份证明';
  if (!valid.ok || !receivedOn || Object.keys(fieldErrors).length > 0) {
    throw invalid('申请未提交，请按提示更正', fieldErrors);
  }
  const { applicant } = valid.value;
  const charged =
    actor === null
      ? await chargeIntake(ctx, { address: input.clientAddress, email: applicant.email, phone: applicant.phone })
      : undefined;
  const rules = rulesFor(receivedOn);
  const first = submissionEvent(receivedOn, rules, await loadHolidayCalendar(ctx.repos));
  const id = ctx.crypto.newId();
  const trackingCode = await uniqueTrackingCode(ctx);
  const now = ctx.clock.nowIso();
  try {
    await ctx.uow.run(async (r) => {
      const proofFileId = proof?.ok && input.proof ? await r.files.put(input.proof.content, proof.mime, now) : null;
      await r.applications.insert(
        {
          id,
          orgId: org.id,
          trackingCode,
          channel,
          receivedOn,
          applicant: valid.value.applicant,
          request: valid.value.request,
          state: 'received',
          handlerId: null,
          outcome: null,
          dueOn: first.dueOn,
          waitingUntil: null,
          extended: false,
          closedOn: null,
          submissionKey: input.submissionKey ?? null,
          submissionHash,
          proofFileId,
        },
        now,
      );
      await r.applications.appendEvent(id, {
        ...first,
        seq: 1,
        at: now,
        actorId: actor?.userId ?? null,
        actorLabel: actor ? actor.username : '申请人',
      });
      const receipt = applicant.email !== '' && (await chargeReceipt({ ...ctx, repos: r }, applicant.email));
      if (receipt) {
        await mailReceipt(
          r,
          () => ctx.crypto.newId(),
          { id, trackingCode, receivedOn, dueOn: first.dueOn, applicant },
          org,
          now,
        );
      }
      // The audit entry carries no personal data: logs never contain it.
      await r.audit.append(
        auditBy(actor, {
          action: 'application.submitted',
          entityType: 'application',
          entityId: id,
          orgId: org.id,
          before: null,
          after: {
            trackingCode,
            channel,
            receivedOn,
            dueOn: first.dueOn,
            proof: proofFileId !== null,
            ...(applicant.email !== '' && !receipt ? { receiptWithheld: true } : {}),
          },
        }),
        now,
      );
    });
  } catch (e) {
    await charged?.refund();
    // A concurrent double submission: the unique submission key let only one insert through.
    const winner = await replayed(ctx, input.submissionKey, submissionHash);
    if (winner) return winner;
    throw e;
  }
  return { id, trackingCode, receivedOn, dueOn: first.dueOn, provisional: first.provisional, duplicate: false };
}

/** The stable code of a submission key sent again with another body. */
export const IDEMPOTENCY_KEY_REUSED = 'idempotency_key_reused';

/**
 * The body a submission key stands for, as canonical JSON (keys sorted): who sends it (the public or a staff
 * account), the office, channel, form, dates and the proof's digest. The client's address is left out: a retry
 * may come from another network.
 */
function canonicalSubmission(ctx: Pick<ApplicationContext, 'crypto'>, actor: Actor | null, input: SubmitInput): string {
  const proof = input.proof && {
    fileName: input.proof.fileName,
    sha256: ctx.crypto.sha256(Buffer.from(input.proof.content).toString('base64')),
  };
  return (
    canonicalJson({
      actorId: actor?.userId ?? null,
      org: input.orgCreditCode,
      channel: input.channel,
      form: input.form,
      dates: input.dates ?? null,
      proof: proof ?? null,
    }) ?? ''
  );
}

/**
 * The case an earlier submission with this key made, answered again when the body is the same.
 * @throws AppError 'invalid' (reason `idempotency_key_reused`) when the key came with another body, or before
 *   bodies were kept: never another submission's case
 */
async function replayed(
  ctx: ApplicationContext,
  key: string | undefined,
  hash: string | null,
): Promise<SubmitResult | undefined> {
  const earlier = key ? await ctx.repos.applications.bySubmissionKey(key) : undefined;
  if (!earlier) return undefined;
  if (earlier.submissionHash === null || earlier.submissionHash !== hash) {
    throw new AppError(
      'invalid',
      '该提交标识已用于另一份内容不同的申请，本次提交未受理。请使用新的提交标识（刷新页面或更换 Idempotency-Key）后重新提交。',
      { submissionKey: '提交标识已被使用' },
      IDEMPOTENCY_KEY_REUSED,
    );
  }
  return resultOf(ctx, earlier.id, true);
}

function receiptOn(
  ctx: ApplicationContext,
  channel: Channel,
  dates: NonNullable<SubmitInput['dates']>,
  online: boolean,
  errors: Record<string, string>,
): LocalDate | undefined {
  const parsed: Record<string, LocalDate | null> = {};
  for (const key of ['submittedOn', 'signedForOn', 'confirmedOn'] as const) {
    const raw = online && key === 'submittedOn' ? ctx.clock.today() : dates[key];
    if (!raw) continue;
    const d = parseLocalDate(raw);
    if (d.ok && d.value <= ctx.clock.today()) parsed[key] = d.value;
    else errors[`dates.${key}`] = d.ok ? '日期不能晚于今天' : '日期格式应为 YYYY-MM-DD';
  }
  const r = receiptDate(channel, parsed);
  if (!r.ok) {
    errors['dates'] ??= r.error.message;
    return undefined;
  }
  return r.value;
}

async function uniqueTrackingCode(ctx: ApplicationContext): Promise<string> {
  for (let i = 0; i < 5; i++) {
    const code = formatTrackingCode(Buffer.from(ctx.crypto.randomToken(16), 'base64url'));
    if (!(await ctx.repos.applications.idByTrackingCode(code))) return code;
  }
  throw new Error('could not allocate a unique tracking code');
}

async function resultOf(ctx: ApplicationContext, id: string, duplicate: boolean): Promise<SubmitResult> {
  const app = await ctx.repos.applications.byId(id);
  if (!app) throw notFound('申请');
  const first = app.events[0];
  return {
    id,
    trackingCode: app.trackingCode,
    receivedOn: app.receivedOn,
    dueOn: app.dueOn,
    provisional: first?.provisional ?? false,
    duplicate,
  };
}
