// A reply notice as DOCX: well-formed (fonts, page, seal), and it opens in LibreOffice, whose PDF
// carries the title, the document number, the applicant and the remedies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { renderNoticeDocx } from '../../../src/adapters/documents/notice-docx.js';
import { buildNoticeDocument, type NoticeDocument } from '../../../src/domain/notices/notice.js';
import { convertToPdf, libreOfficeSkipReason, pdfText } from '../../support/libreoffice.js';
import { readZip } from '../../support/zip-reader.js';
import { sampleReply } from '../../../src/domain/notices/test-support.js';

function reply(): NoticeDocument {
  const r = buildNoticeDocument(
    sampleReply('withheld.third_party_rights', {
      reasons: '该信息包含第三方的身份证号码和家庭住址，经书面征求意见，第三方不同意公开。',
      applicant: { name: '欧阳明月', address: '示例区幸福路8号' },
    }),
  );
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.error));
  return r.value;
}

/** A red ring seal as an RGBA PNG. */
function sealPng(size = 240): Buffer {
  const stride = size * 4 + 1;
  const raw = Buffer.alloc(stride * size);
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c);
      if ((d < c - 2 && d > c - 14) || d < c * 0.2) raw.set([210, 20, 30, 210], y * stride + 1 + x * 4);
    }
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 8, 6, 0, 0, 0]);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function docxXml(bytes: Buffer): { document: string; styles: string } {
  const files = readZip(bytes);
  const text = (name: string) => files.get(name)?.content.toString('utf8') ?? '';
  return { document: text('word/document.xml'), styles: text('word/styles.xml') };
}

test('the reply DOCX: East-Asian fonts, A4 with GB/T 9704 margins, title, doc number and seal image', async () => {
  const bytes = await renderNoticeDocx(reply(), { seal: sealPng() });
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
  const { document, styles } = docxXml(bytes);
  assert.match(styles, /w:eastAsia="仿宋_GB2312"/);
  assert.match(styles, /<w:lang [^>]*w:eastAsia="zh-CN"/);
  assert.match(document, /w:eastAsia="方正小标宋简体"/);
  assert.match(document, /<w:pgSz w:w="11906" w:h="16838"/);
  assert.match(document, /w:top="2098"/);
  for (const text of [
    '依申请公开政府信息告知书',
    '示例区政办依申〔2025〕12号',
    '欧阳明月：',
    '示例区人民政府办公室',
    '2025年10月20日',
  ]) {
    assert.ok(document.includes(text), text);
  }
  assert.match(document, /<wp:anchor [^>]*behindDoc="0"/, 'the seal floats over the signature');
  await assert.rejects(renderNoticeDocx(reply(), { seal: Buffer.from('GIF89a not a png at all') }), /PNG/);
});

test(
  'the reply DOCX opens in LibreOffice and its PDF shows title, applicant and remedies',
  { skip: libreOfficeSkipReason() },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-notice-'));
    const file = join(dir, 'reply.docx');
    writeFileSync(file, await renderNoticeDocx(reply(), { seal: sealPng() }));
    const pdf = await convertToPdf(file, dir);
    const text = (await pdfText(pdf)).replace(/\s+/g, '');
    for (const expected of [
      '依申请公开政府信息告知书',
      '欧阳明月',
      '示例区政办依申〔2025〕12号',
      '第十五条、第三十六条第（三）项',
      '先向示例区人民政府申请行政复议',
      '示例区人民政府办公室',
      '2025年10月20日',
    ]) {
      assert.ok(text.includes(expected), `PDF text has ${expected}`);
    }
  },
);
