// The section 四 counting rule (domain/reviews/review-case.ts, REVIEW_COUNTING_RULES): a site-wide setting,
// so the reports of a government and of the units below it count the same cases the same way.
// Set on the report settings page (app/reports/report-settings.ts, setReviewCountingRule).
import type { Actor } from '../../domain/policies/actor.js';
import {
  DEFAULT_REVIEW_COUNTING,
  isReviewCountingRule,
  type ReviewCountingRule,
} from '../../domain/reviews/review-case.js';
import type { OrgRepos } from '../orgs/ports.js';
import type { SettingsRepos } from '../settings/ports.js';
import { mayDoGlobally } from '../orgs/global-admin.js';

/** The settings key. */
export const REVIEW_COUNTING_KEY = 'reports.review_counting';

/** The rule in force: the stored one, else {@link DEFAULT_REVIEW_COUNTING}. */
export async function reviewCountingRule(repos: SettingsRepos): Promise<ReviewCountingRule> {
  const v = await repos.settings.get(REVIEW_COUNTING_KEY);
  return isReviewCountingRule(v) ? v : DEFAULT_REVIEW_COUNTING;
}

/** Whether the actor may change the rule: an administrator of a top-level organization (null = CLI/system). */
export async function maySetReviewCounting(repos: OrgRepos, actor: Actor | null): Promise<boolean> {
  return mayDoGlobally(repos, actor, 'settings.update');
}
