// The canonical content record of a published version: what it covers as the portal shows it, its stable form,
// and how a served record is compared with the recorded one, part by part and attachment by attachment.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate } from '../core/local-date.js';
import type { PublicMetadata } from '../publications/publication.js';
import {
  canonicalText,
  compareDigests,
  differs,
  publishedRecord,
  recordDigests,
  servedMetadata,
  tamperedFinding,
  type IntegrityRecord,
} from './integrity.js';

/** A stand-in digest: the text itself (the comparison needs only equality). */
const same = (t: string) => `#${t}`;

const meta: PublicMetadata = {
  indexNo: '11110000000000000X/2025-00012',
  title: '示例区关于加强老旧小区改造管理的通知',
  summary: '概述',
  publisher: '示例区人民政府办公室',
  docNo: '',
  writtenOn: localDate('2025-10-01'),
  publishedOn: localDate('2025-10-09'),
  topic: '',
  kind: 'normative',
  validity: 'valid',
  validityOn: null,
  keywords: '',
  keyAreas: [],
};

const record = (over: Partial<IntegrityRecord> = {}): IntegrityRecord => ({
  ...publishedRecord('item-1', 2, meta, '<p>正文</p>', [{ name: '附件1.pdf', sha256: 'a'.repeat(64) }]),
  ...over,
});

describe('servedMetadata', () => {
  test('should give the cells as the page shows them: 发文字号 dash, labels for 有效性 and 体裁', () => {
    assert.deepEqual(servedMetadata(meta), {
      indexNo: meta.indexNo,
      topic: '',
      publisher: '示例区人民政府办公室',
      writtenOn: '2025-10-01',
      docNo: '—',
      publishedOn: '2025-10-09',
      validity: '有效',
      kind: '行政规范性文件',
    });
  });

  test('should show no 有效性 for items that are not documents', () => {
    assert.equal(servedMetadata({ ...meta, kind: 'news' }).validity, '—');
  });
});

describe('canonicalText', () => {
  test('should not depend on the order keys were written in', () => {
    assert.equal(canonicalText({ b: 1, a: { d: 2, c: 3 } }), '{"a":{"c":3,"d":2},"b":1}');
  });
});

describe('compareDigests', () => {
  const recorded = recordDigests(record(), same);

  test('should find nothing in an identical record', () => {
    const served = recordDigests(record(), same);
    const d = compareDigests(recorded, served);
    assert.deepEqual(d.parts, []);
    assert.equal(differs(d, recorded, served), false);
  });

  test('should name the changed title and body and nothing else', () => {
    const served = recordDigests(record({ title: '改过的标题', bodyHtml: '<p>改过</p>' }), same);
    const d = compareDigests(recorded, served);
    assert.deepEqual(d.parts, ['title', 'body']);
    assert.equal(differs(d, recorded, served), true);
  });

  test('should name a changed metadata cell', () => {
    const r = record();
    const served = recordDigests({ ...r, metadata: { ...r.metadata, docNo: '示政发〔2025〕99号' } }, same);
    assert.deepEqual(compareDigests(recorded, served).parts, ['docNo']);
  });

  test('should name an attachment whose bytes changed, one gone and one added', () => {
    const changed = compareDigests(
      recorded,
      recordDigests(record({ attachments: [{ name: '附件1.pdf', sha256: 'b'.repeat(64) }] }), same),
    );
    assert.deepEqual(changed.changedAttachments, ['附件1.pdf']);
    const swapped = compareDigests(
      recorded,
      recordDigests(record({ attachments: [{ name: '附件2.pdf', sha256: 'a'.repeat(64) }] }), same),
    );
    assert.deepEqual([swapped.missingAttachments, swapped.extraAttachments], [['附件1.pdf'], ['附件2.pdf']]);
  });

  test('should tell a page serving another version', () => {
    const served = recordDigests(record({ version: 1 }), same);
    const d = compareDigests(recorded, served);
    assert.equal(d.version, true);
    assert.deepEqual(d.parts, []);
  });
});

describe('tamperedFinding', () => {
  test('should name the item, the URL and what differs', () => {
    const recorded = recordDigests(record(), same);
    const served = recordDigests(record({ bodyHtml: '<p>x</p>' }), same);
    const f = tamperedFinding(
      { url: 'http://127.0.0.1/publications/item-1', item: 'item-1', indexNo: meta.indexNo, title: meta.title },
      compareDigests(recorded, served),
      recorded,
      served,
    );
    assert.equal(f.rule, 'tampered');
    assert.equal(f.url, 'http://127.0.0.1/publications/item-1');
    assert.equal(f.evidence.item, 'item-1');
    assert.equal(f.evidence.fields, 'body');
    assert.match(f.message, /正文/);
  });
});
