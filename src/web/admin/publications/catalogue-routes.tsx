/** @jsxImportSource hono/jsx */
// GET/POST /admin/orgs/:id/catalogue: an organization's catalogue (add, rename, reorder, retire,
// restore) and its publication settings (review levels, 保密审查 level, 索引号 pattern). One POST
// endpoint; the `op` field names the change.
import type { Hono } from 'hono';
import {
  changeCatalogue,
  loadCatalogueAdmin,
  type CatalogueChange,
} from '../../../app/publications/manage-catalogue.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import { flashOf, formAction, type FormState, valueOf } from '../../common/pipeline.js';
import { text, z } from '../../common/validation.js';
import { CataloguePage } from './catalogue-views.js';

const FLASH: Readonly<Record<string, string>> = {
  add: '栏目已新增。',
  rename: '栏目名称已修改。',
  up: '顺序已调整。',
  down: '顺序已调整。',
  retire: '栏目已停用。',
  restore: '栏目已恢复。',
  settings: '发布设置已保存。',
};

/** The forms that show their fields' errors (the per-row forms show one message). */
const FIELD_FORMS = ['add', 'settings'];

/** The settings form's levels (the last one signs off; the others review) and 索引号 pattern. */
const settingsForm = z
  .object({
    op: z.literal('settings'),
    indexPattern: text(200),
    count: text(8),
    label1: text(40),
    label2: text(40),
    label3: text(40),
    confidential: text(8),
  })
  .transform((v): CatalogueChange => {
    const n = Math.min(3, Math.max(1, Math.floor(Number(v.count)) || 3));
    const labels = [v.label1, v.label2, v.label3];
    const levels = labels.slice(0, n).map((label, i) => ({
      label,
      role: i === n - 1 ? ('signer' as const) : ('reviewer' as const),
      confidentiality: v.confidential === String(i + 1),
    }));
    return { op: 'settings', config: { indexPattern: v.indexPattern, levels } };
  });

/** One change of the page, by `op` (the use case checks names, codes and the tree). */
const changeForm = z.discriminatedUnion(
  'op',
  [
    z
      .object({ op: z.literal('add'), name: text(200), slug: text(200), parentId: text(64), kind: text(16) })
      .transform((v): CatalogueChange => ({
        op: 'add',
        category: {
          name: v.name,
          slug: v.slug,
          parentId: v.parentId || null,
          kind: v.kind === 'directory' ? 'directory' : 'category',
        },
      })),
    z.object({ op: z.literal('rename'), id: text(64), name: text(200) }),
    z.object({ op: z.enum(['up', 'down', 'retire', 'restore']), id: text(64) }),
    settingsForm,
  ],
  { error: '未知的操作' },
);

/** The page again after a refused change: the add and settings forms with their values and errors. */
async function againPage(c: StaffContext, orgId: string, state: FormState) {
  const data = await loadCatalogueAdmin(c.get('ctx'), c.get('actor'), orgId);
  const op = valueOf(state.values, 'op');
  const typed = Object.fromEntries(Object.keys(state.values).map((k) => [k, valueOf(state.values, k)]));
  const own = FIELD_FORMS.includes(op);
  return (
    <CataloguePage
      {...staffPage(c)}
      data={data}
      message={own ? state.message : [state.message, ...Object.values(state.errors)].filter((m) => m).join('：')}
      errors={own ? state.errors : undefined}
      add={op === 'add' ? typed : undefined}
      settings={op === 'settings' ? typed : undefined}
    />
  );
}

/** Registers the catalogue pages (called from registerPublicationRoutes). */
export function registerCatalogueRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/orgs/:id/catalogue', async (c) => {
    const data = await loadCatalogueAdmin(c.get('ctx'), c.get('actor'), c.req.param('id'));
    const flash = flashOf(c, FLASH);
    return c.html(<CataloguePage {...staffPage(c)} data={data} flash={flash} />);
  });

  admin.post('/admin/orgs/:id/catalogue', (c) => {
    const orgId = c.req.param('id');
    return formAction(c, {
      schema: changeForm,
      run: async (change) => {
        await changeCatalogue(c.get('ctx'), c.get('actor'), orgId, change);
        return change.op;
      },
      done: (op) => c.redirect(`/admin/orgs/${orgId}/catalogue?flash=${encodeURIComponent(op)}`, 303),
      again: (state) => againPage(c, orgId, state),
    });
  });
}
