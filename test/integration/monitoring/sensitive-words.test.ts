// The office's 错敏词 list on both dialects: the default until edited, every bad line named at once, only
// supervisors of a root organization save it, and a run's checker finds the edited words on a loopback site.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { demoOrgs } from '../../factories/orgs.js';
import { makeStaff } from '../../factories/staff.js';
import { documentReaders, siteCheckPorts } from '../../../src/lazy-adapters.js';
import {
  saveSensitiveWords,
  sensitiveWordsOf,
  sensitiveWordsPage,
} from '../../../src/app/monitoring/sensitive-words.js';
import { siteCheckerOf } from '../../../src/app/monitoring/site-checker.js';
import { DEFAULT_SENSITIVE_WORDS } from '../../../src/domain/monitoring/sensitive-words.js';
import { AppError } from '../../../src/app/errors.js';
import type { Actor } from '../../../src/domain/policies/actor.js';
import type { MonitoredSite } from '../../../src/domain/monitoring-registry/registry.js';

const page = '<html><body><ul><li><a href="/a">通知</a> 2026-06-01</li></ul><p>本局即示例区卫计局。</p></body></html>';

for (const dialect of DIALECTS) {
  describe(`the office's 错敏词 list (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2026-06-01T02:00:00Z' });
    let sup: Actor;
    let unitSup: Actor;
    let server: Server;
    let url = '';

    before(async () => {
      const orgs = await demoOrgs(rt);
      sup = await makeStaff(rt, 'words.sup', ['supervisor'], orgs.root.id);
      unitSup = await makeStaff(rt, 'words.unit', ['supervisor'], orgs.named('示例区教育局').id);
      server = createServer((req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(req.url === '/' ? page : '<html><body><p>通知正文。</p></body></html>');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    test('should start from the default list and refuse every bad line at once, keeping the list', async () => {
      assert.deepEqual(await sensitiveWordsOf(rt.ctx), DEFAULT_SENSITIVE_WORDS);
      await assert.rejects(
        saveSensitiveWords(rt.ctx, sup, '卫计局|卫生健康局\n只有一列\n卫计局|卫健局\n同词|同词'),
        (e) => {
          assert.ok(e instanceof AppError && e.code === 'invalid');
          const message = e.fieldErrors.words ?? '';
          for (const line of ['第2行', '第3行', '第4行']) assert.ok(message.includes(line), `${line} in ${message}`);
          return true;
        },
      );
      assert.deepEqual(await sensitiveWordsOf(rt.ctx), DEFAULT_SENSITIVE_WORDS);
    });

    test('should let only a supervisor of a root organization save it', async () => {
      assert.equal((await sensitiveWordsPage(rt.ctx, unitSup)).canEdit, false);
      await assert.rejects(saveSensitiveWords(rt.ctx, unitSup, '卫计局|卫生健康局'), (e) => {
        assert.ok(e instanceof AppError && e.code === 'forbidden');
        return true;
      });
      assert.equal(await saveSensitiveWords(rt.ctx, sup, '# 机构改革\n卫计局|卫生健康局|2018年机构改革后的名称\n'), 1);
      const shown = await sensitiveWordsPage(rt.ctx, sup);
      assert.deepEqual([shown.edited, shown.count, shown.text], [true, 1, '卫计局|卫生健康局|2018年机构改革后的名称']);
    });

    test("should make a run's checker find the edited words", async () => {
      const checker = siteCheckerOf(siteCheckPorts(documentReaders()), { words: () => sensitiveWordsOf(rt.ctx) });
      const site: MonitoredSite = {
        id: 's1',
        name: '词表测试网站',
        homeUrl: url,
        siteCode: '',
        orgId: 'x',
        kind: 'department',
        ownPortal: false,
        columns: [],
        createdAt: '2026-06-01T00:00:00Z',
        updatedAt: '2026-06-01T00:00:00Z',
      };
      const { findings } = await checker.check(site, '2026-06-02' as never);
      const words = findings.filter((f) => f.rule === 'sensitive_word');
      assert.equal(words.length, 1);
      assert.equal(words[0]!.evidence.word, '卫计局');
      assert.equal(words[0]!.evidence.suggestion, '卫生健康局');
    });
  });
}
