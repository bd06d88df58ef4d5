// Merged migrations are frozen: every migration, run in order on a fresh database of each dialect, must
// send the same statements and leave the same schema and rows as the committed snapshots
// test/fixtures/db/{migrations,schema}-<dialect>.snapshot.txt (recorded data written by
// scripts/schema-snapshot.ts, not SQL sources). A migration's text may be refactored only
// while these pass unchanged; a NEW migration regenerates the snapshots in the same commit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { DIALECTS, PG_URL, skipReason, type Dialect } from '../../support/runtime.js';
import { migrationProvider } from '../../../src/db/migrations/index.js';
import {
  ENGINE_LINE,
  MIGRATION_LINE,
  SNAPSHOT_COMMAND,
  captureSnapshot,
  comparable,
  snapshotPath,
  type SnapshotKind,
} from '../../../scripts/schema-snapshot.js';

/** A line diff (longest common subsequence) of two texts, changed lines with two lines of context. */
function lineDiff(expected: string, actual: string, maxLines = 60): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const row = lcs[i] ?? [];
      row[j] = a[i] === b[j] ? (lcs[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(lcs[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const ops: { mark: ' ' | '-' | '+'; line: string; at: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ mark: ' ', line: a[i++] ?? '', at: j++ });
    else if (i < a.length && (j >= b.length || (lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))) {
      ops.push({ mark: '-', line: a[i++] ?? '', at: j });
    } else ops.push({ mark: '+', line: b[j] ?? '', at: j++ });
  }
  const near = (k: number) => ops.slice(Math.max(0, k - 2), k + 3).some((o) => o.mark !== ' ');
  const out: string[] = [];
  let skipped = false;
  ops.forEach((o, k) => {
    if (!near(k)) {
      skipped = true;
      return;
    }
    if (skipped) out.push(`@@ line ${o.at + 1} of the fresh run`);
    skipped = false;
    out.push(`${o.mark} ${o.line.length > 300 ? `${o.line.slice(0, 300)}…` : o.line}`);
  });
  return out.length > maxLines
    ? [...out.slice(0, maxLines), `… ${out.length - maxLines} more lines`].join('\n')
    : out.join('\n');
}

/** Why the fresh run differs, and what to do about it. */
async function explain(kind: SnapshotKind, dialect: Dialect, snapshot: string, fresh: string): Promise<string> {
  const file = relative(process.cwd(), snapshotPath(kind, dialect));
  const recorded = new Set(
    readFileSync(snapshotPath('migrations', dialect), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith(MIGRATION_LINE))
      .map((l) => l.slice(MIGRATION_LINE.length).split(' ')[0]),
  );
  const added = Object.keys(await migrationProvider.getMigrations()).filter((name) => !recorded.has(name));
  const advice =
    added.length > 0
      ? `New migration(s) not in the snapshot: ${added.join(', ')}. Regenerate the snapshots in the same commit:\n` +
        `  ${SNAPSHOT_COMMAND}`
      : 'A merged migration is frozen: deployed databases already ran it. Restore what it does (its text may ' +
        'change, its statements and schema may not). Regenerate the snapshots ONLY in the commit that adds a ' +
        `new migration:\n  ${SNAPSHOT_COMMAND}`;
  const engine = (text: string) =>
    text
      .split('\n')
      .find((l) => l.startsWith(ENGINE_LINE))
      ?.slice(ENGINE_LINE.length);
  const engines = `Snapshot taken on ${engine(snapshot) ?? '?'}; this run on ${engine(fresh) ?? '?'}.`;
  const diff = lineDiff(comparable(snapshot), comparable(fresh));
  return `The migrations no longer produce ${file} (${kind}).\n${advice}\n${engines}\n\n--- ${file}\n+++ fresh run\n${diff}`;
}

for (const dialect of DIALECTS) {
  const name = `${dialect}: the migrations send the snapshot's statements and build its schema`;
  test(name, { skip: skipReason(dialect) }, async () => {
    const fresh = await captureSnapshot(dialect, PG_URL);
    for (const kind of ['migrations', 'schema'] as const) {
      const path = snapshotPath(kind, dialect);
      assert.ok(existsSync(path), `${relative(process.cwd(), path)} is missing: run ${SNAPSHOT_COMMAND}`);
      const snapshot = readFileSync(path, 'utf8');
      if (comparable(snapshot) !== comparable(fresh[kind])) {
        assert.fail(await explain(kind, dialect, snapshot, fresh[kind]));
      }
    }
  });
}
