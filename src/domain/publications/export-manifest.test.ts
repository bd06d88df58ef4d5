// The archive package's rules (art. 25): which version of which item belongs in a period, request
// validation, paths, the CSV and JSON manifests and the HTML pages.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate, type LocalDate } from '../core/local-date.js';
import {
  attachmentPath,
  CSV_HEADER,
  isCompressedType,
  itemPath,
  manifestCsv,
  manifestJson,
  MANIFEST_FORMAT,
  parseExportRequest,
  pickExportVersion,
  versionWithdrawnOn,
  type ExportEntry,
  type ExportMeta,
  type ExportVersionStamp,
} from './export-manifest.js';
import { escapeHtml, indexHtml, itemPageHtml } from './export-html.js';

const d = (s: string): LocalDate => localDate(s);
const period = (from: string, to: string) => ({ from: d(from), to: d(to) });
const v = (version: number, at: string, over: Partial<ExportVersionStamp> = {}): ExportVersionStamp => ({
  version,
  publishedAt: at,
  publishedOn: d('2025-03-10'),
  disclosure: 'proactive',
  kind: 'normative',
  ...over,
});

describe('pickExportVersion', () => {
  const one = [v(1, '2025-03-10T02:00:00Z')];

  test('should take an item live in the period and leave out one published after it', () => {
    assert.equal(pickExportVersion(one, null, period('2025-01-01', '2025-12-31'))?.version, 1);
    assert.equal(
      pickExportVersion(one, null, period('2025-03-10', '2025-03-10'))?.version,
      1,
      'published on the last day',
    );
    assert.equal(
      pickExportVersion(one, null, period('2025-01-01', '2025-03-09')),
      null,
      'published the day after the period',
    );
    assert.equal(
      pickExportVersion(one, null, period('2026-01-01', '2026-12-31'))?.version,
      1,
      'still live in a later period',
    );
  });

  test('should keep an item withdrawn during or after the period and drop one withdrawn before it', () => {
    const p = period('2025-06-01', '2025-06-30');
    assert.equal(pickExportVersion(one, d('2025-06-15'), p)?.version, 1, 'withdrawn during the period');
    assert.equal(
      pickExportVersion(one, d('2025-06-01'), p)?.version,
      1,
      'withdrawn on the first day (live part of it)',
    );
    assert.equal(pickExportVersion(one, d('2025-09-01'), p)?.version, 1, 'withdrawn after the period');
    assert.equal(pickExportVersion(one, d('2025-05-31'), p), null, 'withdrawn the day before');
  });

  test('should leave out a version withdrawn, then revised and published again, while it was off the portal', () => {
    // Version 1 up on 2025-03-10, withdrawn 2025-04-10; version 2 (修订后重新发布) up on 2025-06-02.
    const versions = [v(1, '2025-03-10T02:00:00Z'), v(2, '2025-06-02T02:00:00Z', { publishedOn: d('2025-06-02') })];
    const withdrawals = [d('2025-04-10')];
    assert.equal(pickExportVersion(versions, withdrawals, period('2025-05-01', '2025-05-31')), null, 'off the portal');
    assert.equal(pickExportVersion(versions, withdrawals, period('2025-04-01', '2025-04-30'))?.version, 1);
    assert.equal(pickExportVersion(versions, withdrawals, period('2025-05-01', '2025-06-30'))?.version, 2);
    assert.equal(versionWithdrawnOn(versions, withdrawals, 1), '2025-04-10');
    assert.equal(versionWithdrawnOn(versions, withdrawals, 2), null, 'live again');
    assert.equal(versionWithdrawnOn(versions, [...withdrawals, d('2025-07-01')], 2), '2025-07-01');
  });

  test('should pack the last version live in the period, not a later revision', () => {
    const versions = [v(1, '2025-03-10T02:00:00Z'), v(2, '2025-05-20T02:00:00Z'), v(3, '2025-08-01T02:00:00Z')];
    assert.equal(pickExportVersion(versions, null, period('2025-04-01', '2025-04-30'))?.version, 1);
    assert.equal(pickExportVersion(versions, null, period('2025-04-01', '2025-06-30'))?.version, 2);
    assert.equal(pickExportVersion(versions, null, period('2025-01-01', '2025-12-31'))?.version, 3);
    assert.equal(
      pickExportVersion([...versions].reverse(), null, period('2025-04-01', '2025-06-30'))?.version,
      2,
      'order of the input does not matter',
    );
  });

  test('should count the first version from 发布日期 (imported items keep their original date)', () => {
    const imported = [v(1, '2025-11-28T08:00:00Z', { publishedOn: d('2019-04-02') })];
    assert.equal(pickExportVersion(imported, null, period('2019-01-01', '2019-12-31'))?.version, 1);
  });

  test('should never pack a 依申请公开 or 不予公开 version', () => {
    assert.equal(
      pickExportVersion(
        [v(1, '2025-03-10T02:00:00Z', { disclosure: 'withheld' })],
        null,
        period('2025-01-01', '2025-12-31'),
      ),
      null,
    );
    assert.equal(
      pickExportVersion(
        [v(1, '2025-03-10T02:00:00Z', { disclosure: 'on_request' })],
        null,
        period('2025-01-01', '2025-12-31'),
      ),
      null,
    );
    const turned = [v(1, '2025-03-10T02:00:00Z'), v(2, '2025-07-01T02:00:00Z', { disclosure: 'withheld' })];
    assert.equal(
      pickExportVersion(turned, null, period('2025-01-01', '2025-12-31'))?.version,
      1,
      'the last 主动公开 version live in the period',
    );
    assert.equal(
      pickExportVersion(turned, null, period('2025-08-01', '2025-12-31')),
      null,
      'not public in that period',
    );
  });
});

describe('parseExportRequest', () => {
  test('should accept a period and known kinds, in the catalogue order', () => {
    const r = parseExportRequest({ from: '2025-01-01', to: '2025-12-31', kinds: ['interpretation', 'normative'] });
    assert.ok(r.ok);
    assert.deepEqual(r.value, { period: period('2025-01-01', '2025-12-31'), kinds: ['normative', 'interpretation'] });
  });

  test('should name each wrong field in Chinese', () => {
    const r = parseExportRequest({ from: '2025-02-30', to: '', kinds: ['memo'] });
    assert.ok(!r.ok);
    assert.match(r.error.from ?? '', /起始日期/);
    assert.equal(r.error.to, '请填写截止日期');
    assert.match(r.error.kinds ?? '', /memo/);
    const reversed = parseExportRequest({ from: '2025-12-31', to: '2025-01-01', kinds: [] });
    assert.ok(!reversed.ok);
    assert.equal(reversed.error.to, '截止日期不能早于起始日期');
  });
});

describe('package paths', () => {
  test('should make item paths safe and unique', () => {
    const taken = new Set<string>();
    assert.equal(itemPath('11110000000000000X/2025-00001', taken), 'items/11110000000000000X_2025-00001.html');
    assert.equal(itemPath('11110000000000000X/2025-00001', taken), 'items/11110000000000000X_2025-00001-2.html');
    assert.equal(itemPath('../../etc', taken), 'items/etc.html');
  });

  test('should name attachments by content hash with the extension of their type', () => {
    const hash = 'a'.repeat(64);
    assert.equal(attachmentPath(hash, 'application/pdf'), `attachments/${hash}.pdf`);
    assert.equal(attachmentPath(hash, 'image/jpeg'), `attachments/${hash}.jpg`);
    assert.equal(attachmentPath(hash, 'application/x-unknown'), `attachments/${hash}.bin`);
    assert.ok(
      isCompressedType('image/png') &&
        isCompressedType('application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
    );
    assert.ok(!isCompressedType('application/pdf'));
  });
});

const entry = (over: Partial<ExportEntry> = {}): ExportEntry => ({
  id: 'p1',
  indexNo: '11110000000000000X/2025-00001',
  title: '示例区关于加强河道管理的通知',
  summary: '',
  publisher: '示例区人民政府',
  docNo: '示政发〔2025〕3号',
  writtenOn: d('2025-03-01'),
  publishedOn: d('2025-03-10'),
  topic: '',
  kind: 'normative',
  validity: 'valid',
  validityOn: null,
  keywords: '',
  keyAreas: [],
  categoryName: '行政规范性文件',
  orgName: '示例区人民政府',
  url: 'https://www.example.gov.cn/publications/p1',
  version: 1,
  withdrawnOn: null,
  file: 'items/a.html',
  attachments: [],
  ...over,
});
const meta: ExportMeta = {
  organization: { name: '示例区人民政府', creditCode: '11110000000000000X' },
  includeSubtree: false,
  period: period('2025-01-01', '2025-12-31'),
  kinds: [],
  generatedAt: '2026-01-05T01:00:00.000Z',
};

describe('manifests', () => {
  test('should write the CSV with a BOM, the header, quoting and formula guards', () => {
    const csv = manifestCsv([
      entry({ title: '关于“河长制”, 的通知', withdrawnOn: d('2025-06-01') }),
      entry({ title: '=HYPERLINK("x")' }),
    ]);
    assert.ok(csv.startsWith('\uFEFF'));
    const lines = csv.slice(1).trimEnd().split('\r\n');
    assert.equal(lines[0], CSV_HEADER.join(','));
    assert.equal(lines.length, 3);
    assert.ok(lines[1]?.includes('"关于“河长制”, 的通知"'));
    assert.ok(lines[1]?.includes(',2025-06-01,'), 'withdrawal date');
    assert.ok(
      lines[1]?.includes(',行政规范性文件,有效,'),
      'topic falls back to the category; kind and validity in Chinese',
    );
    assert.ok(lines[2]?.includes(`"'=HYPERLINK(""x"")"`), 'formula neutralised');
  });

  test('should write the JSON with counts, labels and each attachment once', () => {
    const a = { name: '附件.pdf', mime: 'application/pdf', size: 10, path: 'attachments/x.pdf' };
    const doc = JSON.parse(
      manifestJson(meta, [entry({ attachments: [a] }), entry({ id: 'p2', attachments: [a] })]),
    ) as Record<string, unknown> & { items: Record<string, unknown>[] };
    assert.equal(doc.format, MANIFEST_FORMAT);
    assert.equal(doc.itemCount, 2);
    assert.equal(doc.attachmentCount, 1);
    assert.equal(doc.items[0]?.kindLabel, '行政规范性文件');
    assert.equal(doc.items[0]?.validityLabel, '有效');
  });
});

describe('package pages', () => {
  test('should render the metadata table, the withdrawal note, escaped text and relative attachment links', () => {
    const html = itemPageHtml(
      entry({
        title: '<script>x</script>',
        withdrawnOn: d('2025-06-01'),
        attachments: [{ name: '名单.pdf', mime: 'application/pdf', size: 2048, path: 'attachments/x.pdf' }],
      }),
      '<p>正文</p>',
    );
    assert.ok(html.includes('<th scope="row">索引号</th><td>11110000000000000X/2025-00001</td>'));
    assert.ok(html.includes('<th scope="row">发文字号</th><td>示政发〔2025〕3号</td>'));
    assert.ok(html.includes('该信息已于2025-06-01撤销'));
    assert.ok(html.includes('&lt;script&gt;x&lt;/script&gt;') && !html.includes('<script>'));
    assert.ok(html.includes('<p>正文</p>'));
    assert.ok(html.includes('<a href="../attachments/x.pdf">名单.pdf</a>'));
    assert.ok(html.includes('<a href="https://www.example.gov.cn/publications/p1">'));
  });

  test('should list every item in the index, or say there is none', () => {
    const html = indexHtml(meta, [
      entry(),
      entry({ id: 'p2', title: '第二件', file: 'items/b.html', withdrawnOn: d('2025-07-01') }),
    ]);
    assert.ok(html.includes('<a href="items/a.html">示例区关于加强河道管理的通知</a>'));
    assert.ok(html.includes('已于2025-07-01撤销'));
    assert.match(html, /共 2 条信息，其中 1 条/);
    assert.ok(indexHtml(meta, []).includes('该期间内没有主动公开的信息'));
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
