// HTTP: 年报体检 in the back office — upload files or paste text, see the results, download the
// JSON; supervisors and administrators only; nothing stored — on both dialects.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIALECTS, skipReason, suiteRuntime, type TestRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import { staffAgent, suiteAdmin } from '../../support/admin.js';
import { prng, randomFigures, renderReportText } from '../../support/render-report-text.js';
import { renderReportHtml } from '../../../src/domain/reports/render-html.js';

const SEED_FILE = fileURLToPath(new URL('../../fixtures/reports/seed/000_cdd85b7f6af27b20.txt', import.meta.url));
const SEED = readFileSync(SEED_FILE);
const PATH = '/admin/report-check';

type Part = { name: string; bytes: Uint8Array | string } | string;

/** POSTs a multipart form the way a browser does (files, fields, the CSRF field, same origin). */
function upload(agent: TestAgent, fields: Record<string, Part[]>, path = PATH): Promise<Response> {
  const form = new FormData();
  form.append('_csrf', agent.cookies.get('gk_csrf') ?? '');
  for (const [key, parts] of Object.entries(fields)) {
    for (const p of parts) {
      if (typeof p === 'string') form.append(key, p);
      else form.append(key, new Blob([p.bytes]), p.name);
    }
  }
  return agent.request('POST', path, { body: form, headers: { origin: 'http://localhost' } });
}

/** The result block of the n-th report (1-based). */
function block(html: string, n: number): string {
  const start = html.indexOf(`<h2 id="r${n}">`);
  assert.ok(start >= 0, `result ${n} shown`);
  const next = html.indexOf(`<h2 id="r${n + 1}">`, start);
  return html.slice(start, next < 0 ? undefined : next);
}

async function agentFor(rt: TestRuntime, username: string, role: 'supervisor' | 'editor'): Promise<TestAgent> {
  const dept = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId !== null);
  assert.ok(dept);
  return staffAgent(rt, username, [role], dept.id);
}

for (const dialect of DIALECTS) {
  describe(`report check back office (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect);
    const admin = suiteAdmin(rt);

    test('should offer a labelled upload form that works without JavaScript', async () => {
      const res = await admin.get(PATH);
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /<form method="post" action="\/admin\/report-check" enctype="multipart\/form-data">/);
      assert.match(html, /<input type="hidden" name="_csrf"/);
      assert.match(html, /<label for="f-files">报告文件<\/label>/);
      assert.match(
        html,
        /<input id="f-files" name="files" type="file" multiple="" accept="\.txt,\.html,\.htm,\.docx,\.pdf/,
      );
      assert.match(html, /<label for="f-text">粘贴报告全文（可选）<\/label>/);
      assert.match(html, /<textarea id="f-text" name="text"/);
      assert.match(html, /不保存任何上传内容/);
      assert.match(html, /<a href="\/admin\/report-check" aria-current="page">年报体检<\/a>/);
    });

    test('should check uploaded files: the seed report (2020, 2019年版, spam), an HTML page, a broken PDF; nothing stored', async () => {
      const auditBefore = (await rt.ctx.repos.audit.head()).lastSeq;
      const page = renderReportHtml(
        { ...randomFigures(prng(3), '2021'), year: 2022, organization: { name: '示例区教育局' } },
        '2021',
      );
      const res = await upload(admin, {
        files: [
          { name: '淮阴区2020年报.txt', bytes: SEED },
          { name: 'jiaoyu.html', bytes: page },
          { name: 'broken.pdf', bytes: 'not a pdf' },
        ],
        text: [''],
      });
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /共检查 3 份报告：完整 2 份，有错误 2 份，含植入广告 1 份。结果未保存。/);
      const seed = block(html, 1);
      assert.match(seed, /淮阴区2020年报\.txt/);
      assert.match(seed, /<dt>发布机关<\/dt><dd>淮阴区人民政府办公室<\/dd>/);
      assert.match(seed, /<dt>年度<\/dt><dd>2020<\/dd>/);
      assert.match(seed, /2019年版（按年度应为2019年版）/);
      assert.match(seed, /有：此副本已被篡改/);
      assert.match(
        seed,
        /<td>spam<\/td><td class="error">错误<\/td><td>发现植入的赌博\/色情广告文字“365体育亚洲唯一_365bet赌城网址_365提款会被冻结”，此副本已被篡改<\/td>/,
      );
      assert.match(seed, /原文：“365体育亚洲唯一/);
      assert.match(
        seed,
        /<th scope="row">一、本年新收政府信息公开申请数量<\/th><td class="num">17<\/td><td class="num">1<\/td>(<td class="num">0<\/td>){4}<td class="num">18<\/td>/,
      );
      assert.match(seed, /<th scope="row">（六）其他处理<\/th><td class="num">3<\/td>/);
      assert.match(seed, /<input type="hidden" name="json" value="\{&quot;file&quot;:&quot;淮阴区2020年报\.txt&quot;/);
      const second = block(html, 2);
      assert.match(second, /<dd>示例区教育局<\/dd>/);
      assert.match(second, /2021年版（按年度应为2021年版）/);
      assert.match(second, /未发现问题。/);
      assert.match(block(html, 3), /无法读取文件/);
      assert.equal((await rt.ctx.repos.audit.head()).lastSeq, auditBefore, 'no audit entry, nothing written');
    });

    test('should check pasted text', async () => {
      const text = renderReportText(randomFigures(prng(11), '2021'), 2023, 'spaces');
      const res = await upload(admin, { text: [text] });
      assert.equal(res.status, 200);
      const html = await res.text();
      assert.match(html, /共检查 1 份报告/);
      const only = block(html, 1);
      assert.match(only, /1\. 粘贴的文本/);
      assert.match(only, /<dt>年度<\/dt><dd>2023<\/dd>/);
      assert.match(only, /2021年版（按年度应为2021年版）/);
      assert.match(only, /未发现问题。/);
      assert.match(
        only,
        /<th scope="row">2\.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请<\/th>/,
      );
    });

    test('should flag a format that does not match the year', async () => {
      const text = renderReportText(randomFigures(prng(5), '2019'), 2022, 'pipe');
      const html = await (await upload(admin, { text: [text] })).text();
      assert.match(html, /2019年版（按年度应为2021年版）/);
      assert.match(html, /格式与年度不符/);
      assert.match(html, /<td>format<\/td>/);
    });

    test('should re-show the form with Chinese errors for an empty or unsupported upload', async () => {
      const empty = await upload(admin, { files: [{ name: '', bytes: '' }], text: ['  '] });
      assert.equal(empty.status, 422);
      const html = await empty.text();
      assert.match(html, /请上传报告文件或粘贴报告全文/);
      assert.match(html, /<a href="#f-files">报告文件：请选择至少一个报告文件/);
      const exe = await upload(admin, { files: [{ name: 'virus.exe', bytes: 'MZ' }], text: ['保留的文字'] });
      assert.equal(exe.status, 422);
      const again = await exe.text();
      assert.match(again, /不支持的文件类型：virus\.exe/);
      assert.match(again, /<textarea[^>]*>\s*保留的文字\s*<\/textarea>/);
    });

    test('should refuse a multipart post without the CSRF field', async () => {
      const form = new FormData();
      form.append('text', '一、总体情况');
      const res = await admin.request('POST', PATH, { body: form, headers: { origin: 'http://localhost' } });
      assert.equal(res.status, 403);
    });

    test('should send the shown result back as a JSON file', async () => {
      const json = JSON.stringify({ file: 'a.txt', year: 2020, findings: [] });
      const res = await upload(admin, { name: ['淮阴区2020年报'], json: [json] }, `${PATH}/json`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
      assert.match(
        res.headers.get('content-disposition') ?? '',
        /^attachment; filename="[\w.-]+\.json"; filename\*=UTF-8''%E6%B7%AE/,
      );
      assert.deepEqual(await res.json(), JSON.parse(json));
      assert.equal((await upload(admin, { json: ['{oops'] }, `${PATH}/json`)).status, 400);
    });

    test('should let a supervisor use it and give anyone else a Chinese 403 page', async () => {
      const supervisor = await agentFor(rt, `sup_${dialect}`, 'supervisor');
      assert.equal((await supervisor.get(PATH)).status, 200);
      const res = await upload(supervisor, { files: [{ name: 'seed.txt', bytes: SEED }] });
      assert.equal(res.status, 200);
      assert.match(await res.text(), /<dt>年度<\/dt><dd>2020<\/dd>/);
      const editor = await agentFor(rt, `editor_${dialect}`, 'editor');
      const page = await editor.get(PATH);
      assert.equal(page.status, 403);
      const html = await page.text();
      assert.match(html, /没有权限执行此操作/);
      assert.match(html, /仅向上级政务公开办（监督）和系统管理员开放/);
      assert.doesNotMatch(html, /<form method="post" action="\/admin\/report-check"/);
      assert.equal((await upload(editor, { files: [{ name: 'seed.txt', bytes: SEED }] })).status, 403);
      assert.equal((await upload(editor, { json: ['{}'] }, `${PATH}/json`)).status, 403);
      const anonymous = await new TestAgent(rt).get(PATH);
      assert.equal(anonymous.status, 303);
      assert.match(anonymous.headers.get('location') ?? '', /^\/admin\/login\?next=%2Fadmin%2Freport-check/);
    });
  });
}
