// Keeping the 政务新媒体 registry: accounts (开设 with its date), lifecycle events (变更/暂停/关停/注销, 关停 and 注销
// with the public announcement 国办发〔2018〕123号 requires), posts entered by hand. Every change is audited.
import type { Actor } from '../../domain/policies/actor.js';
import { ancestry, type Organization } from '../../domain/orgs/organization.js';
import { canMedia, type MediaAction } from '../../domain/monitoring/accounts-policy.js';
import {
  ACCOUNT_STATUSES,
  EVENT_LABELS,
  accountFieldErrors,
  accountKey,
  eventError,
  type AccountFields,
  type AccountStatus,
  type MediaAccount,
  type Platform,
} from '../../domain/monitoring/accounts.js';
import { parsePostedAt } from '../../domain/monitoring/accounts-import.js';
import { parseLocalDate } from '../../domain/core/local-date.js';
import { conflict, forbidden, invalid, notFound } from '../errors.js';
import { actorLabel, auditBy } from '../actors.js';
import type { OrgRepos } from '../orgs/ports.js';
import type { MediaContext, MediaRepos } from './ports.js';

/** What keeping accounts needs, said on the 403 page. */
export const MEDIA_WRITERS_ONLY = '需要管理员、政务公开办公室负责人或机构负责人角色才能维护政务新媒体';

/** A form as typed. */
export type MediaFormValues = Record<string, string>;

/**
 * Checks the registry policy for an organization. Null actor = CLI/system: everything.
 * @throws AppError 'not_found' for an unknown organization, 'forbidden' when the action is not allowed
 */
export async function authorizeMedia(
  ctx: { repos: OrgRepos },
  actor: Actor | null,
  orgId: string,
  action: MediaAction,
  orgs?: readonly Organization[],
): Promise<void> {
  const tree = orgs ?? (await ctx.repos.orgs.list({ includeRetired: true }));
  if (!tree.some((o) => o.id === orgId)) throw notFound('主办单位');
  if (actor !== null && !canMedia(actor, action, ancestry(tree, orgId))) {
    throw action === 'media.write' ? forbidden(MEDIA_WRITERS_ONLY) : forbidden();
  }
}

/** Whether the actor may do the action on the organization (no throw; null actor = everything). */
export function mayMedia(actor: Actor | null, action: MediaAction, orgs: readonly Organization[], orgId: string) {
  return actor === null || canMedia(actor, action, ancestry(orgs, orgId));
}

/**
 * An account the actor may act on.
 * @throws AppError 'not_found', 'forbidden'
 */
export async function loadAccount(
  ctx: { repos: OrgRepos & MediaRepos },
  actor: Actor | null,
  id: string,
  action: MediaAction,
): Promise<MediaAccount> {
  const account = await ctx.repos.media.accountById(id);
  if (!account) throw notFound('账号');
  await authorizeMedia(ctx, actor, account.orgId, action);
  return account;
}

/** The account form's values read into fields, with every error (Chinese, by field). */
export function readAccountForm(v: MediaFormValues): { fields: AccountFields; errors: Record<string, string> } {
  const s = (k: string) => (v[k] ?? '').trim();
  const opened = s('openedOn');
  const date = opened === '' ? null : parseLocalDate(opened);
  const fields: AccountFields = {
    platform: s('platform') as Platform,
    name: s('name'),
    verifiedName: s('verifiedName'),
    orgId: s('orgId'),
    filingNo: s('filingNo'),
    interaction: ['on', 'yes', 'true', '1'].includes(s('interaction')),
    ownerContact: s('ownerContact'),
    feedUrl: s('feedUrl'),
    openedOn: date?.ok ? date.value : null,
  };
  const errors = accountFieldErrors(fields);
  if (date && !date.ok) errors.openedOn = '日期应为 YYYY-MM-DD';
  return { fields, errors };
}

/**
 * Registers an account (its 开设 event on the opening date, or today).
 * @returns the new account's id
 * @throws AppError 'invalid' (field errors), 'conflict' (same platform and name), 'forbidden', 'not_found'
 */
export async function createAccount(ctx: MediaContext, actor: Actor | null, values: MediaFormValues): Promise<string> {
  const { fields, errors } = readAccountForm(values);
  if (Object.keys(errors).length > 0) throw invalid('账号信息有误，请按提示更正', errors);
  await authorizeMedia(ctx, actor, fields.orgId, 'media.write');
  if (fields.openedOn && fields.openedOn > ctx.clock.today()) {
    throw invalid('账号信息有误，请按提示更正', { openedOn: '开设日期不能晚于今天' });
  }
  await noDuplicate(ctx, fields, undefined);
  const now = ctx.clock.nowIso();
  const id = ctx.crypto.newId();
  await ctx.uow.run(async (r) => {
    await r.media.insertAccount({ ...fields, id, status: 'open', createdAt: now, updatedAt: now });
    await r.media.insertEvent({
      id: ctx.crypto.newId(),
      accountId: id,
      kind: 'open',
      on: fields.openedOn ?? ctx.clock.today(),
      announcement: '',
      note: '登记账号',
      actorId: actor?.userId ?? null,
      actorLabel: actorLabel(actor),
      createdAt: now,
    });
    await r.audit.append(
      auditBy(actor, {
        action: 'media.account_created',
        entityType: 'media_account',
        entityId: id,
        orgId: fields.orgId,
        before: null,
        after: { account: accountKey(fields), ...fields },
      }),
      now,
    );
  });
  return id;
}

/**
 * Changes an account's registered details (the 主办单位 too, when the actor keeps both organizations).
 * @throws AppError 'invalid', 'conflict', 'forbidden', 'not_found'
 */
export async function updateAccount(
  ctx: MediaContext,
  actor: Actor | null,
  id: string,
  values: MediaFormValues,
): Promise<void> {
  const old = await loadAccount(ctx, actor, id, 'media.write');
  const { fields, errors } = readAccountForm(values);
  if (Object.keys(errors).length > 0) throw invalid('账号信息有误，请按提示更正', errors);
  if (fields.orgId !== old.orgId) await authorizeMedia(ctx, actor, fields.orgId, 'media.write');
  await noDuplicate(ctx, fields, id);
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.media.updateAccount(id, fields, now);
    await r.audit.append(
      auditBy(actor, {
        action: 'media.account_updated',
        entityType: 'media_account',
        entityId: id,
        orgId: fields.orgId,
        before: pick(old),
        after: fields,
      }),
      now,
    );
  });
}

const pick = (a: MediaAccount): AccountFields => ({
  platform: a.platform,
  name: a.name,
  verifiedName: a.verifiedName,
  orgId: a.orgId,
  filingNo: a.filingNo,
  interaction: a.interaction,
  ownerContact: a.ownerContact,
  feedUrl: a.feedUrl,
  openedOn: a.openedOn,
});

async function noDuplicate(ctx: { repos: MediaRepos }, f: AccountFields, self: string | undefined) {
  const same = await ctx.repos.media.accountByKey(f.platform, f.name);
  if (same && same.id !== self) {
    throw conflict('该平台已登记同名账号', { name: `${f.name}已在该平台登记（平台和名称须唯一）` });
  }
}

/**
 * Records a lifecycle event; the account takes the event's status. 关停 and 注销 carry the public announcement
 * (123号: opening, change, closure and cancellation are filed, and a closure is announced publicly).
 * @throws AppError 'invalid' (field errors), 'forbidden', 'not_found'
 */
export async function recordAccountEvent(
  ctx: MediaContext,
  actor: Actor | null,
  id: string,
  values: MediaFormValues,
): Promise<void> {
  const account = await loadAccount(ctx, actor, id, 'media.write');
  const kind = (values.kind ?? '').trim();
  const onText = (values.on ?? '').trim();
  const announcement = (values.announcement ?? '').trim();
  const note = (values.note ?? '').trim();
  const errors: Record<string, string> = {};
  if (!(ACCOUNT_STATUSES as readonly string[]).includes(kind)) errors.kind = '请选择事项';
  const on = parseLocalDate(onText);
  if (!on.ok) errors.on = '日期应为 YYYY-MM-DD';
  else if (on.value > ctx.clock.today()) errors.on = '日期不能晚于今天';
  if (announcement.length > 5000) errors.announcement = '公告内容不能超过5000字';
  if (note.length > 1000) errors.note = '备注不能超过1000字';
  if (Object.keys(errors).length === 0 && on.ok) {
    const refused = eventError(account, { kind: kind as AccountStatus, on: on.value, announcement });
    if (refused) errors[refused.field] = refused.message;
  }
  if (Object.keys(errors).length > 0 || !on.ok) throw invalid('生命周期事项有误，请按提示更正', errors);
  const status = kind as AccountStatus;
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.media.insertEvent({
      id: ctx.crypto.newId(),
      accountId: id,
      kind: status,
      on: on.value,
      announcement,
      note,
      actorId: actor?.userId ?? null,
      actorLabel: actorLabel(actor),
      createdAt: now,
    });
    await r.media.setStatus(id, status, now);
    await r.audit.append(
      auditBy(actor, {
        action: 'media.account_event',
        entityType: 'media_account',
        entityId: id,
        orgId: account.orgId,
        before: { status: account.status },
        after: { status, event: EVENT_LABELS[status], on: on.value, announcement },
      }),
      now,
    );
  });
}

/**
 * Records a post entered by hand.
 * @throws AppError 'invalid' (field errors), 'conflict' (same time and title already recorded), 'forbidden'
 */
export async function addPost(ctx: MediaContext, actor: Actor | null, id: string, values: MediaFormValues) {
  const account = await loadAccount(ctx, actor, id, 'media.write');
  const s = (k: string) => (values[k] ?? '').trim();
  const errors: Record<string, string> = {};
  const postedAt = parsePostedAt(s('postedAt'));
  const nowLocal = `${ctx.clock.today()}T23:59`;
  if (!postedAt) errors.postedAt = '发布时间应为 YYYY-MM-DD 或 YYYY-MM-DD HH:mm';
  else if (postedAt > nowLocal) errors.postedAt = '发布时间不能晚于今天';
  if (s('title') === '') errors.title = '请填写标题';
  else if (s('title').length > 500) errors.title = '标题不能超过500字';
  if (s('url') !== '' && !/^https?:\/\/\S+$/i.test(s('url'))) errors.url = '链接应以 http:// 或 https:// 开头';
  const n = (k: string) => (s(k) === '' ? 0 : /^\d{1,9}$/.test(s(k)) ? Number(s(k)) : NaN);
  const [comments, answered] = [n('comments'), n('answered')];
  if (Number.isNaN(comments)) errors.comments = '应为非负整数';
  if (Number.isNaN(answered)) errors.answered = '应为非负整数';
  else if (answered > comments) errors.answered = '已回复数不能大于留言数';
  if (Object.keys(errors).length > 0 || !postedAt) throw invalid('发布记录有误，请按提示更正', errors);
  const now = ctx.clock.nowIso();
  const post = { id: ctx.crypto.newId(), accountId: id, postedAt, title: s('title'), url: s('url') };
  await ctx.uow.run(async (r) => {
    const added = await r.media.insertPost({ ...post, comments, answered, source: 'manual', createdAt: now });
    if (!added) throw conflict('该发布记录已存在', { title: '同一时间、同一标题的发布记录已登记' });
    await r.audit.append(
      auditBy(actor, {
        action: 'media.post_added',
        entityType: 'media_account',
        entityId: id,
        orgId: account.orgId,
        before: null,
        after: { postedAt, title: post.title, url: post.url, comments, answered },
      }),
      now,
    );
  });
}
