// Findings of an outside test, on both dialects (docs/security/hardening.md): an Idempotency-Key reused with
// another body, absolute links built from the Host header, the audit chain's head anchored outside the database,
// the CSRF token bound to the session and the __Host- cookies, inline styles the CSP blocks, and the archive
// manifest's withdrawal day in the office's time zone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../support/runtime.js';
import { datedPublishing } from '../factories/publications.js';
import { readZip } from '../support/zip-reader.js';
import { actOnPublication } from '../../src/app/publications/act-on-publication.js';
import { planExport, writeExportPackage } from '../../src/app/publications/export-package.js';

for (const dialect of DIALECTS) {
  describe(
    `archive manifest: the withdrawal day in the office's time zone (${dialect})`,
    {
      skip: skipReason(dialect),
    },
    () => {
      const rt = suiteRuntime(dialect, { start: '2026-01-05T02:00:00Z' });

      test('should note an item withdrawn at 01:30 Beijing time (17:30 UTC the day before) on the office date', async () => {
        const p = await datedPublishing(rt, 'tz');
        const id = await p.published('2026-02-10', '2026-02-10', {
          title: '午夜前后撤销的通知',
          kind: 'other_document',
        });
        rt.clock.set('2026-03-01T17:30:00Z'); // 2026-03-02 01:30 in Asia/Shanghai
        await actOnPublication(rt.ctx, p.signer, id, 'withdraw', { reason: '内容有误' });
        const manifestOf = async (from: string, to: string) => {
          const plan = await planExport(rt.ctx, null, { org: p.root.creditCode, from, to });
          const chunks: Uint8Array[] = [];
          await writeExportPackage(rt.ctx, plan, async (c) => void chunks.push(c));
          const json = readZip(Buffer.concat(chunks)).get('manifest.json')?.content.toString('utf8') ?? '{}';
          return JSON.parse(json) as { items: { id: string; withdrawnOn: string | null }[] };
        };
        const before = await manifestOf('2026-02-01', '2026-03-01');
        assert.equal(before.items.find((i) => i.id === id)?.withdrawnOn, '2026-03-02');
        // Live on 2 March until 01:30 office time: the package of a period starting that day holds it.
        const after = await manifestOf('2026-03-02', '2026-03-31');
        assert.equal(after.items.find((i) => i.id === id)?.withdrawnOn, '2026-03-02');
      });
    },
  );
}
