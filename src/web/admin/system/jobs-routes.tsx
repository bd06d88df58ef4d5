/** @jsxImportSource hono/jsx */
// Back-office page of the background jobs: GET /admin/system/jobs?state=…&queue=… (root admins only).
import type { Hono } from 'hono';
import { jobsPage } from '../../../app/jobs/jobs-page.js';
import { JOB_STATES } from '../../../app/jobs/ports.js';
import { type StaffEnv, staffPage } from '../../common/env.js';
import { readQuery } from '../../common/pipeline.js';
import { optionalOneOf, parseQuery, text } from '../../common/validation.js';
import { JobsPageView } from './jobs-views.js';

const [first, ...rest] = JOB_STATES;
const query = {
  state: optionalOneOf([first ?? 'created', ...rest], '状态有误'),
  queue: text(100),
};

/** Registers /admin/system/jobs. */
export function registerJobRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/system/jobs', async (c) => {
    const { value: q, errors } = parseQuery(query, readQuery(c));
    const filter = { ...(q.state ? { state: q.state } : {}), ...(q.queue ? { queue: q.queue } : {}) };
    const page = await jobsPage(c.get('ctx'), c.get('actor'), filter);
    return c.html(<JobsPageView {...staffPage(c)} page={page} filter={filter} errors={errors} />);
  });
}
