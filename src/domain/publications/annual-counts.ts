// The numbers the annual report needs about proactive disclosure (art. 50), as a pure aggregation
// over one fact per publication returned by the repository.

import type { LocalDate } from '../core/local-date.js';
import { PUBLICATION_KINDS, type Disclosure, type PublicationKind, type Validity } from './publication.js';

/** One publication as the report sees it. */
export type PublicationFact = {
  kind: PublicationKind;
  writtenOn: LocalDate;
  /**
   * 发布日期; null when never published. An item withdrawn and published again after a revision (修订后重新发布)
   * carries the day of its new publication.
   */
  publishedOn: LocalDate | null;
  /**
   * Withdrawn (撤稿) and not published again since (also while a revision runs), whenever it was withdrawn: it
   * counts as never published in every year ({@link countsAsPublished}).
   */
  withdrawn: boolean;
  disclosure: Disclosure;
  validity: Validity;
  validityOn: LocalDate | null;
  hasKeyAreas: boolean;
  /** Whether a published interpretation (政策解读) explains it. */
  interpreted: boolean;
};

/** Made, repealed and in force for one kind of document (2021 format, 第二十条第（一）项). */
export type DocumentCounts = { made: number; repealed: number; inForce: number };

/** The counts for one organization and year. */
export type AnnualPublicationCounts = {
  year: number;
  /** Items first published in the year, by kind. */
  newByKind: Record<PublicationKind, number>;
  /** Of those, items attached to a key area (重点领域). */
  keyAreaItems: number;
  /** Documents (规章, 行政规范性文件, 其他文件) published in the year that have an interpretation. */
  documentsWithInterpretation: number;
  documentsPublished: number;
  rules: DocumentCounts;
  normative: DocumentCounts;
  /**
   * The 2019 format: 本年新制作 / 本年新公开 / 对外公开总数量, for 规章 and 规范性文件 together, and the 规章 among
   * the 对外公开总数量 (published by the year end, whatever their validity).
   */
  format2019: { newlyMade: number; newlyPublished: number; totalPublished: number; rulesPublished: number };
};

const DOCUMENT_KINDS: readonly PublicationKind[] = ['rule', 'normative', 'other_document'];

const inYear = (d: LocalDate | null, year: number): boolean => d !== null && d.startsWith(`${year}-`);
const byEnd = (d: LocalDate | null, year: number): boolean => d !== null && d <= `${year}-12-31`;

/**
 * Whether an item counts as proactively published: section 二 of the annual report (art. 50) and "全年主动公开政府
 * 信息X条" count 主动公开 items only — 依申请公开 and 不予公开 items never, even when they went through the review
 * chain — and a withdrawn (撤稿) item counts as never published, in every year, so that 现行有效 of one year and
 * 本年新制发 − 本年废止 of the next agree (R7 of the report check). An item withdrawn and then revised and
 * published again (修订后重新发布, transition-table.ts `reopen`) is a new publication: it counts from the day of its
 * new publication (its `publishedOn`), in that year and later ones, as if never published before; while the
 * revision runs it is still withdrawn and counts nowhere.
 */
export function countsAsPublished(f: Pick<PublicationFact, 'disclosure' | 'publishedOn' | 'withdrawn'>): boolean {
  return f.disclosure === 'proactive' && f.publishedOn !== null && !f.withdrawn;
}

/** Aggregates the facts of one organization for a year (only items that {@link countsAsPublished}). */
export function annualPublicationCounts(facts: readonly PublicationFact[], year: number): AnnualPublicationCounts {
  const published = facts.filter(countsAsPublished);
  const ofYear = published.filter((f) => inYear(f.publishedOn, year));
  const newByKind = Object.fromEntries(
    PUBLICATION_KINDS.map((k) => [k, ofYear.filter((f) => f.kind === k).length]),
  ) as Record<PublicationKind, number>;
  const docs = ofYear.filter((f) => DOCUMENT_KINDS.includes(f.kind));
  const rulesAndNormative = published.filter((f) => f.kind === 'rule' || f.kind === 'normative');
  return {
    year,
    newByKind,
    keyAreaItems: ofYear.filter((f) => f.hasKeyAreas).length,
    documentsWithInterpretation: docs.filter((f) => f.interpreted).length,
    documentsPublished: docs.length,
    rules: documentCounts(published, 'rule', year),
    normative: documentCounts(published, 'normative', year),
    format2019: {
      newlyMade: rulesAndNormative.filter((f) => inYear(f.writtenOn, year)).length,
      newlyPublished: rulesAndNormative.filter((f) => inYear(f.publishedOn, year)).length,
      totalPublished: rulesAndNormative.filter((f) => byEnd(f.publishedOn, year)).length,
      rulesPublished: rulesAndNormative.filter((f) => f.kind === 'rule' && byEnd(f.publishedOn, year)).length,
    },
  };
}

/**
 * The day a published document leaves 现行有效 (null while 有效): its 失效 or 废止 date, but never before it was
 * published — a document put online after its repeal enters and leaves in its publication year, and one without a
 * date leaves when published — so that it counts in 本年废止 exactly once, in a year it also counts in 本年新制发 or
 * was in force at the start of.
 */
function endsOn(f: PublicationFact): LocalDate | null {
  if (f.validity === 'valid' || f.publishedOn === null) return null;
  return f.validityOn !== null && f.validityOn > f.publishedOn ? f.validityOn : f.publishedOn;
}

/**
 * The 2021 format's 本年新制发 (made and issued: published in the year), 本年废止 (废止 or 失效 in the year of
 * the validity date, {@link endsOn}) and 现行有效 (published by year end and not 废止 or 失效 by then), one rule for
 * all three so that 现行有效(N) = 现行有效(N−1) + 本年新制发(N) − 本年废止(N).
 */
function documentCounts(published: readonly PublicationFact[], kind: PublicationKind, year: number): DocumentCounts {
  const ofKind = published.filter((f) => f.kind === kind);
  return {
    made: ofKind.filter((f) => inYear(f.publishedOn, year)).length,
    repealed: ofKind.filter((f) => inYear(endsOn(f), year)).length,
    inForce: ofKind.filter((f) => byEnd(f.publishedOn, year) && !byEnd(endsOn(f), year)).length,
  };
}
