// Ports of the 复议/诉讼/投诉 register: what its use cases need from storage.
import type {
  ReviewCase,
  ReviewCaseFields,
  ReviewCountingRule,
  ReviewKind,
  ReviewResult,
} from '../../domain/reviews/review-case.js';

/** Filters of the register; visibility is the `orgIds` list, applied in SQL. */
export type ReviewFilter = {
  orgIds: readonly string[];
  kind?: ReviewKind;
  /** Cases filed in this calendar year. */
  year?: number;
  /** Cases counted in section 四 of this year under the rule (domain `reviewYearBounds`). */
  countedIn?: { year: number; rule: ReviewCountingRule };
  result?: ReviewResult;
  applicationId?: string;
  /** At most this many, newest filing first (default: all). */
  limit?: number;
};

/** The application a case may concern, as found by its 查询码 (no personal data). */
export type ApplicationRef = { id: string; orgId: string; trackingCode: string };

/** Reconsideration, litigation and complaint cases. */
export interface ReviewRepository {
  insert(c: Omit<ReviewCase, 'applicationTrackingCode'>): Promise<void>;
  /** Replaces the editable fields (the organization stays). */
  update(id: string, fields: Omit<ReviewCaseFields, 'orgId'>, at: string): Promise<void>;
  byId(id: string): Promise<ReviewCase | undefined>;
  /** Cases matching the filter, newest filing first. */
  list(filter: ReviewFilter): Promise<ReviewCase[]>;
  /** The application with this tracking code, if any. */
  applicationByTrackingCode(code: string): Promise<ApplicationRef | undefined>;
}

/** Repositories of the review register. */
export type ReviewRepos = { reviews: ReviewRepository };
