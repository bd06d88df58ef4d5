/** @jsxImportSource hono/jsx */
// Back-office organization pages: list, create, edit, move, retire. Thin handlers: parse → use case (which
// authorizes) → render; errors go to the pipeline.
import type { Hono } from 'hono';
import { ORG_FIELD_LABELS, type Organization } from '../../../domain/orgs/organization.js';
import { parseOrganizationFields } from '../../../app/orgs/organization-input.js';
import {
  createOrganization,
  moveOrganization,
  setOrganizationRetired,
  updateOrganization,
} from '../../../app/orgs/manage-organizations.js';
import { organizationList, organizationPage, parentChoices } from '../../../app/orgs/org-pages.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import { flashOf, formAction, valueOf } from '../../common/pipeline.js';
import { text, z, type FieldErrors, type FormValues } from '../../common/validation.js';
import { OrgFormPage, OrgListPage } from './org-views.js';

const FLASH: Record<string, string> = {
  created: '机构已创建。',
  saved: '机构信息已保存。',
  moved: '隶属关系已调整。',
  retired: '机构状态已更新。',
};

const FIELDS = Object.keys(ORG_FIELD_LABELS);

/** The organization form: every field as typed (the use case's parser checks them all at once). */
const orgForm = z.object(Object.fromEntries(FIELDS.map((k) => [k, text(20_000)]))) as z.ZodType<Record<string, string>>;

const asText = (values: FormValues) => Object.fromEntries(FIELDS.map((k) => [k, valueOf(values, k)]));
const valuesOf = (o: Organization) =>
  Object.fromEntries(FIELDS.map((k) => [k, String((o as unknown as Record<string, unknown>)[k] ?? '')]));

/**
 * The organization form (new, or an organization's page with its move and retire forms): with what was typed
 * after a refusal, else the stored values.
 */
async function formPage(
  c: StaffContext,
  id: string | undefined,
  p: { values?: FormValues; errors?: FieldErrors; message?: string; flash?: string } = {},
) {
  const base = { actor: c.get('actor'), csrf: c.get('csrf'), errors: p.errors, message: p.message };
  if (id === undefined) {
    const parents = await parentChoices(c.get('ctx'));
    const values = p.values ? asText(p.values) : { kind: 'department', parentId: parents[0]?.id ?? '' };
    return <OrgFormPage {...base} values={values} parents={parents} />;
  }
  const { org, parents } = await organizationPage(c.get('ctx'), id);
  const values = { ...(p.values ? asText(p.values) : valuesOf(org)), parentId: org.parentId ?? '' };
  return (
    <OrgFormPage
      {...base}
      id={org.id}
      values={values}
      parents={parents}
      retired={org.retiredAt !== null}
      flash={p.flash}
    />
  );
}

/** Registers /admin/orgs pages. */
export function registerOrgRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/orgs', async (c) => {
    const tree = await organizationList(c.get('ctx'));
    const flash = flashOf(c, FLASH);
    return c.html(<OrgListPage {...staffPage(c)} tree={tree} flash={flash} />);
  });

  admin.get('/admin/orgs/new', async (c) => c.html(await formPage(c, undefined)));

  admin.post('/admin/orgs', (c) =>
    formAction(c, {
      schema: orgForm,
      run: (v) => createOrganization(c.get('ctx'), c.get('actor'), v.parentId || null, parseOrganizationFields(v)),
      done: (org) => c.redirect(`/admin/orgs/${org.id}?flash=created`, 303),
      again: (state) => formPage(c, undefined, state),
    }),
  );

  admin.get('/admin/orgs/:id', async (c) => c.html(await formPage(c, c.req.param('id'), { flash: flashOf(c, FLASH) })));

  admin.post('/admin/orgs/:id', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: orgForm,
      run: (v) => updateOrganization(c.get('ctx'), c.get('actor'), id, parseOrganizationFields(v)),
      done: () => c.redirect(`/admin/orgs/${id}?flash=saved`, 303),
      again: (state) => formPage(c, id, state),
    });
  });

  admin.post('/admin/orgs/:id/move', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: z.object({ parentId: text(64) }),
      run: ({ parentId }) => moveOrganization(c.get('ctx'), c.get('actor'), id, parentId || null),
      done: () => c.redirect(`/admin/orgs/${id}?flash=moved`, 303),
      again: (state) =>
        formPage(c, id, { errors: { move: state.errors.parentId ?? state.message ?? '' }, message: state.message }),
    });
  });

  admin.post('/admin/orgs/:id/retire', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: z.object({ retired: text(1) }),
      run: ({ retired }) => setOrganizationRetired(c.get('ctx'), c.get('actor'), id, retired === '1'),
      done: () => c.redirect(`/admin/orgs/${id}?flash=retired`, 303),
      again: (state) => formPage(c, id, { message: state.message }),
    });
  });
}
