// Linking publications to standard-catalogue rows (every published item can name the row it fulfils):
// checking the row a draft names, the draft form's choices, and the
// row a public page shows.
import type { AppContext, Repos } from '../context.js';
import type { CatalogueRow } from '../../domain/standard-catalogue/catalogue-row.js';
import { invalid } from '../errors.js';

/** The row path as the lists print it: 一级事项 › 二级事项 (› 三级事项). */
export function rowLabel(row: Pick<CatalogueRow, 'level1' | 'level2' | 'level3'>): string {
  return [row.level1, row.level2, row.level3].filter((x) => x.trim() !== '').join(' › ');
}

/**
 * The catalogue row a draft names (`catalogueRow`, the row id), checked to be a current row of the
 * item's organization. A row retired since the item was linked to it stays acceptable for that item.
 * @param value the raw input ('' or absent: no row)
 * @param current the row the item is linked to now, if any
 * @returns the row id, or null
 * @throws AppError 'invalid' with a `catalogueRow` message
 */
export async function resolveCatalogueRow(
  repos: Repos,
  orgId: string,
  value: unknown,
  current: string | null = null,
): Promise<string | null> {
  const id = typeof value === 'string' ? value.trim() : '';
  if (id === '') return null;
  const row = await repos.standardCatalogue.rowById(id);
  if (!row || row.orgId !== orgId) throw invalid('信息填写有误', { catalogueRow: '所选标准目录事项不属于本机构' });
  if (row.retiredAt !== null && row.id !== current) {
    throw invalid('信息填写有误', { catalogueRow: '所选标准目录事项已停用，请另选' });
  }
  return row.id;
}

/** The draft form's choices: the organization's rows grouped by key area. */
export type RowChoiceGroup = { area: string; rows: [string, string][] };

/**
 * The organization's current rows grouped by key area (in catalogue order), plus the row the item is
 * linked to now when it has been retired since.
 * @param current the linked row, if any
 */
export async function catalogueRowChoices(
  ctx: AppContext,
  orgId: string,
  current: string | null = null,
): Promise<RowChoiceGroup[]> {
  const [areas, rows] = await Promise.all([
    ctx.repos.standardCatalogue.areas(orgId),
    ctx.repos.standardCatalogue.rows(orgId),
  ]);
  const linked =
    current && !rows.some((r) => r.id === current) ? await ctx.repos.standardCatalogue.rowById(current) : undefined;
  const all = linked && linked.orgId === orgId ? [...rows, linked] : rows;
  return areas
    .map((a) => ({
      area: a.name,
      rows: all
        .filter((r) => r.keyAreaId === a.id)
        .map((r): [string, string] => [r.id, `${rowLabel(r)}${r.retiredAt ? '（已停用）' : ''}`]),
    }))
    .filter((g) => g.rows.length > 0);
}

/** The catalogue row of a public page: its key area and the item path. */
export type PublicCatalogueRow = { area: string; label: string; timeLimitText: string };

/**
 * The standard-catalogue row the live version of a published item is linked to, for its public page.
 * @returns undefined when the item is not live or not linked
 */
export async function publicCatalogueRow(
  ctx: AppContext,
  publicationId: string,
): Promise<PublicCatalogueRow | undefined> {
  const live = await ctx.repos.publications.liveVersion(publicationId);
  const rowId = live?.fields.catalogueRowId;
  if (!live || !rowId) return undefined;
  const row = await ctx.repos.standardCatalogue.rowById(rowId);
  if (!row) return undefined;
  const area = (await ctx.repos.standardCatalogue.areas(row.orgId)).find((a) => a.id === row.keyAreaId);
  return { area: area?.name ?? '', label: rowLabel(row), timeLimitText: row.timeLimitText };
}
