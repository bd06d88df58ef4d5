// First use of a database: load the national calendar, create the organization tree and the admin, and (the demo
// district with its content) the demo's history (app/demo/demo-content.ts).
import type { AppContext } from './context.js';
import type { CalendarDayRow } from './calendar/ports.js';
import { DEMO_FOOTER, DEMO_ORGS, DEMO_ROOT_REVIEW_BODY, type DemoOrg } from './demo/demo-district.js';
import { seedReconsiderationBody } from './applications/notice-settings.js';
import { saveSiteFooter } from './settings/site-settings.js';
import { auditBy } from './actors.js';
import { insertOrganization } from './orgs/manage-organizations.js';
import {
  markDemoContentPending,
  seedDemoContent,
  type DemoContentSummary,
  type DemoProgress,
} from './demo/demo-content.js';

/** The national schedule shipped with gongkai (from the chinese-days package). */
export type CalendarSeed = () => {
  source: string;
  years: number[];
  days: { date: string; kind: 'holiday' | 'workday'; name: string }[];
};

/**
 * What bootstrapping did. `adminPassword` is set only when the admin account was created now; `demoContent` when
 * the demo's content was made now, `demoContentError` when making it failed (nothing of it was stored: the next
 * start tries again).
 */
export type BootstrapResult = {
  calendarYears: number;
  createdOrgs: number;
  adminPassword?: string;
  demoContent?: DemoContentSummary;
  demoContentError?: string;
};

/**
 * What the first start creates (GONGKAI_DEMO_DATA): the demo district with its content, the demo district's
 * organizations only, or one root organization to be renamed.
 */
export type DemoData = 'full' | 'orgs' | 'none';

/** Options of bootstrapping: the progress of making the demo's content. */
export type BootstrapOptions = { onProgress?: DemoProgress };

/**
 * Brings a freshly migrated database to a usable state; a no-op on an initialized one. With `demo` 'full' the first
 * start also marks the demo content pending and makes it (any later start makes it if it is still pending: an
 * interrupted first start).
 * @param demo the demo district 示例区 with or without its content, or one root organization to be renamed
 */
export async function bootstrap(
  ctx: AppContext,
  seed: CalendarSeed,
  demo: DemoData,
  opts: BootstrapOptions = {},
): Promise<BootstrapResult> {
  const result: BootstrapResult = { calendarYears: 0, createdOrgs: 0 };
  if ((await ctx.repos.calendar.years()).length === 0) {
    const snap = seed();
    const days: CalendarDayRow[] = snap.days.map((d) => ({ ...d, source: snap.source }));
    const now = ctx.clock.nowIso();
    await ctx.uow.run(async (r) => {
      await r.calendar.replaceYears(snap.years, days, snap.source, now);
      await r.audit.append(
        auditBy(null, {
          action: 'calendar.seeded',
          entityType: 'calendar',
          entityId: snap.source,
          orgId: null,
          before: null,
          after: { years: snap.years, days: days.length },
        }),
        now,
      );
    });
    result.calendarYears = snap.years.length;
  }
  if ((await ctx.repos.users.list()).length === 0) {
    await firstStart(ctx, demo, result);
  }
  if (demo === 'full') {
    try {
      const made = await seedDemoContent(ctx, opts.onProgress);
      if (made) result.demoContent = made;
    } catch (e) {
      result.demoContentError = e instanceof Error ? e.message : String(e);
    }
  }
  return result;
}

/** The first start: the organizations, the admin and (demo) the footer, the root's review body, content pending. */
async function firstStart(ctx: AppContext, demo: DemoData, result: BootstrapResult): Promise<void> {
  if (demo === 'full') await markDemoContentPending(ctx);
  const orgs = await ensureOrganizations(ctx, demo !== 'none');
  result.createdOrgs = orgs.created;
  result.adminPassword = await createInitialAdmin(ctx, orgs.rootId);
  if (demo !== 'none') {
    await saveSiteFooter(ctx, null, DEMO_FOOTER);
    // The demo root's own review body lies outside the tree (行政复议法 art. 24 ¶1 (2)).
    await seedReconsiderationBody(ctx.repos, orgs.rootId, DEMO_ROOT_REVIEW_BODY, ctx.clock.nowIso());
  }
}

async function ensureOrganizations(ctx: AppContext, demo: boolean): Promise<{ rootId: string; created: number }> {
  const existing = await ctx.repos.orgs.list();
  const root = existing.find((o) => o.parentId === null);
  if (root) {
    return { rootId: root.id, created: 0 };
  }
  if (demo) {
    const created = await seedDemoDistrict(ctx);
    const first = (await ctx.repos.orgs.list()).find((o) => o.parentId === null);
    return { rootId: first?.id ?? '', created };
  }
  const placeholder = DEMO_ORGS.slice(0, 1).map((o) => ({
    ...o,
    fields: { ...o.fields, name: '本级人民政府（请修改名称）', functions: '', leadership: '', internalUnits: '' },
  }));
  return { rootId: (await insertOrgs(ctx, placeholder))[0] ?? '', created: 1 };
}

/**
 * Adds the demo district 示例区 (`gongkai db seed-demo`): every demo organization whose credit code
 * is not present yet, under its demo parent. Existing organizations are left as they are.
 * @returns the number of organizations created
 */
export async function seedDemoDistrict(ctx: AppContext): Promise<number> {
  const existing = new Map((await ctx.repos.orgs.list({ includeRetired: true })).map((o) => [o.creditCode, o.id]));
  const ids = await insertOrgs(ctx, DEMO_ORGS, existing);
  return ids.filter((id, i) => id !== existing.get(DEMO_ORGS[i]?.fields.creditCode ?? '')).length;
}

/** Inserts organizations in list order (parents first), reusing ids of credit codes already present. */
async function insertOrgs(ctx: AppContext, list: DemoOrg[], existing = new Map<string, string>()): Promise<string[]> {
  const ids: string[] = [];
  await ctx.uow.run(async (r) => {
    for (const [i, d] of list.entries()) {
      const present = existing.get(d.fields.creditCode);
      if (present) {
        ids.push(present);
        continue;
      }
      const parentId = d.parent === null ? null : (ids[d.parent] ?? null);
      ids.push((await insertOrganization(r, ctx, null, d.fields, { parentId, sortOrder: i })).id);
    }
  });
  return ids;
}

async function createInitialAdmin(ctx: AppContext, rootId: string): Promise<string> {
  const password = ctx.crypto.randomToken(12);
  const hash = await ctx.hasher.hash(password);
  const now = ctx.clock.nowIso();
  const id = ctx.crypto.newId();
  await ctx.uow.run(async (r) => {
    await r.users.insert({
      id,
      username: 'admin',
      displayName: '系统管理员',
      orgId: rootId,
      status: 'active',
      passwordHash: hash,
      mustChangePassword: true,
      createdAt: now,
      updatedAt: now,
    });
    await r.users.setRoles(id, [{ orgId: rootId, role: 'admin' }], now);
    await r.audit.append(
      auditBy(null, {
        action: 'user.created',
        entityType: 'user',
        entityId: id,
        orgId: rootId,
        before: null,
        after: { username: 'admin', roles: ['admin'], mustChangePassword: true },
      }),
      now,
    );
  });
  return password;
}
