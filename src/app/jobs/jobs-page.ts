// The back office's view of the job engine (/admin/system/jobs): the newest jobs with their state and error, and
// the counts per queue. Root administrators only, like the other system settings.
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { forbidden } from '../errors.js';
import { JOB_LABELS } from './background-jobs.js';
import type { JobListing, JobState } from './ports.js';
import { mayDoGlobally } from '../orgs/global-admin.js';

/** Jobs a page lists. */
const PAGE_JOBS = 100;

/** What the jobs page shows: the engine's listing and each queue's label. */
export type JobsPage = JobListing & { labels: Readonly<Record<string, string>> };

/**
 * The jobs page, filtered by state and queue.
 * @throws AppError 'forbidden' unless the actor is an admin of a root organization
 */
export async function jobsPage(
  ctx: Pick<AppContext, 'repos' | 'jobs'>,
  actor: Actor,
  filter: { state?: JobState; queue?: string },
): Promise<JobsPage> {
  if (!(await mayDoGlobally(ctx.repos, actor, 'jobs.read'))) throw forbidden();
  const listing = await ctx.jobs.list({ ...filter, limit: PAGE_JOBS });
  return { ...listing, labels: JOB_LABELS };
}
