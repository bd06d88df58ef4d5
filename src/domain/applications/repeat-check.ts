// Repeat and excessive applications (arts. 35, 36(6)): how alike two requests are, and the
// applicant's count per calendar month — signals for the handler, never automatic decisions; and the check of
// the earlier case a 重复申请 reply links to.
import { ConflictError, type DomainError } from '../core/domain-error.js';
import { compareDates } from '../core/local-date.js';
import type { ApplicationSnapshot } from './application.js';

/** Requests at least this alike (bigram Jaccard) are flagged as a possible 重复申请. */
export const SIMILARITY_THRESHOLD = 0.5;

/** Overlapping character bigrams of the Han, Latin and digit content (punctuation and spaces dropped). */
function bigrams(text: string): Set<string> {
  const chars = [...text.toLowerCase().replace(/[^\p{Script=Han}a-z0-9]/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  if (chars.length === 1) out.add(chars[0] ?? '');
  return out;
}

/**
 * Similarity of two request descriptions, 0 (nothing shared) to 1 (same content).
 * Bigrams suit Chinese, which has no spaces between words.
 */
export function descriptionSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared += 1;
  return shared / (x.size + y.size - shared);
}

/** An earlier application of the same applicant, with how alike it is. */
export type RelatedApplication = {
  id: string;
  trackingCode: string;
  receivedOn: string;
  state: string;
  similarity: number;
  possibleRepeat: boolean;
};

/**
 * Ranks the applicant's other applications by similarity to this one.
 * @param others the applicant's applications (this one excluded)
 */
export function relatedApplications(
  description: string,
  others: readonly { id: string; trackingCode: string; receivedOn: string; state: string; description: string }[],
): RelatedApplication[] {
  return others
    .map((o) => {
      const similarity = Math.round(descriptionSimilarity(description, o.description) * 100) / 100;
      return {
        id: o.id,
        trackingCode: o.trackingCode,
        receivedOn: o.receivedOn,
        state: o.state,
        similarity,
        possibleRepeat: similarity >= SIMILARITY_THRESHOLD,
      };
    })
    .sort((p, q) => q.similarity - p.similarity || q.receivedOn.localeCompare(p.receivedOn));
}

/** Code of a `previousCaseId` that is not an earlier, answered case of the same applicant (art. 36 item 6). */
export const PREVIOUS_CASE_MISMATCH = 'previous_case_mismatch';

/** What the check reads of a case. */
type CaseForRepeat = Pick<ApplicationSnapshot, 'id' | 'orgId' | 'receivedOn' | 'state' | 'outcome' | 'applicant'>;

/**
 * Whether `previous` may be the earlier application a reply `not_processed.repeated` points to (art. 36 item 6:
 * "行政机关已就申请人提出的政府信息公开申请作出答复、申请人重复申请公开相同政府信息的"): another case of the same
 * organization, received no
 * later than this one, already answered (replied or archived after a reply, not lapsed or withdrawn), from the same
 * applicant (the same identity document number when both have one, else the same name).
 * @param app the case being answered
 * @param previous the linked case, or undefined when none was found
 * @returns null when it may, else a ConflictError coded {@link PREVIOUS_CASE_MISMATCH}
 */
export function previousCaseError(app: CaseForRepeat, previous: CaseForRepeat | undefined): DomainError | null {
  const refuse = (why: string) =>
    new ConflictError(PREVIOUS_CASE_MISMATCH, `所关联的此前申请${why}，不能据此按“重复申请”答复（第三十六条第六项）`);
  // The same office must have answered it ("行政机关已就…作出答复"); another office's cases are not looked into.
  if (previous === undefined || previous.orgId !== app.orgId) return refuse('不存在或不是本机关办理的');
  if (previous.id === app.id) return refuse('就是本申请');
  if (compareDates(previous.receivedOn, app.receivedOn) > 0) return refuse('晚于本申请');
  const answered =
    (previous.state === 'replied' || previous.state === 'archived') &&
    previous.outcome !== null &&
    !previous.outcome.startsWith('other.');
  if (!answered) return refuse('尚未作出答复');
  const id = (a: CaseForRepeat) => a.applicant.idNumber.trim().toUpperCase();
  const same =
    id(app) !== '' && id(previous) !== ''
      ? id(app) === id(previous)
      : app.applicant.name.trim() === previous.applicant.name.trim();
  return same ? null : refuse('不是同一申请人提出的');
}
