// The applicant's own page of a case (/track): a successful lookup (tracking code + phone or document number)
// grants a pass — an HMAC under the server's key over the case id and an expiry 30 minutes later — and the pass,
// never the tracking code alone, opens the case page and the notices served to the applicant. The page shows the
// request as filed (and as corrected), the notices, the current due date with the working days left, and the
// public steps; never internal review steps, draft outcomes, handlers, or personal data the lookup did not type.
import type { ApplicationContext } from './ports.js';
import type { Applicant, Request } from '../../domain/applications/application.js';
import { NOT_FOR_APPLICANT, NOTICE_KIND_LABELS, type NoticeKind } from '../../domain/notices/notice-model.js';
import type { NoticeDocument } from '../../domain/notices/notice.js';
import { status, type DeadlineStatus } from '../../domain/applications/deadlines.js';
import { workingDaysBetween } from '../../domain/calendar/working-days.js';
import { maskPersonName } from '../../domain/applications/tracking-code.js';
import { correctedRequest } from '../../domain/applications/labels.js';
import { notFound } from '../errors.js';
import { loadCase, today } from './case-context.js';
import { trackViewOf, type TrackView } from './application-queries.js';
import { readTrackPass, type PassRefusal } from './track-pass.js';
import { trackCorrection, type TrackCorrection } from './online-correction.js';

export { TRACK_PASS_MINUTES, grantTrackPass, readTrackPass } from './track-pass.js';
export type { PassRefusal, TrackPass } from './track-pass.js';

/** A notice as the applicant's page lists it. */
export type ApplicantNotice = { id: string; kindLabel: string; title: string; docNo: string; issuedOn: string };

/** The applicant's page of a case. */
export type TrackCaseView = TrackView & {
  /** The request as filed. */
  request: Pick<Request, 'description' | 'title' | 'docNo' | 'indexNo' | 'carrier' | 'delivery'>;
  /** The corrected description of the information asked for (补正, art. 30), when the ledger records one. */
  correctedRequest: string | null;
  notices: ApplicantNotice[];
  /** The deadline on today's date: paused and closed cases have no working days left. */
  deadline: { status: DeadlineStatus; dueOn: string | null; workingDaysLeft: number | null };
  /** Until when the pass opens this page. */
  passExpiresAtMs: number;
  /** While the case waits for a correction (art. 30): what to correct, and the correction sent online. */
  correction: TrackCorrection | null;
};

/**
 * The case page a pass opens.
 * @returns the page, or why the pass opens nothing
 */
export async function trackCasePage(
  ctx: ApplicationContext,
  token: string,
): Promise<{ ok: true; view: TrackCaseView } | { ok: false; refusal: PassRefusal }> {
  const pass = readTrackPass(ctx, token);
  if (!pass.ok) return pass;
  const c = await loadCase(ctx.repos, pass.caseId).catch(() => undefined);
  if (!c) return { ok: false, refusal: 'invalid' };
  const { app } = c;
  const on = today(ctx);
  const st = status(app, on, c.rules, c.calendar);
  const live = st !== 'closed' && st !== 'paused' && app.dueOn !== null;
  const notices = await ctx.repos.notices.forApplication(app.id);
  return {
    ok: true,
    view: {
      ...(await trackViewOf(ctx, app)),
      request: app.request,
      correctedRequest: correctedRequest(app),
      notices: notices
        .filter((n) => !NOT_FOR_APPLICANT.includes(n.kind as NoticeKind))
        .map((n) => ({
          id: n.id,
          kindLabel: NOTICE_KIND_LABELS[n.kind as NoticeKind] ?? n.kind,
          title: (n.body as NoticeDocument).title,
          docNo: n.docNo,
          issuedOn: n.issuedOn,
        })),
      deadline: {
        status: st,
        dueOn: st === 'closed' ? null : app.dueOn,
        workingDaysLeft: live && app.dueOn ? workingDaysBetween(on, app.dueOn, c.calendar) : null,
      },
      passExpiresAtMs: Number(token.split('.')[2]),
      correction: await trackCorrection(ctx, app),
    },
  };
}

/**
 * One notice served to the applicant, as the pass's case page links it; the addressee's personal data is masked
 * (the page shows nothing the lookup did not type).
 * @returns the document, or why the pass opens nothing
 * @throws AppError 'not_found' for a notice of another case or one addressed to someone else (NOT_FOR_APPLICANT)
 */
export async function trackNotice(
  ctx: ApplicationContext,
  token: string,
  noticeId: string,
): Promise<{ ok: true; doc: NoticeDocument } | { ok: false; refusal: PassRefusal }> {
  const pass = readTrackPass(ctx, token);
  if (!pass.ok) return pass;
  const n = await ctx.repos.notices.byId(noticeId);
  if (!n || n.applicationId !== pass.caseId || NOT_FOR_APPLICANT.includes(n.kind as NoticeKind)) {
    throw notFound('告知书');
  }
  const app = await ctx.repos.applications.byId(pass.caseId);
  if (!app) throw notFound('告知书');
  return { ok: true, doc: maskApplicant(n.body as NoticeDocument, app.applicant) };
}

/**
 * The PDF of one notice served to the applicant, as {@link trackNotice} shows it (personal data masked), made like
 * the annual report's PDF.
 * @returns the file, or why the pass opens nothing
 * @throws AppError 'not_found' as {@link trackNotice}
 */
export async function trackNoticePdf(
  ctx: ApplicationContext,
  token: string,
  noticeId: string,
): Promise<
  { ok: true; file: { bytes: Uint8Array; mime: string; name: string } } | { ok: false; refusal: PassRefusal }
> {
  const notice = await trackNotice(ctx, token, noticeId);
  if (!notice.ok) return notice;
  const { doc } = notice;
  const name = `${doc.title}${doc.docNo ? `（${doc.docNo}）` : ''}.pdf`;
  return { ok: true, file: { bytes: await ctx.renderer.noticePdf(doc), mime: 'application/pdf', name } };
}

/** Replaces the applicant's personal data in a notice's text by a mask (a person's name: 张*). */
function maskApplicant(doc: NoticeDocument, a: Applicant): NoticeDocument {
  const hidden = [a.idNumber, a.phone, a.email, a.address, a.postcode, a.legalRepresentative, a.contactPerson];
  const replacements: [string, string][] = [
    [a.name, a.type === 'natural_person' ? maskPersonName(a.name) : a.name] as [string, string],
    ...hidden.map((v): [string, string] => [v, '（已隐去）']),
  ].filter(([v, m]) => v.trim().length > 1 && v !== m);
  // Longest first, so an address is masked before a shorter value it contains.
  replacements.sort((x, y) => y[0].length - x[0].length);
  const mask = (text: string) => replacements.reduce((t, [v, m]) => t.split(v).join(m), text);
  return { ...doc, addressee: mask(doc.addressee), paragraphs: doc.paragraphs.map(mask) };
}
