// Repository tests of the foundation tables on SQLite and PostgreSQL: schema, organizations,
// the audit chain under concurrency, transactions, backup and restore (every row of every table) across dialects.
import { uploadReplyFile } from '../../../src/app/applications/reply-files.js';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIALECTS, openTestRuntime, skipReason, suiteRuntime, type TestRuntime } from '../../support/runtime.js';
import { fillMonitoring } from '../monitoring/registry-fill.js';
import { fillWebsiteReports } from '../website-report/report-rows.js';
import { fillTrainingRecords } from '../training/record-rows.js';
import { fillAssessment } from '../assessment/fixture.js';
import { NOT_BACKED_UP, REBUILT_AFTER_RESTORE, TABLE_ORDER } from '../../../src/db/maintenance.js';
import { migrateToLatest, openDb } from '../../../src/db/connect.js';
import { verifyAuditChain } from '../../../src/app/audit/verify-audit.js';
import { createOrganization, moveOrganization } from '../../../src/app/orgs/manage-organizations.js';
import { parseOrganizationFields } from '../../../src/app/orgs/organization-input.js';
import { AppError } from '../../../src/app/errors.js';
import { seedDemoDistrict } from '../../../src/app/bootstrap.js';
import { login } from '../../../src/app/auth/login.js';
import { issueApiToken } from '../../../src/app/auth/api-token.js';
import { setCalendarOverride } from '../../../src/app/calendar/calendar.js';
import { addCatalogueRow } from '../../../src/app/standard-catalogue/edit-rows.js';
import { addPost, createAccount, recordAccountEvent } from '../../../src/app/media/manage-accounts.js';
import { accountForm } from '../../factories/media.js';
import { markAreaNotApplicable } from '../../../src/app/standard-catalogue/manage-catalogue.js';
import { publishReport } from '../../../src/app/reports/report-workflow.js';
import { startCorrection, withdrawReport } from '../../../src/app/reports/report-corrections.js';
import { saveReportDraft } from '../../../src/app/reports/annual-reports.js';
import { setInternalReportDue } from '../../../src/app/reports/report-settings.js';
import { rowsByPrimaryKey, type Row } from '../../support/db-rows.js';
import { buildReview } from '../../support/reviews.js';
import { demoOrgs, testCreditCode } from '../../factories/orgs.js';
import { applicationForm, caseStaff, makeApplication } from '../../factories/applications.js';
import { grantTrackPass } from '../../../src/app/applications/track.js';
import { sendCorrection } from '../../../src/app/applications/online-correction.js';
import { makePublication, publishingStaff } from '../../factories/publications.js';
import { catalogueRowForm } from '../../factories/standard-catalogue.js';
import { grantPersonalData, revokePersonalData } from '../../../src/app/users/personal-data-grants.js';

const code = (n: number) => testCreditCode(n);
const fields = (n: number, name: string) =>
  parseOrganizationFields({ kind: 'department', name, creditCode: code(n), postcode: '999001' });

const PDF = new TextEncoder().encode('%PDF-1.4 backup');

/**
 * Writes rows into every table the use cases reach (a case through to its archive with notices, mail and its draft
 * reply, a reply attachment, a review case, a published item with an attachment and its search entry, a calendar
 * override, a standard-catalogue row and exclusion, an annual-report draft, a report published, corrected and
 * withdrawn, and an internal deadline),
 * so that a backup round trip compares real rows. Re-assessments need a year to pass and are left out. A session and
 * an API token are made too: they are never backed up (NOT_BACKED_UP), so the round trip must do without them.
 */
async function fillEveryTable(rt: TestRuntime): Promise<void> {
  const { root, named } = await demoOrgs(rt);
  const staff = await caseStaff(rt);
  const { id: applicationId } = await makeApplication(rt, { state: 'archived', staff });
  const drafting = await makeApplication(rt, { state: 'registered', staff });
  await uploadReplyFile(rt.ctx, staff.handler, drafting.id, { name: '答复附件.pdf', content: PDF });
  const waiting = await makeApplication(rt, { state: 'awaiting_correction', staff });
  const pass = await grantTrackPass(rt.ctx, waiting.trackingCode, applicationForm().applicant.phone);
  await sendCorrection(rt.ctx, pass?.token ?? '', {
    correctedRequest: '2024年示例区人民路片区老旧小区改造项目的立项批复',
    files: [{ name: '补正材料.pdf', content: PDF }],
  });
  await rt.ctx.repos.reviews.insert(buildReview(root.id, { applicationId }));
  const attachments = [{ name: '附件.pdf', mime: 'application/pdf', content: PDF }];
  const fields = { attachments, writtenOn: rt.clock.today() };
  await makePublication(rt, await publishingStaff(rt), { state: 'published', fields });
  await login(rt.ctx, 'admin', rt.boot.adminPassword ?? '');
  await issueApiToken(rt.ctx, 'admin');
  await setCalendarOverride(rt.ctx, null, '2025-10-10', false, '本地停电，暂停办公');
  const [first, second] = await rt.ctx.repos.standardCatalogue.areas(root.id);
  await addCatalogueRow(rt.ctx, null, root.id, catalogueRowForm(first?.id ?? ''));
  await markAreaNotApplicable(rt.ctx, null, root.id, second?.id ?? '', '本机构不涉及该领域');
  await saveReportDraft(rt.ctx, null, root.id, 2024, { sections: { overview: '本年度依法做好政府信息公开工作。' } });
  // A 2023 report published, corrected (version 2 with its 更正说明) and withdrawn: every column of its versions.
  const sections = { overview: '本年度概述。', problems: '存在的问题。', other: '无。' };
  await saveReportDraft(rt.ctx, null, root.id, 2023, { sections });
  await publishReport(rt.ctx, null, root.id, 2023);
  await startCorrection(rt.ctx, null, root.id, 2023);
  await saveReportDraft(rt.ctx, null, root.id, 2023, { sections: { ...sections, overview: '本年度概述（更正）。' } });
  const note = { correctedOn: rt.clock.today(), correctionWhat: '第一部分文字。', correctionWhy: '表述有误。' };
  await publishReport(rt.ctx, null, root.id, 2023, note);
  await withdrawReport(rt.ctx, null, root.id, 2023, '待核实后重新发布。');
  await setInternalReportDue(rt.ctx, null, named('示例区教育局').id, '01-15');
  // A view_personal_data grant, revoked, so that every column of its row holds a value.
  const grant = await grantPersonalData(rt.ctx, null, staff.signer.userId, { orgId: root.id, reason: '处理投诉' });
  await revokePersonalData(rt.ctx, null, staff.signer.userId, grant.id);
  // A 政务新媒体 account with a post and an announced closure.
  const account = await createAccount(
    rt.ctx,
    null,
    accountForm(root.id, { platform: 'weibo', feedUrl: 'https://weibo.example/feed' }),
  );
  await addPost(rt.ctx, null, account, { postedAt: '2024-02-01 09:00', title: '要闻', url: 'https://weibo.example/1' });
  await recordAccountEvent(rt.ctx, null, account, {
    kind: 'closed',
    on: '2024-03-01',
    announcement: '停止更新。',
    note: '合并',
  });
  await fillMonitoring(rt);
  await fillWebsiteReports(rt);
  await fillTrainingRecords(rt);
  await fillAssessment(rt);
}

for (const dialect of DIALECTS) {
  describe(`foundation repositories (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect);
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-db-'));
    after(() => rmSync(dir, { recursive: true, force: true }));

    test('should create the demo district as a tree with the government at the root', async () => {
      const orgs = await rt.ctx.repos.orgs.list();
      assert.equal(orgs.length, 8);
      const root = orgs.filter((o) => o.parentId === null);
      assert.deepEqual(
        root.map((o) => o.name),
        ['示例区人民政府'],
      );
      assert.deepEqual(new Set(orgs.map((o) => o.kind)), new Set(['government', 'department', 'township', 'street']));
    });

    test('should add the demo district to a database started without it, once', async () => {
      const bare = await openTestRuntime(dialect, { demo: false });
      try {
        assert.equal((await bare.ctx.repos.orgs.list()).length, 1);
        assert.equal(await seedDemoDistrict(bare.ctx), 7);
        assert.equal(await seedDemoDistrict(bare.ctx), 0);
        const orgs = await bare.ctx.repos.orgs.list();
        assert.equal(orgs.length, 8);
        assert.equal(orgs.filter((o) => o.parentId === null).length, 1);
      } finally {
        await bare.close();
      }
    });

    test('should round-trip every organization field', async () => {
      const root = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null);
      const created = await createOrganization(rt.ctx, null, root?.id ?? null, {
        ...fields(501, '示例区审计局'),
        functions: '审计监督',
        officeEmail: 'sj@example.gov.cn',
      });
      const back = await rt.ctx.repos.orgs.byCreditCode(code(501));
      assert.deepEqual(back, created);
    });

    test('should refuse a duplicate credit code and write nothing', async () => {
      const head = await rt.ctx.repos.audit.head();
      await assert.rejects(
        createOrganization(rt.ctx, null, null, fields(501, '重复')),
        (e) => e instanceof AppError && e.code === 'conflict',
      );
      assert.equal((await rt.ctx.repos.audit.head()).lastSeq, head.lastSeq);
      assert.equal((await rt.ctx.repos.orgs.list()).filter((o) => o.creditCode === code(501)).length, 1);
    });

    test('should refuse to move an organization under its own descendant', async () => {
      const orgs = await rt.ctx.repos.orgs.list();
      const root = orgs.find((o) => o.parentId === null);
      const dept = orgs.find((o) => o.creditCode === code(501));
      assert.ok(root && dept);
      await assert.rejects(moveOrganization(rt.ctx, null, root.id, dept.id), /自身或其下级/);
      assert.equal((await rt.ctx.repos.orgs.byId(root.id))?.parentId, null);
    });

    test('should roll back every write of a failed transaction, audit entry included', async () => {
      const head = await rt.ctx.repos.audit.head();
      await assert.rejects(
        rt.ctx.uow.run(async (r) => {
          await r.settings.set('probe', { a: 1 }, rt.clock.nowIso());
          await r.audit.append(
            {
              actorId: null,
              actorLabel: 'test',
              action: 'probe',
              entityType: 't',
              entityId: '1',
              orgId: null,
              before: null,
              after: 1,
            },
            rt.clock.nowIso(),
          );
          throw new Error('crash mid-write');
        }),
      );
      assert.equal(await rt.ctx.repos.settings.get('probe'), undefined);
      assert.deepEqual(await rt.ctx.repos.audit.head(), head);
    });

    test('should keep one unbroken chain under concurrent appends', async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          rt.ctx.uow.run((r) =>
            r.audit.append(
              {
                actorId: null,
                actorLabel: 'load',
                action: 'probe.concurrent',
                entityType: 't',
                entityId: String(i),
                orgId: null,
                before: null,
                after: { i },
              },
              rt.clock.nowIso(),
            ),
          ),
        ),
      );
      const check = await verifyAuditChain(rt.ctx);
      assert.equal(check.ok, true, JSON.stringify(check));
      assert.equal(check.count, (await rt.ctx.repos.audit.head()).lastSeq);
    });

    test('should filter the audit trail literally and case-insensitively on both engines', async () => {
      const at = rt.clock.nowIso();
      const entry = (action: string, actorLabel: string) => ({
        actorId: null,
        actorLabel,
        action,
        entityType: 'probe',
        entityId: action,
        orgId: null,
        before: null,
        after: null,
      });
      await rt.ctx.uow.run(async (r) => {
        await r.audit.append(entry('probe_x.done', 'Zhang Wei'), at);
        await r.audit.append(entry('probeAx.done', '100%_sure'), at);
      });
      // A group ('….') matches by prefix, literally: '_' is not a wildcard.
      const byPrefix = await rt.ctx.repos.audit.list({ action: 'probe_x.' }, { limit: 10 });
      assert.deepEqual(
        byPrefix.map((e) => e.action),
        ['probe_x.done'],
      );
      const byActor = await rt.ctx.repos.audit.list({ actor: 'zhang w' }, { limit: 10 });
      assert.deepEqual(
        byActor.map((e) => e.actorLabel),
        ['Zhang Wei'],
      );
      assert.equal((await rt.ctx.repos.audit.list({ actor: '0%_' }, { limit: 10 })).length, 1);
      assert.equal((await rt.ctx.repos.audit.list({ actor: '%' }, { limit: 10 })).length, 1);
    });

    test('should restore a backup into a fresh database with every row of every table, all columns', async () => {
      await fillEveryTable(rt);
      const before = await rowsByPrimaryKey(rt, TABLE_ORDER);
      const empty = TABLE_ORDER.filter((t) => before[t]?.length === 0);
      assert.deepEqual(empty, ['publication_reassessment'], 'the backup carries rows of every other table');
      const fileName = join(dir, 'probe.jsonl.gz');
      await rt.maintenance.backup(fileName);
      const copy = await openTestRuntime(dialect, { demo: false });
      try {
        await copy.maintenance.restore(fileName);
        const after = await rowsByPrimaryKey(copy, TABLE_ORDER);
        for (const table of TABLE_ORDER) assert.deepEqual(after[table], before[table], table);
        assert.equal((await verifyAuditChain(copy.ctx)).ok, true);
      } finally {
        await copy.close();
      }
    });
  });
}

describe('schema', () => {
  test('should name every table the migrations create in the backup order', async () => {
    const db = openDb({ kind: 'sqlite', file: ':memory:' });
    try {
      await migrateToLatest(db);
      const tables = (await db.kysely.introspection.getTables())
        .map((t) => t.name)
        .filter((n) => !n.startsWith('kysely_') && !n.startsWith('search_fts'));
      assert.deepEqual(
        [...tables].sort(),
        [...TABLE_ORDER, ...NOT_BACKED_UP, ...Object.keys(REBUILT_AFTER_RESTORE)].sort(),
      );
    } finally {
      await db.close();
    }
  });
});

/**
 * Rows as both engines mean them: SQLite's 0/1 for PostgreSQL's booleans, byte arrays as hex, sorted (the
 * engines order text keys by different collations).
 */
const portable = (rows: Row[] = []) =>
  rows
    .map((r) =>
      JSON.stringify(
        Object.entries(r)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => [
            k,
            typeof v === 'boolean' ? Number(v) : v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v,
          ]),
      ),
    )
    .sort();

describe('backup across dialects', { skip: skipReason('postgres') }, () => {
  test('should restore a SQLite backup into PostgreSQL with every row and the audit chain intact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-x-'));
    const src = await openTestRuntime('sqlite');
    const dst = await openTestRuntime('postgres', { demo: false });
    try {
      await fillEveryTable(src);
      const file = join(dir, 'x.jsonl.gz');
      const rows = await src.maintenance.backup(file);
      assert.equal(await dst.maintenance.restore(file), rows);
      const [before, after] = [await rowsByPrimaryKey(src, TABLE_ORDER), await rowsByPrimaryKey(dst, TABLE_ORDER)];
      for (const table of TABLE_ORDER) assert.deepEqual(portable(after[table]), portable(before[table]), table);
      assert.deepEqual(await dst.ctx.repos.orgs.list(), await src.ctx.repos.orgs.list());
      assert.equal((await verifyAuditChain(dst.ctx)).ok, true);
    } finally {
      await src.close();
      await dst.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
