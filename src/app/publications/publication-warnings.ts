// The dashboard's 主动公开 warnings: 行政规范性文件 live on the portal without a linked 政策解读
// (the common practice is an interpretation for every such document), and 不予公开 items whose
// periodic re-assessment (art. 18) has come.
import type { Actor } from '../../domain/policies/actor.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { canViewPublications } from '../../domain/policies/publication-policy.js';
import { reassessmentDue, type ReadContext } from './publication-queries.js';
import type { UninterpretedItem } from './archive-ports.js';
import type { PublicationSummary } from './ports.js';

/** Items each list shows (the totals count all). */
export const WARNING_LIST_SIZE = 10;

/** The warnings of the actor's organizations. */
export type PublicationWarnings = {
  uninterpreted: { items: (UninterpretedItem & { orgName: string })[]; total: number };
  reassessment: { items: (PublicationSummary & { orgName: string; reassessOn: string | null })[]; total: number };
};

/** Loads the warnings for the organizations whose publications the actor may see. */
export async function loadPublicationWarnings(ctx: ReadContext, actor: Actor): Promise<PublicationWarnings> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const visible = orgs.filter((o) => canViewPublications(actor, ancestry(orgs, o.id))).map((o) => o.id);
  const [uninterpreted, due] = await Promise.all([
    ctx.repos.publicationArchive.uninterpreted(visible, WARNING_LIST_SIZE),
    reassessmentDue(ctx, actor),
  ]);
  const dueItems = await Promise.all(
    due.slice(0, WARNING_LIST_SIZE).map(async (i) => ({
      ...i,
      orgName: names.get(i.orgId) ?? '',
      reassessOn: (await ctx.repos.publications.byId(i.id))?.reassessOn ?? null,
    })),
  );
  return {
    uninterpreted: {
      total: uninterpreted.total,
      items: uninterpreted.items.map((i) => ({ ...i, orgName: names.get(i.orgId) ?? '' })),
    },
    reassessment: { total: due.length, items: dueItems },
  };
}
