/** @jsxImportSource hono/jsx */
// Back-office organization pages: list, create, edit, move, retire.
import type { Context, Hono } from 'hono';
import { orderTree, subtreeIds, type Organization } from '../../../domain/orgs/organization.js';
import { parseOrganizationFields } from '../../../app/orgs/organization-input.js';
import {
  createOrganization,
  moveOrganization,
  setOrganizationRetired,
  updateOrganization,
} from '../../../app/orgs/manage-organizations.js';
import { AppError } from '../../../app/errors.js';
import { readForm, requireActor, statusOf, str } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import { OrgFormPage, OrgListPage, ORG_LABELS } from './org-views.js';

const FLASH: Record<string, string> = {
  created: '机构已创建。',
  saved: '机构信息已保存。',
  moved: '隶属关系已调整。',
  retired: '机构状态已更新。',
};

const valuesOf = (o: Organization): Record<string, string> => ({
  ...Object.fromEntries(
    Object.keys(ORG_LABELS).map((k) => [k, String((o as unknown as Record<string, unknown>)[k] ?? '')]),
  ),
  parentId: o.parentId ?? '',
});

async function parentOptions(c: Context<WebEnv>, excludeSubtreeOf?: string): Promise<[string, string][]> {
  const orgs = await c.get('ctx').repos.orgs.list();
  const excluded = excludeSubtreeOf ? subtreeIds(orgs, excludeSubtreeOf) : new Set<string>();
  return [
    ['', '（无，作为顶级机构）'],
    ...orderTree(orgs)
      .filter((o) => !excluded.has(o.id))
      .map((o): [string, string] => [o.id, `${'　'.repeat(o.depth)}${o.name}`]),
  ];
}

/** Registers /admin/orgs pages. */
export function registerOrgRoutes(app: Hono<WebEnv>): void {
  app.get('/admin/orgs', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const orgs = await c.get('ctx').repos.orgs.list({ includeRetired: true });
    return c.html(
      <OrgListPage
        actor={actor}
        csrf={c.get('csrf')}
        tree={orderTree(orgs)}
        flash={FLASH[c.req.query('flash') ?? '']}
      />,
    );
  });

  app.get('/admin/orgs/new', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const parents = await parentOptions(c);
    return c.html(
      <OrgFormPage
        actor={actor}
        csrf={c.get('csrf')}
        values={{ kind: 'department', parentId: parents[1]?.[0] ?? '' }}
        parents={parents}
      />,
    );
  });

  app.post('/admin/orgs', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const form = await readForm(c);
    const values = Object.fromEntries(Object.keys(ORG_LABELS).map((k) => [k, str(form, k)]));
    try {
      const org = await createOrganization(
        c.get('ctx'),
        actor,
        values.parentId || null,
        parseOrganizationFields(values),
      );
      return c.redirect(`/admin/orgs/${org.id}?flash=created`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return c.html(
        <OrgFormPage
          actor={actor}
          csrf={c.get('csrf')}
          values={values}
          errors={e.fieldErrors}
          message={e.message}
          parents={await parentOptions(c)}
        />,
        statusOf(e),
      );
    }
  });

  app.get('/admin/orgs/:id', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const org = await c.get('ctx').repos.orgs.byId(c.req.param('id'));
    if (!org) return c.notFound();
    return c.html(
      <OrgFormPage
        actor={actor}
        csrf={c.get('csrf')}
        id={org.id}
        values={valuesOf(org)}
        parents={await parentOptions(c, org.id)}
        retired={org.retiredAt !== null}
        flash={FLASH[c.req.query('flash') ?? '']}
      />,
    );
  });

  app.post('/admin/orgs/:id', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const id = c.req.param('id');
    const org = await c.get('ctx').repos.orgs.byId(id);
    if (!org) return c.notFound();
    const form = await readForm(c);
    const values = {
      ...Object.fromEntries(Object.keys(ORG_LABELS).map((k) => [k, str(form, k)])),
      parentId: org.parentId ?? '',
    };
    try {
      await updateOrganization(c.get('ctx'), actor, id, parseOrganizationFields(values));
      return c.redirect(`/admin/orgs/${id}?flash=saved`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return c.html(
        <OrgFormPage
          actor={actor}
          csrf={c.get('csrf')}
          id={id}
          values={values}
          errors={e.fieldErrors}
          message={e.message}
          parents={await parentOptions(c, id)}
          retired={org.retiredAt !== null}
        />,
        statusOf(e),
      );
    }
  });

  app.post('/admin/orgs/:id/move', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const id = c.req.param('id');
    const org = await c.get('ctx').repos.orgs.byId(id);
    if (!org) return c.notFound();
    const form = await readForm(c);
    try {
      await moveOrganization(c.get('ctx'), actor, id, str(form, 'parentId') || null);
      return c.redirect(`/admin/orgs/${id}?flash=moved`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const errors = { move: e.fieldErrors.parentId ?? e.message };
      return c.html(
        <OrgFormPage
          actor={actor}
          csrf={c.get('csrf')}
          id={id}
          values={valuesOf(org)}
          errors={errors}
          message={e.message}
          parents={await parentOptions(c, id)}
          retired={org.retiredAt !== null}
        />,
        statusOf(e),
      );
    }
  });

  app.post('/admin/orgs/:id/retire', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const id = c.req.param('id');
    const org = await c.get('ctx').repos.orgs.byId(id);
    if (!org) return c.notFound();
    const form = await readForm(c);
    try {
      await setOrganizationRetired(c.get('ctx'), actor, id, str(form, 'retired') === '1');
      return c.redirect(`/admin/orgs/${id}?flash=retired`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return c.html(
        <OrgFormPage
          actor={actor}
          csrf={c.get('csrf')}
          id={id}
          values={valuesOf(org)}
          message={e.message}
          parents={await parentOptions(c, id)}
          retired={org.retiredAt !== null}
        />,
        statusOf(e),
      );
    }
  });
}
