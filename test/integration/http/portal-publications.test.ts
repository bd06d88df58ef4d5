// HTTP: published 主动公开 information on the portal, on both dialects — category pages newest first
// with pagination, the publication page with its metadata table (absent before publication, the
// live version during a revision, 410 once withdrawn), attachments only while published, search
// with <mark> highlights and clear empty pages, Atom feeds with escaped XML, the sitemap, feed
// links, directory trees and the large-text switch.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestRuntime, skipReason, type TestRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import { makeStaff } from '../../factories/staff.js';
import { createDraft, updateDraft } from '../../../src/app/publications/drafts.js';
import { actOnPublication } from '../../../src/app/publications/act-on-publication.js';
import type { Actor } from '../../../src/domain/policies/actor.js';
import type { Role } from '../../../src/domain/users/roles.js';
import { xmlEscape } from '../../../src/web/public/publications/feed-routes.js';

const PDF = new TextEncoder().encode('%PDF-1.4 portal test attachment');

for (const dialect of DIALECTS) {
  describe(`portal publications (${dialect})`, { skip: skipReason(dialect) }, () => {
    let rt: TestRuntime;
    let web: TestAgent;
    let root: { id: string; creditCode: string };
    const s: Record<'editor' | 'r1' | 'r2' | 'signer', Actor> = {} as never;
    const cat: Record<string, string> = {};

    before(async () => {
      rt = await openTestRuntime(dialect, { start: '2025-10-09T02:00:00Z' });
      const org = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null);
      if (!org) throw new Error('no root');
      root = org;
      const make = (username: string, roles: Role[]) => makeStaff(rt, username, roles, org.id);
      s.editor = await make('liu.editor', ['editor']);
      s.r1 = await make('he.reviewer', ['reviewer']);
      s.r2 = await make('ma.reviewer', ['reviewer']);
      s.signer = await make('qian.signer', ['signer']);
      for (const c of await rt.ctx.repos.categories.list(org.id)) cat[c.slug] = c.id;
      web = new TestAgent(rt);
    });
    after(() => rt.close());

    const draft = (over: Record<string, unknown> = {}) =>
      createDraft(rt.ctx, s.editor, {
        org: root.creditCode,
        title: '示例区关于加强老旧小区改造管理的通知',
        kind: 'normative',
        docNo: '示政发〔2025〕12号',
        writtenOn: '2025-10-01',
        summary: '老旧小区改造的管理要求。',
        body: '<p>各街道：现将有关事项通知如下。</p>',
        ...over,
      });
    const publish = async (id: string) => {
      await actOnPublication(rt.ctx, s.editor, id, 'submit');
      await actOnPublication(rt.ctx, s.r1, id, 'approve');
      await actOnPublication(rt.ctx, s.r2, id, 'approve');
      await actOnPublication(rt.ctx, s.signer, id, 'approve');
      await actOnPublication(rt.ctx, s.signer, id, 'publish');
    };
    const html = async (path: string) => {
      const res = await web.get(path);
      return { status: res.status, text: await res.text(), res };
    };
    const titlesIn = (text: string) =>
      [...text.matchAll(/<a href="\/publications\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);

    test('should list a category and its sub-categories newest first, 20 a page, without drafts', async () => {
      try {
        for (let n = 1; n <= 21; n++) {
          rt.clock.set(`2025-10-${String(9 + Math.floor(n / 3)).padStart(2, '0')}T0${n % 3}:00:00Z`);
          const { id } = await draft({
            kind: 'other_document',
            title: `其他文件第${n}号`,
            docNo: `示政办〔2025〕${n}号`,
          });
          await publish(id);
        }
        await draft({ kind: 'other_document', title: '尚未发布的草稿' });
        const page1 = await html(`/org/${root.creditCode}/c/${cat.policy}`);
        assert.equal(page1.status, 200);
        const t1 = titlesIn(page1.text);
        assert.equal(t1.length, 20);
        assert.equal(t1[0], '其他文件第21号');
        assert.equal(t1[19], '其他文件第2号');
        assert.ok(!page1.text.includes('尚未发布的草稿'));
        assert.match(page1.text, /共21条信息/);
        assert.match(page1.text, new RegExp(`href="/org/${root.creditCode}/c/${cat.policy}\\?page=2"`));
        assert.match(
          page1.text,
          new RegExp(
            `<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="/org/${root.creditCode}/c/${cat.policy}/feed.atom"`,
          ),
        );
        const page2 = await html(`/org/${root.creditCode}/c/${cat['policy-other']}?page=2`);
        assert.deepEqual(titlesIn(page2.text), ['其他文件第1号']);
        assert.match(page2.text, /<span aria-current="page">第2页<\/span>/);
        assert.equal((await html(`/org/${root.creditCode}/c/no-such-category`)).status, 404);
      } finally {
        rt.clock.set('2025-10-20T02:00:00Z');
      }
    });

    test('should show the statutory directory as a category tree and link the feeds on the column', async () => {
      const dir = await html(`/org/${root.creditCode}/statutory`);
      assert.equal(dir.status, 200);
      assert.match(
        dir.text,
        new RegExp(`<a href="/org/${root.creditCode}/c/${cat['policy-normative']}">行政规范性文件</a>`),
      );
      assert.match(dir.text, /政策文件<\/a> <span class="muted">（21）<\/span>/);
      assert.ok(!dir.text.includes('本栏目暂无信息'));
      const home = await html('/');
      assert.match(
        home.text,
        new RegExp(
          `<link rel="alternate" type="application/atom\\+xml" title="[^"]+" href="/org/${root.creditCode}/feed.atom"`,
        ),
      );
      assert.match(home.text, /最新信息/);
      assert.ok(titlesIn(home.text).includes('其他文件第21号'));
      // The 制度 directory holds no item: its page shows the organization's rules text and no item list.
      const rules = await html(`/org/${root.creditCode}/rules`);
      assert.match(rules.text, /<h2>三、保密审查制度<\/h2>/);
      assert.ok(!rules.text.includes('本栏目发布的信息'));
    });

    test('should show the metadata table only once published, keep the live version during a revision, and answer 410 when withdrawn', async () => {
      const doc = await draft({
        title: '示例区河长制工作实施办法',
        attachments: [{ name: '附件1 实施细则.pdf', mime: 'application/pdf', content: PDF }],
      });
      assert.equal((await html(`/publications/${doc.id}`)).status, 404, 'not before publication');
      await publish(doc.id);
      const interp = await draft({
        kind: 'interpretation',
        title: '《示例区河长制工作实施办法》政策解读',
        interprets: doc.indexNo,
        docNo: '',
      });
      await publish(interp.id);
      const page = await html(`/publications/${doc.id}`);
      assert.equal(page.status, 200);
      for (const label of ['索引号', '发布机构', '发文字号', '成文日期', '发布日期', '主题分类', '有效性', '名称']) {
        assert.match(page.text, new RegExp(`<th scope="row">${label}</th>`), label);
      }
      assert.ok(page.text.includes(`<td data-integrity="indexNo">${doc.indexNo}</td>`));
      assert.ok(page.text.includes('<td data-integrity="docNo">示政发〔2025〕12号</td>'));
      assert.ok(page.text.includes('<td data-integrity="writtenOn">2025-10-01</td>'));
      assert.ok(page.text.includes('<td data-integrity="validity">有效</td>'));
      assert.ok(page.text.includes('<p>各街道：现将有关事项通知如下。</p>'), 'sanitised body rendered as HTML');
      assert.ok(page.text.includes(`href="/publications/${interp.id}"`), 'links its interpretation');
      assert.ok(
        (await html(`/publications/${interp.id}`)).text.includes(`href="/publications/${doc.id}"`),
        'the interpretation links the document',
      );
      assert.match(page.text, /<link rel="alternate" type="application\/atom\+xml"/);

      await actOnPublication(rt.ctx, s.editor, doc.id, 'revise');
      await updateDraft(rt.ctx, s.editor, doc.id, {
        title: '修订中的新标题',
        kind: 'normative',
        writtenOn: '2025-10-01',
        body: '<p>新</p>',
      });
      const during = await html(`/publications/${doc.id}`);
      assert.ok(during.text.includes('示例区河长制工作实施办法') && !during.text.includes('修订中的新标题'));

      await actOnPublication(rt.ctx, s.signer, doc.id, 'withdraw', { reason: '内容有误' });
      const gone = await html(`/publications/${doc.id}`);
      assert.equal(gone.status, 410);
      assert.match(gone.text, /该信息已撤销/);
      assert.ok(!gone.text.includes('示例区河长制工作实施办法'));
      assert.equal((await html('/publications/no-such-item')).status, 404);
    });

    test('should serve an attachment only while its item is published, with the original name', async () => {
      const { id } = await draft({
        title: '附件测试通知',
        attachments: [{ name: '附件1 名单.pdf', mime: 'application/pdf', content: PDF }],
      });
      const fileId = (await rt.ctx.repos.publications.byId(id))?.attachments[0]?.fileId ?? '';
      assert.equal((await web.get(`/files/${fileId}?pub=${id}`)).status, 404, 'not before publication');
      await publish(id);
      const page = await html(`/publications/${id}`);
      assert.ok(page.text.includes(`href="/files/${fileId}?pub=${id}"`));
      const res = await web.get(`/files/${fileId}?pub=${id}`);
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/pdf');
      assert.match(
        res.headers.get('content-disposition') ?? '',
        new RegExp(`filename\\*=UTF-8''${encodeURIComponent('附件1 名单.pdf')}`),
      );
      assert.deepEqual(new Uint8Array(await res.arrayBuffer()), PDF);
      assert.equal((await web.get(`/files/${fileId}`)).status, 200, 'an attachment of a live item needs no ?pub=');
      const other = await draft({ title: '另一条信息' });
      await publish(other.id);
      assert.equal((await web.get(`/files/${fileId}?pub=${other.id}`)).status, 404, 'not through another item');
      await actOnPublication(rt.ctx, s.signer, id, 'withdraw', { reason: '内容有误' });
      assert.equal((await web.get(`/files/${fileId}?pub=${id}`)).status, 404, 'not after withdrawal');
      assert.equal((await web.get(`/files/${fileId}`)).status, 404, 'not after withdrawal, unnamed');
    });

    test('should find a published item with a two-character query and mark the hits, escaping the text', async () => {
      const { id } = await draft({ title: '示例区湖长制<试行>工作方案', summary: '全面推行湖长制 & 河湖管护。' });
      await publish(id);
      const found = await html('/search?q=湖长');
      assert.equal(found.status, 200);
      assert.ok(found.text.includes(`href="/publications/${id}"`));
      assert.ok(found.text.includes('示例区<mark>湖长</mark>制&lt;试行&gt;工作方案'));
      assert.ok(!found.text.includes('<试行>'));
      const filtered = await html(`/search?q=湖长&org=${root.creditCode}&kind=news`);
      assert.match(filtered.text, /没有找到与“湖长”相关的信息/);
      // A county's tree is offered whole in the 发布机构 filter, the chosen organization selected.
      for (const o of await rt.ctx.repos.orgs.list()) assert.ok(found.text.includes(`<option value="${o.creditCode}"`));
      assert.ok(filtered.text.includes(`<option value="${root.creditCode}" selected="">`));
      const none = await html('/search?q=不存在的词语');
      assert.equal(none.status, 200);
      assert.match(none.text, /没有找到/);
      const short = await html('/search?q=湖');
      assert.equal(short.status, 200);
      assert.match(short.text, /检索词太短/);
      assert.match((await html('/search')).text, /请输入检索词/);
    });

    test('should offer 打印 and 字号 on a publication page and link its neighbours in the category', async () => {
      const ids: string[] = [];
      for (const [n, day] of [
        [1, '2025-11-03'],
        [2, '2025-11-04'],
        [3, '2025-11-05'],
      ] as const) {
        rt.clock.set(`${day}T02:00:00Z`);
        const { id } = await draft({ title: `示例区会议纪要第${n}号`, kind: 'other', category: 'plans', docNo: '' });
        await publish(id);
        ids.push(id);
      }
      const [first, middle, last] = ids as [string, string, string];
      const page = await html(`/publications/${middle}`);
      assert.match(page.text, /<button type="button" class="secondary" data-print="true" hidden="">打印<\/button>/);
      assert.ok(page.text.includes(`/large-text?on=1&amp;back=${encodeURIComponent(`/publications/${middle}`)}`));
      assert.ok(page.text.includes('<script src="/static/portal.js" defer=""></script>'));
      assert.match(page.text, new RegExp(`上一篇：<a href="/publications/${last}">示例区会议纪要第3号</a>`));
      assert.match(page.text, new RegExp(`下一篇：<a href="/publications/${first}">示例区会议纪要第1号</a>`));
      const newest = await html(`/publications/${last}`);
      assert.match(newest.text, /上一篇：没有了/);
      const script = await web.get('/static/portal.js');
      assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
      assert.match(await script.text(), /window\.print\(\)/);
    });

    test('should offer 相关度 and 时间 orders, label partial matches and separate the result fields', async () => {
      const { id } = await draft({
        title: '示例区湖泊保护实施细则',
        docNo: '示政发〔2025〕9号',
        summary: '湖泊保护。',
      });
      await publish(id);
      const ranked = await html('/search?q=湖泊保护');
      assert.match(
        ranked.text,
        /排序：<strong aria-current="true">相关度<\/strong> · <a href="\/search\?q=[^"]*sort=date/,
      );
      assert.match(ranked.text, /<time datetime="[\d-]+">[\d-]+<\/time> · <span>示政发〔2025〕9号<\/span>/);
      const byDate = await html('/search?q=湖泊保护&sort=date');
      assert.match(byDate.text, /<strong aria-current="true">时间<\/strong>/);
      assert.match(byDate.text, /name="sort" value="date"/);
      // No item has the bigram 护细 of 湖泊保护细则: leaving it out finds the 实施细则.
      const partial = await html('/search?q=湖泊保护细则');
      assert.match(partial.text, /没有同时包含全部检索词的信息，以下1条为部分匹配的结果/);
      assert.ok(partial.text.includes(`href="/publications/${id}"`));
    });

    test('should carry published items in the Atom feeds with escaped XML, and in the sitemap', async () => {
      const { id } = await draft({
        kind: 'news',
        category: 'meetings',
        title: '区政府常务会议 & 专题会议<第5次>',
        docNo: '',
      });
      await publish(id);
      const res = await web.get(`/org/${root.creditCode}/feed.atom`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /application\/atom\+xml/);
      const xml = await res.text();
      assert.match(xml, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
      assert.ok(xml.includes('<title>区政府常务会议 &amp; 专题会议&lt;第5次&gt;</title>'));
      assert.ok(xml.includes(`<id>http://localhost/publications/${id}</id>`));
      assert.ok(!xml.includes('<第5次>'));
      assert.equal(
        xmlEscape('a\u0001<b>&"\'\uffff'),
        'a&lt;b&gt;&amp;&quot;&apos;',
        'characters XML forbids are dropped',
      );
      assert.ok((xml.match(/<entry>/g) ?? []).length <= 50);
      const catFeed = await (await web.get(`/org/${root.creditCode}/c/${cat.meetings}/feed.atom`)).text();
      assert.equal((catFeed.match(/<entry>/g) ?? []).length, 1);
      assert.equal((await web.get(`/org/${root.creditCode}/c/nope/feed.atom`)).status, 404);
      const map = await web.get('/sitemap.xml');
      assert.match(map.headers.get('content-type') ?? '', /application\/xml/);
      const sm = await map.text();
      assert.ok(sm.includes(`<loc>http://localhost/publications/${id}</loc>`));
      assert.ok(sm.includes(`<loc>http://localhost/org/${root.creditCode}/c/${cat.meetings}</loc>`));
      assert.ok(sm.includes('<loc>http://localhost/</loc>'));
    });

    test('should switch the large-text mode with a plain link and keep it in a cookie', async () => {
      const visitor = new TestAgent(rt);
      const before = await (await visitor.get('/search')).text();
      assert.match(before, /<body class="portal">/);
      assert.match(before, /href="\/large-text\?on=1&amp;back=%2Fsearch"/);
      const res = await visitor.get('/large-text?on=1&back=%2Fsearch');
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/search');
      assert.match(await (await visitor.get(`/org/${root.creditCode}`)).text(), /<body class="portal large-text">/);
      assert.equal((await visitor.get('/large-text?on=0&back=//evil.example')).headers.get('location'), '/');
      assert.match(await (await visitor.get('/')).text(), /<body class="portal">/);
    });
  });
}
