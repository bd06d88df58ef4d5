// The registry of monitored websites and their columns: register, edit, list; gongkai's own portal registered
// from its catalogue; messages of interaction columns (互动回应, 国办秘函〔2019〕19号) registered by hand.
import type { Actor } from '../../domain/policies/actor.js';
import { localDate, parseLocalDate, compareDates, type LocalDate } from '../../domain/core/local-date.js';
import {
  checkColumnFields,
  checkSiteFields,
  columnKindOfCategory,
  DEFAULT_INTERVAL_DAYS,
  type ColumnFields,
  type ColumnKind,
  type MonitoredColumn,
  type MonitoredSite,
  type SiteFields,
  type SiteKind,
} from '../../domain/monitoring-registry/registry.js';
import type { InteractionMessageRecord, MonitoringContext, MonitoringRepos, OwnPortalContext } from './ports.js';
import type { AuditRepos, Crypto } from '../ports.js';
import type { PortalUrls } from '../portal/ports.js';
import { accessOf, authorizeMonitoring } from './access.js';
import { conflict, invalid, notFound } from '../errors.js';
import { auditBy } from '../actors.js';

/** A site as typed in the form: every value as text, columns in order. */
export type SiteInput = {
  name: string;
  homeUrl: string;
  siteCode: string;
  orgId: string;
  kind: string;
  columns: { name: string; url: string; kind: string; intervalDays: string }[];
};

/** A site with its checked columns, ready to store. */
export type CheckedSite = { fields: SiteFields; columns: ColumnFields[] };

/**
 * Checks a typed site and its columns; errors keyed `name`, `homeUrl`…, and `columns.N.field` (N from 0).
 * Column names are unique within a site.
 */
export function checkSiteInput(
  input: SiteInput,
  orgExists: (id: string) => boolean,
): { ok: true; value: CheckedSite } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const site = checkSiteFields({ ...input, kind: input.kind as SiteKind }, orgExists);
  if (!site.ok) Object.assign(errors, site.error);
  const columns: ColumnFields[] = [];
  const names = new Set<string>();
  input.columns.forEach((c, i) => {
    const interval = c.intervalDays.trim();
    const days = interval === '' ? null : /^\d+$/.test(interval) ? Number(interval) : NaN;
    const checked = checkColumnFields({ name: c.name, url: c.url, kind: c.kind as ColumnKind, intervalDays: days });
    if (!checked.ok) {
      for (const [k, v] of Object.entries(checked.error)) errors[`columns.${i}.${k}`] = v;
      return;
    }
    if (names.has(checked.value.name)) errors[`columns.${i}.name`] = `栏目“${checked.value.name}”重复`;
    names.add(checked.value.name);
    columns.push(checked.value);
  });
  if (Object.keys(errors).length > 0 || !site.ok) return { ok: false, errors };
  return { ok: true, value: { fields: site.value, columns } };
}

/** The stored columns of a site: existing ones (by name) keep their ids, so their messages stay. */
export function columnsToStore(
  crypto: Crypto,
  siteId: string,
  columns: readonly (ColumnFields & { categoryId?: string | null })[],
  existing: readonly MonitoredColumn[],
): MonitoredColumn[] {
  return columns.map((c, i) => ({
    ...c,
    id: existing.find((e) => e.name === c.name)?.id ?? crypto.newId(),
    siteId,
    sort: (i + 1) * 10,
    categoryId: c.categoryId ?? null,
  }));
}

/**
 * Stores a checked site (new, or the one of that id) in the caller's transaction and writes the audit entry.
 * @throws AppError 'conflict' when another site has the name
 */
export async function storeSite(
  ctx: { crypto: Crypto },
  r: MonitoringRepos & AuditRepos,
  actor: Actor | null,
  site: CheckedSite,
  opts: { id?: string; ownPortal?: boolean; categoryIds?: (string | null)[]; now: string },
): Promise<string> {
  const named = await r.monitoring.siteByName(site.fields.name);
  if (named && named.id !== opts.id) throw conflict('已有同名网站', { name: '已有同名网站' });
  const before = opts.id === undefined ? undefined : await r.monitoring.siteById(opts.id);
  if (opts.id !== undefined && !before) throw notFound('网站');
  const id = before?.id ?? ctx.crypto.newId();
  if (before) await r.monitoring.updateSite(id, site.fields, opts.now);
  else {
    await r.monitoring.insertSite({
      ...site.fields,
      id,
      ownPortal: opts.ownPortal ?? false,
      createdAt: opts.now,
      updatedAt: opts.now,
    });
  }
  const cols = site.columns.map((c, i) => ({ ...c, categoryId: opts.categoryIds?.[i] ?? null }));
  await r.monitoring.replaceColumns(id, columnsToStore(ctx.crypto, id, cols, before?.columns ?? []));
  await r.audit.append(
    auditBy(actor, {
      action: before ? 'monitoring.site_updated' : 'monitoring.site_registered',
      entityType: 'monitor_site',
      entityId: id,
      orgId: site.fields.orgId,
      before: before ? siteSnapshot(before) : null,
      after: { ...site.fields, columns: site.columns.map((c) => `${c.name}（${c.kind}）`) },
    }),
    opts.now,
  );
  return id;
}

const siteSnapshot = (s: MonitoredSite) => ({
  name: s.name,
  homeUrl: s.homeUrl,
  siteCode: s.siteCode,
  orgId: s.orgId,
  kind: s.kind,
  columns: s.columns.map((c) => `${c.name}（${c.kind}）`),
});

/**
 * Registers a website (or saves the one of `id`) with its columns. Supervisors and admins of the 主办单位 or above.
 * @throws AppError 'invalid' (every field's message), 'forbidden', 'conflict' (name taken), 'not_found'
 */
export async function saveSite(
  ctx: MonitoringContext,
  actor: Actor | null,
  input: SiteInput,
  id?: string,
): Promise<string> {
  const access = await accessOf(ctx.repos, actor);
  const checked = checkSiteInput(input, (orgId) => access.orgs.some((o) => o.id === orgId && !o.retiredAt));
  if (!checked.ok) throw invalid('请修改标出的内容', checked.errors);
  if (!access.may('monitoring.manage', checked.value.fields.orgId)) {
    throw invalid('无权为该主办单位登记网站', {
      orgId: '无权为该主办单位登记网站',
    });
  }
  if (id !== undefined) {
    const old = await ctx.repos.monitoring.siteById(id);
    if (!old) throw notFound('网站');
    await authorizeMonitoring(ctx.repos, actor, 'monitoring.manage', old.orgId);
  }
  return ctx.uow.run((r) => storeSite(ctx, r, actor, checked.value, { id, now: ctx.clock.nowIso() }));
}

/** The form of a stored site, for editing. */
export function siteInputOf(site: MonitoredSite): SiteInput {
  return {
    name: site.name,
    homeUrl: site.homeUrl,
    siteCode: site.siteCode,
    orgId: site.orgId,
    kind: site.kind,
    columns: site.columns.map((c) => ({
      name: c.name,
      url: c.url,
      kind: c.kind,
      intervalDays: c.intervalDays === null ? '' : String(c.intervalDays),
    })),
  };
}

/** The sites the actor may see (read or fix tasks of), by name. */
export async function visibleSites(
  ctx: Pick<MonitoringContext, 'repos'>,
  actor: Actor | null,
): Promise<MonitoredSite[]> {
  const access = await accessOf(ctx.repos, actor);
  const sites = await ctx.repos.monitoring.sites();
  return sites.filter((s) => access.may('monitoring.read', s.orgId) || access.may('monitoring.task.fix', s.orgId));
}

/**
 * One site, when the actor may see it.
 * @throws AppError 'not_found', 'forbidden'
 */
export async function siteForActor(
  ctx: Pick<MonitoringContext, 'repos'>,
  actor: Actor | null,
  id: string,
): Promise<{ site: MonitoredSite; canManage: boolean }> {
  const site = await ctx.repos.monitoring.siteById(id);
  if (!site) throw notFound('网站');
  const access = await accessOf(ctx.repos, actor);
  if (!access.may('monitoring.read', site.orgId) && !access.may('monitoring.task.fix', site.orgId)) {
    throw notFound('网站');
  }
  return { site, canManage: access.may('monitoring.manage', site.orgId) };
}

/**
 * Registers gongkai's own portal (or brings it in step): the root organization as 主办单位, kind portal, one column per
 * category of the root's catalogue (leaf categories, not retired), its kind from the category's name.
 * @param origin the portal's address (scheme and host), e.g. https://gk.example.gov.cn
 * @returns the site's id
 */
export async function registerOwnPortal(
  ctx: OwnPortalContext & { portalUrls: PortalUrls },
  actor: Actor | null,
  origin: string,
  name = '',
): Promise<string> {
  const orgs = await ctx.repos.orgs.list();
  const root = orgs.find((o) => o.parentId === null);
  if (!root) throw invalid('尚未建立机构');
  await authorizeMonitoring(ctx.repos, actor, 'monitoring.manage', root.id);
  const base = origin.replace(/\/+$/, '');
  const cats = (await ctx.repos.categories.list(root.id)).filter((c) => c.kind === 'category' && !c.retiredAt);
  const columns: ColumnFields[] = cats.map((c) => {
    const kind = columnKindOfCategory(c);
    return {
      name: c.name,
      url: base + ctx.portalUrls.category(root.creditCode, c.id),
      kind,
      intervalDays: DEFAULT_INTERVAL_DAYS[kind],
    };
  });
  const existing = await ctx.repos.monitoring.ownPortal();
  const fields: SiteFields = {
    name: name || existing?.name || `${root.name}门户网站`,
    homeUrl: base + ctx.portalUrls.home(),
    siteCode: existing?.siteCode ?? '',
    orgId: root.id,
    kind: 'portal',
  };
  const checked = checkSiteInput(
    {
      ...fields,
      columns: columns.map((c) => ({ ...c, intervalDays: c.intervalDays === null ? '' : String(c.intervalDays) })),
    },
    (id) => id === root.id,
  );
  if (!checked.ok) throw invalid(`无法登记本门户：${Object.values(checked.errors).join('；')}`, checked.errors);
  return ctx.uow.run((r) =>
    storeSite(ctx, r, actor, checked.value, {
      id: existing?.id,
      ownPortal: true,
      categoryIds: cats.map((c) => c.id),
      now: ctx.clock.nowIso(),
    }),
  );
}

/** A message typed for an interaction column. */
export type MessageInput = { receivedOn: string; answeredOn: string; subject: string };

/**
 * Checks typed messages (dates in YYYY-MM-DD, answered not before received); errors keyed `N.field`.
 */
export function checkMessages(
  input: readonly MessageInput[],
):
  | { ok: true; value: Omit<InteractionMessageRecord, 'id' | 'columnId' | 'createdAt'>[] }
  | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const out: Omit<InteractionMessageRecord, 'id' | 'columnId' | 'createdAt'>[] = [];
  input.forEach((m, i) => {
    const received = parseLocalDate(m.receivedOn.trim());
    const answeredText = m.answeredOn.trim();
    const answered = answeredText === '' ? null : parseLocalDate(answeredText);
    if (!received.ok) errors[`${i}.receivedOn`] = '收到日期应为 YYYY-MM-DD 格式的有效日期';
    if (answered !== null && !answered.ok) errors[`${i}.answeredOn`] = '答复日期应为 YYYY-MM-DD 格式的有效日期';
    if (received.ok && answered?.ok && compareDates(answered.value, received.value) < 0) {
      errors[`${i}.answeredOn`] = '答复日期不能早于收到日期';
    }
    if (m.subject.length > 200) errors[`${i}.subject`] = '留言标题不能超过200个字';
    if (received.ok && (answered === null || answered.ok)) {
      out.push({
        receivedOn: received.value,
        answeredOn: answered?.ok ? answered.value : null,
        subject: m.subject.trim(),
      });
    }
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value: out };
}

/**
 * Registers messages received through an interaction column (all or none).
 * @throws AppError 'not_found', 'forbidden', 'invalid' (not an interaction column; bad dates)
 */
export async function registerMessages(
  ctx: MonitoringContext,
  actor: Actor | null,
  siteId: string,
  columnId: string,
  input: readonly MessageInput[],
): Promise<number> {
  const site = await ctx.repos.monitoring.siteById(siteId);
  const column = site?.columns.find((c) => c.id === columnId);
  if (!site || !column) throw notFound('栏目');
  await authorizeMonitoring(ctx.repos, actor, 'monitoring.manage', site.orgId);
  if (column.kind !== 'interaction') {
    throw invalid('只有政务咨询类栏目可以登记留言', { columnId: '请选择政务咨询类栏目' });
  }
  const checked = checkMessages(input);
  if (!checked.ok) throw invalid('请修改标出的内容', checked.errors);
  const now = ctx.clock.nowIso();
  const rows = checked.value.map((m) => ({ ...m, id: ctx.crypto.newId(), columnId, createdAt: now }));
  await ctx.uow.run(async (r) => {
    await r.monitoring.insertMessages(rows);
    await r.audit.append(
      auditBy(actor, {
        action: 'monitoring.messages_registered',
        entityType: 'monitor_site',
        entityId: siteId,
        orgId: site.orgId,
        before: null,
        after: { column: column.name, count: rows.length },
      }),
      now,
    );
  });
  return rows.length;
}

/** Today's date for a check: `asOf` when given (YYYY-MM-DD), else the clock's day. */
export function checkDay(clock: { today(): LocalDate }, asOf?: string): LocalDate {
  return asOf ? localDate(asOf) : clock.today();
}
