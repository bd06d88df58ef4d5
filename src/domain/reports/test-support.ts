// Test helpers for the annual-report domain: a seeded generator of application facts, publication
// counts and review summaries. Imported only by *.test.ts.

import { addDays, localDate, type LocalDate } from '../core/local-date.js';
import { LEGAL_PERSON_SUBTYPES } from '../applications/application.js';
import type { AnnualPublicationCounts } from '../publications/annual-counts.js';
import type { ReviewSummary } from '../reviews/review-case.js';
import { OUTCOME_CODES } from './annual-report.js';
import type { ApplicationFact } from './compute.js';

/** A small deterministic PRNG (mulberry32): the same seed gives the same sequence. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;

/**
 * `count` random applications received from `fromYear` to `toYear`, a third still open, some
 * closed across a year end, subtypes including unknown ones (which count under 其他).
 */
export function randomFacts(rand: () => number, count: number, fromYear = 2019, toYear = 2022): ApplicationFact[] {
  const first = localDate(`${fromYear}-01-01`);
  const days = Math.round((Date.UTC(toYear, 11, 31) - Date.UTC(fromYear, 0, 1)) / 86_400_000);
  const facts: ApplicationFact[] = [];
  for (let i = 0; i < count; i++) {
    const receivedOn = addDays(first, Math.floor(rand() * (days + 1)));
    const open = rand() < 0.3;
    const closedOn: LocalDate | null = open ? null : addDays(receivedOn, Math.floor(rand() * 120));
    const legal = rand() < 0.35;
    facts.push({
      applicantType: legal ? 'legal_person' : 'natural_person',
      applicantSubtype: legal ? pick(rand, [...LEGAL_PERSON_SUBTYPES, 'unknown', null]) : null,
      receivedOn,
      closedOn,
      outcome: closedOn === null ? null : rand() < 0.05 ? null : pick(rand, OUTCOME_CODES),
    });
  }
  return facts;
}

/** Publication counts with everything 0 except what `over` sets. */
export function publicationCounts(year: number, over: Partial<AnnualPublicationCounts> = {}): AnnualPublicationCounts {
  return {
    year,
    newByKind: { rule: 0, normative: 0, other_document: 0, interpretation: 0, news: 0, other: 0 },
    keyAreaItems: 0,
    documentsWithInterpretation: 0,
    documentsPublished: 0,
    rules: { made: 0, repealed: 0, inForce: 0 },
    normative: { made: 0, repealed: 0, inForce: 0 },
    format2019: { newlyMade: 0, newlyPublished: 0, totalPublished: 0, rulesPublished: 0 },
    ...over,
  };
}

/** A review summary of zeros. */
export function emptyReviews(): ReviewSummary {
  const zero = () => ({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  return { reconsideration: zero(), litigation_direct: zero(), litigation_after_reconsideration: zero() };
}
