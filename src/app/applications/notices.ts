// Which notices (告知书) a move issues. Filled in with the notice templates (issue 3, "Notices").
import type { AppContext, Repos } from '../ports.js';
import type { Action, ApplicationSnapshot } from '../../domain/applications/application.js';
import type { Organization } from '../../domain/orgs/organization.js';

/** The case after a move, for the notices it issues. */
export type NoticeTrigger = { app: ApplicationSnapshot; org: Organization; action: Action; on: string; now: string };

/**
 * Issues the notices a move calls for, inside the move's transaction.
 * @returns ids of the notices created
 */
export async function issueNoticesFor(ctx: AppContext, repos: Repos, trigger: NoticeTrigger): Promise<string[]> {
  void ctx;
  void repos;
  void trigger;
  return [];
}
