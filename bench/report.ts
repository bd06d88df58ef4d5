// Benchmark of the annual report — 100,000 applications over 50 organizations
// (20,000 of them in one organization), inserted in bulk through the db layer (a benchmark does not
// need the procedure), with their submit events, a fee notice and payment on 1 % of the cases, one
// notice each and a few review cases. Then, on SQLite and on PostgreSQL:
//   - one organization's report (`loadReport`: tallies of the year and the year before, register,
//     publications, fees, notices, narrative draft, checks) — target < 200 ms;
//   - the rollup over the 50 organizations (`buildRollup`) — target < 2 s;
// each against a baseline measured in the same run: a plain `select count(*)` over the same rows.
// Never part of CI or `npm test`.
//
// Usage: npm run bench:report [-- --only sqlite|postgres] [--runs 10]
// PostgreSQL: DATABASE_URL (postgres://…) or GONGKAI_BENCH_PG_URL, default
// postgres://gongkai:gongkai@127.0.0.1:5432/gongkai_test, in a fresh schema dropped at the end.
import { sql, type Insertable, type Kysely } from 'kysely';
import { openRuntime, type Runtime } from '../src/main.js';
import { onBothDatabases } from './lib/both-databases.js';
import { openDb, migrateToLatest, type DbConfig } from '../src/db/connect.js';
import type { ApplicationEventTable, ApplicationTable, Database, NoticeTable } from '../src/db/database.js';
import { loadReport } from '../src/app/reports/annual-reports.js';
import { buildRollup } from '../src/app/reports/report-rollup.js';
import { arg, benchOrgCode, RUNTIME_OPTS } from './lib/args.js';
import { LEGAL_PERSON_SUBTYPES, OUTCOMES } from '../src/domain/applications/application.js';
import { prng } from './lib/synthetic-text.js';

const ONLY = arg('only');
const RUNS = Number(arg('runs') ?? 10);
const TOTAL = 100_000;
const ORGS = 50;
const BIG = 20_000;
const YEAR = 2025;
const BATCH = 500;
const log = (s: string) => console.log(s);

/** A valid credit code for the i-th benchmark organization. */
const orgCode = (i: number): string => benchOrgCode('11999988MB', i);

const pad = (n: number) => String(n).padStart(2, '0');
/** A date `days` after 2023-07-01 (receipts span 2023-07 … 2026-01). */
function dayAfterStart(days: number): string {
  const d = new Date(Date.UTC(2023, 6, 1) + days * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Creates the 50 organizations (one root, 49 departments and townships) and returns their ids. */
async function createOrgs(db: Kysely<Database>, now: string): Promise<string[]> {
  const ids = Array.from({ length: ORGS }, (_, i) => `bench-org-${String(i).padStart(2, '0')}`);
  const rows = ids.map((id, i) => ({
    id,
    parent_id: i === 0 ? null : ids[0]!,
    kind: i === 0 ? 'government' : i % 5 === 0 ? 'township' : 'department',
    name: i === 0 ? '基准区人民政府' : `基准区第${i}单位`,
    short_name: i === 0 ? '区政府' : `单位${i}`,
    credit_code: orgCode(i + 1),
    address: '基准区人民路1号',
    postcode: '999001',
    phone: '0999-88000000',
    office_hours: '',
    office_name: '',
    office_address: '',
    office_phone: '',
    office_fax: '',
    office_email: '',
    functions: '',
    leadership: '',
    internal_units: '',
    sort_order: i,
    retired_at: null,
    created_at: now,
    updated_at: now,
  }));
  await db.insertInto('organization').values(rows).execute();
  return ids;
}

/** Inserts the applications, their events and notices in batched transactions. */
async function insertApplications(db: Kysely<Database>, orgIds: string[], now: string): Promise<void> {
  const rand = prng(2025);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  for (let start = 0; start < TOTAL; start += BATCH) {
    const apps: Insertable<ApplicationTable>[] = [];
    const events: Insertable<ApplicationEventTable>[] = [];
    const notices: Insertable<NoticeTable>[] = [];
    for (let i = start; i < Math.min(TOTAL, start + BATCH); i++) {
      // The first 20,000 belong to the big organization; the rest spread over the 49 others.
      const orgId = i < BIG ? orgIds[0]! : orgIds[1 + (i % (ORGS - 1))]!;
      const receivedOn = dayAfterStart(Math.floor(rand() * 940));
      const open = rand() < 0.08;
      const closedOn = open
        ? null
        : dayAfterStart(
            Math.min(
              1000,
              Math.floor((Date.parse(receivedOn) - Date.UTC(2023, 6, 1)) / 86_400_000) + 1 + Math.floor(rand() * 40),
            ),
          );
      const legal = rand() < 0.3;
      const id = `bench-app-${String(i).padStart(6, '0')}`;
      apps.push({
        id,
        org_id: orgId,
        tracking_code: `B${String(i).padStart(11, '0')}`,
        submission_key: null,
        channel: 'online',
        received_on: receivedOn,
        applicant_type: legal ? 'legal_person' : 'natural_person',
        applicant_subtype: legal ? pick(LEGAL_PERSON_SUBTYPES) : null,
        applicant_name: `申请人${i}`,
        id_type: 'resident_id',
        id_number: '',
        legal_representative: '',
        contact_person: '',
        phone: '',
        email: '',
        address: '',
        postcode: '',
        description: `基准申请${i}`,
        title: '',
        doc_no: '',
        index_no: '',
        carrier: 'electronic',
        delivery: 'email',
        proof_file_id: null,
        state: open ? 'registered' : 'archived',
        handler_id: null,
        outcome: open ? null : pick(OUTCOMES),
        due_on: null,
        waiting_until: null,
        extended: 0,
        closed_on: closedOn,
        created_at: now,
        updated_at: now,
      });
      const event = (seq: number, action: string, on: string, params: object) => ({
        application_id: id,
        seq,
        action,
        on_date: on,
        at: now,
        actor_id: null,
        actor_label: 'bench',
        params_json: JSON.stringify(params),
        due_on: null,
        explanation: '',
        provisional: 0,
      });
      events.push(event(1, 'submit', receivedOn, {}));
      if (i % 100 === 7) {
        events.push(event(2, 'issue_fee_notice', receivedOn, { pages: 40, amount: 100 }));
        events.push(event(3, 'record_payment', closedOn ?? receivedOn, {}));
      }
      notices.push({
        id: `bench-notice-${i}`,
        application_id: id,
        kind: 'acknowledgement',
        doc_no: `基准〔${receivedOn.slice(0, 4)}〕${i}号`,
        issued_on: receivedOn,
        body_json: '{}',
        served_on: null,
        service_method: null,
        service_ref: null,
        created_at: now,
      });
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('application').values(apps).execute();
      await trx.insertInto('application_event').values(events).execute();
      await trx.insertInto('notice').values(notices).execute();
    });
  }
}

/** A few review cases of the big organization in the report year. */
async function insertReviews(db: Kysely<Database>, orgId: string, now: string): Promise<void> {
  const rows = Array.from({ length: 40 }, (_, i) => ({
    id: `bench-review-${i}`,
    org_id: orgId,
    application_id: null,
    kind: i % 3 === 0 ? 'litigation' : 'reconsideration',
    litigation_route: i % 3 === 0 ? 'direct' : null,
    case_no: `基复〔${YEAR}〕${i}号`,
    filed_on: `${YEAR}-${pad(1 + (i % 12))}-10`,
    body: '基准市人民政府',
    claimant_name: '',
    subject: '',
    result: i % 4 === 0 ? 'pending' : 'upheld',
    result_on: i % 4 === 0 ? null : `${YEAR}-12-20`,
    handling: '',
    notes: '',
    created_at: now,
    updated_at: now,
  }));
  await db.insertInto('review_case').values(rows).execute();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Runs `fn` once to warm up, then `runs` times; returns the median and the slowest, in ms. */
async function time(runs: number, fn: () => Promise<unknown>): Promise<{ median: number; max: number }> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return { median: median(ms), max: Math.max(...ms) };
}

type Line = { label: string; what: string; median: number; max: number; baseline: number; target: number };

/** Builds the data set on one database and measures it. */
async function measure(label: string, db: DbConfig): Promise<Line[]> {
  const handle = openDb(db);
  let rt: Runtime | undefined;
  try {
    await migrateToLatest(handle);
    const now = new Date().toISOString();
    const t0 = performance.now();
    const orgIds = await createOrgs(handle.kysely, now);
    await insertApplications(handle.kysely, orgIds, now);
    await insertReviews(handle.kysely, orgIds[0]!, now);
    // Statistics (and on PostgreSQL the visibility map, for index-only scans) as autovacuum keeps them in a live
    // database.
    const analyze = handle.dialect === 'postgres' ? sql`vacuum analyze` : sql`analyze`;
    for (const table of ['application', 'application_event', 'notice', 'review_case']) {
      await sql`${analyze} ${sql.table(table)}`.execute(handle.kysely);
    }
    log(
      `${label}: inserted ${TOTAL} applications over ${ORGS} organizations (with events and notices) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    rt = await openRuntime(db, RUNTIME_OPTS);
    const ctx = rt.ctx;
    const big = orgIds[0]!;
    const counted = Number(
      (
        await sql<{ n: number | string }>`select count(*) as n from application where org_id = ${big}`.execute(
          handle.kysely,
        )
      ).rows[0]?.n,
    );
    const record = await loadReport(ctx, null, big, YEAR);
    const rollup = await buildRollup(ctx, null, big, YEAR);
    log(
      `  ${counted} applications in the big organization; ${YEAR}: new ${record.report.applications.new?.total}, closed ${record.report.applications.total?.total}, errors ${record.findings.filter((f) => f.severity === 'error').length}; rollup over ${rollup.included.length + rollup.missing.length} units, new ${rollup.report.applications.new?.total}`,
    );
    const countOne = await time(RUNS, () =>
      sql`select count(*) as n from application where org_id = ${big}`.execute(handle.kysely),
    );
    const countAll = await time(RUNS, () => sql`select count(*) as n from application`.execute(handle.kysely));
    const report = await time(RUNS, () => loadReport(ctx, null, big, YEAR));
    const roll = await time(Math.max(3, Math.floor(RUNS / 2)), () => buildRollup(ctx, null, big, YEAR));
    return [
      { label, what: `loadReport (1 org, ${BIG} apps)`, ...report, baseline: countOne.median, target: 200 },
      { label, what: `buildRollup (${ORGS} orgs, ${TOTAL} apps)`, ...roll, baseline: countAll.median, target: 2000 },
    ];
  } finally {
    await rt?.close();
    await handle.close();
  }
}

function printTable(lines: Line[]): void {
  const head = ['database', 'measure', 'median ms', 'max ms', 'baseline ms', 'ratio', 'target', 'result'];
  const rows = lines.map((l) => [
    l.label,
    l.what,
    l.median.toFixed(1),
    l.max.toFixed(1),
    l.baseline.toFixed(2),
    `${(l.median / Math.max(l.baseline, 0.01)).toFixed(0)}×`,
    `< ${l.target} ms`,
    l.median < l.target ? 'ok' : 'SLOW',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  log('');
  log('baseline: `select count(*)` over the same rows (the big organization / all applications), median');
  log(fmt(head));
  log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) log(fmt(r));
}

const lines: Line[] = (
  await onBothDatabases('report', ONLY, measure, (e) =>
    log(`PostgreSQL: skipped or failed (${e instanceof Error ? e.message : String(e)})`),
  )
).flat();
printTable(lines);
