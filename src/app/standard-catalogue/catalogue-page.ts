// The back office's standard-catalogue pages of an organization: every key area (the 26 national ones and
// local ones) with its rows, what is published under each row, the overdue flags and filters; and the row
// form's choices. Each says what the actor may do.
import type { Actor } from '../../domain/policies/actor.js';
import type { KeyArea } from '../../domain/standard-catalogue/key-areas.js';
import type { CatalogueRow } from '../../domain/standard-catalogue/catalogue-row.js';
import { canCatalogue } from '../../domain/standard-catalogue/catalogue-policy.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { notFound } from '../errors.js';
import { authorizeCatalogue } from './manage-catalogue.js';
import { rowStatuses, type RowStatus } from './catalogue-dashboard.js';
import { catalogueRowForEdit } from './edit-rows.js';
import type { CatalogueContext, CatalogueReadContext } from './ports.js';

/** The page's filters: one area, and rows past their time limit or with nothing published. */
export type CatalogueFilter = { areaId?: string; show?: 'overdue' | 'nothing' };

/** One key area on the page. */
export type CatalogueAreaView = { area: KeyArea; notApplicable: string | null; rows: RowStatus[]; rowCount: number };

/** The page's data. */
export type StandardCataloguePage = {
  org: { id: string; name: string };
  /** The areas shown (all of them without a filter; with a filter, those with matching rows). */
  areas: CatalogueAreaView[];
  /** Every area of the organization, for the filter and the row form. */
  allAreas: KeyArea[];
  totals: { rows: number; nothingPublished: number; overdue: number };
  can: { write: boolean };
};

/** The organization by id, with its name (retired ones too). */
async function orgOf(ctx: CatalogueReadContext, orgId: string) {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const org = orgs.find((o) => o.id === orgId);
  if (!org) throw notFound('机构');
  return { org: { id: org.id, name: org.name }, ancestry: ancestry(orgs, orgId) };
}

/**
 * The standard-catalogue page.
 * @throws AppError 'not_found' (unknown organization), 'forbidden' (may not read its catalogue)
 */
export async function standardCataloguePage(
  ctx: CatalogueReadContext,
  actor: Actor,
  orgId: string,
  filter: CatalogueFilter = {},
): Promise<StandardCataloguePage> {
  await authorizeCatalogue(ctx, actor, orgId, 'catalogue.read');
  const [{ org, ancestry: path }, areas, exclusions, statuses] = await Promise.all([
    orgOf(ctx, orgId),
    ctx.repos.standardCatalogue.areas(orgId),
    ctx.repos.standardCatalogue.exclusions(orgId),
    rowStatuses(ctx, orgId),
  ]);
  const keep = (s: RowStatus) =>
    filter.show === 'overdue' ? s.overdue : filter.show === 'nothing' ? s.liveCount === 0 : true;
  const views = areas.map((area) => {
    const own = statuses.filter((s) => s.row.keyAreaId === area.id);
    return {
      area,
      notApplicable: exclusions.find((e) => e.keyAreaId === area.id)?.reason ?? null,
      rows: own.filter(keep),
      rowCount: own.length,
    };
  });
  const shown = views.filter(
    (v) => (filter.areaId ? v.area.id === filter.areaId : true) && (filter.show ? v.rows.length > 0 : true),
  );
  return {
    org,
    areas: shown,
    allAreas: areas,
    totals: {
      rows: statuses.length,
      nothingPublished: statuses.filter((s) => s.liveCount === 0).length,
      overdue: statuses.filter((s) => s.overdue).length,
    },
    can: { write: canCatalogue(actor, 'catalogue.write', path) },
  };
}

/**
 * The row form (new, or a current row to edit): the organization, its areas and the row.
 * @throws AppError 'not_found' (unknown organization or row), 'forbidden' (may not keep the catalogue)
 */
export async function rowFormChoices(
  ctx: CatalogueContext,
  actor: Actor,
  orgId: string,
  rowId?: string,
): Promise<{ org: { id: string; name: string }; areas: KeyArea[]; row?: CatalogueRow }> {
  await authorizeCatalogue(ctx, actor, orgId, 'catalogue.write');
  const row = rowId === undefined ? undefined : await catalogueRowForEdit(ctx, actor, orgId, rowId);
  const [{ org }, areas] = await Promise.all([orgOf(ctx, orgId), ctx.repos.standardCatalogue.areas(orgId)]);
  return { org, areas, row };
}
