/** @jsxImportSource hono/jsx */
// Back-office pages of the assessment (考核), under /admin/assessment (docs/assessment.md):
// GET  /admin/assessment (?year=&scope=)            the schemes; POST …/schemes (new) · POST …/copy (copy last year's)
// GET  …/schemes/:id                                 the result table (computed; frozen once published)
// GET  …/schemes/:id/edit · POST …/schemes/:id       edit a draft · POST …/schemes/:id/delete
// GET  …/schemes/:id/scheme.xlsx · POST …/schemes/:id/import      the scheme as a workbook, and back
// GET  …/schemes/:id/drill?org=&indicator=          the items behind one unit's indicator
// POST …/schemes/:id/adjust · POST …/schemes/:id/values            adjustment (reason required) · entered value
// GET  …/schemes/:id/result.xlsx|pdf · POST …/schemes/:id/publish   exports · freeze and draft the publication
// Thin handlers: parse → use case (which authorizes) → render; errors go to the pipeline.
import type { Hono } from 'hono';
import { invalid, notFound } from '../../../app/errors.js';
import { assessmentUseCases } from '../../../app/assessment/use-cases.js';
import { assessableScopes } from '../../../app/assessment/admin-pages.js';
import { exportResult, exportScheme, importScheme } from '../../../app/assessment/export.js';
import { publishResult } from '../../../app/assessment/publish-result.js';
import type { SchemeRecord } from '../../../app/assessment/ports.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import { download } from '../../common/download.js';
import { flashOf, formAction, parseBody, uploadedFile, valueOf, type FormState } from '../../common/pipeline.js';
import { z, type FormValues } from '../../common/validation.js';
import { DrillView, ResultView, SchemeFormView, SchemeListView, type ResultForms } from './assessment-views.js';
import { errorsByGroup, schemeOfForm, schemeValues } from './scheme-form.js';

const FLASH: Readonly<Record<string, string>> = {
  created: '考核方案已建立，可修改分值和等次分数线。',
  copied: '已复制上年方案，请核对后保存。',
  saved: '考核方案已保存。',
  imported: '方案文件已导入。',
  deleted: '考核方案已删除。',
  adjusted: '得分已调整，调整和理由已记录。',
  value: '指标值已录入。',
};

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

const anyForm = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const BASE = '/admin/assessment';

/** Form values as plain strings (the first of a repeated field). */
const flat = (values: FormValues): Record<string, string> =>
  Object.fromEntries(Object.keys(values).map((k) => [k, valueOf(values, k)]));

/** A number as typed: blank or not a number is NaN (the use cases refuse it with their message). */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

const uc = (c: StaffContext) => assessmentUseCases(c.get('ctx'));

async function scopeNameOf(c: StaffContext, scheme: SchemeRecord): Promise<string> {
  return (await c.get('ctx').repos.orgs.byId(scheme.scopeOrgId))?.name ?? '';
}

async function listPage(c: StaffContext, forms: { create?: FormState; copy?: FormState } = {}) {
  const actor = c.get('actor');
  const [schemes, scopes] = await Promise.all([uc(c).listSchemes(actor), assessableScopes(c.get('ctx'), actor)]);
  const part = (s?: FormState) => (s ? { ...s, values: flat(s.values) } : undefined);
  return (
    <SchemeListView
      {...staffPage(c)}
      flash={flashOf(c, FLASH)}
      schemes={schemes}
      scopes={scopes}
      filter={{ year: c.req.query('year') ?? '', scope: c.req.query('scope') ?? '' }}
      create={part(forms.create)}
      copy={part(forms.copy)}
    />
  );
}

async function editPage(
  c: StaffContext,
  id: string,
  opts: {
    state?: FormState;
    importErrors?: Parameters<typeof SchemeFormView>[0]['importErrors'];
    fileError?: string;
  } = {},
) {
  const scheme = await uc(c).getScheme(c.get('actor'), id);
  const form = opts.state
    ? { ...opts.state, values: flat(opts.state.values) }
    : { values: schemeValues(scheme), errors: {} };
  return (
    <SchemeFormView
      {...staffPage(c)}
      flash={flashOf(c, FLASH)}
      scheme={scheme}
      scopeName={await scopeNameOf(c, scheme)}
      form={form}
      importErrors={opts.importErrors}
      fileError={opts.fileError}
    />
  );
}

async function resultPage(c: StaffContext, id: string, forms?: ResultForms) {
  const actor = c.get('actor');
  const scheme = await uc(c).getScheme(actor, id);
  const table = await uc(c).compute(actor, id);
  return (
    <ResultView
      {...staffPage(c)}
      flash={forms ? undefined : flashOf(c, FLASH)}
      scheme={scheme}
      scopeName={await scopeNameOf(c, scheme)}
      table={table}
      forms={forms}
    />
  );
}

/** Registers the assessment pages. */
export function registerAssessmentRoutes(admin: Hono<StaffEnv>): void {
  admin.get(BASE, async (c) => c.html(await listPage(c)));

  admin.post(`${BASE}/schemes`, (c) =>
    formAction(c, {
      schema: anyForm,
      run: (_, values) => {
        const v = flat(values);
        const year = numberOf(v.year ?? '');
        return uc(c).createScheme(c.get('actor'), { year, scopeOrgId: v.scopeOrgId ?? '', name: v.name ?? '' });
      },
      done: (s) => c.redirect(`${BASE}/schemes/${s.id}/edit?flash=created`, 303),
      again: (state) => listPage(c, { create: state }),
    }),
  );

  admin.post(`${BASE}/copy`, (c) =>
    formAction(c, {
      schema: anyForm,
      run: (_, values) => {
        const v = flat(values);
        const name = (v.name ?? '').trim();
        return uc(c).copyScheme(c.get('actor'), v.fromId ?? '', {
          year: numberOf(v.year ?? ''),
          ...(name ? { name } : {}),
        });
      },
      done: (s) => c.redirect(`${BASE}/schemes/${s.id}/edit?flash=copied`, 303),
      again: (state) => listPage(c, { copy: state }),
    }),
  );

  admin.get(`${BASE}/schemes/:id`, async (c) => c.html(await resultPage(c, c.req.param('id'))));
  admin.get(`${BASE}/schemes/:id/edit`, async (c) => c.html(await editPage(c, c.req.param('id'))));

  admin.post(`${BASE}/schemes/:id`, async (c) => {
    const id = c.req.param('id');
    let groups: number[] = [];
    return formAction(c, {
      schema: anyForm,
      run: (_, values) => {
        const form = schemeOfForm(values);
        groups = form.groups;
        return uc(c).updateScheme(c.get('actor'), id, { name: form.name, def: form.def });
      },
      done: () => c.redirect(`${BASE}/schemes/${id}/edit?flash=saved`, 303),
      again: (state) => editPage(c, id, { state: { ...state, errors: errorsByGroup(state.errors, groups) } }),
    });
  });

  admin.post(`${BASE}/schemes/:id/delete`, async (c) => {
    await uc(c).deleteScheme(c.get('actor'), c.req.param('id'));
    return c.redirect(`${BASE}?flash=deleted`, 303);
  });

  registerFileRoutes(admin);
  registerResultRoutes(admin);
}

function registerFileRoutes(admin: Hono<StaffEnv>): void {
  admin.get(`${BASE}/schemes/:id/scheme.xlsx`, async (c) => {
    const { bytes, scheme } = await exportScheme(c.get('ctx'), uc(c), c.get('actor'), c.req.param('id'));
    return download(c, { bytes, mime: MIME.xlsx, name: `${scheme.name}.xlsx` });
  });

  admin.post(`${BASE}/schemes/:id/import`, async (c) => {
    const id = c.req.param('id');
    const file = await uploadedFile((await parseBody(c)).file);
    return formAction(c, {
      values: {},
      schema: z.object({}),
      run: () => {
        if (!file) throw invalid('请选择要导入的方案文件', { file: '请选择 XLSX 文件' });
        return importScheme(c.get('ctx'), uc(c), c.get('actor'), id, file.content);
      },
      done: async (r) =>
        r.ok
          ? c.redirect(`${BASE}/schemes/${id}/edit?flash=imported`, 303)
          : c.html(await editPage(c, id, { importErrors: r.errors }), 422),
      again: (state) => {
        const message = state.errors.file ?? state.message ?? '无法导入';
        // The use case's own refusal (e.g. a frozen scheme) is not about a cell: shown with the file field.
        return editPage(c, id, { fileError: message });
      },
    });
  });

  for (const format of ['xlsx', 'pdf'] as const) {
    admin.get(`${BASE}/schemes/:id/result.${format}`, async (c) => {
      const { bytes, name } = await exportResult(c.get('ctx'), uc(c), c.get('actor'), c.req.param('id'), format);
      return download(c, { bytes, mime: MIME[format], name });
    });
  }
}

function registerResultRoutes(admin: Hono<StaffEnv>): void {
  admin.get(`${BASE}/schemes/:id/drill`, async (c) => {
    const id = c.req.param('id');
    const actor = c.get('actor');
    const orgId = c.req.query('org') ?? '';
    const indicatorId = c.req.query('indicator') ?? '';
    const scheme = await uc(c).getScheme(actor, id);
    const indicator = scheme.def.indicators.find((i) => i.id === indicatorId);
    if (!indicator) throw notFound('指标');
    const [table, items] = await Promise.all([uc(c).compute(actor, id), uc(c).drill(actor, id, orgId, indicatorId)]);
    if (!table.rows.some((r) => r.orgId === orgId)) throw notFound('考核单位');
    return c.html(
      <DrillView {...staffPage(c)} scheme={scheme} table={table} orgId={orgId} indicator={indicator} items={items} />,
    );
  });

  admin.post(`${BASE}/schemes/:id/adjust`, (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: anyForm,
      run: (_, values) => {
        const v = flat(values);
        return uc(c).adjust(c.get('actor'), id, {
          orgId: v.orgId ?? '',
          indicatorId: v.indicatorId ? v.indicatorId : null,
          points: numberOf(v.points ?? ''),
          reason: v.reason ?? '',
        });
      },
      done: () => c.redirect(`${BASE}/schemes/${id}?flash=adjusted#scores`, 303),
      again: (state) => resultPage(c, id, { adjust: { ...state, values: flat(state.values) } }),
    });
  });

  admin.post(`${BASE}/schemes/:id/values`, (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: anyForm,
      run: (_, values) => {
        const v = flat(values);
        return uc(c).enterValue(c.get('actor'), id, {
          orgId: v.unit ?? '',
          indicatorId: v.entered ?? '',
          value: numberOf(v.value ?? ''),
          evidence: v.evidence ?? '',
        });
      },
      done: () => c.redirect(`${BASE}/schemes/${id}?flash=value#scores`, 303),
      again: (state) => {
        // The use case names the unit and the indicator orgId and indicatorId; the form, unit and entered.
        const rename: Record<string, string> = { orgId: 'unit', indicatorId: 'entered' };
        const errors = Object.fromEntries(Object.entries(state.errors).map(([k, m]) => [rename[k] ?? k, m]));
        return resultPage(c, id, { value: { ...state, errors, values: flat(state.values) } });
      },
    });
  });

  // Freezes the scheme and drafts the publication of its result, then opens the draft in the editor (review chain).
  admin.post(`${BASE}/schemes/:id/publish`, async (c) => {
    const draft = await publishResult(c.get('ctx'), uc(c), c.get('actor'), c.req.param('id'));
    return c.redirect(`/admin/publications/${draft.id}/edit`, 303);
  });
}
