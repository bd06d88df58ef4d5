// Loading already-published items in bulk (`gongkai publications import FILE.jsonl`; docs/publications-import.md): the
// original 索引号 and dates are kept, and the items show on the portal, in search and in the feeds at
// once (live version and search index written in the same transaction as the item).
//
// One bad line rejects the whole file: the first pass checks every line and reports every problem
// (line and field) without writing anything; only a clean file is loaded, in batches of
// IMPORT_BATCH items, one transaction each, so a long import does not hold SQLite's single writer
// lock for minutes and the portal keeps serving. One audit entry records the import and its count,
// in the last batch's transaction. Should a batch fail after the check (a 索引号 taken meanwhile,
// a lost connection), the batches before it stay loaded — every item complete — an audit entry
// records how far the import got, and the error names the first line not loaded.
import type { AppContext, Repos } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { localDate, type LocalDate } from '../../domain/core/local-date.js';
import {
  parseImportLine,
  resolveImportCategory,
  indexNoSerial,
  type ImportLine,
  type ImportLineError,
} from '../../domain/publications/import-line.js';
import { indexNoCounterKey } from '../../domain/publications/index-no.js';
import type { PublicationFields } from '../../domain/publications/publication.js';
import type { Organization } from '../../domain/orgs/organization.js';
import { auditBy } from '../actors.js';
import { integrityBatch } from '../monitoring/integrity-record.js';
import { INTEGRITY_AUDIT_ACTION } from '../../domain/monitoring/integrity.js';
import { AppError } from '../errors.js';
import { ensureCatalogue, loadPublicationConfig } from './catalogue.js';
import { searchDocumentOf } from './search-sync.js';
import { checkImportFile, ImportTargets, type ImportSource } from './import-checks.js';
import type { ImportedPublication } from './bulk-ports.js';

export type { ImportSource } from './import-checks.js';

/** Items per transaction. */
export const IMPORT_BATCH = 1000;
/** After loading this many items the planner's statistics are refreshed (PostgreSQL plans search by them). */
const STATISTICS_AFTER = 1000;

/** Progress: `check` counts lines read in the first pass (total unknown), `load` items stored of `total`. */
export type ImportProgress = (phase: 'check' | 'load', done: number, total: number) => void;

/** What an import did: loaded (or, with `dryRun`, would load) `imported` items, or the problems that stopped it. */
export type PublicationImportResult =
  { ok: true; imported: number; dryRun: boolean } | { ok: false; errors: ImportLineError[]; errorCount: number };

/** Options of an import. */
export type ImportOptions = { dryRun?: boolean; onProgress?: ImportProgress; batchSize?: number; label?: string };

/** An item built from a line, before its interpreted document's id is known. */
type Draft = {
  line: ImportLine;
  org: Organization;
  item: ImportedPublication;
  interprets: string;
  counter?: { key: string; serial: number };
};

/** Where the import stands while loading. */
type LoadState = { loaded: number; byOrg: Map<string, number>; orgIds: Set<string>; nowIso: string };

// The live version's instant: midnight UTC of the original 发布日期, the same calendar day in every zone
// from UTC to UTC+14, so feeds date an old item by its publication rather than by the import.
const publishedAt = (on: LocalDate) => `${on}T00:00:00.000Z`;

function buildItem(
  ctx: AppContext,
  actor: Actor | null,
  org: Organization,
  line: ImportLine,
  categoryId: string,
  now: string,
): ImportedPublication {
  const { category: _c, interprets: _i, ...rest } = line.draft;
  const fields: PublicationFields = { ...rest, publisher: rest.publisher || org.name, categoryId, interpretsId: null };
  const id = ctx.crypto.newId();
  const { indexNo, publishedOn } = line;
  return {
    record: {
      ...fields,
      id,
      orgId: org.id,
      indexNo,
      state: 'published',
      reviewLevel: null,
      scheduledAt: null,
      currentVersion: 1,
      publishedOn,
      reassessOn: null,
      createdBy: actor?.userId ?? null,
      createdAt: now,
      updatedAt: now,
      withdrawnAt: null,
      withdrawReason: null,
    },
    live: {
      version: 1,
      publishedAt: publishedAt(publishedOn),
      fields: { ...fields, indexNo, publishedOn, attachments: [] },
    },
    review: {
      seq: 1,
      level: null,
      action: 'import',
      actorId: actor?.userId ?? null,
      actorLabel: actor?.username ?? '批量导入',
      at: now,
      comment: `批量导入（第${line.line}行），保留原索引号和发布日期`,
      findings: [],
    },
    search: searchDocumentOf(
      { id, orgId: org.id, indexNo },
      { ...fields, categoryId },
      publishedOn,
      now,
      ctx.htmlReader.text(fields.bodyHtml),
    ),
  };
}

/** Sets each item's interpreted document (earlier in this batch, or already stored), in the batch's transaction. */
async function linkInterpretations(r: Repos, batch: readonly Draft[]): Promise<void> {
  const local = new Map(batch.map((d) => [d.line.indexNo, d.item.record.id]));
  const wanted = batch.filter((d) => d.interprets !== '' && !local.has(d.interprets)).map((d) => d.interprets);
  const stored = wanted.length > 0 ? await r.publicationBulk.idsByIndexNo(wanted) : new Map<string, string>();
  for (const d of batch) {
    if (d.interprets === '') continue;
    const id = local.get(d.interprets) ?? stored.get(d.interprets);
    if (id === undefined) {
      throw new AppError('conflict', `第${d.line.line}行：所解读的文件（索引号“${d.interprets}”）已不在系统中`);
    }
    d.item.record.interpretsId = id;
    d.item.live.fields.interpretsId = id;
  }
}

async function storeBatch(
  ctx: AppContext,
  actor: Actor | null,
  batch: readonly Draft[],
  state: LoadState,
  last: { total: number; label: string } | null,
): Promise<void> {
  await ctx.uow.run(async (r) => {
    await linkInterpretations(r, batch);
    await r.publicationBulk.insertPublished(batch.map((d) => d.item));
    // What the portal will serve, fingerprinted where it goes live: one entry per batch (docs/monitoring-integrity.md).
    const items = integrityBatch(
      batch.map((d) => d.item),
      ctx.crypto.sha256,
    );
    if (items) {
      await r.audit.append(
        auditBy(actor, {
          action: INTEGRITY_AUDIT_ACTION,
          entityType: 'publication_import',
          entityId: ctx.crypto.newId(),
          orgId: state.orgIds.size === 1 ? ([...state.orgIds][0] ?? null) : null,
          before: null,
          after: { items },
        }),
        state.nowIso,
      );
    }
    // New 索引号 continue after the imported serials of the same pattern: a 索引号 is unique, never reused.
    const serials = new Map<string, number>();
    for (const d of batch) {
      if (d.counter) serials.set(d.counter.key, Math.max(serials.get(d.counter.key) ?? 0, d.counter.serial));
    }
    for (const [key, serial] of serials) await r.publicationBulk.raiseCounter(key, serial);
    if (last) {
      // One entry for the whole import (not one per item): the count, the file, and the count per organization.
      const orgId = state.orgIds.size === 1 ? ([...state.orgIds][0] ?? null) : null;
      const byOrg = Object.fromEntries(state.byOrg);
      await r.audit.append(
        auditBy(actor, {
          action: 'publication.imported',
          entityType: 'publication_import',
          entityId: ctx.crypto.newId(),
          orgId,
          before: null,
          after: { count: last.total, file: last.label, byOrg },
        }),
        state.nowIso,
      );
    }
  });
}

/** The stored item of a non-blank line, re-checked (the file is read again: it may have changed since the check). */
async function draftOf(
  ctx: AppContext,
  actor: Actor | null,
  t: ImportTargets,
  text: string,
  line: number,
  today: LocalDate,
  patterns: Map<string, string>,
  now: string,
): Promise<Draft> {
  const parsed = parseImportLine(text, line, today, (html) => ctx.sanitizer.html(html));
  const org = parsed.ok ? t.org(parsed.value.org) : undefined;
  const cat =
    parsed.ok && org
      ? resolveImportCategory(await t.categories(org.id), parsed.value.draft.category, parsed.value.draft.kind)
      : undefined;
  if (!parsed.ok || !org || !cat?.ok || cat.value.id === null) throw changed(line);
  if (!patterns.has(org.id)) patterns.set(org.id, (await loadPublicationConfig(ctx.repos, org.id)).indexPattern);
  const serial = indexNoSerial(patterns.get(org.id) ?? '', org.creditCode, parsed.value.indexNo);
  return {
    line: parsed.value,
    org,
    item: buildItem(ctx, actor, org, parsed.value, cat.value.id, now),
    interprets: parsed.value.draft.interprets,
    ...(serial ? { counter: { key: indexNoCounterKey(org.id, serial.year), serial: serial.serial } } : {}),
  };
}

const changed = (line: number) => new AppError('conflict', `文件在检查之后有变化（第${line}行）`);

async function loadFile(
  ctx: AppContext,
  actor: Actor | null,
  t: ImportTargets,
  source: ImportSource,
  today: LocalDate,
  total: number,
  opts: ImportOptions,
): Promise<number> {
  const state: LoadState = { loaded: 0, byOrg: new Map(), orgIds: new Set(), nowIso: ctx.clock.nowIso() };
  const size = opts.batchSize ?? IMPORT_BATCH;
  const patterns = new Map<string, string>();
  let batch: Draft[] = [];
  let line = 0;
  const store = async () => {
    const isLast = state.loaded + batch.length === total;
    await storeBatch(ctx, actor, batch, state, isLast ? { total, label: opts.label ?? '' } : null);
    state.loaded += batch.length;
    batch = [];
    opts.onProgress?.('load', state.loaded, total);
  };
  try {
    for await (const raw of source()) {
      line += 1;
      const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim() === '') continue;
      if (state.loaded + batch.length >= total) throw changed(line);
      const d = await draftOf(ctx, actor, t, text, line, today, patterns, state.nowIso);
      state.byOrg.set(d.org.creditCode, (state.byOrg.get(d.org.creditCode) ?? 0) + 1);
      state.orgIds.add(d.org.id);
      batch.push(d);
      if (batch.length >= size) await store();
    }
    if (batch.length > 0) await store();
    if (state.loaded !== total) throw changed(line);
  } catch (e) {
    const from = batch[0]?.line.line ?? line;
    await recordInterruption(ctx, actor, state, from, e);
    throw interrupted(state, from, e);
  }
  return state.loaded;
}

function interrupted(state: LoadState, fromLine: number, e: unknown): AppError {
  const raw = e instanceof Error ? e.message : String(e);
  // A unique index refused a row: another user or process took one of the 索引号 after the check.
  const why = /unique|duplicate/i.test(raw) && !(e instanceof AppError) ? '有索引号在检查之后已被占用' : raw;
  if (state.loaded === 0) return new AppError('conflict', `导入失败（${why}），未导入任何内容`);
  return new AppError(
    'conflict',
    `导入在第${fromLine}行处中断（${why}）：此前 ${state.loaded} 条已导入并可查看，第${fromLine}行及以后的未导入。删去已导入的行后可重新导入其余部分`,
  );
}

async function recordInterruption(
  ctx: AppContext,
  actor: Actor | null,
  state: LoadState,
  fromLine: number,
  e: unknown,
): Promise<void> {
  if (state.loaded === 0) return;
  await ctx.uow
    .run((r) =>
      r.audit.append(
        auditBy(actor, {
          action: 'publication.import_interrupted',
          entityType: 'publication_import',
          entityId: String(fromLine),
          orgId: null,
          before: null,
          after: { loaded: state.loaded, fromLine, error: e instanceof Error ? e.message : String(e) },
        }),
        ctx.clock.nowIso(),
      ),
    )
    .catch(() => undefined);
}

/**
 * Imports already-published 主动公开 items from JSON Lines.
 * @param actor the staff member importing (editor of each item's organization), or null for the operator's CLI
 * @param source the file's lines; read twice (check, then load)
 * @returns the count loaded (or that would be, with `dryRun`), or every line error with nothing written
 * @throws AppError 'conflict' when loading stops after a clean check (see the file header)
 */
export async function importPublications(
  ctx: AppContext,
  actor: Actor | null,
  source: ImportSource,
  opts: ImportOptions = {},
): Promise<PublicationImportResult> {
  const today = localDate(ctx.clock.today());
  const targets = new ImportTargets(ctx.repos, await ctx.repos.orgs.list());
  const checked = await checkImportFile(ctx, actor, targets, source, today, (n) => opts.onProgress?.('check', n, 0));
  if (checked.errorCount > 0) return { ok: false, errors: checked.errors, errorCount: checked.errorCount };
  if (checked.items === 0) {
    return { ok: false, errors: [{ line: 1, field: null, message: '文件中没有可导入的信息' }], errorCount: 1 };
  }
  if (opts.dryRun) return { ok: true, imported: checked.items, dryRun: true };
  for (const orgId of checked.orgIds) await ensureCatalogue(ctx, orgId);
  targets.reset();
  const loaded = await loadFile(ctx, actor, targets, source, today, checked.items, opts);
  if (loaded >= STATISTICS_AFTER) await ctx.repos.publicationBulk.refreshStatistics();
  return { ok: true, imported: loaded, dryRun: false };
}
