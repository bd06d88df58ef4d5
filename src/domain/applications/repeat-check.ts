// Repeat and excessive applications (arts. 35, 36(6)): how alike two requests are, and the
// applicant's count per calendar month — signals for the handler, never automatic decisions.

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
