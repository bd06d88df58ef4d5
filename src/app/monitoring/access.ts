// Who may see and do what in monitoring, applied to the organization tree (domain/policies/monitoring-policy.ts).
// A null actor is the system (the command line, the background job): it may do everything.
import type { Actor } from '../../domain/policies/actor.js';
import { canMonitor, type MonitoringAction } from '../../domain/policies/monitoring-policy.js';
import { ancestry, type Organization } from '../../domain/orgs/organization.js';
import type { OrgRepos } from '../orgs/ports.js';
import { forbidden } from '../errors.js';

/** The organizations, with the test of an action on one of them by the actor. */
export type Access = {
  orgs: Organization[];
  may: (action: MonitoringAction, orgId: string) => boolean;
  /** The organizations on which the actor may take the action (every one for the system). */
  reach: (action: MonitoringAction) => string[];
};

/** Loads the tree and binds the policy to the actor. */
export async function accessOf(repos: OrgRepos, actor: Actor | null): Promise<Access> {
  const orgs = await repos.orgs.list({ includeRetired: true });
  const may = (action: MonitoringAction, orgId: string) =>
    actor === null || (orgs.some((o) => o.id === orgId) && canMonitor(actor, action, ancestry(orgs, orgId)));
  return { orgs, may, reach: (action) => orgs.filter((o) => may(action, o.id)).map((o) => o.id) };
}

/**
 * Throws `forbidden` unless the actor may take the action on the organization.
 * @throws AppError 'forbidden'
 */
export async function authorizeMonitoring(
  repos: OrgRepos,
  actor: Actor | null,
  action: MonitoringAction,
  orgId: string,
): Promise<Access> {
  const access = await accessOf(repos, actor);
  if (!access.may(action, orgId)) throw forbidden('无权进行该监测操作');
  return access;
}
