// What the portal shows of an organization's standard catalogue: the areas with rows (in the published
// column set), the areas stated not to apply (未涉及领域事项说明), and under each row the live 主动公开
// items linked to it (the link column some localities add, e.g. 上海市崇明区).
import type { StandardCatalogueRepos } from './ports.js';
import type { KeyArea } from '../../domain/standard-catalogue/key-areas.js';
import type { CatalogueRow } from '../../domain/standard-catalogue/catalogue-row.js';

/** Items listed under a row on the public page (the newest). */
export const ITEMS_PER_ROW = 10;

/** One row with its latest live items. */
export type PublicCatalogueLine = {
  row: CatalogueRow;
  /** The items, by publication id (the portal builds their addresses). */
  items: { id: string; title: string; publishedOn: string }[];
  total: number;
};

/** The public standard catalogue of an organization. */
export type PublicCatalogue = {
  areas: { area: KeyArea; rows: PublicCatalogueLine[] }[];
  notApplicable: { area: KeyArea; reason: string }[];
};

/**
 * The public standard catalogue (no actor: only what the portal may show — current rows and live items).
 * @param orgId an organization the portal shows (the caller resolves it from the site)
 */
export async function publicStandardCatalogue(
  ctx: { repos: StandardCatalogueRepos },
  orgId: string,
): Promise<PublicCatalogue> {
  const [areas, rows, exclusions, linked] = await Promise.all([
    ctx.repos.standardCatalogue.areas(orgId),
    ctx.repos.standardCatalogue.rows(orgId),
    ctx.repos.standardCatalogue.exclusions(orgId),
    ctx.repos.standardCatalogue.linkedItems(orgId),
  ]);
  const line = (row: CatalogueRow): PublicCatalogueLine => {
    const own = linked.filter((l) => l.rowId === row.id);
    return {
      row,
      total: own.length,
      items: own.slice(0, ITEMS_PER_ROW).map((l) => ({
        id: l.publicationId,
        title: l.title,
        publishedOn: l.publishedOn,
      })),
    };
  };
  return {
    areas: areas
      .map((area) => ({ area, rows: rows.filter((r) => r.keyAreaId === area.id).map(line) }))
      .filter((a) => a.rows.length > 0),
    notApplicable: exclusions.flatMap((e) => {
      const area = areas.find((a) => a.id === e.keyAreaId);
      return area ? [{ area, reason: e.reason }] : [];
    }),
  };
}
