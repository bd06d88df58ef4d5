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
