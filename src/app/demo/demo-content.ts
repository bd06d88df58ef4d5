// The demo district's content, made once on the first start so that a newcomer sees a living portal: items in
// every category, 政策解读, budgets to search for, the standard catalogue, last year's and this year's applications,
// a 复议, and last year's published annual reports. Everything is made through the use cases under a clock moved
// back to each event's day, in ONE transaction: an interrupted first start leaves nothing of it, and the next start
// makes it again.
import type { AppContext, Repos } from '../context.js';
import { yearOf } from '../../domain/core/local-date.js';
import { memo } from '../../domain/core/memo.js';
import { auditBy } from '../actors.js';
import { demoClock } from './demo-clock.js';
import { DEMO_ORGS } from './demo-district.js';
import { demoAccounts, type DemoAccount } from './demo-staff.js';
import type { Role } from '../../domain/users/roles.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { Organization } from '../../domain/orgs/organization.js';
import type { Category } from '../publications/ports.js';
import type { HtmlReader, HtmlReading } from '../documents/ports.js';
import { CASE_STAFF_ROLES, type CaseStaff } from './application-moves.js';
import { PUBLISHING_ROLES, type PublishingStaff } from './publication-moves.js';
import { catalogueEvents, publicationEvents } from './demo-publications.js';
import { applicationEvents, CASE_ORGS } from './demo-cases.js';
import { reportEvents } from './demo-reports.js';
import { monitoringEvents } from './demo-monitoring.js';
import { assessmentEvents } from './demo-assessment.js';
import { historyStart, runTimeline, type DemoOrgRef, type DemoWorld } from './demo-timeline.js';

/**
 * The site setting that records the demo content: `'pending'` from the first start that creates the demo district
 * until the content is made, then what was made. Any other value (or none) means: make nothing.
 */
export const DEMO_CONTENT_KEY = 'demo.content';

/** What the demo content holds. */
export type DemoContentSummary = {
  publications: number;
  catalogueRows: number;
  applications: number;
  reports: number;
  /** Monitored websites and 政务新媒体 accounts registered (absent in content made before they were). */
  monitoredSites?: number;
  mediaAccounts?: number;
  /** The office day it was made on (its dates are relative to it). */
  madeOn: string;
};

/** Reports progress: events done out of the total. */
export type DemoProgress = (done: number, total: number) => void;

/** Marks the demo content as to be made (by the first start, when it creates the demo district). */
export async function markDemoContentPending(ctx: Pick<AppContext, 'repos' | 'clock'>): Promise<void> {
  await ctx.repos.settings.set(DEMO_CONTENT_KEY, 'pending', ctx.clock.nowIso());
}

/** Fictional names of the demo staff (the root government's office). */
const PUBLISHING_NAMES: Record<keyof PublishingStaff, string> = {
  editor: '刘晓编（示例）',
  r1: '何初审（示例）',
  r2: '马复审（示例）',
  signer: '钱签发（示例）',
  head: '周主任（示例）',
};
const CASE_NAMES: Record<keyof CaseStaff, string> = {
  handler: '李承办（示例）',
  handler2: '赵承办（示例）',
  officeHead: '王主任（示例）',
  legal: '陈法审（示例）',
  signer: '孙审批（示例）',
};

/** The demo staff of an organization: accounts `demo.<prefix>.<key>` with the roles and names given. */
function staffOf<K extends string>(
  ctx: AppContext,
  o: DemoOrgRef,
  prefix: string,
  roles: Record<K, Role>,
  names: Record<K, string>,
): Promise<Record<K, Actor>> {
  const keys = Object.keys(roles) as K[];
  const spec = Object.fromEntries(
    keys.map((k): [K, DemoAccount] => [k, [`demo.${prefix}.${k.toLowerCase()}`, roles[k], names[k]]]),
  ) as Record<K, DemoAccount>;
  return demoAccounts(ctx, o.org.id, spec);
}

/** Builds the world the events are made in: the demo organizations as stored, the staff, the dates. */
async function world(ctx: AppContext): Promise<DemoWorld> {
  const clock = demoClock(ctx.clock);
  const today = clock.today();
  const inner: AppContext = { ...ctx, clock };
  const stored = await ctx.repos.orgs.list();
  const orgs = DEMO_ORGS.flatMap((demo, index) => {
    const org = stored.find((o) => o.creditCode === demo.fields.creditCode);
    return org ? [{ org, demo, index }] : [];
  });
  const root = orgs[0];
  if (!root || root.org.parentId !== null) throw new Error('the demo district is missing');
  const start = historyStart(today);
  clock.at(start);
  const publishing = await staffOf(inner, root, 'gov', PUBLISHING_ROLES, PUBLISHING_NAMES);
  const caseStaff = new Map<number, CaseStaff>();
  for (const index of CASE_ORGS) {
    const o = orgs.find((x) => x.index === index);
    if (o) caseStaff.set(index, await staffOf(inner, o, `org${index}.case`, CASE_STAFF_ROLES, CASE_NAMES));
  }
  return {
    ctx: inner,
    clock,
    today,
    start,
    year: yearOf(today),
    lastYear: yearOf(today) - 1,
    orgs,
    publishing,
    caseStaff,
  };
}

/** Makes the content in the transaction's context; returns what was made. */
async function makeContent(ctx: AppContext, onProgress?: DemoProgress): Promise<DemoContentSummary> {
  const w = await world(ctx);
  const catalogue = await catalogueEvents(w);
  const publications = await publicationEvents(w);
  const applications = applicationEvents(w);
  const reports = reportEvents(w);
  const monitoring = monitoringEvents(w);
  const assessment = assessmentEvents(w);
  await runTimeline(
    w.clock,
    [
      ...catalogue.events,
      ...publications.events,
      ...applications.events,
      ...reports,
      ...monitoring.events,
      ...assessment.events,
    ],
    onProgress,
  );
  return {
    publications: publications.items + catalogue.items,
    catalogueRows: catalogue.rows,
    applications: applications.cases,
    reports: reports.length,
    monitoredSites: monitoring.sites,
    mediaAccounts: monitoring.accounts,
    madeOn: w.today,
  };
}

/**
 * The transaction's repositories with read-through copies of what every step reads but making the demo never
 * changes: the organization tree and the organizations' catalogues (the repositories keep no copy inside a
 * transaction), and the site settings (written through).
 */
function withReadCopies(r: Repos): Repos {
  const orgs = new Map<string, Promise<Organization[]>>();
  const cats = new Map<string, Promise<Category[]>>();
  const settings = new Map<string, Promise<unknown>>();
  return {
    ...r,
    orgs: {
      ...r.orgs,
      list: async (opts) => [...(await memo(orgs, String(opts?.includeRetired), () => r.orgs.list(opts)))],
    },
    categories: {
      ...r.categories,
      list: async (orgId, opts) => [
        ...(await memo(cats, `${orgId}:${opts?.includeRetired}`, () => r.categories.list(orgId, opts))),
      ],
    },
    settings: {
      get: (key) => memo(settings, key, () => r.settings.get(key)),
      set: async (key, value, at) => {
        settings.set(key, Promise.resolve(value));
        await r.settings.set(key, value, at);
      },
    },
  };
}

/**
 * The HTML reader, reading each body once: the review chain reads an item's body again at each level's checks, and
 * the demo's bodies do not change on the way (the reader is pure).
 */
function readingOnce(reader: HtmlReader): HtmlReader {
  const read = new Map<string, HtmlReading>();
  return {
    text: (html) => reader.text(html),
    read: (html) => memo(read, html, () => reader.read(html)),
  };
}

/**
 * Makes the demo content if it is pending (see {@link DEMO_CONTENT_KEY}), all in one transaction: the use cases
 * run on the transaction's repositories (their own transactions join it), so either everything is stored with the
 * setting saying it was made, or nothing is and the setting still says `pending`. Two processes starting together
 * make it once: the first to take the counter makes it, the other finds it taken when the first commits.
 * @param onProgress called after each event of the history
 * @returns what was made, or null when nothing was pending
 */
export async function seedDemoContent(ctx: AppContext, onProgress?: DemoProgress): Promise<DemoContentSummary | null> {
  if ((await ctx.repos.settings.get(DEMO_CONTENT_KEY)) !== 'pending') return null;
  return ctx.uow.run(async (r: Repos) => {
    if ((await r.counters.next(DEMO_CONTENT_KEY)) !== 1) return null;
    const repos = withReadCopies(r);
    const inTransaction: AppContext = {
      ...ctx,
      repos,
      uow: { run: (fn) => fn(repos) },
      htmlReader: readingOnce(ctx.htmlReader),
    };
    const summary = await makeContent(inTransaction, onProgress);
    const now = ctx.clock.nowIso();
    await r.settings.set(DEMO_CONTENT_KEY, summary, now);
    await r.audit.append(
      auditBy(null, {
        action: 'demo.seeded',
        entityType: 'setting',
        entityId: DEMO_CONTENT_KEY,
        orgId: null,
        before: null,
        after: summary,
      }),
      now,
    );
    return summary;
  });
}
