/** @jsxImportSource hono/jsx */
// GET/POST /admin/orgs/:id/catalogue: an organization's catalogue (add, rename, reorder, retire,
// restore) and its publication settings (review levels, 保密审查 level, 索引号 pattern). One POST
// endpoint; the `op` field names the change.
import type { Context, Hono } from 'hono';
import { AppError } from '../../../app/errors.js';
import { savePublicationConfig } from '../../../app/publications/catalogue.js';
import {
  addCategory,
  loadCatalogueAdmin,
  moveCategory,
  renameCategory,
  setCategoryRetired,
} from '../../../app/publications/manage-catalogue.js';
import type { PublicationConfig } from '../../../domain/publications/review-chain.js';
import type { Actor } from '../../../domain/policies/actor.js';
import { readForm, requireActor, statusOf, str } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import { AdminLayout } from '../../common/layout.js';
import { CataloguePage } from './catalogue-views.js';

type C = Context<WebEnv>;

const FLASH: Readonly<Record<string, string>> = {
  add: '栏目已新增。',
  rename: '栏目名称已修改。',
  up: '顺序已调整。',
  down: '顺序已调整。',
  retire: '栏目已停用。',
  restore: '栏目已恢复。',
  settings: '发布设置已保存。',
};

/** The settings form's values as a config (the last level signs off; the others review). */
function configOf(v: Record<string, string>): PublicationConfig {
  const n = Math.min(3, Math.max(1, Math.floor(Number(v.count)) || 3));
  const levels = Array.from({ length: n }, (_, i) => ({
    label: (v[`label${i + 1}`] ?? '').trim(),
    role: i === n - 1 ? ('signer' as const) : ('reviewer' as const),
    confidentiality: v.confidential === String(i + 1),
  }));
  return { indexPattern: (v.indexPattern ?? '').trim(), levels };
}

/** Applies one change. */
async function apply(c: C, actor: Actor, orgId: string, op: string, v: Record<string, string>): Promise<void> {
  const ctx = c.get('ctx');
  const id = v.id ?? '';
  switch (op) {
    case 'add':
      await addCategory(ctx, actor, orgId, {
        name: v.name ?? '',
        slug: v.slug ?? '',
        parentId: v.parentId || null,
        kind: v.kind === 'directory' ? 'directory' : 'category',
      });
      return;
    case 'rename':
      await renameCategory(ctx, actor, await own(c, orgId, id), v.name ?? '');
      return;
    case 'up':
    case 'down':
      await moveCategory(ctx, actor, await own(c, orgId, id), op);
      return;
    case 'retire':
    case 'restore':
      await setCategoryRetired(ctx, actor, await own(c, orgId, id), op === 'retire');
      return;
    case 'settings':
      await savePublicationConfig(ctx, actor, orgId, configOf(v));
      return;
    default:
      throw new AppError('invalid', '未知的操作');
  }
}

/** A category id, checked to belong to the page's organization. */
async function own(c: C, orgId: string, id: string): Promise<string> {
  const cat = await c.get('ctx').repos.categories.byId(id);
  if (!cat || cat.orgId !== orgId) throw new AppError('not_found', '栏目不存在');
  return id;
}

function forbiddenPage(c: C, actor: Actor, message: string): Response | Promise<Response> {
  return c.html(
    <AdminLayout title="信息公开目录" actor={actor} csrf={c.get('csrf')} path="/admin/publications">
      <p class="notice">{message}</p>
    </AdminLayout>,
    403,
  );
}

/** Registers the catalogue pages (called from registerPublicationRoutes). */
export function registerCatalogueRoutes(app: Hono<WebEnv>): void {
  app.get('/admin/orgs/:id/catalogue', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    try {
      const data = await loadCatalogueAdmin(c.get('ctx'), actor, c.req.param('id'));
      return c.html(
        <CataloguePage actor={actor} csrf={c.get('csrf')} data={data} flash={FLASH[c.req.query('flash') ?? '']} />,
      );
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'not_found') return c.notFound();
      return forbiddenPage(c, actor, e.message);
    }
  });

  app.post('/admin/orgs/:id/catalogue', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const orgId = c.req.param('id');
    const form = await readForm(c);
    const v = Object.fromEntries(
      Object.keys(form)
        .filter((k) => k !== '_csrf')
        .map((k) => [k, str(form, k)]),
    );
    const op = v.op ?? '';
    try {
      await apply(c, actor, orgId, op, v);
      return c.redirect(`/admin/orgs/${orgId}/catalogue?flash=${encodeURIComponent(op)}`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (
        e.code === 'not_found' &&
        op !== 'rename' &&
        op !== 'up' &&
        op !== 'down' &&
        op !== 'retire' &&
        op !== 'restore'
      ) {
        return c.notFound();
      }
      if (e.code === 'forbidden') return forbiddenPage(c, actor, e.message);
      const data = await loadCatalogueAdmin(c.get('ctx'), actor, orgId).catch(() => undefined);
      if (!data) return c.notFound();
      // The add and settings forms show their fields' errors; the per-row forms only a message.
      const formMessage = op === 'add' || op === 'settings';
      const page = (
        <CataloguePage
          actor={actor}
          csrf={c.get('csrf')}
          data={data}
          message={formMessage ? e.message : [e.message, ...Object.values(e.fieldErrors)].join('：')}
          errors={formMessage ? e.fieldErrors : undefined}
          add={op === 'add' ? v : undefined}
          settings={op === 'settings' ? v : undefined}
        />
      );
      const status = statusOf(e);
      return c.html(page, status === 409 || status === 404 ? status : 422);
    }
  });
}
