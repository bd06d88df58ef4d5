// Test runtimes are copies of a template database: the copy must hold what a database migrated and
// bootstrapped now holds, row for row, in every table, on both dialects, and go on making ids in the same
// order (test/support/db-template.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { DIALECTS, openBootstrappedRuntime, openTestRuntime, skipReason } from '../../support/runtime.js';
import type { TestRuntime, TestRuntimeOptions } from '../../support/runtime.js';
import { tablesOf, withDb } from '../../support/db-rows.js';
import { login } from '../../../src/app/auth/login.js';
import { createOrganization } from '../../../src/app/orgs/manage-organizations.js';
import { parseOrganizationFields } from '../../../src/app/orgs/organization-input.js';
import { creditCodeCheckChar } from '../../../src/domain/orgs/credit-code.js';
import { verifyAuditChain } from '../../../src/app/audit/verify-audit.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;
/** Values random by design: salted hashes, the audit chain over random ids, run times, change tokens. */
const RANDOM = new Set([
  'app_user.password_hash',
  'audit_entry.hash',
  'audit_entry.prev_hash',
  'audit_head.last_hash',
  'kysely_migration.timestamp',
  'counter.value.organization.change',
]);
const isRandom = (table: string, column: string, row: Record<string, unknown>) =>
  RANDOM.has(`${table}.${column}`) || RANDOM.has(`${table}.${column}.${String(row.key)}`);

const tables = (rt: TestRuntime) => withDb(rt, (db) => tablesOf(db, rt.dialect));

/**
 * Every row of every table as text, with each id replaced by its rank among all ids (UUIDv7 made under a
 * standing clock sort in creation order, whatever their random bits) and random values by a placeholder.
 */
async function contents(rt: TestRuntime): Promise<Record<string, string[]>> {
  const raw: Record<string, Record<string, unknown>[]> = {};
  await withDb(rt, async (db) => {
    for (const t of await tablesOf(db, rt.dialect)) {
      raw[t] = (await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(db)).rows;
    }
  });
  const ids = [...new Set(JSON.stringify(raw).match(UUID) ?? [])].sort();
  const rank = new Map(ids.map((id, i) => [id, `#${i}`]));
  const out: Record<string, string[]> = {};
  for (const [t, rows] of Object.entries(raw)) {
    out[t] = rows
      .map((row) => {
        const norm = Object.entries(row).map(([k, v]) => {
          const text = v instanceof Uint8Array ? Buffer.from(v).toString('hex') : JSON.stringify(v);
          return [
            k,
            isRandom(t, k, row) ? (text === 'null' ? text : '<random>') : text?.replace(UUID, (m) => rank.get(m) ?? m),
          ];
        });
        return JSON.stringify(norm.sort());
      })
      .sort();
  }
  return out;
}

/** Compares table by table, naming the table and only the rows that differ. */
function sameContents(actual: Record<string, string[]>, expected: Record<string, string[]>): void {
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort());
  for (const [t, rows] of Object.entries(expected)) {
    const got = actual[t] ?? [];
    const missing = rows.filter((r) => !got.includes(r));
    const extra = got.filter((r) => !rows.includes(r));
    assert.deepEqual({ t, missing, extra }, { t, missing: [], extra: [] });
    assert.equal(got.length, rows.length, t);
  }
}

const PROBE_CODE = `11999901MB0000777${creditCodeCheckChar('11999901MB0000777') ?? ''}`;
const probe = (rt: TestRuntime) =>
  createOrganization(
    rt.ctx,
    null,
    null,
    parseOrganizationFields({
      kind: 'department',
      name: '示例区探针局',
      creditCode: PROBE_CODE,
      postcode: '999001',
    }),
  );

for (const dialect of DIALECTS) {
  describe(`test runtimes from a template (${dialect})`, { skip: skipReason(dialect) }, () => {
    const variants: [string, TestRuntimeOptions][] = [
      ['the default runtime', {}],
      ['a runtime without the demo district', { demo: false }],
      ['a runtime started at another instant', { start: '2024-12-20T02:00:00Z' }],
    ];
    for (const [name, opts] of variants) {
      test(`should give ${name} every row a fresh bootstrap writes, and the same next ids`, async () => {
        const fresh = await openBootstrappedRuntime(dialect, opts);
        const copy = await openTestRuntime(dialect, opts);
        try {
          assert.deepEqual(copy.boot.createdOrgs, fresh.boot.createdOrgs);
          assert.deepEqual(copy.boot.calendarYears, fresh.boot.calendarYears);
          assert.deepEqual(await tables(copy), await tables(fresh));
          const before = await contents(fresh);
          assert.ok((before.calendar_day?.length ?? 0) > 500, 'the calendar seed is there');
          sameContents(await contents(copy), before);
          // Ids drawn after the copy sort where a fresh database's would (no clash with bootstrap's).
          await probe(fresh);
          await probe(copy);
          sameContents(await contents(copy), await contents(fresh));
          assert.equal((await verifyAuditChain(copy.ctx)).ok, true);
          for (const rt of [fresh, copy]) {
            assert.equal((await login(rt.ctx, 'admin', rt.boot.adminPassword ?? '')).mustChangePassword, true);
          }
        } finally {
          await fresh.close();
          await copy.close();
        }
      });
    }

    test('should give every suite its own database', async () => {
      const a = await openTestRuntime(dialect);
      const b = await openTestRuntime(dialect);
      try {
        await probe(a);
        assert.equal((await a.ctx.repos.orgs.list()).length, 9);
        assert.equal((await b.ctx.repos.orgs.list()).length, 8);
      } finally {
        await a.close();
        await b.close();
      }
    });
  });
}
