// What the assessment back office shows besides the use cases' records: the scopes an actor may assess (the
// organizations where the actor is a supervisor or administrator, and those below them; deny by default).
import type { Actor } from '../../domain/policies/actor.js';
import type { Organization } from '../../domain/orgs/organization.js';
import type { OrgRepos } from '../orgs/ports.js';
import { mayAssess } from './schemes.js';

/** The organizations the actor may choose as a scheme's scope, in the tree's order. */
export async function assessableScopes(ctx: { repos: OrgRepos }, actor: Actor): Promise<Organization[]> {
  const orgs = (await ctx.repos.orgs.list()).filter((o) => !o.retiredAt);
  return orgs.filter((o) => mayAssess(orgs, actor, o.id));
}
