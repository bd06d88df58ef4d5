/** @jsxImportSource hono/jsx */
// Back-office pages of the standard catalogue (基层政务公开标准目录, issue 4; SPEC §4.4):
// GET  /admin/orgs/:id/standard-catalogue                    the page (?area=, ?show=overdue|nothing)
// GET  …/export.xlsx · POST …/import                          XLSX in the published column layout
// GET  …/rows/new · POST …/rows                               add a row
// GET  …/rows/:rowId/edit · POST …/rows/:rowId · POST …/rows/:rowId/retire
// POST …/areas (a local area) · POST …/areas/:areaId/not-applicable | applicable
import type { Context, Hono } from 'hono';
import { AppError } from '../../../app/errors.js';
import { standardCataloguePage, type CatalogueFilter } from '../../../app/standard-catalogue/catalogue-page.js';
import {
  addCatalogueRow,
  addLocalKeyArea,
  catalogueRowForEdit,
  retireCatalogueRow,
  updateCatalogueRow,
} from '../../../app/standard-catalogue/edit-rows.js';
import { clearAreaNotApplicable, markAreaNotApplicable } from '../../../app/standard-catalogue/manage-catalogue.js';
import { exportCatalogue, importCatalogue } from '../../../app/standard-catalogue/import-catalogue.js';
import type { SheetError } from '../../../domain/standard-catalogue/sheet.js';
import type { Actor } from '../../../domain/policies/actor.js';
import { readForm, requireActor, statusOf, str } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import { AdminLayout } from '../../common/layout.js';
import { StandardCatalogueView } from './standard-catalogue-views.js';
import { RowFormPage, rowFormValues, type FormValues } from './standard-catalogue-form-views.js';

type C = Context<WebEnv>;

const FLASH: Readonly<Record<string, string>> = {
  row_added: '目录事项已新增。',
  row_saved: '目录事项已修改。',
  row_retired: '目录事项已停用。',
  area_added: '地方领域已新增。',
  excluded: '未涉及领域说明已保存。',
  included: '未涉及领域说明已撤销。',
};

const base = (orgId: string) => `/admin/orgs/${orgId}/standard-catalogue`;

function filterOf(c: C): CatalogueFilter {
  const show = c.req.query('show');
  return {
    ...(c.req.query('area') ? { areaId: c.req.query('area') } : {}),
    ...(show === 'overdue' || show === 'nothing' ? { show } : {}),
  };
}

function flashOf(c: C): string | undefined {
  if (c.req.query('flash') !== 'imported') return FLASH[c.req.query('flash') ?? ''];
  const n = (k: string) => Number(c.req.query(k)) || 0;
  return `导入完成：新增 ${n('inserted')} 项，更新 ${n('updated')} 项，停用 ${n('retired')} 项。`;
}

const denied = (c: C, actor: Actor, message: string) =>
  c.html(
    <AdminLayout title="基层政务公开标准目录" actor={actor} csrf={c.get('csrf')} path="/admin/publications">
      <p class="notice">{message}</p>
    </AdminLayout>,
    403,
  );

/** The page again after a failed small form (or import), with the status of the error. */
type PageExtras = {
  message?: string;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  failedArea?: string;
  importErrors?: SheetError[];
  status?: 403 | 404 | 409 | 422;
};

async function page(c: C, actor: Actor, orgId: string, extras: PageExtras = {}): Promise<Response> {
  const filter = filterOf(c);
  try {
    const data = await standardCataloguePage(c.get('ctx'), actor, orgId, filter);
    const { status, ...rest } = extras;
    return c.html(
      <StandardCatalogueView
        actor={actor}
        csrf={c.get('csrf')}
        data={data}
        filter={filter}
        flash={status ? undefined : flashOf(c)}
        {...rest}
      />,
      status ?? 200,
    );
  } catch (e) {
    return failure(c, actor, e);
  }
}

/** 403 page, 404, or rethrow. */
function failure(c: C, actor: Actor, e: unknown): Response | Promise<Response> {
  if (!(e instanceof AppError)) throw e;
  if (e.code === 'forbidden') return denied(c, actor, e.message);
  if (e.code === 'not_found') return c.notFound();
  throw e;
}

/** After a small form failed: 403/404 as such, else the page with the form's error. */
function formFailure(c: C, actor: Actor, orgId: string, e: unknown, extras: PageExtras): Response | Promise<Response> {
  if (!(e instanceof AppError) || e.code === 'forbidden' || e.code === 'not_found') return failure(c, actor, e);
  const status = statusOf(e);
  return page(c, actor, orgId, {
    message: e.message,
    errors: e.fieldErrors,
    ...extras,
    status: status === 409 ? 409 : 422,
  });
}

/** The row form (new or edit) with the organization's areas. */
async function rowForm(
  c: C,
  actor: Actor,
  orgId: string,
  p: { values: FormValues; rowId?: string; errors?: Record<string, string>; message?: string; status?: 200 | 422 },
): Promise<Response> {
  const data = await standardCataloguePage(c.get('ctx'), actor, orgId);
  if (!data.canWrite) return denied(c, actor, '需要管理员、政务公开办公室负责人或机构负责人角色才能维护标准目录');
  return c.html(
    <RowFormPage
      actor={actor}
      csrf={c.get('csrf')}
      org={data.org}
      areas={data.allAreas}
      values={p.values}
      rowId={p.rowId}
      errors={p.errors}
      message={p.message}
    />,
    p.status ?? 200,
  );
}

/** Runs a row change and redirects, or renders the form with what was typed. */
async function saveRow(
  c: C,
  actor: Actor,
  orgId: string,
  rowId: string | undefined,
  run: (values: FormValues) => Promise<unknown>,
  flash: string,
): Promise<Response> {
  const form = await readForm(c);
  const values = Object.fromEntries(Object.entries(form).filter(([k]) => k !== '_csrf'));
  try {
    await run(values);
    return c.redirect(`${base(orgId)}?flash=${flash}`, 303);
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'invalid') return failure(c, actor, e);
    return rowForm(c, actor, orgId, { values, rowId, errors: e.fieldErrors, message: e.message, status: 422 });
  }
}

/** Registers the standard-catalogue pages. */
export function registerStandardCatalogueRoutes(app: Hono<WebEnv>): void {
  app.get('/admin/orgs/:id/standard-catalogue', (c) => {
    const actor = requireActor(c);
    return actor instanceof Response ? actor : page(c, actor, c.req.param('id'));
  });

  app.get('/admin/orgs/:id/standard-catalogue/export.xlsx', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const orgId = c.req.param('id');
    try {
      const bytes = await exportCatalogue(c.get('ctx'), actor, orgId);
      c.header(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent('基层政务公开标准目录.xlsx')}`,
      );
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      });
    } catch (e) {
      return formFailure(c, actor, orgId, e, {});
    }
  });

  app.post('/admin/orgs/:id/standard-catalogue/import', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const orgId = c.req.param('id');
    const body = await c.req.parseBody();
    const file = body.file instanceof File && body.file.size > 0 ? body.file : undefined;
    try {
      if (!file) throw new AppError('invalid', '请选择要导入的标准目录文件', { file: '请选择XLSX文件' });
      const r = await importCatalogue(c.get('ctx'), actor, orgId, new Uint8Array(await file.arrayBuffer()));
      if (!r.ok) return await page(c, actor, orgId, { importErrors: r.errors, status: 422 });
      return c.redirect(
        `${base(orgId)}?flash=imported&inserted=${r.inserted}&updated=${r.updated}&retired=${r.retired}`,
        303,
      );
    } catch (e) {
      return formFailure(
        c,
        actor,
        orgId,
        e,
        e instanceof AppError && !e.fieldErrors.file ? { errors: { file: e.message } } : {},
      );
    }
  });

  registerRowRoutes(app);
  registerAreaRoutes(app);
}

function registerRowRoutes(app: Hono<WebEnv>): void {
  app.get('/admin/orgs/:id/standard-catalogue/rows/new', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    return rowForm(c, actor, c.req.param('id'), {
      values: { keyAreaId: c.req.query('area') ?? '', method: '主动', audience: '全社会' },
    }).catch((e: unknown) => failure(c, actor, e));
  });

  app.post('/admin/orgs/:id/standard-catalogue/rows', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const orgId = c.req.param('id');
    return saveRow(c, actor, orgId, undefined, (v) => addCatalogueRow(c.get('ctx'), actor, orgId, v), 'row_added');
  });

  app.get('/admin/orgs/:id/standard-catalogue/rows/:rowId/edit', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const orgId = c.req.param('id');
    try {
      const row = await catalogueRowForEdit(c.get('ctx'), actor, orgId, c.req.param('rowId'));
      return await rowForm(c, actor, orgId, { values: rowFormValues(row), rowId: row.id });
    } catch (e) {
      return failure(c, actor, e);
    }
  });

  app.post('/admin/orgs/:id/standard-catalogue/rows/:rowId', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const [orgId, rowId] = [c.req.param('id'), c.req.param('rowId')];
    return saveRow(
      c,
      actor,
      orgId,
      rowId,
      (v) => updateCatalogueRow(c.get('ctx'), actor, orgId, rowId, v),
      'row_saved',
    );
  });

  app.post('/admin/orgs/:id/standard-catalogue/rows/:rowId/retire', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const orgId = c.req.param('id');
    try {
      await retireCatalogueRow(c.get('ctx'), actor, orgId, c.req.param('rowId'));
      return c.redirect(`${base(orgId)}?flash=row_retired`, 303);
    } catch (e) {
      return failure(c, actor, e);
    }
  });
}

function registerAreaRoutes(app: Hono<WebEnv>): void {
  app.post('/admin/orgs/:id/standard-catalogue/areas', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const orgId = c.req.param('id');
    const name = str(await readForm(c), 'name');
    try {
      await addLocalKeyArea(c.get('ctx'), actor, orgId, name);
      return c.redirect(`${base(orgId)}?flash=area_added`, 303);
    } catch (e) {
      return formFailure(c, actor, orgId, e, { values: { name } });
    }
  });

  app.post('/admin/orgs/:id/standard-catalogue/areas/:areaId/not-applicable', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const [orgId, areaId] = [c.req.param('id'), c.req.param('areaId')];
    const reason = str(await readForm(c), 'reason');
    try {
      await markAreaNotApplicable(c.get('ctx'), actor, orgId, areaId, reason);
      return c.redirect(`${base(orgId)}?flash=excluded`, 303);
    } catch (e) {
      return formFailure(c, actor, orgId, e, { values: { reason }, failedArea: areaId });
    }
  });

  app.post('/admin/orgs/:id/standard-catalogue/areas/:areaId/applicable', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const orgId = c.req.param('id');
    try {
      await clearAreaNotApplicable(c.get('ctx'), actor, orgId, c.req.param('areaId'));
      return c.redirect(`${base(orgId)}?flash=included`, 303);
    } catch (e) {
      return failure(c, actor, e);
    }
  });
}
