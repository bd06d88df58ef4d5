// Keeping an organization's standard catalogue by hand: adding, editing and retiring rows, and adding local
// key areas. Each change runs in one transaction with its audit entry.
import type { Actor } from '../../domain/policies/actor.js';
import { bareAreaName, NATIONAL_KEY_AREAS, type KeyArea } from '../../domain/standard-catalogue/key-areas.js';
import { rowPath, type CatalogueRow, type CatalogueRowFields } from '../../domain/standard-catalogue/catalogue-row.js';
import { invalid, notFound } from '../errors.js';
import { authorizeCatalogue, recordChange } from './manage-catalogue.js';
import type { CatalogueContext, StandardCatalogueRepos } from './ports.js';
import { parseRowInput, type RowInput } from './row-input.js';

type Repos = { repos: StandardCatalogueRepos };

/** Longest key-area name. */
const MAX_AREA_NAME = 40;

/** Parses the form and checks the area and the path against the organization's catalogue. */
async function checkedFields(
  ctx: Repos,
  orgId: string,
  input: RowInput,
  self: CatalogueRow | null,
): Promise<{
  fields: Omit<CatalogueRowFields, 'sort'> & { sort: number | null };
  area: KeyArea;
  retiredTwin: CatalogueRow | undefined;
}> {
  const parsed = parseRowInput(input);
  if (!parsed.ok) throw invalid('目录事项填写有误', parsed.errors);
  const { fields } = parsed;
  const [areas, exclusions, rows] = await Promise.all([
    ctx.repos.standardCatalogue.areas(orgId),
    ctx.repos.standardCatalogue.exclusions(orgId),
    ctx.repos.standardCatalogue.rows(orgId, { includeRetired: true }),
  ]);
  const area = areas.find((a) => a.id === fields.keyAreaId);
  if (!area) throw invalid('目录事项填写有误', { keyAreaId: '请选择本机构的重点领域' });
  if (exclusions.some((e) => e.keyAreaId === area.id)) {
    throw invalid(`“${area.name}”领域已说明为未涉及领域，请先撤销该说明再添加事项`, {
      keyAreaId: '该领域已标为未涉及',
    });
  }
  const path = rowPath(fields);
  const twins = rows.filter((r) => r.id !== self?.id && rowPath(r) === path);
  if (twins.some((r) => r.retiredAt === null)) {
    throw invalid('目录事项填写有误', { level2: '本领域已有相同的一级、二级、三级事项' });
  }
  return { fields, area, retiredTwin: twins[0] };
}

/** The next sort number at the end of an area. */
async function nextSort(ctx: Repos, orgId: string, keyAreaId: string): Promise<number> {
  const sorts = (await ctx.repos.standardCatalogue.rows(orgId))
    .filter((r) => r.keyAreaId === keyAreaId)
    .map((r) => r.sort);
  return (sorts.length === 0 ? 0 : Math.max(...sorts)) + 10;
}

/**
 * Adds a row. A retired row with the same area and 一级/二级/三级事项 is restored with the new fields
 * instead (its id survives, so the publications once linked to it count again).
 * @param input the form (see parseRowInput)
 * @returns the row's id
 * @throws AppError 'not_found', 'forbidden', 'invalid' with field messages
 */
export async function addCatalogueRow(
  ctx: CatalogueContext,
  actor: Actor | null,
  orgId: string,
  input: RowInput,
): Promise<string> {
  await authorizeCatalogue(ctx, actor, orgId, 'catalogue.write');
  const { fields, area, retiredTwin } = await checkedFields(ctx, orgId, input, null);
  const full: CatalogueRowFields = { ...fields, sort: fields.sort ?? (await nextSort(ctx, orgId, area.id)) };
  const id = retiredTwin?.id ?? ctx.crypto.newId();
  const after = { area: area.name, ...summary(full), restored: retiredTwin !== undefined };
  await recordChange(ctx, actor, { ...rowEntry('catalogue.row_added', id, orgId), before: null, after }, (r, now) =>
    retiredTwin
      ? r.standardCatalogue.updateRow(id, full, now)
      : r.standardCatalogue.insertRow({ ...full, id, orgId, retiredAt: null, createdAt: now, updatedAt: now }),
  );
  return id;
}

/**
 * Edits a current row (its area may change within the organization).
 * @throws AppError 'not_found' (unknown, retired or another organization's row), 'forbidden', 'invalid'
 */
export async function updateCatalogueRow(
  ctx: CatalogueContext,
  actor: Actor | null,
  orgId: string,
  rowId: string,
  input: RowInput,
): Promise<void> {
  await authorizeCatalogue(ctx, actor, orgId, 'catalogue.write');
  const row = await currentRow(ctx, orgId, rowId);
  const { fields, area, retiredTwin } = await checkedFields(ctx, orgId, input, row);
  const full: CatalogueRowFields = {
    ...fields,
    sort: fields.sort ?? (fields.keyAreaId === row.keyAreaId ? row.sort : await nextSort(ctx, orgId, area.id)),
  };
  // Two rows on one path would make re-imports ambiguous (rows are matched by path): the retired one is restored
  // through “新增事项”.
  if (retiredTwin) {
    throw invalid('目录事项填写有误', {
      level2: '本领域有相同事项已停用：如需恢复，请用“新增事项”填写相同的一级、二级、三级事项',
    });
  }
  const entry = { ...rowEntry('catalogue.row_updated', rowId, orgId), before: summary(row) };
  await recordChange(ctx, actor, { ...entry, after: { area: area.name, ...summary(full) } }, (r, now) =>
    r.standardCatalogue.updateRow(rowId, full, now),
  );
}

/**
 * Retires a row: it leaves the catalogue, the dashboard and exports; publications linked to it keep
 * the link (and count again if the row is restored).
 * @throws AppError 'not_found', 'forbidden'
 */
export async function retireCatalogueRow(
  ctx: CatalogueContext,
  actor: Actor | null,
  orgId: string,
  rowId: string,
): Promise<void> {
  await authorizeCatalogue(ctx, actor, orgId, 'catalogue.write');
  const row = await currentRow(ctx, orgId, rowId);
  const entry = { ...rowEntry('catalogue.row_retired', rowId, orgId), before: summary(row), after: null };
  await recordChange(ctx, actor, entry, (r, now) => r.standardCatalogue.retireRow(rowId, now));
}

/**
 * Adds a local key area (localities add their own areas beyond the 26 national ones).
 * @param name the area's name ("涉农资金"; a trailing 领域 is dropped)
 * @returns the new area
 * @throws AppError 'not_found', 'forbidden', 'invalid'
 */
export async function addLocalKeyArea(
  ctx: CatalogueContext,
  actor: Actor | null,
  orgId: string,
  name: string,
): Promise<KeyArea> {
  await authorizeCatalogue(ctx, actor, orgId, 'catalogue.write');
  const bare = bareAreaName(name.trim());
  if (bare === '') throw invalid('请填写领域名称', { name: '领域名称不能为空' });
  if (bare.length > MAX_AREA_NAME) throw invalid('领域名称过长', { name: `领域名称不能超过${MAX_AREA_NAME}个字` });
  const areas = await ctx.repos.standardCatalogue.areas(orgId);
  const aliases = (a: KeyArea) => [a.name, ...(NATIONAL_KEY_AREAS.find((n) => n.code === a.code)?.aliases ?? [])];
  const same = areas.find((a) => aliases(a).includes(bare));
  if (same) throw invalid('该重点领域已存在', { name: `已有“${same.name}”领域` });
  const codes = new Set(areas.map((a) => a.code));
  let n = areas.length + 1;
  while (codes.has(`local-${n}`)) n += 1;
  const area: KeyArea = {
    id: ctx.crypto.newId(),
    orgId,
    code: `local-${n}`,
    name: bare,
    national: false,
    sort: 1000 + areas.length,
  };
  const entry = { action: 'catalogue.area_added', entityType: 'key_area', entityId: area.id, orgId, before: null };
  await recordChange(ctx, actor, { ...entry, after: { name: area.name, code: area.code } }, (r, now) =>
    r.standardCatalogue.insertArea(area, now),
  );
  return area;
}

/**
 * A current row of the organization (for the edit form).
 * @throws AppError 'not_found', 'forbidden'
 */
export async function catalogueRowForEdit(
  ctx: CatalogueContext,
  actor: Actor | null,
  orgId: string,
  rowId: string,
): Promise<CatalogueRow> {
  await authorizeCatalogue(ctx, actor, orgId, 'catalogue.write');
  return currentRow(ctx, orgId, rowId);
}

async function currentRow(ctx: Repos, orgId: string, rowId: string): Promise<CatalogueRow> {
  const row = await ctx.repos.standardCatalogue.rowById(rowId);
  if (!row || row.orgId !== orgId || row.retiredAt !== null) throw notFound('目录事项');
  return row;
}

/** The audit entry of a change of a row. */
const rowEntry = (action: string, rowId: string, orgId: string) => ({
  action,
  entityType: 'catalogue_row',
  entityId: rowId,
  orgId,
});

/** The audit trail's view of a row. */
function summary(f: CatalogueRowFields) {
  return {
    level1: f.level1,
    level2: f.level2,
    level3: f.level3,
    timeLimitText: f.timeLimitText,
    subject: f.subject,
    method: f.method,
  };
}
