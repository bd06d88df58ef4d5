// What the 政务新媒体 pages show: the admin list with each account's check as of today, one account with its
// lifecycle and posts, and the portal's public 政务新媒体矩阵 (no personal contact data).
import type { Actor } from '../../domain/policies/actor.js';
import type { AccountEvent, MediaAccount, MediaPost, Platform } from '../../domain/monitoring/accounts.js';
import { ANNOUNCED_EVENTS, PLATFORMS, RUNNING_STATUSES } from '../../domain/monitoring/accounts.js';
import { orderTree, type Organization } from '../../domain/orgs/organization.js';
import { forbidden } from '../errors.js';
import type { MediaReadContext } from './ports.js';
import { checkAccounts, type AccountCheck, type AccountCheckRun } from './check-accounts.js';
import { loadAccount, mayMedia } from './manage-accounts.js';
import { mayChangeSettings } from '../settings/site-settings.js';

/** The organizations the actor may register accounts for, in tree order (the form's choices). */
export async function mediaWriterOrgs(ctx: MediaReadContext, actor: Actor | null): Promise<Organization[]> {
  const orgs = await ctx.repos.orgs.list();
  return orderTree(orgs).filter((o) => mayMedia(actor, 'media.write', orgs, o.id));
}

/** The admin list: every readable account checked as of today, and the organizations the actor keeps. */
export async function mediaAdminPage(
  ctx: MediaReadContext,
  actor: Actor,
): Promise<{ run: AccountCheckRun; orgs: Organization[]; can: { write: boolean; settings: boolean } }> {
  const [run, orgs] = await Promise.all([checkAccounts(ctx, actor), mediaWriterOrgs(ctx, actor)]);
  const all = await ctx.repos.orgs.list();
  if (!all.some((o) => mayMedia(actor, 'media.read', all, o.id))) throw forbidden();
  return { run, orgs, can: { write: orgs.length > 0, settings: await mayChangeSettings(ctx, actor) } };
}

/** One account's page. */
export type AccountPage = {
  check: AccountCheck;
  events: AccountEvent[];
  posts: { total: number; rows: MediaPost[] };
  orgs: Organization[];
  can: { write: boolean };
};

/**
 * One account: its check as of today, lifecycle, a page of posts (newest first).
 * @throws AppError 'not_found', 'forbidden'
 */
export async function accountPage(
  ctx: MediaReadContext,
  actor: Actor,
  id: string,
  page: { limit: number; offset: number },
): Promise<AccountPage> {
  const account = await loadAccount(ctx, actor, id, 'media.read');
  const [run, events, posts, orgs] = await Promise.all([
    checkAccounts(ctx, actor),
    ctx.repos.media.events([id]),
    ctx.repos.media.posts(id, page),
    mediaWriterOrgs(ctx, actor),
  ]);
  const check = run.accounts.find((a) => a.account.id === id) as AccountCheck;
  const all = await ctx.repos.orgs.list({ includeRetired: true });
  return { check, events, posts, orgs, can: { write: mayMedia(actor, 'media.write', all, account.orgId) } };
}

/** A public line of the matrix: what the portal may show (no owner contact, no feed). */
export type PublicAccount = Pick<MediaAccount, 'platform' | 'name' | 'verifiedName' | 'openedOn' | 'status'> & {
  orgName: string;
};

/** A closure announced publicly (123号: 关停、注销 are announced). */
export type PublicClosure = { platform: Platform; name: string; orgName: string; kind: 'closed' | 'cancelled' } & Pick<
  AccountEvent,
  'on' | 'announcement'
>;

/** The 政务新媒体矩阵: running accounts by platform (in platform order) and 主办单位, and the closure announcements. */
export async function publicMediaMatrix(ctx: MediaReadContext): Promise<{
  platforms: { platform: Platform; accounts: PublicAccount[] }[];
  closures: PublicClosure[];
}> {
  const [orgs, accounts] = await Promise.all([
    ctx.repos.orgs.list({ includeRetired: true }),
    ctx.repos.media.accounts(),
  ]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const order = new Map(orderTree(orgs).map((o, i) => [o.id, i]));
  const pub = (a: MediaAccount): PublicAccount => ({
    platform: a.platform,
    name: a.name,
    verifiedName: a.verifiedName,
    openedOn: a.openedOn,
    status: a.status,
    orgName: orgName.get(a.orgId) ?? '',
  });
  const running = accounts
    .filter((a) => RUNNING_STATUSES.has(a.status))
    .sort((a, b) => (order.get(a.orgId) ?? 0) - (order.get(b.orgId) ?? 0) || a.name.localeCompare(b.name, 'zh'));
  const platforms = PLATFORMS.map((platform) => ({
    platform,
    accounts: running.filter((a) => a.platform === platform).map(pub),
  })).filter((p) => p.accounts.length > 0);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const events = await ctx.repos.media.events(accounts.map((a) => a.id));
  const closures = events
    .filter((e) => ANNOUNCED_EVENTS.has(e.kind))
    .map((e): PublicClosure => {
      const a = byId.get(e.accountId) as MediaAccount;
      const kind = e.kind as 'closed' | 'cancelled';
      return {
        platform: a.platform,
        name: a.name,
        orgName: orgName.get(a.orgId) ?? '',
        kind,
        on: e.on,
        announcement: e.announcement,
      };
    })
    .reverse();
  return { platforms, closures };
}
