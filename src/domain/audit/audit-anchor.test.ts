// The audit chain's anchor: building, the file's JSON and name, reading it back, and whether a chain holds it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate } from '../core/local-date.js';
import { GENESIS_HASH, type AuditEntry } from './audit-entry.js';
import { anchorBreak, anchorFileName, anchorJson, buildAuditAnchor, parseAuditAnchor } from './audit-anchor.js';

const HASH = 'a'.repeat(64);
const entry = (seq: number, hash: string) => ({ seq, hash }) as AuditEntry;

test('should build the anchor of the head, write it as one JSON line and read it back', () => {
  const a = buildAuditAnchor({ lastSeq: 42, lastHash: HASH }, '2026-03-01T17:30:00.000Z');
  assert.deepEqual(a, { seq: 42, hash: HASH, at: '2026-03-01T17:30:00.000Z' });
  assert.equal(anchorJson(a), `{"seq":42,"hash":"${HASH}","at":"2026-03-01T17:30:00.000Z"}\n`);
  assert.deepEqual(parseAuditAnchor(anchorJson(a)), { ok: true, value: a });
  assert.equal(anchorFileName(localDate('2026-03-02')), 'audit-anchor-2026-03-02.json');
});

test('should refuse a malformed anchor file with a Chinese message', () => {
  const bad: [string, RegExp][] = [
    ['not json', /不是有效的 JSON/],
    ['{"seq":-1,"hash":"x","at":"2026-01-01T00:00:00Z"}', /seq/],
    [`{"seq":1.5,"hash":"${HASH}","at":"2026-01-01T00:00:00Z"}`, /seq/],
    ['{"seq":1,"hash":"ABC","at":"2026-01-01T00:00:00Z"}', /hash/],
    [`{"seq":1,"hash":"${HASH}","at":"yesterday"}`, /at/],
    ['[]', /seq/],
  ];
  for (const [text, message] of bad) {
    const r = parseAuditAnchor(text);
    assert.ok(!r.ok, text);
    assert.match(r.error, message);
  }
});

test('should hold an anchor only while its entry is there with its hash', () => {
  const a = { seq: 5, hash: HASH, at: '2026-03-01T00:00:00Z' };
  assert.equal(anchorBreak(a, entry(5, HASH), 9), null);
  assert.match(anchorBreak(a, undefined, 3) ?? '', /#5.*已不在审计日志中，现仅有 3 条记录/);
  assert.match(anchorBreak(a, entry(6, HASH), 6) ?? '', /已不在审计日志中/);
  assert.match(anchorBreak(a, entry(5, 'b'.repeat(64)), 5) ?? '', /哈希与锚点文件不符/);
  assert.equal(anchorBreak({ ...a, seq: 0, hash: GENESIS_HASH }, undefined, 0), null);
  assert.match(anchorBreak({ ...a, seq: 0 }, undefined, 0) ?? '', /空日志/);
});
