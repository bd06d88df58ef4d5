// HTTP: publishing the annual report on both dialects — the task list (sections 一–六, 检查, 报送, 公开), nothing
// public before publication (page, JSON, archive; a submitted report neither), the publish button
// for the office head only, the confirmation page (what goes public and where; only confirm=1 publishes; before
// 1 January of the next year it says why not), the portal page in the official layout with its chart and files, every
// export kind with its content type, magic bytes and Chinese file name (RFC 5987), no personal data,
// and the rollup listing the units still missing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason } from '../../support/runtime.js';
import {
  APPLICANT,
  YEAR,
  cell,
  finishNarrative,
  lit,
  openReportWorld,
  type ReportWorld,
} from './annual-report-fixture.js';

/** Content type and first bytes of each export kind. */
const KINDS: [string, RegExp, (b: Uint8Array) => boolean][] = [
  ['html', /^text\/html/, (b) => new TextDecoder().decode(b.subarray(0, 15)) === '<!DOCTYPE html>'],
  [
    'docx',
    /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document/,
    (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4,
  ],
  [
    'xlsx',
    /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/,
    (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4,
  ],
  ['pdf', /^application\/pdf/, (b) => new TextDecoder().decode(b.subarray(0, 5)) === '%PDF-'],
  ['json', /^application\/json/, (b) => (JSON.parse(new TextDecoder().decode(b)) as { year?: number }).year === YEAR],
  ['md', /^text\/markdown/, (b) => /\n\|.*\|/.test(new TextDecoder().decode(b))],
];

/** The UTF-8 percent-encoding of 示例区 (RFC 5987 `filename*`). */
const SHILIQU = encodeURIComponent('示例区');

for (const dialect of DIALECTS) {
  describe(`annual report publication over HTTP (${dialect})`, { skip: skipReason(dialect) }, () => {
    let w: ReportWorld;
    let page = '';
    let portal = '';
    before(async () => {
      w = await openReportWorld(dialect);
      page = `/admin/reports/${w.org.edu}/${YEAR}`;
      portal = `/org/${w.eduCode}/annual-reports`;
    });
    after(() => w?.rt.close());

    /** One line of the task list: its link, label and state. */
    const task = (href: string, label: string, state: '已完成' | '未完成') =>
      lit(`<a href="${href}">${label}</a><strong class="${state === '已完成' ? 'ok' : 'warn'}">${state}</strong>`);

    test('should show where the report stands: sections 一–六, then 检查 → 报送 → 公开, with links', async () => {
      const html = await (await w.as.eduHead.get(page)).text();
      assert.match(html, /<h2 id="tasks">编制进度<\/h2>/);
      assert.match(html, task('#preview', '三、收到和处理政府信息公开申请情况', '已完成'));
      assert.match(html, task('#f-problems', '五、存在的主要问题及改进情况', '未完成'), 'the draft asks for text');
      assert.match(html, task('#findings', '检查', '未完成'));
      assert.match(html, task('#workflow', '报送', '未完成'));
      assert.match(html, task(`${page}/publish`, '公开', '未完成'));
      assert.match(html, /<td>待补充<\/td>/, 'the finding names its rule in Chinese');
      assert.match(html, /“五、存在的主要问题及改进情况”仍有“【请补充】”/);
      const refused = await w.as.eduEditor.post(`${page}/submit`, {});
      assert.equal(refused.status, 422);
      assert.match(await refused.text(), /不能报送：待补充 “一、总体情况”仍有“【请补充】”/);
      await finishNarrative(w.rt.ctx, w.org.edu, YEAR);
      const finished = await (await w.as.eduHead.get(page)).text();
      assert.match(finished, task('#f-problems', '五、存在的主要问题及改进情况', '已完成'));
      assert.match(finished, task('#findings', '检查', '已完成'));
    });

    test('should keep drafts and submitted reports off the portal (404)', async () => {
      assert.equal((await w.as.visitor.get(`${portal}/${YEAR}`)).status, 404);
      assert.equal((await w.as.visitor.get(`${portal}/${YEAR}.json`)).status, 404);
      const archive = await w.as.visitor.get(portal);
      assert.equal(archive.status, 200);
      assert.doesNotMatch(await archive.text(), lit(`href="${portal}/${YEAR}"`));
      assert.equal((await w.as.eduEditor.post(`${page}/submit`, {})).status, 303);
      assert.equal((await w.as.visitor.get(`${portal}/${YEAR}`)).status, 404, 'submitted is not published');
      assert.equal((await w.as.visitor.get(`${portal}/${YEAR}.pdf`)).status, 404);
      assert.equal((await w.as.visitor.get(`${portal}/${YEAR}.exe`)).status, 404);
      assert.equal((await w.as.visitor.get('/org/000000000000000000/annual-reports')).status, 404);
    });

    test('should offer publishing to the office head only and publish to the portal', async () => {
      assert.doesNotMatch(await (await w.as.eduEditor.get(page)).text(), />公开发布</);
      assert.equal((await w.as.eduEditor.post(`${page}/publish`, {})).status, 403);
      const head = await (await w.as.eduHead.get(page)).text();
      assert.match(head, lit(`<a class="button" href="${page}/publish">公开发布</a>`));
      assert.match(head, task('#workflow', '报送', '已完成'));
      const confirm = await w.as.eduHead.get(`${page}/publish`);
      assert.equal(confirm.status, 200);
      const confirmHtml = await confirm.text();
      assert.match(confirmHtml, /将在门户公开《示例区教育局2025年政府信息公开工作年度报告》的全文/);
      const url = `http://localhost${portal}/${YEAR}`;
      assert.match(confirmHtml, lit(`<a href="${url}">${url}</a>`));
      assert.match(confirmHtml, lit(`http://localhost${portal}</a>`), 'the archive it is listed in');
      assert.match(confirmHtml, lit(`PDF 文档：${url}.pdf`));
      assert.match(confirmHtml, /<input type="hidden" name="confirm" value="1"/);
      assert.equal(cell(confirmHtml, 'applications.new.natural_person'), '4', 'the report as it goes public');
      assert.equal((await w.as.eduEditor.get(`${page}/publish`)).status, 403);
      // Without the confirming field the click only shows the confirmation again: nothing is published.
      const unconfirmed = await w.as.eduHead.post(`${page}/publish`, {});
      assert.equal(unconfirmed.status, 200);
      assert.match(await unconfirmed.text(), /将在门户公开/);
      assert.equal((await w.as.eduHead.post(`${page}/publish`, { confirm: 'yes' })).status, 200);
      assert.equal((await w.as.visitor.get(`${portal}/${YEAR}`)).status, 404, 'not published without confirm=1');
      // On 31 December of the report year the page says why not, and a forced click is refused (409).
      w.rt.clock.set(`${YEAR}-12-31T02:00:00Z`);
      const early = await (await w.as.eduHead.get(`${page}/publish`)).text();
      assert.match(early, /暂不能公开发布/);
      assert.match(early, /2025年度报告须在2026年1月1日以后公开发布/);
      assert.doesNotMatch(early, /确认公开发布/);
      const forced = await w.as.eduHead.post(`${page}/publish`, { confirm: '1' });
      assert.equal(forced.status, 409);
      assert.match(await forced.text(), /今天是2025年12月31日/);
      w.rt.clock.set('2026-02-10T02:00:00Z');
      const res = await w.as.eduHead.post(`${page}/publish`, { confirm: '1' });
      assert.equal(res.status, 303);
      const done = await (await w.as.eduHead.get(res.headers.get('location') ?? page)).text();
      assert.match(done, /报告已公开发布/);
      assert.match(done, lit(`<a href="${portal}/${YEAR}">在门户网站查看</a>`));
      assert.doesNotMatch(done, />公开发布<\/a>/, 'published once');
      assert.match(done, task(`${portal}/${YEAR}`, '公开', '已完成'));

      const pub = await w.as.visitor.get(`${portal}/${YEAR}`);
      assert.equal(pub.status, 200);
      const html = await pub.text();
      assert.match(html, /<h1>示例区教育局2025年政府信息公开工作年度报告<\/h1>/);
      assert.equal(cell(html, 'applications.new.natural_person'), '4');
      assert.equal(cell(html, 'applications.disclosed.total'), '3');
      assert.equal(cell(html, 'applications.total.total'), '4');
      assert.match(html, /<svg[^>]*role="img"/);
      assert.match(html, /<th scope="col"/);
      assert.match(html, /<caption>/);
      assert.match(html, /rel="alternate" type="application\/atom\+xml"/);
      for (const ext of ['json', 'docx', 'xlsx', 'pdf', 'md']) {
        assert.match(html, lit(`href="${portal}/${YEAR}.${ext}"`));
      }
      assert.doesNotMatch(html, lit(APPLICANT));
      const archive = await (await w.as.visitor.get(portal)).text();
      assert.match(archive, lit(`href="${portal}/${YEAR}"`));
      assert.match(archive, /示例区教育局2025年政府信息公开工作年度报告/);
    });

    test('should serve the published JSON beside the page, without personal data', async () => {
      const res = await w.as.visitor.get(`${portal}/${YEAR}.json`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      const text = await res.text();
      const report = JSON.parse(text) as {
        year: number;
        format: string;
        organization: { name: string };
        applications: Record<string, Record<string, number>>;
      };
      assert.equal(report.year, YEAR);
      assert.equal(report.format, '2021');
      assert.equal(report.organization.name, '示例区教育局');
      assert.equal(report.applications.new?.natural_person, 4);
      assert.equal(report.applications.carried_forward?.total, 1);
      assert.doesNotMatch(text, lit(APPLICANT));
      assert.doesNotMatch(text, /110101199001011237|13800000000/);
      const doc = (await (await w.as.visitor.get('/api/v1/openapi.json')).json()) as {
        paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
      };
      assert.ok(
        doc.paths['/org/{code}/annual-reports/{year}.json']?.get?.responses['404'],
        'documented in the OpenAPI document',
      );
    });

    test('should download every export kind from the back office and the portal', async () => {
      for (const [kind, mime, magic] of KINDS) {
        const res = await w.as.eduEditor.get(`${page}/export.${kind}`);
        assert.equal(res.status, 200, kind);
        assert.match(res.headers.get('content-type') ?? '', mime, kind);
        const disposition = res.headers.get('content-disposition') ?? '';
        assert.match(
          disposition,
          new RegExp(`^attachment; filename="[\\w.-]+\\.${kind}"; filename\\*=UTF-8''${SHILIQU}`),
          kind,
        );
        assert.ok(
          disposition.includes(encodeURIComponent(`示例区教育局2025年政府信息公开工作年度报告.${kind}`)),
          disposition,
        );
        const bytes = new Uint8Array(await res.arrayBuffer());
        assert.ok(magic(bytes), `${kind} magic bytes`);
        if (kind === 'html') assert.doesNotMatch(new TextDecoder().decode(bytes), lit(APPLICANT));
        if (kind !== 'html') {
          const pub = await w.as.visitor.get(`${portal}/${YEAR}.${kind}`);
          assert.equal(pub.status, 200, `portal ${kind}`);
          assert.match(pub.headers.get('content-type') ?? '', mime);
          assert.ok(magic(new Uint8Array(await pub.arrayBuffer())), `portal ${kind} magic bytes`);
        }
      }
      assert.equal((await w.as.eduEditor.get(`${page}/export.exe`)).status, 404);
    });

    test('should roll the subtree up with the units still missing', async () => {
      const res = await w.as.supervisor.get(`/admin/reports/rollup?org=${w.org.root}&year=${YEAR}`);
      assert.equal(res.status, 200);
      const html = await res.text();
      const missing = html.slice(html.indexOf('id="missing"'), html.indexOf('id="included"'));
      const included = html.slice(html.indexOf('id="included"'), html.indexOf('id="rollup-findings"'));
      assert.match(missing, /示例区财政局/);
      assert.doesNotMatch(missing, /示例区教育局/);
      assert.match(included, /示例区教育局/);
      assert.equal(cell(html, 'applications.new.natural_person'), '4', 'the other units have no applications');
      const json = await w.as.supervisor.get(`/admin/reports/rollup/export.json?org=${w.org.root}&year=${YEAR}`);
      assert.equal(json.status, 200);
      assert.match(json.headers.get('content-disposition') ?? '', lit(encodeURIComponent('（汇总）')));
      const rollup = (await json.json()) as {
        organization: { name: string };
        applications: Record<string, Record<string, number>>;
      };
      assert.match(rollup.organization.name, /汇总/);
      assert.equal(rollup.applications.new?.natural_person, 4);
      const xlsx = await w.as.supervisor.get(`/admin/reports/rollup/export.xlsx?org=${w.org.root}&year=${YEAR}`);
      assert.equal(xlsx.status, 200);
      assert.equal(new Uint8Array(await xlsx.arrayBuffer())[0], 0x50);
      const bad = await w.as.supervisor.get(`/admin/reports/rollup?org=${w.org.root}&year=20x5`);
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /年度应为/);
    });
  });
}
