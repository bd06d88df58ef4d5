// The organization tree seen through the supervision-record policy (domain/training/record-policy.ts): shared by the
// training records and the 社会评议/责任追究 records, so that the views never re-implement it.
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { orderTree, type OrgNode } from '../../domain/orgs/organization.js';
import { canKeepRecord, type RecordAction } from '../../domain/training/record-policy.js';
import { forbidden } from '../errors.js';

/** What the actor may do with the records held by each organization. */
export type RecordScope = {
  /** Every organization, retired ones too (for labels), in tree order. */
  tree: OrgNode[];
  can: (action: RecordAction, orgId: string) => boolean;
  /** Organizations (not retired) where the action is allowed, in tree order. */
  orgsFor: (action: RecordAction) => OrgNode[];
  /** Ids of an organization's subtree (itself included). */
  subtree: (orgId: string) => Set<string>;
  /** Organization names by id. */
  names: Record<string, string>;
};

/** Binds the policy to the actor over the organization tree. Null actor = CLI/system: everything. */
export async function loadRecordScope(ctx: Pick<AppContext, 'repos'>, actor: Actor | null): Promise<RecordScope> {
  const tree = orderTree(await ctx.repos.orgs.list({ includeRetired: true }));
  const byId = new Map(tree.map((o) => [o.id, o]));
  const subtree = (orgId: string) => new Set(tree.filter((o) => o.path.includes(orgId)).map((o) => o.id));
  const can = (action: RecordAction, orgId: string): boolean => {
    const node = byId.get(orgId);
    if (!node) return false;
    return actor === null || canKeepRecord(actor, action, node.path, subtree(orgId));
  };
  return {
    tree,
    can,
    orgsFor: (action) => tree.filter((o) => o.retiredAt === null && can(action, o.id)),
    subtree,
    names: Object.fromEntries(tree.map((o) => [o.id, o.name])),
  };
}

/**
 * The holding organizations whose records a list shows: those the actor may read, within the subtree of `orgId`
 * when one is chosen.
 * @throws AppError 'forbidden' when the actor may read the records of no organization at all
 */
export function readableHolders(scope: RecordScope, orgId: string | undefined): string[] {
  const readable = scope.tree.filter((o) => scope.can('record.read', o.id)).map((o) => o.id);
  if (readable.length === 0) throw forbidden();
  if (!orgId) return readable;
  const within = scope.subtree(orgId);
  return readable.filter((id) => within.has(id));
}
