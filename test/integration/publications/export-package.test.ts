// The archive package (art. 25) on both dialects, read back from the ZIP: the manifest (JSON, CSV,
// index.html), one page per item with its metadata and body, attachments once by content hash;
// items withdrawn in the period kept and noted, earlier ones, 不予公开 / 依申请公开 items, drafts,
// later items and other organizations absent; the version live in the period; kinds and subtree
// filters; the public address in URLs; no staff names or review comments; the audit entry.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { datedPublishing, revise, WITHHELD_FIELDS, type DatedPublishing } from '../../factories/publications.js';
import { readZip, type ZipEntry } from '../../support/zip-reader.js';
import { actOnPublication } from '../../../src/app/publications/act-on-publication.js';

import { planExport, writeExportPackage, type ExportInput } from '../../../src/app/publications/export-package.js';
import { savePublicBaseUrl } from '../../../src/app/settings/public-base-url.js';
import { AppError } from '../../../src/app/errors.js';
import type { Actor } from '../../../src/domain/policies/actor.js';
import { makeStaff } from '../../factories/staff.js';

const PDF = new TextEncoder().encode('%PDF-1.4 shared attachment of two items');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

type Manifest = {
  itemCount: number;
  attachmentCount: number;
  period: { from: string; to: string };
  items: {
    id: string;
    indexNo: string;
    title: string;
    kind: string;
    url: string;
    version: number;
    withdrawnOn: string | null;
    file: string;
    attachments: { name: string; path: string }[];
  }[];
};

for (const dialect of DIALECTS) {
  describe(`archive export package (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2024-05-01T02:00:00Z' });
    let p: DatedPublishing;
    const id: Record<string, string> = {};

    const run = async (input: Partial<ExportInput> = {}, actor: Actor | null = null) => {
      const chunks: Uint8Array[] = [];
      const progress: [number, number][] = [];
      const plan = await planExport(rt.ctx, actor, {
        org: p.root.creditCode,
        from: '2025-03-01',
        to: '2025-12-31',
        ...input,
      });
      const summary = await writeExportPackage(
        rt.ctx,
        plan,
        async (c) => void chunks.push(c),
        (d, t) => progress.push([d, t]),
      );
      const zip = readZip(Buffer.concat(chunks));
      const manifest = JSON.parse(zip.get('manifest.json')?.content.toString('utf8') ?? '{}') as Manifest;
      return { summary, zip, manifest, progress, text: (e: ZipEntry | undefined) => e?.content.toString('utf8') ?? '' };
    };

    before(async () => {
      p = await datedPublishing(rt, 'exp');
      // Withdrawn before the period: absent.
      id.early = await p.published('2024-06-01', '2024-06-01', { title: '早已撤销的通知', kind: 'other_document' });
      p.at('2025-01-15');
      await actOnPublication(rt.ctx, p.signer, id.early, 'withdraw', { reason: '已被替代' });
      // Published before the period, withdrawn during it: present, noted.
      id.withdrawn = await p.published('2025-02-01', '2025-02-01', {
        title: '期间内撤销的通知',
        kind: 'other_document',
      });
      p.at('2025-05-01');
      await actOnPublication(rt.ctx, p.signer, id.withdrawn, 'withdraw', { reason: '内容有误' });
      // A normative document with a PDF; it is rejected once with a comment that must not leak.
      const doc = await p.draft('2025-03-05', {
        title: '示例区河长制工作实施办法',
        attachments: [{ name: '附件1 实施细则.pdf', mime: 'application/pdf', content: PDF }],
      });
      id.doc = doc.id;
      await actOnPublication(rt.ctx, p.editor, doc.id, 'submit');
      await actOnPublication(rt.ctx, p.r1, doc.id, 'reject', { comment: '请核对编审内部意见XYZ' });
      await p.publish(doc.id, '2025-03-10');
      id.interp = await p.published('2025-03-18', '2025-03-20', {
        title: '《示例区河长制工作实施办法》政策解读',
        kind: 'interpretation',
        docNo: '',
        interprets: doc.indexNo,
      });
      // Same PDF (same hash) and a PNG.
      id.other = await p.published('2025-03-28', '2025-04-01', {
        title: '关于公布河长名单的通知',
        kind: 'other_document',
        attachments: [
          { name: '河长名单.pdf', mime: 'application/pdf', content: PDF },
          { name: '示意图.png', mime: 'image/png', content: PNG },
        ],
      });
      // Registered 不予公开 and 依申请公开 items, a draft: absent.
      id.withheld = await p.published('2025-03-12', '2025-03-15', {
        ...WITHHELD_FIELDS,
        title: '内部会议纪要（不予公开）',
        kind: 'other',
        category: 'meetings',
        body: '<p>内部事务</p>',
      });
      id.onRequest = await p.published('2025-03-12', '2025-03-16', {
        title: '依申请公开的信息',
        kind: 'other',
        category: 'meetings',
        disclosure: 'on_request',
      });
      id.draft = (await p.draft('2025-04-02', { title: '尚未发布的草稿' })).id;
      // A department's item: only with the subtree.
      id.child = await p.published('2025-05-05', '2025-05-05', {
        org: p.child.creditCode,
        title: '部门发布的通知',
        kind: 'other_document',
      });
      // Revised after the period: the 2025 package keeps the version live in 2025.
      id.revised = await p.published('2025-06-01', '2025-06-01', { title: '旧标题的通知', kind: 'other_document' });
      p.at('2026-01-20');
      await revise(rt, p, id.revised, {
        title: '新标题的通知',
        kind: 'other_document',
        writtenOn: '2025-06-01',
        body: '<p>新版</p>',
      });
      await p.publish(id.revised, '2026-02-01');
      // Published after the period: absent.
      id.late = await p.published('2026-01-10', '2026-01-10', { title: '次年发布的通知', kind: 'other_document' });
      p.at('2026-03-01');
    });

    test('should pack the items live in the period with a manifest, pages and attachments once', async () => {
      const { zip, manifest, summary, progress, text } = await run();
      const titles = manifest.items.map((i) => i.title);
      assert.deepEqual(
        titles,
        [
          '期间内撤销的通知',
          '示例区河长制工作实施办法',
          '《示例区河长制工作实施办法》政策解读',
          '关于公布河长名单的通知',
          '旧标题的通知',
        ],
        'oldest 发布日期 first',
      );
      assert.equal(manifest.itemCount, 5);
      assert.deepEqual(summary, { items: 5, withdrawn: 1, attachments: 2, bytes: summary.bytes });
      assert.deepEqual(progress.at(-1), [5, 5]);
      const withdrawn = manifest.items.find((i) => i.title === '期间内撤销的通知');
      assert.equal(withdrawn?.withdrawnOn, '2025-05-01');
      assert.equal(manifest.items.find((i) => i.title === '旧标题的通知')?.version, 1);
      for (const t of [
        '早已撤销的通知',
        '内部会议纪要（不予公开）',
        '依申请公开的信息',
        '尚未发布的草稿',
        '部门发布的通知',
        '新标题的通知',
        '次年发布的通知',
      ]) {
        assert.ok(!titles.includes(t), `${t} absent`);
      }
      const files = [...zip.keys()];
      assert.equal(files.filter((f) => f.startsWith('attachments/')).length, 2, 'the shared PDF is stored once');
      assert.equal(files.filter((f) => f.startsWith('items/')).length, 5);
      for (const f of ['index.html', 'manifest.json', 'manifest.csv']) assert.ok(zip.has(f), f);

      const doc = manifest.items.find((i) => i.id === id.doc);
      const page = text(zip.get(doc?.file ?? ''));
      assert.ok(page.includes(`<th scope="row">索引号</th><td>${doc?.indexNo}</td>`));
      assert.ok(page.includes('<th scope="row">发文字号</th><td>示政发〔2025〕1号</td>'));
      assert.ok(page.includes('<th scope="row">发布日期</th><td>2025-03-10</td>'));
      assert.ok(page.includes('<p>各街道：现将有关事项通知如下。</p>'));
      const pdf = doc?.attachments[0];
      assert.equal(pdf?.name, '附件1 实施细则.pdf');
      assert.ok(page.includes(`<a href="../${pdf?.path}">附件1 实施细则.pdf</a>`));
      assert.deepEqual(zip.get(pdf?.path ?? '')?.content, Buffer.from(PDF));
      const other = manifest.items.find((i) => i.id === id.other);
      assert.equal(other?.attachments[0]?.path, pdf?.path, 'same content, same file');
      assert.ok(other?.attachments[1]?.path.endsWith('.png'));
      assert.equal(doc?.url, `/publications/${id.doc}`, 'site-relative without a public address');
      assert.ok(text(zip.get(manifest.items[0]?.file ?? '')).includes('该信息已于2025-05-01撤销'));

      const csv = text(zip.get('manifest.csv'));
      assert.equal(csv.trimEnd().split('\r\n').length, 6);
      assert.ok(csv.includes('示例区河长制工作实施办法') && csv.includes(',2025-05-01,'));
      const index = text(zip.get('index.html'));
      assert.ok(index.includes(`<a href="${doc?.file}">示例区河长制工作实施办法</a>`));
      assert.match(index, /共 5 条信息，其中 1 条/);
    });

    test('should carry no staff names, review comments or withheld content', async () => {
      const { zip } = await run();
      const all = [...zip.values()].map((e) => e.content.toString('utf8')).join('\n');
      for (const secret of ['exp.editor', 'exp.signer', '请核对编审内部意见XYZ', '内部事务', '内容有误']) {
        assert.ok(!all.includes(secret), secret);
      }
    });

    test('should filter by kind and include the subtree on request', async () => {
      const normative = await run({ kinds: ['normative'] });
      assert.deepEqual(
        normative.manifest.items.map((i) => i.title),
        ['示例区河长制工作实施办法'],
      );
      assert.equal(normative.zip.size, 1 + 1 + 3, 'one page, its PDF and the three manifest files');
      const subtree = await run({ includeSubtree: true });
      assert.ok(subtree.manifest.items.some((i) => i.title === '部门发布的通知'));
      assert.equal(subtree.manifest.itemCount, 6);
      const empty = await run({ from: '2023-01-01', to: '2023-12-31' });
      assert.equal(empty.manifest.itemCount, 0);
      assert.ok(empty.text(empty.zip.get('index.html')).includes('该期间内没有主动公开的信息'));
      const later = await run({ from: '2026-01-01', to: '2026-12-31' });
      assert.deepEqual(
        later.manifest.items.map((i) => [i.title, i.version]).sort(),
        [
          ['新标题的通知', 2],
          ['次年发布的通知', 1],
          ['示例区河长制工作实施办法', 1],
          ['《示例区河长制工作实施办法》政策解读', 1],
          ['关于公布河长名单的通知', 1],
        ].sort(),
      );
    });

    test('should use the public address in URLs and audit each export', async () => {
      await savePublicBaseUrl(rt.ctx, null, 'https://www.example.gov.cn/gongkai');
      try {
        const { manifest, zip, text } = await run();
        const doc = manifest.items.find((i) => i.id === id.doc);
        assert.equal(doc?.url, `https://www.example.gov.cn/gongkai/publications/${id.doc}`);
        assert.ok(
          text(zip.get(doc?.file ?? '')).includes(
            `<a href="https://www.example.gov.cn/gongkai/publications/${id.doc}">`,
          ),
        );
      } finally {
        await savePublicBaseUrl(rt.ctx, null, '');
      }
      const audit = await rt.ctx.repos.audit.list({ action: 'publication.exported' }, { limit: 50 });
      assert.ok(audit.length >= 5);
      assert.equal(audit[0]?.entityId, p.root.id);
      assert.equal((JSON.parse(audit[0]?.afterJson ?? '{}') as { items: number }).items, 5);
    });

    test('should refuse bad input and organizations the actor cannot see', async () => {
      await assert.rejects(
        planExport(rt.ctx, null, { org: 'NOSUCHCODE', from: '2025-12-31', to: '2025-01-01', kinds: ['memo'] }),
        (e: unknown) => {
          assert.ok(e instanceof AppError && e.code === 'invalid');
          assert.deepEqual(Object.keys(e.fieldErrors).sort(), ['kinds', 'org', 'to']);
          return true;
        },
      );
      const outsider = await makeStaff(rt, 'exp.child.editor', ['editor'], p.child.id, '部门编辑');
      await assert.rejects(
        planExport(rt.ctx, outsider, { org: p.root.creditCode, from: '2025-01-01', to: '2025-12-31' }),
        (e: unknown) => e instanceof AppError && e.code === 'forbidden',
      );
      const own = await run({ org: p.child.creditCode }, outsider);
      assert.deepEqual(
        own.manifest.items.map((i) => i.title),
        ['部门发布的通知'],
      );
    });
  });
}
