import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { GENESIS_HASH, canonicalJson, hashPayload, verifyChain, type AuditEntry } from './audit-entry.js';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const draft = {
      seq: i,
      at: `2025-01-0${i}T00:00:00.000Z`,
      actorId: 'u1',
      actorLabel: 'admin',
      action: 'org.updated',
      entityType: 'organization',
      entityId: 'o1',
      orgId: 'o1',
      beforeJson: canonicalJson({ name: `v${i - 1}` }),
      afterJson: canonicalJson({ name: `v${i}` }),
      prevHash: prev,
    };
    const e = { ...draft, hash: sha(hashPayload(draft)) };
    out.push(e);
    prev = e.hash;
  }
  return out;
}

test('should serialise objects with sorted keys so equal values hash equally', () => {
  assert.equal(
    canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } }),
    '{"a":{"c":[3,{"e":2,"f":1}],"d":2},"b":1}',
  );
  assert.equal(canonicalJson(undefined), null);
});

test('should verify an intact chain', () => {
  assert.deepEqual(verifyChain(chain(5), sha), { ok: true, count: 5 });
});

test('should report the first entry whose content was changed', () => {
  const c = chain(5);
  c[2] = { ...c[2]!, afterJson: '{"name":"forged"}' };
  const r = verifyChain(c, sha);
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.brokenSeq, 3);
  assert.match(!r.ok ? r.reason : '', /篡改/);
});

test('should report a deleted entry in the middle', () => {
  const c = chain(5);
  c.splice(1, 1);
  const r = verifyChain(c, sha);
  assert.equal(!r.ok && r.brokenSeq, 3);
});
