/** @jsxImportSource hono/jsx */
// Back-office pages of the standard catalogue (基层政务公开标准目录) of an organization:
// GET  /admin/orgs/:id/standard-catalogue                    the page (?area=, ?show=overdue|nothing)
// GET  …/export.xlsx · POST …/import                          XLSX in the published column layout
// GET  …/rows/new · POST …/rows                               add a row
// GET  …/rows/:rowId/edit · POST …/rows/:rowId · POST …/rows/:rowId/retire
// POST …/areas (a local area) · POST …/areas/:areaId/not-applicable | applicable
// Thin handlers: parse → use case or query (which authorizes) → render; errors go to the pipeline.
import type { Hono } from 'hono';
import { invalid } from '../../../app/errors.js';
import { rowFormChoices, standardCataloguePage } from '../../../app/standard-catalogue/catalogue-page.js';
import {
  addCatalogueRow,
  addLocalKeyArea,
  retireCatalogueRow,
  updateCatalogueRow,
} from '../../../app/standard-catalogue/edit-rows.js';
import { clearAreaNotApplicable, markAreaNotApplicable } from '../../../app/standard-catalogue/manage-catalogue.js';
import { exportCatalogue, importCatalogue } from '../../../app/standard-catalogue/import-catalogue.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import { download } from '../../common/download.js';
import { flashOf, formAction, parseBody, readQuery, type FormState, valueOf } from '../../common/pipeline.js';
import { optionalOneOf, parseQuery, text, z, type FormValues } from '../../common/validation.js';
import { StandardCatalogueView } from './standard-catalogue-views.js';
import { RowFormPage, rowFormValues } from './standard-catalogue-form-views.js';

type Extras = Omit<Parameters<typeof StandardCatalogueView>[0], 'actor' | 'csrf' | 'data' | 'filter'>;

const FLASH: Readonly<Record<string, string>> = {
  row_added: '目录事项已新增。',
  row_saved: '目录事项已修改。',
  row_retired: '目录事项已停用。',
  area_added: '地方领域已新增。',
  excluded: '未涉及领域说明已保存。',
  included: '未涉及领域说明已撤销。',
};

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The page's filter: a malformed `show` is reported and ignored. */
const filterQuery = { area: text(64), show: optionalOneOf(['overdue', 'nothing'], '事项筛选有误') };

/** The row form as typed: text fields and repeated checkboxes (the use case's parser checks them all at once). */
const rowForm = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

const base = (orgId: string) => `/admin/orgs/${orgId}/standard-catalogue`;

function catalogueFlash(c: StaffContext): string | undefined {
  if (c.req.query('flash') !== 'imported') return flashOf(c, FLASH);
  const n = (k: string) => Number(c.req.query(k)) || 0;
  return `导入完成：新增 ${n('inserted')} 项，更新 ${n('updated')} 项，停用 ${n('retired')} 项。`;
}

/** The catalogue page with the filter of the query string, and a small form's values and errors. */
async function page(c: StaffContext, orgId: string, extras: Extras = {}) {
  const raw = readQuery(c);
  const { value, errors } = parseQuery(filterQuery, raw);
  const filter = { ...(value.area ? { areaId: value.area } : {}), ...(value.show ? { show: value.show } : {}) };
  const data = await standardCataloguePage(c.get('ctx'), c.get('actor'), orgId, filter);
  const typed = { area: valueOf(raw, 'area'), show: valueOf(raw, 'show') };
  return <StandardCatalogueView {...staffPage(c)} data={data} filter={typed} filterErrors={errors} {...extras} />;
}

/** The row form (new, or a row to edit) with what was typed or the stored row. */
async function rowFormPage(c: StaffContext, orgId: string, rowId: string | undefined, state?: FormState) {
  const { org, areas, row } = await rowFormChoices(c.get('ctx'), c.get('actor'), orgId, rowId);
  const values: FormValues = state?.values ?? (row ? rowFormValues(row) : newRowValues(c));
  return (
    <RowFormPage
      {...staffPage(c)}
      org={org}
      areas={areas}
      values={values}
      rowId={row?.id}
      errors={state?.errors}
      message={state?.message}
    />
  );
}

const newRowValues = (c: StaffContext): FormValues => ({
  keyAreaId: c.req.query('area') ?? '',
  method: '主动',
  audience: '全社会',
});

/** Registers the standard-catalogue pages. */
export function registerStandardCatalogueRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/orgs/:id/standard-catalogue', async (c) =>
    c.html(await page(c, c.req.param('id'), { flash: catalogueFlash(c) })),
  );

  admin.get('/admin/orgs/:id/standard-catalogue/export.xlsx', async (c) => {
    const bytes = await exportCatalogue(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return download(c, { bytes, mime: XLSX, name: '基层政务公开标准目录.xlsx' });
  });

  admin.post('/admin/orgs/:id/standard-catalogue/import', async (c) => {
    const orgId = c.req.param('id');
    const body = await parseBody(c);
    const file = body.file instanceof File && body.file.size > 0 ? body.file : undefined;
    return formAction(c, {
      values: {},
      schema: z.object({}),
      run: async () => {
        if (!file) throw invalid('请选择要导入的标准目录文件', { file: '请选择XLSX文件' });
        return importCatalogue(c.get('ctx'), c.get('actor'), orgId, new Uint8Array(await file.arrayBuffer()));
      },
      done: async (r) =>
        r.ok
          ? c.redirect(
              `${base(orgId)}?flash=imported&inserted=${r.inserted}&updated=${r.updated}&retired=${r.retired}`,
              303,
            )
          : c.html(await page(c, orgId, { importErrors: r.errors }), 422),
      again: (state) =>
        page(c, orgId, { message: state.message, errors: { file: state.errors.file ?? state.message ?? '' } }),
    });
  });

  registerRowRoutes(admin);
  registerAreaRoutes(admin);
}

function registerRowRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/orgs/:id/standard-catalogue/rows/new', async (c) =>
    c.html(await rowFormPage(c, c.req.param('id'), undefined)),
  );

  admin.post('/admin/orgs/:id/standard-catalogue/rows', (c) => {
    const orgId = c.req.param('id');
    return formAction(c, {
      schema: rowForm,
      run: (values) => addCatalogueRow(c.get('ctx'), c.get('actor'), orgId, values),
      done: () => c.redirect(`${base(orgId)}?flash=row_added`, 303),
      again: (state) => rowFormPage(c, orgId, undefined, state),
    });
  });

  admin.get('/admin/orgs/:id/standard-catalogue/rows/:rowId/edit', async (c) =>
    c.html(await rowFormPage(c, c.req.param('id'), c.req.param('rowId'))),
  );

  admin.post('/admin/orgs/:id/standard-catalogue/rows/:rowId', (c) => {
    const [orgId, rowId] = [c.req.param('id'), c.req.param('rowId')];
    return formAction(c, {
      schema: rowForm,
      run: (values) => updateCatalogueRow(c.get('ctx'), c.get('actor'), orgId, rowId, values),
      done: () => c.redirect(`${base(orgId)}?flash=row_saved`, 303),
      again: (state) => rowFormPage(c, orgId, rowId, state),
    });
  });

  admin.post('/admin/orgs/:id/standard-catalogue/rows/:rowId/retire', async (c) => {
    const orgId = c.req.param('id');
    await retireCatalogueRow(c.get('ctx'), c.get('actor'), orgId, c.req.param('rowId'));
    return c.redirect(`${base(orgId)}?flash=row_retired`, 303);
  });
}

function registerAreaRoutes(admin: Hono<StaffEnv>): void {
  admin.post('/admin/orgs/:id/standard-catalogue/areas', (c) => {
    const orgId = c.req.param('id');
    return formAction(c, {
      schema: z.object({ name: text(200) }),
      run: ({ name }) => addLocalKeyArea(c.get('ctx'), c.get('actor'), orgId, name),
      done: () => c.redirect(`${base(orgId)}?flash=area_added`, 303),
      again: (state) => page(c, orgId, { ...state, values: { name: valueOf(state.values, 'name') } }),
    });
  });

  admin.post('/admin/orgs/:id/standard-catalogue/areas/:areaId/not-applicable', (c) => {
    const [orgId, areaId] = [c.req.param('id'), c.req.param('areaId')];
    return formAction(c, {
      schema: z.object({ reason: text(2000) }),
      run: ({ reason }) => markAreaNotApplicable(c.get('ctx'), c.get('actor'), orgId, areaId, reason),
      done: () => c.redirect(`${base(orgId)}?flash=excluded`, 303),
      again: (state) =>
        page(c, orgId, { ...state, values: { reason: valueOf(state.values, 'reason') }, failedArea: areaId }),
    });
  });

  admin.post('/admin/orgs/:id/standard-catalogue/areas/:areaId/applicable', async (c) => {
    const orgId = c.req.param('id');
    await clearAreaNotApplicable(c.get('ctx'), c.get('actor'), orgId, c.req.param('areaId'));
    return c.redirect(`${base(orgId)}?flash=included`, 303);
  });
}
