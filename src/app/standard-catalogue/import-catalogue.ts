// Importing and exporting an organization's standard catalogue as XLSX in the published layout.
// Import is all or nothing: any error anywhere in the workbook and nothing is written.
import type { Actor } from '../../domain/policies/actor.js';
import { bareAreaName, matchKeyArea, type KeyArea } from '../../domain/standard-catalogue/key-areas.js';
import { rowPath, type CatalogueRow } from '../../domain/standard-catalogue/catalogue-row.js';
import {
  readCatalogueSheets,
  type SheetArea,
  type SheetError,
  type SheetExclusion,
  type SheetGrid,
} from '../../domain/standard-catalogue/sheet.js';
import { catalogueSheetLayout, exclusionSheetLayout } from '../../domain/standard-catalogue/sheet-layout.js';
import type { CatalogueContext, CatalogueReadContext, CatalogueSheetIO, StandardCatalogueRepos } from './ports.js';
import type { Crypto } from '../ports.js';
import { authorizeCatalogue } from './manage-catalogue.js';
import { invalid } from '../errors.js';
import { DocumentRefused } from '../documents/ports.js';
import { auditBy } from '../actors.js';

/** What an import did, or every error (sheet, row, column letter, Chinese message). */
export type CatalogueImportResult =
  | { ok: true; inserted: number; updated: number; retired: number; newAreas: string[]; exclusions: number }
  | { ok: false; errors: SheetError[] };

type Planned = { area: KeyArea; isNew: boolean; sheet: SheetArea };

const GENERIC_SHEET = /^(sheet|工作表|表)\d*$/i;

/**
 * Imports a catalogue workbook. Rows are matched to existing ones by area and 一级/二级/三级事项 (their ids
 * survive, so links from publications stay); rows of the imported areas missing from the file are
 * retired; sheets naming no known area create local areas.
 * @param io the spreadsheet adapter (default: the one wired into the context)
 * @param onProgress called as rows are stored
 * @throws AppError 'not_found', 'forbidden', 'invalid' (not a readable workbook, or one refused by the limits on
 *   untrusted documents)
 */
export async function importCatalogue(
  ctx: CatalogueContext & { catalogueSheets: CatalogueSheetIO },
  actor: Actor | null,
  orgId: string,
  bytes: Uint8Array,
  opts: { io?: CatalogueSheetIO; onProgress?: (done: number, total: number) => void } = {},
): Promise<CatalogueImportResult> {
  await authorizeCatalogue(ctx, actor, orgId, 'catalogue.write');
  const cells = await (opts.io ?? ctx.catalogueSheets).read(bytes).catch((e: unknown) => {
    if (e instanceof DocumentRefused) throw invalid(e.message, { file: e.message });
    throw invalid('无法读取该文件，请上传 XLSX 格式的标准目录');
  });
  const parsed = readCatalogueSheets(cells);
  if (!parsed.ok) return parsed;
  const known = await ctx.repos.standardCatalogue.areas(orgId);
  const plan = planAreas(ctx, orgId, known, parsed.areas);
  const errors = [...duplicateErrors(plan), ...exclusionErrors(plan, known, parsed.exclusions)];
  if (errors.length > 0) return { ok: false, errors };
  const now = ctx.clock.nowIso();
  return ctx.uow.run(async (r) => {
    const result = await writePlan(ctx, r, orgId, plan, now, opts.onProgress);
    for (const x of parsed.exclusions) {
      const area = matchKeyArea(x.areaName, known);
      if (area) await r.standardCatalogue.setExclusion({ orgId, keyAreaId: area.id, reason: x.reason, createdAt: now });
    }
    const summary = { ...result, exclusions: parsed.exclusions.length };
    await r.audit.append(
      auditBy(actor, {
        action: 'catalogue.imported',
        entityType: 'catalogue',
        entityId: orgId,
        orgId,
        before: null,
        after: { ...summary, areas: plan.map((p) => p.area.name) },
      }),
      now,
    );
    return { ok: true as const, ...summary };
  });
}

/**
 * Exports the organization's current catalogue: one sheet per key area that has rows, in area order,
 * plus the 未涉及领域事项说明 sheet when some areas are stated not to apply.
 * @throws AppError 'not_found', 'forbidden', 'invalid' (no spreadsheet adapter, empty catalogue)
 */
export async function exportCatalogue(
  ctx: CatalogueReadContext & { catalogueSheets: CatalogueSheetIO },
  actor: Actor | null,
  orgId: string,
  opts: { io?: CatalogueSheetIO } = {},
): Promise<Uint8Array> {
  await authorizeCatalogue(ctx, actor, orgId, 'catalogue.read');
  const [areas, rows, exclusions] = await Promise.all([
    ctx.repos.standardCatalogue.areas(orgId),
    ctx.repos.standardCatalogue.rows(orgId),
    ctx.repos.standardCatalogue.exclusions(orgId),
  ]);
  const sheets: SheetGrid[] = areas
    .map((a) => ({ a, own: rows.filter((r) => r.keyAreaId === a.id) }))
    .filter((x) => x.own.length > 0)
    .map((x) => catalogueSheetLayout(x.a.name, x.own));
  const excluded = exclusions.map((e) => ({
    areaName: areas.find((a) => a.id === e.keyAreaId)?.name ?? e.keyAreaId,
    reason: e.reason,
  }));
  if (excluded.length > 0) sheets.push(exclusionSheetLayout(excluded));
  if (sheets.length === 0) throw invalid('该机构的标准目录为空，没有可导出的内容');
  return (opts.io ?? ctx.catalogueSheets).write(sheets);
}

/** Matches each sheet to a key area by sheet name, then title; otherwise plans a new local area. */
function planAreas(ctx: { crypto: Crypto }, orgId: string, known: KeyArea[], sheets: SheetArea[]): Planned[] {
  const pool = [...known];
  return sheets.map((sheet) => {
    const found =
      (GENERIC_SHEET.test(sheet.sheet) ? undefined : matchKeyArea(sheet.sheet, pool)) ??
      (sheet.title ? matchKeyArea(sheet.title, pool) : undefined);
    if (found) return { area: found, isNew: false, sheet };
    const name = bareAreaName(GENERIC_SHEET.test(sheet.sheet) && sheet.title ? sheet.title : sheet.sheet);
    const area: KeyArea = {
      id: ctx.crypto.newId(),
      orgId,
      code: `local-${pool.length + 1}`,
      name,
      national: false,
      sort: 1000 + pool.length,
    };
    pool.push(area);
    return { area, isNew: true, sheet };
  });
}

function duplicateErrors(plan: Planned[]): SheetError[] {
  const seen = new Map<string, { sheet: string; line: number }>();
  const errors: SheetError[] = [];
  for (const p of plan) {
    for (const row of p.sheet.rows) {
      const key = rowPath({ keyAreaId: p.area.id, ...row });
      const first = seen.get(key);
      if (first) {
        errors.push({
          sheet: p.sheet.sheet,
          row: row.line,
          column: 'B',
          message: `与“${first.sheet}”第${first.line}行的事项重复（一级、二级、三级事项相同）`,
        });
      } else seen.set(key, { sheet: p.sheet.sheet, line: row.line });
    }
  }
  return errors;
}

function exclusionErrors(plan: Planned[], known: KeyArea[], exclusions: SheetExclusion[]): SheetError[] {
  return exclusions.flatMap((x) => {
    const area = matchKeyArea(x.areaName, known);
    if (!area) return [{ sheet: x.sheet, row: x.line, column: 'B', message: `未知的重点领域：${x.areaName}` }];
    if (plan.some((p) => p.area.id === area.id && p.sheet.rows.length > 0)) {
      return [
        {
          sheet: x.sheet,
          row: x.line,
          column: 'B',
          message: `“${area.name}”领域在本文件中有目录事项，不能同时列为未涉及领域`,
        },
      ];
    }
    return [];
  });
}

async function writePlan(
  ctx: { crypto: Crypto },
  r: StandardCatalogueRepos,
  orgId: string,
  plan: Planned[],
  now: string,
  onProgress?: (done: number, total: number) => void,
) {
  const existing = await r.standardCatalogue.rows(orgId, { includeRetired: true });
  const byPath = new Map(existing.map((row) => [rowPath(row), row]));
  const total = plan.reduce((n, p) => n + p.sheet.rows.length, 0);
  const touched = new Set<string>();
  let [inserted, updated, done] = [0, 0, 0];
  for (const p of plan) {
    if (p.isNew) await r.standardCatalogue.insertArea(p.area, now);
    await r.standardCatalogue.removeExclusion(orgId, p.area.id);
    for (const [i, { line: _line, ...row }] of p.sheet.rows.entries()) {
      const fields = { ...row, keyAreaId: p.area.id, sort: (i + 1) * 10 };
      const old = byPath.get(rowPath(fields));
      if (old) {
        await r.standardCatalogue.updateRow(old.id, fields, now);
        touched.add(old.id);
        updated += 1;
      } else {
        const fresh: CatalogueRow = {
          ...fields,
          id: ctx.crypto.newId(),
          orgId,
          retiredAt: null,
          createdAt: now,
          updatedAt: now,
        };
        await r.standardCatalogue.insertRow(fresh);
        inserted += 1;
      }
      onProgress?.((done += 1), total);
    }
  }
  const imported = new Set(plan.map((p) => p.area.id));
  const stale = existing.filter((row) => row.retiredAt === null && imported.has(row.keyAreaId) && !touched.has(row.id));
  for (const row of stale) await r.standardCatalogue.retireRow(row.id, now);
  return { inserted, updated, retired: stale.length, newAreas: plan.filter((p) => p.isNew).map((p) => p.area.name) };
}
