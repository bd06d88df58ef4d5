// "从Word导入正文" and the plain-text body on both dialects, through the back office's draft form: a DOCX made here
// (headings, paragraphs, a table, a list, an image) becomes the body — read in the parsing process — with the
// image stored and attached on save and served by the portal once published; a non-DOCX, an old .doc and DOCX
// bombs are refused with a Chinese message and everything typed kept; image references cannot be made up; a body
// typed as plain text becomes paragraphs while a stored HTML body comes back unchanged.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import { STAFF_PASSWORD } from '../../factories/staff.js';
import {
  makePublication,
  moveAlongChain,
  publishingStaff,
  type PublishingStaff,
} from '../../factories/publications.js';
import { docxBomb } from '../../support/document-bombs.js';
import { sampleWordDocx, WORD_PNG, WORD_TEXT } from '../../support/word-docx.js';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PNG_ID = createHash('sha256').update(WORD_PNG).digest('hex');

/** Form values as the page holds them: the textarea's text and the hidden fields, entities decoded. */
const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const bodyShown = (page: string) => decode(/<textarea id="f-body"[^>]*>([\s\S]*?)<\/textarea>/.exec(page)?.[1] ?? '');
const importedShown = (page: string) =>
  [...page.matchAll(/<input type="hidden" name="imported" value="([^"]*)"/g)].map((m) => decode(m[1] ?? ''));

for (const dialect of DIALECTS) {
  describe(`importing a Word document as the body (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let staff: PublishingStaff;
    let org: string;
    const as = {} as Record<'editor' | 'r1', TestAgent>;

    /** The draft form as typed, with a body and the imported references. */
    const typed = (over: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
      org,
      title: '示例区关于做好河湖管护工作的通知',
      category: '',
      kind: 'other_document',
      docNo: '示水发〔2026〕3号',
      writtenOn: '2025-10-01',
      topic: '生态环境',
      summary: '保留这段概述',
      keywords: '河湖,管护',
      validity: 'valid',
      disclosure: 'proactive',
      body: '原来输入的正文',
      ...over,
    });
    /** POSTs the form as multipart, the Word document under `word`. */
    const post = (path: string, fields: Record<string, string | string[]>, word?: { name: string; bytes: Buffer }) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
      if (word) fd.append('word', new File([word.bytes], word.name, { type: DOCX_TYPE }));
      fd.set('_csrf', as.editor.cookies.get('gk_csrf') ?? '');
      return as.editor.request('POST', path, { body: fd, headers: { origin: 'http://localhost' } });
    };
    const count = async () => (await rt.ctx.repos.publications.list({ orgIds: [org] }, { limit: 1, offset: 0 })).total;

    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2025-10-09T02:00:00Z' });
      staff = await publishingStaff(rt, { prefix: 'wd' });
      org = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null)?.id ?? '';
      for (const who of ['editor', 'r1'] as const) {
        as[who] = new TestAgent(rt);
        assert.equal((await as[who].login(staff[who].username, STAFF_PASSWORD)).status, 303);
      }
    });
    after(() => rt.close());

    test('should fill the body from a DOCX, keep the typed fields, and attach its image when saved', async () => {
      const before = await count();
      const res = await post('/admin/publications/new', typed({ intent: 'import' }), {
        name: '河湖通知.docx',
        bytes: await sampleWordDocx(),
      });
      assert.equal(res.status, 200);
      const page = await res.text();
      assert.match(page, /已从“河湖通知\.docx”导入正文和 1 张图片（保存草稿后列为附件）/);
      for (const kept of ['value="示水发〔2026〕3号"', '保留这段概述', 'value="河湖,管护"']) {
        assert.ok(page.includes(kept), kept);
      }
      const body = bodyShown(page);
      assert.ok(body.includes(`<h2>${WORD_TEXT.heading}</h2>`), body);
      assert.ok(body.includes(`<h3>${WORD_TEXT.subheading}</h3>`), 'Heading 2 → h3');
      assert.ok(body.includes(`<p>${WORD_TEXT.paragraph}</p>`));
      assert.match(body, new RegExp(`<table>.*<td><p>${WORD_TEXT.cell}</p></td>`));
      assert.ok(body.includes(`<ul><li>${WORD_TEXT.items[0]}</li><li>${WORD_TEXT.items[1]}</li></ul>`), body);
      assert.ok(body.includes(`<img src="/files/${PNG_ID}" alt="${WORD_TEXT.imageAlt}" />`), 'referenced, not inlined');
      assert.doesNotMatch(body, /data:|word-image:|原来输入的正文/);
      assert.equal((await rt.ctx.repos.files.get(PNG_ID))?.mime, 'image/png', 'the image is stored');
      const refs = importedShown(page);
      assert.equal(refs.length, 1);
      assert.match(page, /河湖通知-图1\.png/);
      assert.equal(await count(), before, 'importing saves nothing');

      // Saved as the form now stands (the editor checked the body): the image is an attachment of the item.
      const saved = await post('/admin/publications/new', typed({ body, imported: refs }));
      assert.equal(saved.status, 303);
      const id = /^\/admin\/publications\/([^?/]+)/.exec(saved.headers.get('location') ?? '')?.[1] ?? '';
      const pub = await rt.ctx.repos.publications.byId(id);
      assert.equal(pub?.bodyHtml, body, 'stored as imported');
      assert.deepEqual(
        pub?.attachments.map((a) => [a.name, a.mime, a.fileId, a.size]),
        [['河湖通知-图1.png', 'image/png', PNG_ID, WORD_PNG.length]],
      );
      await moveAlongChain(rt, staff, id, 'published', { approve: { acceptFindings: true } });
      const portal = await new TestAgent(rt).get(`/files/${PNG_ID}`);
      assert.equal(portal.status, 200, 'the portal serves the image the body shows');
      assert.equal(portal.headers.get('content-type'), 'image/png');
      assert.deepEqual(Buffer.from(await portal.arrayBuffer()), WORD_PNG);
    });

    test('should refuse a non-DOCX, an old .doc and DOCX bombs in Chinese, keeping everything typed', async () => {
      const before = await count();
      const cases: [name: string, bytes: Buffer, message: RegExp][] = [
        ['说明.docx', Buffer.from('这不是Word文档'), /“说明\.docx”文件被拒绝：不是有效的Word文档（DOCX），无法读取/],
        ['纪要.docx', Buffer.from('PK\u0003\u0004 broken zip', 'latin1'), /“纪要\.docx”文件被拒绝：不是有效的Word文档/],
        [
          '旧文件.doc',
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
          /“旧文件\.doc”文件被拒绝：这是旧版Word文档（\.doc），请在Word中另存为DOCX格式后再导入/,
        ],
        ['bomb.docx', await docxBomb(400), /“bomb\.docx”文件被拒绝：解压后的内容超过 100 MB 上限，疑似压缩炸弹/],
        ['lying.docx', await docxBomb(400, { lie: true }), /“lying\.docx”文件被拒绝：其中的 .* 解压后比声明的大小更大/],
      ];
      for (const [name, bytes, message] of cases) {
        const res = await post('/admin/publications/new', typed(), { name, bytes });
        assert.equal(res.status, 422, name);
        const page = await res.text();
        assert.match(page, message);
        assert.match(page, /<p class="error" id="f-word-err">/, `${name}: the message is under the file field`);
        assert.ok(page.includes('value="示水发〔2026〕3号"') && page.includes('保留这段概述'), `${name}: fields kept`);
        assert.equal(bodyShown(page), '原来输入的正文', `${name}: the body kept`);
      }
      const none = await post('/admin/publications/new', typed({ intent: 'import' }));
      assert.equal(none.status, 422);
      assert.match(await none.text(), /请选择DOCX格式的Word文档/);
      assert.equal(await count(), before, 'nothing saved');
    });

    test('should import into an existing draft, and refuse image references made up or not the editor’s', async () => {
      const { id } = await makePublication(rt, staff, { fields: { title: '示例区河长制工作简报' } });
      const edit = `/admin/publications/${id}/edit`;
      const word = { name: '简报.docx', bytes: await sampleWordDocx() };
      const imported = await post(edit, typed({ title: '示例区河长制工作简报（修改）' }), word);
      assert.equal(imported.status, 200);
      const page = await imported.text();
      assert.ok(page.includes('value="示例区河长制工作简报（修改）"'));
      const [ref = ''] = importedShown(page);
      const body = bodyShown(page);

      // A reference whose signature does not match (made up, or another file under a genuine signature) is refused.
      const forged = [
        `${'a'.repeat(64)}:image/png:10:x.png:${ref.split(':').at(-1)}`,
        ref.replace(PNG_ID, 'b'.repeat(64)),
      ];
      for (const bad of forged) {
        const res = await post(edit, typed({ body, imported: bad }));
        assert.equal(res.status, 422);
        const shown = await res.text();
        assert.match(shown, /导入的图片有误，请重新导入Word文档/);
        assert.ok(shown.includes('保留这段概述'));
      }
      assert.equal((await rt.ctx.repos.publications.byId(id))?.attachments.length, 0, 'nothing attached');

      // A reviewer may not import into a draft (only editors draft).
      const fd = new FormData();
      for (const [k, v] of Object.entries(typed())) fd.append(k, String(v));
      fd.append('word', new File([word.bytes], word.name, { type: DOCX_TYPE }));
      fd.set('_csrf', as.r1.cookies.get('gk_csrf') ?? '');
      const reviewer = await as.r1.request('POST', edit, { body: fd, headers: { origin: 'http://localhost' } });
      assert.equal(reviewer.status, 403);

      const saved = await post(edit, typed({ body, imported: ref }));
      assert.equal(saved.status, 303);
      const attached = async () => (await rt.ctx.repos.publications.byId(id))?.attachments.map((a) => a.fileId);
      assert.deepEqual(await attached(), [PNG_ID]);
      // The same document imported again: the image already attached is not attached twice.
      const again = await (await post(edit, typed(), word)).text();
      assert.equal((await post(edit, typed({ body, imported: importedShown(again) }))).status, 303);
      assert.deepEqual(await attached(), [PNG_ID]);
    });

    test('should make paragraphs of a body typed as plain text and keep an HTML body as it is', async () => {
      const res = await post(
        '/admin/publications/new',
        typed({ body: '第一段第一行\r\n第一段第二行\r\n\r\n第二段 <附件>' }),
      );
      assert.equal(res.status, 303);
      const id = /^\/admin\/publications\/([^?/]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
      const stored = (await rt.ctx.repos.publications.byId(id))?.bodyHtml ?? '';
      assert.equal(stored, '<p>第一段第一行<br />第一段第二行</p>\n<p>第二段 &lt;附件&gt;</p>');
      // The edit form shows the stored HTML; sent back unchanged, it is stored unchanged.
      const form = await (await as.editor.get(`/admin/publications/${id}/edit`)).text();
      assert.equal(bodyShown(form), stored);
      assert.match(form, /空一行为新段落，单独换行保留为换行/, 'the hint states the rule');
      assert.equal((await post(`/admin/publications/${id}/edit`, typed({ body: bodyShown(form) }))).status, 303);
      assert.equal((await rt.ctx.repos.publications.byId(id))?.bodyHtml, stored);
    });
  });
}
