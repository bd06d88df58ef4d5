import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { localDate as D } from '../core/local-date.js';
import type { NoticeDocument } from '../notices/notice.js';
import {
  CHANGED_SINCE_APPROVAL,
  INVALID_REPLY_FILE,
  NOT_DRAFTING,
  checkReplyFile,
  checkReplyFilesEditable,
  checkSendsApproved,
  draftRound,
  formatArchiveNo,
  replyApprovalHash,
  zipEntryNames,
} from './reply-approval.js';
import type { ApplicationEvent } from './application.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const ascii = (text: string) => new TextEncoder().encode(text);

/** A ZIP (stored, no compression) of the named empty entries: local headers, central directory, end record. */
function zipOf(names: readonly string[]): Uint8Array {
  const parts: number[] = [];
  const central: number[] = [];
  const u16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
  const u32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];
  for (const name of names) {
    const offset = parts.length;
    const bytes = [...ascii(name)];
    parts.push(...u32(0x04034b50), ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...u32(0), ...u32(0));
    parts.push(...u16(bytes.length), ...u16(0), ...bytes);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(0), ...u16(0), ...u32(0), ...u32(0), ...u32(0));
    central.push(...u32(0), ...u16(bytes.length), ...u16(0), ...u16(0), ...u16(0), ...u16(0), ...u32(0));
    central.push(...u32(offset), ...bytes);
  }
  const start = parts.length;
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(names.length), ...u16(names.length)];
  return new Uint8Array([...parts, ...central, ...end, ...u32(central.length), ...u32(start), ...u16(0)]);
}

const DOCX_ENTRIES = ['[Content_Types].xml', '_rels/.rels', 'word/document.xml'];
const MB = 1024 * 1024;

describe('checkReplyFile', () => {
  it('should accept a PDF, a DOCX, an XLSX and the images by their content', () => {
    const cases: [string, Uint8Array, string][] = [
      ['批复.pdf', ascii('%PDF-1.7\n…'), 'application/pdf'],
      ['批复.docx', zipOf(DOCX_ENTRIES), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      [
        '台账.xlsx',
        zipOf(['[Content_Types].xml', 'xl/workbook.xml']),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      ['图.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
      ['图.JPG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
      ['图.webp', ascii('RIFF\0\0\0\0WEBPVP8 '), 'image/webp'],
    ];
    for (const [name, bytes, mime] of cases) {
      const r = checkReplyFile(name, bytes, 20 * MB);
      assert.equal(r.ok ? r.value : r.error.message, mime, name);
    }
  });

  it('should refuse a program renamed .pdf, text named .pdf, a ZIP that is no Office file, and a mismatched name', () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['批复.pdf', ascii('MZ\x90\0\x03\0\0\0'), /不是PDF、DOCX、XLSX或图片/],
      ['批复.pdf', ascii('这是一段文字'), /不是PDF/],
      ['批复.docx', zipOf(['a.txt']), /不是PDF/],
      ['批复.docx', ascii('%PDF-1.4'), /扩展名与内容不符/],
      ['批复', ascii('%PDF-1.4'), /扩展名与内容不符/],
    ];
    for (const [name, bytes, message] of cases) {
      const r = checkReplyFile(name, bytes, 20 * MB);
      assert.equal(r.ok ? 'ok' : r.error.code, INVALID_REPLY_FILE, name);
      assert.match(r.ok ? '' : r.error.message, message);
    }
  });

  it('should refuse an empty file and one over the limit, naming the limit', () => {
    const empty = checkReplyFile('a.pdf', new Uint8Array(), MB);
    assert.match(empty.ok ? '' : empty.error.message, /空文件/);
    const big = new Uint8Array(MB + 1);
    big.set(ascii('%PDF-1.7'));
    const r = checkReplyFile('a.pdf', big, MB);
    assert.match(r.ok ? '' : r.error.message, /超过1\.0MB/);
  });

  it('should read the entry names of a ZIP from its central directory', () => {
    assert.deepEqual(zipEntryNames(zipOf(DOCX_ENTRIES)), DOCX_ENTRIES);
    assert.equal(zipEntryNames(ascii('PK\x03\x04 not really')), undefined);
  });
});

const draft: NoticeDocument = {
  kind: 'reply',
  templateKey: 'reply.partially_disclosed',
  outcome: 'partially_disclosed',
  docNo: '',
  title: '政府信息公开申请答复告知书',
  addressee: '张三：',
  paragraphs: ['经审查，部分公开。'],
  signature: { orgName: '示例区人民政府', issuedOn: D('2025-10-10'), date: '2025年10月10日' },
  seal: { imageRef: null },
};
const file = { sha256: 'a'.repeat(64), name: '批复（遮盖后）.pdf', mime: 'application/pdf', size: 1200 };

const approval = (hash: string | undefined): ApplicationEvent => ({
  seq: 5,
  action: 'approve_reply',
  on: D('2025-10-12'),
  at: '2025-10-12T08:00:00Z',
  actorId: 'u-signer',
  actorLabel: 'signer',
  params: hash === undefined ? {} : { approvedHash: hash },
  dueOn: D('2025-10-30'),
  explanation: '',
  provisional: false,
});

describe('the approval hash', () => {
  const approved = replyApprovalHash(draft, [file], sha256);

  it('should not change with the document number and the date of the letter, filled in when it is sent', () => {
    const sent = {
      ...draft,
      docNo: '区政府依申〔2025〕3号',
      signature: { ...draft.signature, date: '2025年10月15日' },
    };
    assert.equal(replyApprovalHash(sent, [file], sha256), approved);
    assert.equal(replyApprovalHash({ ...draft, paragraphs: [...draft.paragraphs] }, [{ ...file }], sha256), approved);
  });

  it('should change with any word of the notice and any attachment (content, name, order, one more or less)', () => {
    const other = { ...file, sha256: 'b'.repeat(64), name: '附件2.pdf' };
    const variants = [
      replyApprovalHash({ ...draft, paragraphs: ['经审查，予以公开。'] }, [file], sha256),
      replyApprovalHash({ ...draft, seal: { imageRef: 'seal' } }, [file], sha256),
      replyApprovalHash(draft, [{ ...file, sha256: 'c'.repeat(64) }], sha256),
      replyApprovalHash(draft, [{ ...file, name: '批复.pdf' }], sha256),
      replyApprovalHash(draft, [], sha256),
      replyApprovalHash(draft, [file, other], sha256),
      replyApprovalHash(draft, [other, file], sha256),
    ];
    assert.equal(new Set([approved, ...variants]).size, variants.length + 1);
  });

  it('should let send_reply go ahead only with what was approved', () => {
    const events = [approval(approved)];
    assert.ok(checkSendsApproved({ events }, approved).ok);
    const changed = checkSendsApproved({ events }, replyApprovalHash(draft, [], sha256));
    assert.equal(changed.ok ? 'ok' : changed.error.code, CHANGED_SINCE_APPROVAL);
    assert.match(changed.ok ? '' : changed.error.message, /审批后发生了变化/);
    // A case approved before approvals recorded a hash is sent as before.
    assert.ok(checkSendsApproved({ events: [approval(undefined)] }, 'anything').ok);
    // The last approval counts: a new draft was approved again.
    assert.ok(checkSendsApproved({ events: [approval('old'), approval(approved)] }, approved).ok);
  });
});

describe('attachments change only while drafting', () => {
  it('should allow changes in registered and refuse them in review, approval and after', () => {
    assert.ok(checkReplyFilesEditable('registered').ok);
    for (const state of ['in_legal_review', 'awaiting_approval', 'approved', 'replied', 'received'] as const) {
      const r = checkReplyFilesEditable(state);
      assert.equal(r.ok ? 'ok' : r.error.code, NOT_DRAFTING, state);
    }
  });

  it('should count drafting rounds from the drafts made', () => {
    assert.equal(draftRound({ events: [] }), 1);
    assert.equal(draftRound({ events: [{ ...approval('x'), action: 'draft_reply' }] }), 2);
  });
});

describe('formatArchiveNo', () => {
  it('should fill the default pattern and custom ones', () => {
    const parts = { org: '示例区政府', year: 2025, retention: '10y' as const, serial: 7 };
    const r = formatArchiveNo('{org}-{yyyy}-{retention}-{serial:4}', parts);
    assert.equal(r.ok ? r.value : r.error.message, '示例区政府-2025-D10-0007');
    const y = formatArchiveNo('WS·{yyyy}·{retention}·{serial}', { ...parts, retention: 'permanent' });
    assert.equal(y.ok ? y.value : y.error.message, 'WS·2025·Y·7');
  });

  it('should refuse a pattern without one serial or with unknown tokens', () => {
    for (const pattern of ['{org}-{yyyy}', '{org}-{serial}-{serial}', '{orgShort}-{serial}']) {
      assert.equal(formatArchiveNo(pattern, { org: 'x', year: 2025, retention: '30y', serial: 1 }).ok, false, pattern);
    }
  });
});
