// The use cases of assessment (考核) as the web and CLI edges call them. The scheme's content and the scoring rules
// are pure (src/domain/assessment/scheme.ts); these functions read the records of a year over a subtree and keep
// schemes, adjustments and published snapshots. Every function checks the actor's access (supervisors and admins
// of the scope's organization; deny by default) and throws the app's errors (notFound, forbidden, invalid).
import type { Actor } from '../../domain/policies/actor.js';
import type { Grade, IndicatorScore, SchemeDef } from '../../domain/assessment/scheme.js';

/** A stored scheme: one year, one scope (the subtree under `scopeOrgId`). */
export type SchemeRecord = {
  id: string;
  name: string;
  year: number;
  scopeOrgId: string;
  def: SchemeDef;
  /** draft: editable; published: frozen with its snapshot (the result table as published). */
  state: 'draft' | 'published';
  copiedFrom: string | null;
  publishedAt: string | null;
  /** The publication draft the result was published through, once made. */
  publicationId: string | null;
  updatedAt: string;
};

/** A manual adjustment of one unit's score: never without a reason; shown as such in every table. */
export type Adjustment = {
  id: string;
  schemeId: string;
  orgId: string;
  /** The indicator adjusted, or null for the total. */
  indicatorId: string | null;
  /** Points added (negative: taken). */
  points: number;
  reason: string;
  actorLabel: string;
  createdAt: string;
};

/** One unit's row of the result table. */
export type ResultRow = {
  orgId: string;
  org: string;
  creditCode: string;
  /** Sum of the item scores plus the adjustments. */
  total: number;
  rank: number;
  grade: Grade;
  items: Record<string, IndicatorScore>;
  adjustments: Adjustment[];
};

/** The computed (or, once published, frozen) result table of a scheme. */
export type ResultTable = {
  year: number;
  scheme: { id: string | null; name: string };
  def: SchemeDef;
  rows: ResultRow[];
  /** True when read from the snapshot frozen at publication. */
  frozen: boolean;
  computedAt: string;
};

/**
 * One item behind an indicator's value for a unit (a drill-down line). Applications appear by tracking code and
 * subject only, never with the applicant's personal data.
 */
export type DrillItem = {
  /** 索引号, tracking code, report year, site or account name, training title… */
  ref: string;
  subject: string;
  /** Why it costs points (or counts), in Chinese: "超期3个工作日公开", "逾期未答复"… */
  why: string;
  /** A back-office link to the item, when there is one. */
  href: string | null;
};

/** The assessment use cases. */
export interface AssessmentUseCases {
  /** Schemes of the scopes the actor may assess, newest year first. */
  listSchemes(actor: Actor): Promise<SchemeRecord[]>;
  getScheme(actor: Actor, id: string): Promise<SchemeRecord>;
  /** A new draft from DEFAULT_SCHEME for a year and scope. */
  createScheme(actor: Actor, req: { year: number; scopeOrgId: string; name: string }): Promise<SchemeRecord>;
  /** A new draft for `year` with the content of an existing scheme (copy last year's). */
  copyScheme(actor: Actor, fromId: string, req: { year: number; name?: string }): Promise<SchemeRecord>;
  /** Replaces a draft's name and content (validated: ids unique, max > 0, bands ordered…). Published: refused. */
  updateScheme(actor: Actor, id: string, req: { name: string; def: SchemeDef }): Promise<SchemeRecord>;
  deleteScheme(actor: Actor, id: string): Promise<void>;
  /** Computes the table of a scheme (a published scheme returns its frozen snapshot). */
  compute(actor: Actor, schemeId: string): Promise<ResultTable>;
  /** The items behind one indicator of one unit (computed indicators; entered ones show their evidence). */
  drill(actor: Actor, schemeId: string, orgId: string, indicatorId: string): Promise<DrillItem[]>;
  /** Records the value of an entered indicator for a unit, with its evidence (required). */
  enterValue(
    actor: Actor,
    schemeId: string,
    req: { orgId: string; indicatorId: string; value: number; evidence: string },
  ): Promise<void>;
  /** Adds an adjustment; a blank reason is refused with a Chinese error (invalid). Published: refused. */
  adjust(
    actor: Actor,
    schemeId: string,
    req: { orgId: string; indicatorId: string | null; points: number; reason: string },
  ): Promise<Adjustment>;
  /** Freezes the scheme with its computed table as the snapshot; afterwards nothing in it changes. */
  publish(actor: Actor, schemeId: string): Promise<SchemeRecord>;
  /** Links the publication draft made from the result (asmt-web makes the draft through the publication path). */
  linkPublication(actor: Actor, schemeId: string, publicationId: string): Promise<void>;
}

/** The value of an entered indicator for one unit, with its evidence. */
export type EnteredValue = {
  schemeId: string;
  orgId: string;
  indicatorId: string;
  value: number;
  evidence: string;
  actorLabel: string;
  updatedAt: string;
};

/** A scheme as stored, with who last wrote it. */
export type StoredScheme = SchemeRecord & { actorId: string | null; actorLabel: string; createdAt: string };

/** Schemes, entered values, adjustments and published snapshots. */
export interface AssessmentRepository {
  /** Every scheme, newest year first. */
  schemes(): Promise<StoredScheme[]>;
  scheme(id: string): Promise<StoredScheme | undefined>;
  /** The published scheme of a year and scope, if any (the latest published). */
  publishedFor(scopeOrgId: string, year: number): Promise<StoredScheme | undefined>;
  /** The result table frozen at publication, or null. */
  snapshot(id: string): Promise<ResultTable | null>;
  insertScheme(s: StoredScheme): Promise<void>;
  updateScheme(s: StoredScheme): Promise<void>;
  /** Deletes the scheme with its entered values and adjustments. */
  deleteScheme(id: string): Promise<void>;
  /** Freezes the scheme: state published, the table as its snapshot. */
  publishScheme(id: string, table: ResultTable, at: string): Promise<void>;
  setPublication(id: string, publicationId: string, at: string): Promise<void>;
  entries(schemeId: string): Promise<EnteredValue[]>;
  /** Inserts or replaces the value of (scheme, org, indicator). */
  saveEntry(e: EnteredValue & { actorId: string | null }): Promise<void>;
  adjustments(schemeId: string): Promise<Adjustment[]>;
  addAdjustment(a: Adjustment & { actorId: string | null }): Promise<void>;
}

/** Per-organization counts of one measure (organizations without a counted row are absent). */
export type OrgCounts<K extends string> = Map<string, Record<K, number>>;

/** A drill-down row as the facts give it (dates as stored). */
export type FactItem = { ref: string; subject: string; a: string | null; b: string | null };

/**
 * The grouped counts the computed indicators read over a subtree for a year, one query a measure, grouped by
 * organization, and the items of one organization for the drill-down. `orgIds` is the subtree.
 */
export interface AssessmentFacts {
  /**
   * 主动公开 items first published in the year: all, and those published by the art. 26 due date of their 成文日期
   * (`dues`: every day that may be a 成文日期 → its due date; earlier 成文日期 are late by construction).
   */
  art26(
    orgIds: readonly string[],
    year: number,
    dues: ReadonlyMap<string, string>,
  ): Promise<OrgCounts<'total' | 'onTime'>>;
  /** 主动公开 items published in the year: 索引号, title, 成文日期 (a), 发布日期 (b), of one organization. */
  art26Items(orgId: string, year: number): Promise<FactItem[]>;
  /** 行政规范性文件 published in the year: all, and those no published interpretation interprets. */
  normative(orgIds: readonly string[], year: number): Promise<OrgCounts<'total' | 'missing'>>;
  normativeMissingItems(orgId: string, year: number): Promise<FactItem[]>;
  /**
   * Applications answered in the year (not withdrawn): all, on time (by the stored due date), and those still
   * unanswered whose stored due date is before `asOf`.
   */
  applications(
    orgIds: readonly string[],
    year: number,
    asOf: string,
  ): Promise<OrgCounts<'answered' | 'onTime' | 'overdueOpen'>>;
  /** Late answers (a: due, b: answered) and overdue open cases (a: due, b: null) of one organization. */
  applicationItems(orgId: string, year: number, asOf: string): Promise<FactItem[]>;
  /** Review cases (复议, 诉讼) concluded in the year: all, and those with a 纠正 result. */
  reviews(orgIds: readonly string[], year: number): Promise<OrgCounts<'concluded' | 'corrected'>>;
  reviewCorrectedItems(orgId: string, year: number): Promise<FactItem[]>;
  /** Each registered site of the organizations with its latest verdict finished before `before` (null: none). */
  siteVerdicts(
    orgIds: readonly string[],
    before: string,
  ): Promise<{ orgId: string; site: string; verdict: string | null; finishedAt: string | null }[]>;
  /** 整改 tasks created before `before`: all, and those still open past their due date (before `asOf`). */
  tasks(orgIds: readonly string[], asOf: string, before: string): Promise<OrgCounts<'total' | 'overdue'>>;
  /** The overdue open tasks of one organization: a: due date, subject: the finding's message. */
  taskItems(orgId: string, asOf: string, before: string): Promise<FactItem[]>;
  /** Training sessions held in the year by organizations of the subtree, and which organizations attended each. */
  training(
    orgIds: readonly string[],
    year: number,
  ): Promise<{
    sessions: { id: string; title: string; heldOn: string }[];
    attended: { sessionId: string; orgId: string }[];
  }>;
}

/** The repositories the assessment reads and writes. */
export type AssessmentRepos = { assessments: AssessmentRepository; assessmentFacts: AssessmentFacts };
