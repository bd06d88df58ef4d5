// HTTP: the online application form (/org/:code/apply) — multipart with the identity proof, the
// receipt with 查询码 and due date, Chinese errors that keep what was typed, one case per form.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent, refusedPage } from '../../support/http.js';
import { creditCodeCheckChar } from '../../../src/domain/orgs/credit-code.js';

/** The PNG signature and a few bytes: enough for the content check. */
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

const PERSON: Record<string, string> = {
  'applicant.type': 'natural_person',
  'applicant.name': '张三',
  'applicant.idType': 'resident_id',
  'applicant.idNumber': '11010519491231002X',
  'applicant.phone': '13812345678',
  'applicant.email': 'zhangsan@example.com',
  'applicant.address': '示例区人民路100号',
  'applicant.postcode': '999001',
  description: '2024年示例区老旧小区改造项目的立项批复文件',
  carrier: 'electronic',
  delivery: 'email',
};

const orgCode = (n: number) => {
  const first = `91999901MA${String(n).padStart(7, '0')}`;
  return first + (creditCodeCheckChar(first) ?? '');
};

for (const dialect of DIALECTS) {
  describe(`online application form (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let rootId: string;
    let path: string;
    before(async () => {
      rt = await openTestRuntime(dialect);
      const root = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null);
      if (!root) throw new Error('no root organization');
      rootId = root.id;
      path = `/org/${root.creditCode}/apply`;
    });
    after(() => rt.close());

    const count = async () =>
      (await rt.ctx.repos.applications.list({ orgIds: [rootId] }, { limit: 1, offset: 0 })).total;

    /** Opens the form in a fresh browser and returns it with the form's submission key. */
    async function openForm(): Promise<{ agent: TestAgent; key: string; html: string }> {
      const agent = new TestAgent(rt);
      const res = await agent.get(path);
      assert.equal(res.status, 200);
      const html = await res.text();
      formTokens.set(agent, /name="formToken" value="([^"]+)"/.exec(html)?.[1] ?? '');
      return { agent, key: /name="submissionKey" value="([^"]+)"/.exec(html)?.[1] ?? '', html };
    }
    /** The form token of the page each agent opened last (the form posts it back). */
    const formTokens = new WeakMap<TestAgent, string>();

    /** Posts the form as a browser does: multipart, with the CSRF field and the chosen file. */
    function submit(
      agent: TestAgent,
      fields: Record<string, string>,
      file?: { bytes: Uint8Array; name: string; type?: string },
    ): Promise<Response> {
      const form = new FormData();
      form.set('_csrf', agent.cookies.get('gk_csrf') ?? '');
      form.set('formToken', formTokens.get(agent) ?? '');
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      form.set(
        'proof',
        file
          ? new File([file.bytes], file.name, { type: file.type ?? 'image/png' })
          : new File([], '', { type: 'application/octet-stream' }),
      );
      return agent.request('POST', path, { body: form, headers: { origin: 'http://localhost' } });
    }

    test('should show the office contact and a labelled form that needs no JavaScript', async () => {
      const { html, key } = await openForm();
      assert.match(html, /<h1>申请公开政府信息<\/h1>/);
      assert.match(html, /政府信息公开工作机构/);
      assert.match(html, /enctype="multipart\/form-data"/);
      for (const label of [
        '自然人',
        '法人或其他组织',
        '商业企业',
        '居民身份证',
        '护照',
        '港澳居民来往内地通行证',
        '台湾居民来往大陆通行证',
        '外国人永久居留身份证',
        '法定代表人',
        '联系人',
        '所需信息的内容描述',
        '文号',
        '索引号',
        '纸质',
        '电子',
        '光盘',
        '邮寄',
        '电子邮件',
        '当面领取',
        '网上获取',
        '身份证明文件',
        '真实性',
      ]) {
        assert.ok(html.includes(label), `missing ${label}`);
      }
      assert.match(html, /<input type="file" id="f-proof" name="proof" accept="image\/\*,.pdf" required/);
      assert.match(key, /^[A-Za-z0-9_-]{16,64}$/);
      assert.doesNotMatch(html, /<script/);
      // Every field has a visible label: text fields by for=, radios inside theirs.
      for (const [, attrs = ''] of html.matchAll(/<(?:input|select|textarea)\b([^>]*)>/g)) {
        if (/type="(hidden|radio)"/.test(attrs)) continue;
        const id = /id="([^"]+)"/.exec(attrs)?.[1] ?? '';
        assert.ok(id !== '' && html.includes(`for="${id}"`), `no label for ${attrs}`);
      }
      const column = await (await new TestAgent(rt).get(path.replace('/apply', ''))).text();
      assert.ok(column.includes(`href="${path}"`));
    });

    test('should answer a valid application with the 查询码, the receipt date and the due date', async () => {
      const { agent, key } = await openForm();
      const res = await submit(agent, { ...PERSON, submissionKey: key }, { bytes: PNG, name: '身份证.png' });
      assert.equal(res.status, 200);
      const html = await res.text();
      const code = /<p class="tracking-code">([^<]+)<\/p>/.exec(html)?.[1] ?? '';
      assert.match(code, /^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      assert.match(html, /收到申请日期<\/dt><dd>2025-09-28/);
      assert.match(html, /答复期限<\/dt>\s*<dd>2025-10-31/);
      assert.match(html, /<a href="\/track">申请办理进度查询<\/a>/);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const id = await rt.ctx.repos.applications.idByTrackingCode(code);
      const stored = id ? await rt.ctx.repos.applications.byId(id) : undefined;
      assert.equal(stored?.channel, 'online');
      assert.notEqual(stored?.proofFileId, null);
      assert.equal(stored?.applicant.name, '张三');
    });

    test('should keep what was typed and show Chinese errors per field and in a summary, creating nothing', async () => {
      const before = await count();
      const { agent, key } = await openForm();
      const res = await submit(agent, {
        ...PERSON,
        'applicant.name': '',
        description: '',
        'applicant.phone': '138',
        carrier: '',
        submissionKey: key,
      });
      await refusedPage(res, [
        /class="error-summary"/,
        /href="#f-applicant.name">申请人姓名或名称：请填写申请人姓名或名称/,
        /id="f-description-err">请描述所需政府信息的内容/,
        /id="f-proof-err">请上传身份证明/,
        /id="f-carrier-err">请选择所需信息的载体形式/,
        /id="f-applicant.phone-err">[^<]*手机/,
        /name="applicant.phone"[^>]*value="138"/,
        /name="applicant.email"[^>]*value="zhangsan@example.com"/,
        /name="applicant.address"[^>]*value="示例区人民路100号"/,
        /<option value="resident_id" selected="">/,
        /name="delivery" value="email" checked=""/,
        new RegExp(`name="submissionKey" value="${key}"`),
        /请重新选择/,
      ]);
      assert.equal(await count(), before);
    });

    test('should refuse a text file named .png and create nothing', async () => {
      const before = await count();
      const { agent, key } = await openForm();
      const res = await submit(
        agent,
        { ...PERSON, submissionKey: key },
        { bytes: new TextEncoder().encode('not really an image'), name: 'id.png' },
      );
      assert.equal(res.status, 422);
      assert.match(await res.text(), /id="f-proof-err">文件“id.png”不是 JPG、PNG 图片或 PDF 文件/);
      assert.equal(await count(), before);
    });

    test('should create one case when the same form is posted twice', async () => {
      const before = await count();
      const { agent, key } = await openForm();
      const first = await (
        await submit(agent, { ...PERSON, submissionKey: key }, { bytes: PNG, name: 'id.png' })
      ).text();
      const again = await submit(agent, { ...PERSON, submissionKey: key }, { bytes: PNG, name: 'id.png' });
      assert.equal(again.status, 200);
      const second = await again.text();
      const codeOf = (html: string) => /<p class="tracking-code">([^<]+)<\/p>/.exec(html)?.[1];
      assert.equal(codeOf(second), codeOf(first));
      assert.match(second, /此表单此前已经提交/);
      assert.equal(await count(), before + 1);
    });

    test('should refuse an oversized upload with 413', async () => {
      const before = await count();
      const { agent, key } = await openForm();
      const big = new Uint8Array(3 * 1024 * 1024);
      big.set(PNG);
      const res = await submit(agent, { ...PERSON, submissionKey: key }, { bytes: big, name: 'big.png' });
      assert.equal(res.status, 413);
      assert.equal(await count(), before);
    });

    test('should take a legal person with its credit code and show a bad code on that field', async () => {
      const { agent, key } = await openForm();
      const legal = {
        ...PERSON,
        'applicant.type': 'legal_person',
        'applicant.name': '示例科技有限公司',
        'applicant.subtype': 'business',
        'applicant.legalRepresentative': '李四',
        'applicant.contactPerson': '王五',
        submissionKey: key,
      };
      const bad = await submit(
        agent,
        { ...legal, 'applicant.creditCode': '12345' },
        { bytes: PNG, name: 'licence.png' },
      );
      assert.equal(bad.status, 422);
      const html = await bad.text();
      assert.match(html, /id="f-applicant.creditCode-err">统一社会信用代码/);
      assert.match(html, /name="applicant.type" value="legal_person" checked/);
      const ok = await submit(
        agent,
        { ...legal, 'applicant.creditCode': orgCode(1) },
        { bytes: PNG, name: 'licence.png' },
      );
      assert.equal(ok.status, 200);
      const code = /<p class="tracking-code">([^<]+)<\/p>/.exec(await ok.text())?.[1] ?? '';
      const stored = await rt.ctx.repos.applications.byId(
        (await rt.ctx.repos.applications.idByTrackingCode(code)) ?? '',
      );
      assert.equal(stored?.applicant.idNumber, orgCode(1));
      assert.equal(stored?.applicant.subtype, 'business');
      assert.equal(stored?.applicant.idType, null);
      assert.equal(stored?.applicant.contactPerson, '王五');
    });

    test('should refuse a post without the CSRF field and answer 404 for an unknown organization', async () => {
      const { agent, key } = await openForm();
      const form = new FormData();
      for (const [k, v] of Object.entries({ ...PERSON, submissionKey: key })) form.set(k, v);
      const res = await agent.request('POST', path, { body: form, headers: { origin: 'http://localhost' } });
      assert.equal(res.status, 403);
      assert.equal((await new TestAgent(rt).get(`/org/${orgCode(2)}/apply`)).status, 404);
    });
  });
}
