// Benchmark of the assessment (docs/assessment.md, "Bench"): a scope of 500 organizations with 1,000,000
// applications and 1,000,000 publications (generated inside the database with one INSERT … SELECT each), then on
// SQLite and on PostgreSQL the whole table of the default scheme over the root (`assessYear`, every computed
// indicator) against the plain SQL counts it is built on (per measure, `count(*)` grouped by organization with the
// same filters), measured in the same run. Targets: under 5 s, and under 3× the counts.
// Never part of CI or `npm test`.
//
// Usage: npm run bench:assess [-- --only sqlite|postgres] [--orgs 500] [--applications 1000000]
//        [--publications 1000000] [--runs 3]
// PostgreSQL: DATABASE_URL (postgres://…) or GONGKAI_BENCH_PG_URL, default
// postgres://gongkai:gongkai@127.0.0.1:5432/gongkai_test, in a fresh schema dropped at the end.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { openRuntime, type Runtime } from '../src/main.js';
import { onBothDatabases } from './lib/both-databases.js';
import { openDb, migrateToLatest, type DbConfig } from '../src/db/connect.js';
import type { Database } from '../src/db/database.js';
import { assessYear } from '../src/app/assessment/compute-year.js';
import { arg, benchOrgCode, RUNTIME_OPTS } from './lib/args.js';

const ONLY = arg('only') ?? '';
const ORGS = Number(arg('orgs') ?? '500');
const APPS = Number(arg('applications') ?? '1000000');
const PUBS = Number(arg('publications') ?? '1000000');
const RUNS = Number(arg('runs') ?? '3');
const YEAR = 2025;
const TARGET_MS = 5000;
const TARGET_RATIO = 3;
const log = (s: string) => console.log(s);

/** A valid credit code for the i-th benchmark organization. */
const orgCode = (i: number): string => benchOrgCode('11999977MB', i);

/** The organizations (a government at the root, departments below) and one category each. */
async function createOrgs(db: Kysely<Database>, now: string): Promise<void> {
  const ids = Array.from({ length: ORGS }, (_, i) => `bo-${i}`);
  const blank = { address: '', postcode: '999001', phone: '', office_hours: '', office_name: '', office_address: '' };
  const more = {
    office_phone: '',
    office_fax: '',
    office_email: '',
    functions: '',
    leadership: '',
    internal_units: '',
  };
  for (let start = 0; start < ORGS; start += 200) {
    const rows = ids.slice(start, start + 200).map((id, k) => {
      const i = start + k;
      return {
        id,
        parent_id: i === 0 ? null : ids[0]!,
        kind: i === 0 ? 'government' : 'department',
        name: i === 0 ? '基准区人民政府' : `基准区第${i}单位`,
        short_name: `单位${i}`,
        credit_code: orgCode(i + 1),
        ...blank,
        ...more,
        sort_order: i,
        retired_at: null,
        created_at: now,
        updated_at: now,
      };
    });
    await db.insertInto('organization').values(rows).execute();
    const cats = rows.map((o) => ({
      id: `bc-${o.id.slice(3)}`,
      org_id: o.id,
      parent_id: null,
      slug: 'bench',
      name: '基准栏目',
      sort_order: 0,
      kind: 'category',
      statutory_key: null,
      retired_at: null,
      created_at: now,
      updated_at: now,
    }));
    await db.insertInto('category').values(cats).execute();
  }
}

/** The day `offset` (an SQL integer expression) days after `from`, as 'YYYY-MM-DD' text, in the dialect's words. */
const dayAfter = (postgres: boolean, from: string, offset: RawBuilder<unknown>): RawBuilder<unknown> =>
  postgres
    ? sql`to_char(date ${sql.lit(from)} + (${offset})::int, 'YYYY-MM-DD')`
    : sql`date(${sql.lit(from)}, '+' || (${offset}) || ' days')`;

/** `insert into <table> (columns) select <values> from` the integers 0 … n−1, generated inside the database. */
async function generate(
  db: Kysely<Database>,
  postgres: boolean,
  n: number,
  table: string,
  columns: readonly string[],
  values: RawBuilder<unknown>,
): Promise<void> {
  const cols = sql.join(columns.map((c) => sql.ref(c)));
  const q = postgres
    ? sql`insert into ${sql.table(table)} (${cols}) select ${values} from generate_series(0, ${sql.lit(n - 1)}) as g(i)`
    : sql`with recursive g(i) as (select 0 union all select i + 1 from g where i < ${sql.lit(n - 1)})
          insert into ${sql.table(table)} (${cols}) select ${values} from g`;
  await q.execute(db);
}

/** The applications: received over 2024–2025, 96 % answered 0–24 days after receipt (due after 20), 4 % open. */
async function insertApplications(db: Kysely<Database>, postgres: boolean, now: string): Promise<void> {
  const received = dayAfter(postgres, '2024-01-01', sql`i % 700`);
  const due = dayAfter(postgres, '2024-01-21', sql`i % 700`);
  const closed = dayAfter(postgres, '2024-01-01', sql`i % 700 + (i / ${sql.lit(ORGS)} * 7) % 25`);
  const open = sql`i % 25 = 3`;
  const values = sql`'ba-' || i, 'bo-' || (i % ${sql.lit(ORGS)}), 'BA' || i, 'online', ${received}, 'natural_person',
    '申请人', '基准申请', '所需信息' || i, 'electronic', 'email',
    case when ${open} then 'registered' else 'archived' end, ${due},
    case when ${open} then null else ${closed} end, ${sql.lit(now)}, ${sql.lit(now)}`;
  const columns = [
    'id',
    'org_id',
    'tracking_code',
    'channel',
    'received_on',
    'applicant_type',
    'applicant_name',
    'description',
    'title',
    'carrier',
    'delivery',
    'state',
    'due_on',
    'closed_on',
    'created_at',
    'updated_at',
  ];
  await generate(db, postgres, APPS, 'application', columns, values);
}

/** The publications: published 0–34 days after 成文日期 over 2024–2025; 1 in 23 normative, 1 in 4 of them interpreted. */
async function insertPublications(db: Kysely<Database>, postgres: boolean, now: string): Promise<void> {
  const written = dayAfter(postgres, '2024-01-01', sql`i % 700`);
  const published = dayAfter(postgres, '2024-01-01', sql`i % 700 + (i / ${sql.lit(ORGS)} * 11) % 35`);
  const kind = sql`case when i % 23 = 0 then 'normative' when i % 92 = 1 then 'interpretation' else 'other_document' end`;
  // An interpretation (i % 92 = 1) interprets the normative document generated just before it (i − 1).
  const interprets = sql`case when i % 92 = 1 then 'bp-' || (i - 1) else null end`;
  const values = sql`'bp-' || i, 'bo-' || (i % ${sql.lit(ORGS)}), 'bc-' || (i % ${sql.lit(ORGS)}), 'BP-' || i,
    '基准信息' || i, ${written}, ${published}, ${kind}, 'valid', 'proactive', '<p>正文</p>', ${interprets},
    'published', ${sql.lit(now)}, ${sql.lit(now)}`;
  const columns = [
    'id',
    'org_id',
    'category_id',
    'index_no',
    'title',
    'written_on',
    'published_on',
    'kind',
    'validity',
    'disclosure',
    'body_html',
    'interprets_id',
    'state',
    'created_at',
    'updated_at',
  ];
  await generate(db, postgres, PUBS, 'publication', columns, values);
}

/** The plain counts the computed indicators are built on: per measure, rows grouped by organization. */
function plainCounts(db: Kysely<Database>, asOf: string): (() => Promise<unknown>)[] {
  const from = `${YEAR}-01-01`;
  const to = `${YEAR}-12-31`;
  const q = (s: RawBuilder<unknown>) => () => s.execute(db);
  return [
    q(sql`select org_id, count(*) from publication where published_on >= ${from} and published_on <= ${to}
          and disclosure = 'proactive' group by org_id`),
    q(sql`select org_id, count(*) from publication where kind = 'normative' and disclosure = 'proactive'
          and published_on >= ${from} and published_on <= ${to} group by org_id`),
    q(sql`select org_id, count(*) from application where (closed_on >= ${from} and closed_on <= ${to}
          and state <> 'withdrawn') or (closed_on is null and due_on < ${asOf}) group by org_id`),
    q(sql`select org_id, count(*) from review_case where result_on >= ${from} and result_on <= ${to} group by org_id`),
    q(sql`select org_id, count(*) from monitor_task group by org_id`),
    q(sql`select org_id, count(*) from monitor_site group by org_id`),
    q(sql`select org_id, count(*) from training_session where held_on >= ${from} and held_on <= ${to} group by org_id`),
  ];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Runs `fn` once to warm up, then RUNS times; the median in ms. */
async function time(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

type Line = { label: string; compute: number; counts: number; rows: number };

/** Builds the data set on one database and measures it. */
async function measure(label: string, db: DbConfig): Promise<Line> {
  const handle = openDb(db);
  let rt: Runtime | undefined;
  try {
    await migrateToLatest(handle);
    const postgres = handle.dialect === 'postgres';
    const now = new Date().toISOString();
    const t0 = performance.now();
    await createOrgs(handle.kysely, now);
    await insertApplications(handle.kysely, postgres, now);
    await insertPublications(handle.kysely, postgres, now);
    for (const table of ['organization', 'category', 'application', 'publication']) {
      await (postgres ? sql`vacuum analyze ${sql.table(table)}` : sql`analyze ${sql.table(table)}`).execute(
        handle.kysely,
      );
    }
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    log(`${label}: ${ORGS} organizations, ${APPS} applications, ${PUBS} publications inserted in ${secs} s`);
    rt = await openRuntime(db, RUNTIME_OPTS);
    const ctx = rt.ctx;
    const asOf = ctx.clock.today() < `${YEAR}-12-31` ? ctx.clock.today() : `${YEAR}-12-31`;
    const counts = plainCounts(handle.kysely, asOf);
    const table = await assessYear(ctx, { year: YEAR });
    const a = table.rows[1]?.items ?? {};
    log(
      `  ${table.rows.length} rows; unit 1: art26 ${a.art26_on_time?.value?.toFixed(3)}, applications ` +
        `${a.applications_on_time?.value?.toFixed(3)}, normative without interpretation ` +
        `${a.policy_without_interpretation?.value}`,
    );
    const countsMs = await time(async () => {
      for (const c of counts) await c();
    });
    const computeMs = await time(() => assessYear(ctx, { year: YEAR }));
    return { label, compute: computeMs, counts: countsMs, rows: table.rows.length };
  } finally {
    await rt?.close();
    await handle.close();
  }
}

function printTable(lines: Line[]): void {
  log('');
  log(`assess --year ${YEAR} over ${ORGS} organizations (default scheme, every computed indicator), median of ${RUNS}`);
  log('| database | compute ms | plain counts ms | ratio | target | result |');
  log('|---|---|---|---|---|---|');
  for (const l of lines) {
    const ratio = l.compute / Math.max(l.counts, 0.01);
    const ok = l.compute < TARGET_MS && ratio < TARGET_RATIO;
    const target = `< ${TARGET_MS} ms, < ${TARGET_RATIO}×`;
    log(
      `| ${l.label} | ${l.compute.toFixed(0)} | ${l.counts.toFixed(0)} | ${ratio.toFixed(2)}× | ${target} | ${ok ? 'ok' : 'SLOW'} |`,
    );
  }
}

const lines: Line[] = await onBothDatabases('assess', ONLY, measure);
printTable(lines);
