// A scope with known records for the assessment tests: 考核测试区 with 甲局, 乙局 and 丙镇 under it, and for the year
// 2024 the publications, applications, review cases, monitored sites and their runs, 整改 tasks, training sessions
// and 政务新媒体 accounts whose every indicator value is counted by hand in EXPECTED. Rows are written directly
// (a second connection), each with only the fields the measures read and the columns the schema requires.
import type { Kysely } from 'kysely';

/** Any table, any columns: the rows give only the columns without a default. */
type Db = Kysely<Record<string, Record<string, unknown>>>;
import { withDb } from '../../support/db-rows.js';
import type { TestRuntime } from '../../support/runtime.js';
import { demoOrgs, makeOrgs } from '../../factories/orgs.js';
import type { Organization } from '../../../src/domain/orgs/organization.js';
import { addCatalogueRow } from '../../../src/app/standard-catalogue/edit-rows.js';
import { catalogueRowForm } from '../../factories/standard-catalogue.js';

/** The year assessed; the test clock stands on 2025-09-28, after every report of 2024 was due. */
export const YEAR = 2024;

/** The scope's organizations by short name. */
export type Tree = { scope: Organization; a: Organization; b: Organization; c: Organization };

const AT = '2024-01-01T00:00:00.000Z';
let serial = 0;
const id = (p: string) => `${p}-${String(++serial).padStart(4, '0')}`;

async function publications(db: Db, t: Tree): Promise<void> {
  const cat = await db.selectFrom('category').select('id').where('org_id', '=', t.a.id).executeTakeFirstOrThrow();
  const pub = (o: { written: string; published: string; kind?: string; disclosure?: string; interprets?: string }) => {
    const pid = id('pub');
    return {
      id: pid,
      org_id: t.a.id,
      category_id: cat.id,
      index_no: `KH-${pid}`,
      title: `信息${pid}`,
      written_on: o.written,
      published_on: o.published,
      kind: o.kind ?? 'other_document',
      validity: 'valid',
      disclosure: o.disclosure ?? 'proactive',
      body_html: '<p>正文</p>',
      interprets_id: o.interprets ?? null,
      state: 'published',
      created_at: AT,
      updated_at: AT,
    };
  };
  const interpreted = pub({ written: '2024-05-06', published: '2024-05-09', kind: 'normative' });
  const rows = [
    pub({ written: '2024-03-01', published: '2024-03-05' }), // on time
    pub({ written: '2024-01-02', published: '2024-06-01' }), // late: due 2024-01-30
    pub({ written: '2024-05-06', published: '2024-05-08', kind: 'normative' }), // on time, no interpretation
    interpreted, // on time, interpreted
    pub({ written: '2024-05-09', published: '2024-05-09', kind: 'interpretation', interprets: interpreted.id }),
    pub({ written: '2024-02-01', published: '2024-09-01', disclosure: 'on_request' }), // not proactive
    pub({ written: '2023-12-01', published: '2023-12-30' }), // another year
  ];
  for (const r of rows) await db.insertInto('publication').values(r).execute();
}

async function applications(db: Db, t: Tree): Promise<void> {
  const app = (org: Organization, state: string, due: string | null, closed: string | null) => {
    const aid = id('app');
    return {
      id: aid,
      org_id: org.id,
      tracking_code: `GK${aid}`,
      channel: 'online',
      received_on: '2024-01-05',
      applicant_type: 'natural_person',
      applicant_name: '张三',
      description: '申请公开某项信息',
      title: `所需信息${aid}`,
      carrier: 'electronic',
      delivery: 'email',
      state,
      due_on: due,
      closed_on: closed,
      created_at: AT,
      updated_at: AT,
    };
  };
  const rows = [
    app(t.a, 'replied', '2024-04-20', '2024-04-10'), // on time
    app(t.a, 'archived', '2024-05-01', '2024-05-10'), // late
    app(t.a, 'registered', '2024-12-01', null), // overdue, open
    app(t.a, 'registered', '2025-01-10', null), // open, not yet due at the year's end
    app(t.a, 'withdrawn', '2024-03-20', '2024-03-01'), // withdrawn: not counted
    app(t.a, 'replied', '2023-12-25', '2023-12-20'), // answered in another year
    app(t.b, 'replied', '2024-02-10', '2024-02-01'), // on time
  ];
  for (const r of rows) await db.insertInto('application').values(r).execute();
}

async function reviews(db: Db, t: Tree): Promise<void> {
  const rc = (kind: string, result: string, resultOn: string | null) => ({
    id: id('rc'),
    org_id: t.a.id,
    kind,
    litigation_route: kind === 'litigation' ? 'direct' : null,
    case_no: `复-${serial}`,
    filed_on: '2024-02-01',
    claimant_name: '李四',
    subject: `不服答复${serial}`,
    result,
    result_on: resultOn,
    created_at: AT,
    updated_at: AT,
  });
  const rows = [
    rc('reconsideration', 'corrected', '2024-06-01'), // corrected
    rc('litigation', 'upheld', '2024-07-01'), // concluded, upheld
    rc('complaint', 'corrected', '2024-08-01'), // a complaint: not counted
    rc('reconsideration', 'pending', null), // pending
  ];
  for (const r of rows) await db.insertInto('review_case').values(r).execute();
}

async function monitoring(db: Db, t: Tree): Promise<void> {
  const site = async (org: Organization, name: string) => {
    const sid = id('site');
    await db
      .insertInto('monitor_site')
      .values({
        id: sid,
        name,
        home_url: `http://${sid}.example.test/`,
        org_id: org.id,
        kind: 'department',
        created_at: AT,
        updated_at: AT,
      })
      .execute();
    return sid;
  };
  const run = async (siteId: string, verdict: string, finished: string) => {
    const rid = id('run');
    await db
      .insertInto('monitor_run')
      .values({
        id: rid,
        site_id: siteId,
        state: 'completed',
        as_of: finished.slice(0, 10),
        requested_label: '测试',
        created_at: finished,
        finished_at: finished,
      })
      .execute();
    await db
      .insertInto('monitor_run_site')
      .values({ run_id: rid, site_id: siteId, verdict, finished_at: finished })
      .execute();
    return rid;
  };
  const s1 = await site(t.a, '甲局网站');
  const s2 = await site(t.a, '甲局专题网站');
  await site(t.b, '乙局网站'); // never checked: no data
  const r1 = await run(s1, '不合格', '2024-03-01T02:00:00.000Z');
  await run(s1, '合格', '2024-11-01T02:00:00.000Z'); // latest of the year: 合格
  await run(s1, '不合格', '2025-02-01T02:00:00.000Z'); // after the year
  await run(s2, '不合格', '2024-10-01T02:00:00.000Z');
  const task = async (org: Organization, state: string, due: string) => {
    const fid = id('finding');
    await db
      .insertInto('monitor_finding')
      .values({
        id: fid,
        site_id: s1,
        match_key: fid,
        rule: 'dead_link',
        severity: 'deduction',
        message: `问题${fid}`,
        confirmation: 'confirmed',
        status: 'open',
        first_run_id: r1,
        last_run_id: r1,
        first_seen_at: '2024-03-01T02:00:00.000Z',
        last_seen_at: '2024-03-01T02:00:00.000Z',
      })
      .execute();
    await db
      .insertInto('monitor_task')
      .values({
        id: id('task'),
        finding_id: fid,
        org_id: org.id,
        state,
        due_on: due,
        created_at: '2024-03-02T02:00:00.000Z',
        updated_at: AT,
      })
      .execute();
  };
  await task(t.a, 'open', '2024-12-01'); // overdue at the year's end
  await task(t.a, 'open', '2025-01-15'); // not yet due
  await task(t.a, 'fixed', '2024-11-01'); // fixed
  await task(t.b, 'closed', '2024-06-01'); // closed
}

async function training(db: Db, t: Tree): Promise<void> {
  const session = async (org: Organization, heldOn: string, title: string) => {
    const sid = id('ts');
    await db
      .insertInto('training_session')
      .values({
        id: sid,
        org_id: org.id,
        held_on: heldOn,
        title,
        organizer: '区政务公开办',
        kind: 'centralized',
        actor_label: '测试',
        created_at: AT,
        updated_at: AT,
      })
      .execute();
    return sid;
  };
  const ts1 = await session(t.scope, '2024-04-01', '政务公开集中培训');
  const ts2 = await session(t.a, '2024-09-01', '依申请公开专题培训');
  const ts3 = await session(t.scope, '2023-11-01', '去年的培训');
  const part = (sessionId: string, org: Organization, headcount: number) =>
    db
      .insertInto('training_participant')
      .values({ session_id: sessionId, org_id: org.id, headcount, user_ids_json: '[]' })
      .execute();
  await part(ts1, t.a, 5);
  await part(ts1, t.b, 2);
  await part(ts2, t.a, 3);
  await part(ts2, t.b, 0); // listed without anyone attending
  await part(ts3, t.c, 4); // another year
}

async function media(db: Db, t: Tree): Promise<void> {
  const account = async (org: Organization, name: string, interaction: number, status: string) => {
    const aid = id('acct');
    await db
      .insertInto('media_account')
      .values({
        id: aid,
        platform: 'wechat',
        name,
        verified_name: org.name,
        org_id: org.id,
        filing_no: 'BA-1',
        interaction,
        owner_contact: '',
        feed_url: '',
        opened_on: '2024-01-01',
        status,
        created_at: AT,
        updated_at: AT,
      })
      .execute();
    await db
      .insertInto('media_post')
      .values({
        id: id('post'),
        account_id: aid,
        posted_at: '2024-12-25T10:00',
        title: '动态',
        url: '',
        comments: 0,
        answered: 0,
        source: 'manual',
        created_at: AT,
      })
      .execute();
  };
  await account(t.a, '甲局发布', 1, 'open'); // 合格
  await account(t.a, '甲局服务', 0, 'open'); // no interaction: 不合格
  await account(t.b, '乙局发布', 0, 'cancelled'); // cancelled: not checked
}

/** Creates the scope under the demo root and writes its records. */
export async function makeAssessedTree(rt: TestRuntime): Promise<Tree> {
  const { root } = await demoOrgs(rt);
  const made = await makeOrgs(rt, root, [
    {
      name: '考核测试区',
      kind: 'government',
      children: [{ name: '考核测试区甲局' }, { name: '考核测试区乙局' }, { name: '考核测试区丙镇', kind: 'township' }],
    },
  ]);
  const pick = (n: string) => made[n] as Organization;
  const t = {
    scope: pick('考核测试区'),
    a: pick('考核测试区甲局'),
    b: pick('考核测试区乙局'),
    c: pick('考核测试区丙镇'),
  };
  // 乙局's standard catalogue: two rows, nothing published under either.
  const areas = await rt.ctx.repos.standardCatalogue.areas(t.b.id);
  const area = (name: string) => areas.find((x) => x.name === name)?.id ?? '';
  await addCatalogueRow(rt.ctx, null, t.b.id, catalogueRowForm(area('社会救助')));
  await addCatalogueRow(
    rt.ctx,
    null,
    t.b.id,
    catalogueRowForm(area('财政预决算'), '部门预算', '预算公开', '每年1月31日前'),
  );
  await withDb(rt, async (db) => {
    const k = db as Db;
    await publications(k, t);
    await applications(k, t);
    await reviews(k, t);
    await monitoring(k, t);
    await training(k, t);
    await media(k, t);
  });
  return t;
}

/**
 * Each indicator's value for each unit, counted by hand from the rows above. Keys: scope, a, b, c.
 */
export const EXPECTED: Record<string, Record<'scope' | 'a' | 'b' | 'c', number | null>> = {
  // 甲局: 5 proactive items published in 2024, 4 by their due date.
  art26_on_time: { scope: null, a: 4 / 5, b: null, c: null },
  // 乙局: 2 catalogue rows, nothing published under them; nobody else has a standard catalogue.
  catalogue_rows_empty: { scope: null, a: null, b: 2, c: null },
  // 甲局: 2 normative documents, 1 without a published interpretation.
  policy_without_interpretation: { scope: null, a: 1, b: null, c: null },
  // 甲局: answered 2 (1 on time) + 1 overdue open → 1/3; 乙局: 1 of 1.
  applications_on_time: { scope: null, a: 1 / 3, b: 1, c: null },
  // 甲局: 2 reconsideration/litigation results, 1 corrected.
  review_corrected: { scope: null, a: 1, b: null, c: null },
  // No report of 2024 was filed, and every due date has passed: late and not published.
  annual_report: { scope: 2, a: 2, b: 2, c: 2 },
  // 甲局: site 1 合格 at the year's end, site 2 不合格; 乙局's site was never checked.
  website_verdict: { scope: null, a: 1 / 2, b: null, c: null },
  // 甲局: 2 running accounts, 1 合格; 乙局's only account is cancelled.
  media_verdict: { scope: null, a: 1 / 2, b: null, c: null },
  // 甲局: 3 tasks, 1 open past its due date; 乙局: 1 closed task.
  rectification_open: { scope: null, a: 1, b: 0, c: null },
  // 2 sessions in 2024: 甲局 attended both, 乙局 one, 丙镇 and the government none.
  training: { scope: 0, a: 1, b: 1 / 2, c: 0 },
};
