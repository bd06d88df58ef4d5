// The website registry, monitoring runs and the follow-up of findings on both dialects, with a small fake site
// checker (the crawler is tested apart): registration with every field's error, interaction messages making an
// `interaction_unanswered` finding, runs matching findings from one run to the next, confirmation, 整改 tasks marked
// fixed and then closed or reopened by the next run, cancellation, and the policies.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { demoOrgs } from '../../factories/orgs.js';
import { makeStaff } from '../../factories/staff.js';
import type { Actor } from '../../../src/domain/policies/actor.js';
import type { MonitorFinding } from '../../../src/domain/monitoring/finding.js';
import type { SiteChecker, SiteCheckResult } from '../../../src/app/monitoring/ports.js';
import { registerMessages, registerOwnPortal, saveSite, type SiteInput } from '../../../src/app/monitoring/registry.js';
import { cancelRun, executeRun, requestRun } from '../../../src/app/monitoring/runs.js';
import { confirmFinding, dismissFinding, markTaskFixed } from '../../../src/app/monitoring/follow-up.js';
import { AppError } from '../../../src/app/errors.js';
import { exportSites, importSites } from '../../../src/app/monitoring/site-import.js';
import {
  issueLetter,
  letterDocx,
  letterView,
  markLetterDelivered,
  sendLetter,
} from '../../../src/app/monitoring/letters.js';
import { convertToPdf, libreOfficeSkipReason, pdfText } from '../../support/libreoffice.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const fieldErrors = (e: unknown) => (e instanceof AppError ? e.fieldErrors : {});
const code = (e: unknown) => (e instanceof AppError ? e.code : String(e));

const stale: MonitorFinding = {
  rule: 'column_stale',
  severity: 'deduction',
  url: 'http://edu.example.test/news/',
  column: '工作动态',
  message: '“工作动态”栏目超过14天未更新',
  evidence: { lastDate: '2026-04-01', intervalDays: 14 },
};
const dead = (link: string): MonitorFinding => ({
  rule: 'dead_link',
  severity: 'deduction',
  url: 'http://edu.example.test/',
  message: `首页链接无法访问：${link}`,
  evidence: { link, status: 404 },
});
const pii: MonitorFinding = {
  rule: 'pii',
  severity: 'veto',
  url: 'http://edu.example.test/a.html',
  message: '页面含居民身份证号码',
  evidence: { kind: 'id_card', masked: '110101********0011' },
};

/** A checker answering the findings given for its next call, with a 合格 summary unless vetoes are given. */
function fakeChecker(): SiteChecker & { next: MonitorFinding[]; calls: number; during?: () => Promise<void> } {
  const checker = {
    next: [] as MonitorFinding[],
    calls: 0,
    during: undefined as undefined | (() => Promise<void>),
    async check(_site: unknown, _asOf: unknown, onProgress?: (p: { pages: number; total: number | null }) => void) {
      checker.calls += 1;
      for (let pages = 1; pages <= 10; pages += 1) onProgress?.({ pages, total: 10 });
      if (checker.during) await checker.during();
      const vetoes = [...new Set(checker.next.filter((f) => f.severity === 'veto').map((f) => f.rule))];
      const result: SiteCheckResult = {
        findings: checker.next,
        summary: { verdict: vetoes.length > 0 ? '不合格' : '合格', score: 96, vetoes },
        pages: 10,
        links: 40,
      };
      return result;
    },
  };
  return checker;
}

for (const dialect of DIALECTS) {
  describe(`website registry, runs and tasks (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2026-06-01T02:00:00Z' });
    let sup: Actor;
    let eduStaff: Actor;
    let otherStaff: Actor;
    let eduId = '';
    let siteId = '';
    const checker = fakeChecker();
    const input = (over: Partial<SiteInput> = {}): SiteInput => ({
      name: '示例区教育局网站',
      homeUrl: 'http://edu.example.test/',
      siteCode: '1101020001',
      orgId: eduId,
      kind: 'department',
      columns: [
        { name: '工作动态', url: 'http://edu.example.test/news/', kind: 'news', intervalDays: '' },
        { name: '局长信箱', url: 'http://edu.example.test/mail/', kind: 'interaction', intervalDays: '' },
      ],
      ...over,
    });
    const run = async () => {
      const r = await requestRun(rt.ctx, sup, { siteId, asOf: '2026-06-01' });
      return executeRun(rt.ctx, checker, r.id);
    };
    const findings = () => rt.ctx.repos.monitoring.findings({ siteId }, 100);
    const taskOf = async (rule: string) => {
      const f = (await findings()).find((x) => x.rule === rule);
      return f ? rt.ctx.repos.monitoring.taskOfFinding(f.id) : undefined;
    };

    before(async () => {
      const orgs = await demoOrgs(rt);
      eduId = orgs.named('示例区教育局').id;
      sup = await makeStaff(rt, 'mon.sup', ['supervisor'], orgs.root.id);
      eduStaff = await makeStaff(rt, 'edu.web', ['editor'], eduId);
      otherStaff = await makeStaff(rt, 'fin.web', ['editor'], orgs.named('示例区财政局').id);
    });

    test('should refuse a site with every field error at once, keyed by field and column', async () => {
      const bad = input({
        name: ' ',
        homeUrl: 'edu.example.test',
        siteCode: '12',
        kind: 'blog',
        columns: [{ name: '动态', url: 'ftp://x', kind: 'news', intervalDays: '0' }],
      });
      await assert.rejects(saveSite(rt.ctx, sup, bad), (e) => {
        const f = fieldErrors(e);
        assert.deepEqual(Object.keys(f).sort(), [
          'columns.0.intervalDays',
          'columns.0.url',
          'homeUrl',
          'kind',
          'name',
          'siteCode',
        ]);
        assert.match(f.homeUrl ?? '', /http/);
        return true;
      });
      await assert.rejects(saveSite(rt.ctx, eduStaff, input()), (e) => /无权/.test(fieldErrors(e).orgId ?? ''));
    });

    test('should register a site with its columns, defaults by kind, and refuse a second of the same name', async () => {
      siteId = await saveSite(rt.ctx, sup, input());
      const site = await rt.ctx.repos.monitoring.siteById(siteId);
      assert.deepEqual(
        site?.columns.map((c) => [c.name, c.kind, c.intervalDays]),
        [
          ['工作动态', 'news', 14],
          ['局长信箱', 'interaction', null],
        ],
      );
      await assert.rejects(saveSite(rt.ctx, sup, input()), (e) => code(e) === 'conflict');
    });

    test('should register interaction messages and refuse an answer dated before the message', async () => {
      const site = await rt.ctx.repos.monitoring.siteById(siteId);
      const mail = site?.columns.find((c) => c.kind === 'interaction')?.id ?? '';
      const news = site?.columns.find((c) => c.kind === 'news')?.id ?? '';
      await assert.rejects(
        registerMessages(rt.ctx, sup, siteId, mail, [
          { receivedOn: '2026-03-01', answeredOn: '2026-02-01', subject: '' },
        ]),
        (e) => /早于/.test(fieldErrors(e)['0.answeredOn'] ?? ''),
      );
      await assert.rejects(
        registerMessages(rt.ctx, sup, siteId, news, [{ receivedOn: '2026-03-01', answeredOn: '', subject: '' }]),
        (e) => code(e) === 'invalid',
      );
      const n = await registerMessages(rt.ctx, sup, siteId, mail, [
        { receivedOn: '2026-01-05', answeredOn: '', subject: '学区划分咨询' },
        { receivedOn: '2026-02-01', answeredOn: '2026-02-20', subject: '招生时间' },
        { receivedOn: '2025-03-01', answeredOn: '', subject: '一年以前的留言' },
      ]);
      assert.equal(n, 3);
    });

    test('should store a run: findings, tasks of counting ones, the veto of unanswered messages', async () => {
      checker.next = [stale, dead('http://edu.example.test/gone.html'), pii];
      const done = await run();
      assert.equal(done.state, 'completed');
      assert.equal(done.findings, 4);
      const all = await findings();
      assert.deepEqual(all.map((f) => f.rule).sort(), ['column_stale', 'dead_link', 'interaction_unanswered', 'pii']);
      const unanswered = all.find((f) => f.rule === 'interaction_unanswered');
      assert.equal(unanswered?.evidence.count, 1, 'only the message of the last 12 months unanswered for 3 months');
      assert.equal(all.find((f) => f.rule === 'pii')?.confirmation, 'pending');
      assert.equal(await taskOf('pii'), undefined, 'an unconfirmed finding is no task yet');
      const task = await taskOf('column_stale');
      assert.equal(task?.orgId, eduId);
      assert.equal(task?.state, 'open');
      assert.ok((task?.dueOn ?? '') > '2026-06-12', `10 working days from 2026-06-01, got ${task?.dueOn}`);
      const [result] = await rt.ctx.repos.monitoring.runSites(done.id);
      assert.equal(result?.verdict, '不合格');
      assert.deepEqual(result?.vetoes, ['interaction_unanswered'], 'the pii veto waits for confirmation');
    });

    test('should confirm or dismiss only with a reason, and only as a supervisor', async () => {
      const f = (await findings()).find((x) => x.rule === 'pii');
      await assert.rejects(dismissFinding(rt.ctx, sup, f?.id ?? '', ' '), (e) => 'reason' in fieldErrors(e));
      await assert.rejects(confirmFinding(rt.ctx, eduStaff, f?.id ?? ''), (e) => code(e) === 'forbidden');
      const task = await confirmFinding(rt.ctx, sup, f?.id ?? '');
      assert.equal(task.state, 'open');
      await assert.rejects(confirmFinding(rt.ctx, sup, f?.id ?? ''), (e) => code(e) === 'conflict');
    });

    test('should let the unit mark its tasks fixed, not another unit', async () => {
      const deadTask = await taskOf('dead_link');
      const staleTask = await taskOf('column_stale');
      await assert.rejects(
        markTaskFixed(rt.ctx, otherStaff, deadTask?.id ?? '', '已修复'),
        (e) => code(e) === 'forbidden',
      );
      await assert.rejects(markTaskFixed(rt.ctx, eduStaff, deadTask?.id ?? '', ''), (e) => 'note' in fieldErrors(e));
      await markTaskFixed(rt.ctx, eduStaff, deadTask?.id ?? '', '已删除失效链接');
      await markTaskFixed(rt.ctx, eduStaff, staleTask?.id ?? '', '已更新栏目');
      assert.equal((await taskOf('dead_link'))?.state, 'fixed');
    });

    test('should match findings in the next run: gone ones closed with their tasks, seen ones reopened', async () => {
      const before = await findings();
      checker.next = [stale, pii];
      const done = await run();
      assert.equal(done.state, 'completed');
      const after = await findings();
      assert.equal(after.length, before.length, 'the same findings, not new ones');
      assert.equal(after.find((f) => f.rule === 'column_stale')?.id, before.find((f) => f.rule === 'column_stale')?.id);
      assert.equal(after.find((f) => f.rule === 'dead_link')?.status, 'closed');
      assert.equal((await taskOf('dead_link'))?.state, 'closed');
      const reopened = await taskOf('column_stale');
      assert.equal(reopened?.state, 'open');
      assert.equal(reopened?.reopened, 1);
      const [result] = await rt.ctx.repos.monitoring.runSites(done.id);
      assert.deepEqual([...(result?.vetoes ?? [])].sort(), ['interaction_unanswered', 'pii']);
    });

    test('should count a new dead link as a new finding', async () => {
      checker.next = [stale, pii, dead('http://edu.example.test/other.html')];
      await run();
      const open = (await findings()).filter((f) => f.status === 'open' && f.rule === 'dead_link');
      assert.deepEqual(
        open.map((f) => f.evidence.link),
        ['http://edu.example.test/other.html'],
      );
    });

    test("should issue a numbered 提醒函 of the unit's open findings, send it, and close it when they are closed", async () => {
      await assert.rejects(issueLetter(rt.ctx, eduStaff, eduId), (e) => code(e) === 'forbidden');
      const letter = await issueLetter(rt.ctx, sup, eduId);
      assert.match(letter.docNo, /网监〔2026〕1号$/);
      const view = await letterView(rt.ctx, sup, letter.id);
      assert.equal(view.total, view.open);
      assert.ok(view.total >= 3);
      assert.match(view.html, /工作动态/);
      assert.doesNotMatch(view.html, /gone\.html/, 'a closed finding is not in the letter');
      await assert.rejects(issueLetter(rt.ctx, sup, eduId), (e) => code(e) === 'invalid', 'nothing left to remind');
      await assert.rejects(sendLetter(rt.ctx, sup, letter.id, 'nobody'), (e) => 'email' in fieldErrors(e));
      await sendLetter(rt.ctx, sup, letter.id, 'web@edu.example.test');
      assert.equal((await rt.ctx.repos.monitoring.letterById(letter.id))?.state, 'sent');
      await markLetterDelivered(rt.ctx, sup, letter.id);
      checker.next = [];
      await run();
      const open = (await findings()).filter((f) => f.status === 'open').map((f) => f.rule);
      assert.deepEqual(open, ['interaction_unanswered'], 'the unanswered message is still there');
      const tracked = await letterView(rt.ctx, sup, letter.id);
      assert.equal(tracked.letter.state, 'delivered', 'tracked while one of its findings is open');
      assert.equal(tracked.open, 1);
    });

    test('should cancel a queued run at once and a running one between pages, keeping no result', async () => {
      const queued = await requestRun(rt.ctx, sup, { siteId });
      await assert.rejects(requestRun(rt.ctx, sup, { siteId }), (e) => code(e) === 'conflict');
      await cancelRun(rt.ctx, sup, queued.id);
      assert.equal((await rt.ctx.repos.monitoring.runById(queued.id))?.state, 'cancelled');
      const r = await requestRun(rt.ctx, sup, { siteId });
      checker.during = () => cancelRun(rt.ctx, sup, r.id);
      try {
        const ended = await executeRun(rt.ctx, checker, r.id);
        assert.equal(ended.state, 'cancelled');
        assert.deepEqual(await rt.ctx.repos.monitoring.runSites(r.id), []);
      } finally {
        checker.during = undefined;
      }
      const again = await executeRun(rt.ctx, checker, r.id);
      assert.equal(again.state, 'cancelled', 'a finished run is not run twice');
      await assert.rejects(requestRun(rt.ctx, eduStaff, { siteId }), (e) => code(e) === 'forbidden');
    });

    test("should register gongkai's own portal from the catalogue, once", async () => {
      const id = await registerOwnPortal(rt.ctx, sup, 'http://127.0.0.1:3000/');
      const site = await rt.ctx.repos.monitoring.siteById(id);
      assert.equal(site?.ownPortal, true);
      assert.equal(site?.kind, 'portal');
      assert.ok((site?.columns.length ?? 0) > 3);
      assert.ok(site?.columns.every((c) => c.url.startsWith('http://127.0.0.1:3000/')));
      assert.ok(site?.columns.some((c) => c.categoryId !== null));
      assert.equal(await registerOwnPortal(rt.ctx, sup, 'http://127.0.0.1:3000'), id);
    });

    test('should import a registry CSV all or nothing, naming row and column of each error', async () => {
      const orgs = await demoOrgs(rt);
      const fin = orgs.named('示例区财政局').creditCode;
      const head = 'site,homeUrl,siteCode,org,kind,column,columnUrl,columnKind,intervalDays';
      const bad = [
        head,
        `财政局网站,http://fin.example.test/,,${fin},department,财政动态,http://fin.example.test/n/,news,`,
        `财政局网站,http://fin.example.test/,,${fin},department,预决算,http://fin.example.test/y/,budget,`,
        '无主网站,http://x.example.test/,,91110000000000000X,portal,,,,',
      ].join('\n');
      const before = (await rt.ctx.repos.monitoring.sites()).length;
      const refused = await importSites(rt.ctx, sup, new TextEncoder().encode(bad));
      assert.equal(refused.ok, false);
      assert.deepEqual(refused.ok ? [] : refused.errors.map((e) => [e.row, e.column]), [
        [3, 'H'],
        [4, 'D'],
      ]);
      assert.equal((await rt.ctx.repos.monitoring.sites()).length, before, 'nothing written');
      const good = bad.split('\n').slice(0, 2).join('\n');
      const done = await importSites(rt.ctx, sup, new TextEncoder().encode(good));
      assert.deepEqual(done, { ok: true, created: 1, updated: 0 });
      const site = await rt.ctx.repos.monitoring.siteByName('财政局网站');
      assert.equal(site?.columns[0]?.intervalDays, 14);
    });

    test('should export the registry as CSV and XLSX that import back unchanged', async () => {
      const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await exportSites(rt.ctx, sup, 'csv'));
      assert.match(csv, /^\uFEFFsite,homeUrl,siteCode,org,kind,column,columnUrl,columnKind,intervalDays\r\n/);
      assert.match(csv, /示例区教育局网站,http:\/\/edu\.example\.test\/,1101020001,/);
      const xlsx = await exportSites(rt.ctx, sup, 'xlsx');
      const count = (await rt.ctx.repos.monitoring.sites()).length;
      const again = await importSites(rt.ctx, sup, xlsx);
      assert.deepEqual(again, { ok: true, created: 0, updated: count });
      const edu = await rt.ctx.repos.monitoring.siteById(siteId);
      assert.deepEqual(
        edu?.columns.map((c) => c.name),
        ['工作动态', '局长信箱'],
      );
    });

    test(
      'should write the letter as DOCX that LibreOffice opens, with the findings in it',
      {
        skip: libreOfficeSkipReason(),
      },
      async () => {
        const [letter] = await rt.ctx.repos.monitoring.letters({ orgIds: [eduId] });
        const doc = await letterDocx(rt.ctx, sup, letter?.id ?? '');
        const dir = mkdtempSync(join(tmpdir(), 'gongkai-letter-'));
        const file = join(dir, 'letter.docx');
        writeFileSync(file, doc.bytes);
        const text = (await pdfText(await convertToPdf(file, dir))).replace(/\s+/g, '');
        assert.match(text, /关于政府网站监测发现问题限期整改的提醒函/);
        assert.match(text, /“工作动态”栏目超过14天未更新/);
        assert.match(text, /网监〔2026〕1号/);
      },
    );
  });
}
