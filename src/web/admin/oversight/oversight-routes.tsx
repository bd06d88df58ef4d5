/** @jsxImportSource hono/jsx */
// Back-office pages of the 社会评议 and 责任追究 records: list, create, edit, delete. Thin handlers: parse → use case
// (which authorizes) → render; errors go to the pipeline.
import type { Hono } from 'hono';
import {
  createOversight,
  deleteOversight,
  oversightChoices,
  oversightPage,
  oversightRegister,
  updateOversight,
} from '../../../app/oversight/manage-oversight.js';
import { OVERSIGHT_KINDS, type OversightRecord } from '../../../domain/oversight/oversight.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import { flashOf, formAction, readQuery, valueOf, type FormState } from '../../common/pipeline.js';
import { optionalOneOf, optionalYear, parseQuery, text, z } from '../../common/validation.js';
import {
  OVERSIGHT_PATH as PATH,
  OversightDetailPage,
  OversightFormPage,
  OversightListPage,
} from './oversight-views.js';

const FLASH: Record<string, string> = { created: '记录已登记。', saved: '记录已保存。', deleted: '记录已删除。' };
const FIELDS = ['orgId', 'kind', 'occurredOn', 'unit', 'subject', 'result'] as const;

/** The record form: every field as typed (the domain checks them). */
const oversightForm = z.object({
  orgId: text(64),
  kind: text(32),
  occurredOn: text(20),
  unit: text(),
  subject: text(),
  result: text(),
});

const listQuery = { org: text(64), year: optionalYear(), kind: optionalOneOf(OVERSIGHT_KINDS, '类别有误') };

const valuesOf = (r: OversightRecord): Record<string, string> => ({
  kind: r.kind,
  occurredOn: r.occurredOn,
  unit: r.unit,
  subject: r.subject,
  result: r.result,
});

const asText = (state: FormState) => Object.fromEntries(FIELDS.map((k) => [k, valueOf(state.values, k)]));

/** Registers the /admin/oversight pages. */
export function registerOversightRoutes(admin: Hono<StaffEnv>): void {
  admin.get(PATH, async (c) => {
    const raw = readQuery(c);
    const { value, errors } = parseQuery(listQuery, raw);
    const register = await oversightRegister(c.get('ctx'), c.get('actor'), {
      year: value.year,
      kind: value.kind,
      orgId: value.org || undefined,
    });
    return c.html(
      <OversightListPage
        {...staffPage(c)}
        flash={flashOf(c, FLASH)}
        orgs={register.orgs}
        orgNames={register.orgNames}
        records={register.records}
        query={{ org: valueOf(raw, 'org'), year: valueOf(raw, 'year').trim(), kind: valueOf(raw, 'kind') }}
        errors={errors}
        canCreate={register.can.create}
      />,
    );
  });

  admin.get(`${PATH}/new`, async (c) => {
    const { orgs, defaultOrgId } = await oversightChoices(c.get('ctx'), c.get('actor'));
    return c.html(<OversightFormPage {...staffPage(c)} orgs={orgs} values={{ orgId: defaultOrgId }} />);
  });

  admin.post(`${PATH}/new`, (c) =>
    formAction(c, {
      schema: oversightForm,
      run: (input) => createOversight(c.get('ctx'), c.get('actor'), input),
      done: (created) => c.redirect(`${PATH}/${created.id}?flash=created`, 303),
      again: async (state) => {
        const { orgs } = await oversightChoices(c.get('ctx'), c.get('actor'));
        return formPage(c, state, { orgs });
      },
    }),
  );

  admin.get(`${PATH}/:id`, async (c) => {
    const { record, orgName, can } = await oversightPage(c.get('ctx'), c.get('actor'), c.req.param('id'));
    if (!can.write) return c.html(<OversightDetailPage {...staffPage(c)} record={record} orgName={orgName} />);
    return c.html(
      <OversightFormPage
        {...staffPage(c)}
        flash={flashOf(c, FLASH)}
        id={record.id}
        orgs={[]}
        orgName={orgName}
        values={valuesOf(record)}
      />,
    );
  });

  admin.post(`${PATH}/:id`, (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: oversightForm,
      run: ({ orgId: _fixed, ...input }) => updateOversight(c.get('ctx'), c.get('actor'), id, input),
      done: () => c.redirect(`${PATH}/${id}?flash=saved`, 303),
      again: async (state) => {
        const { orgName } = await oversightPage(c.get('ctx'), c.get('actor'), id);
        return formPage(c, state, { id, orgs: [], orgName });
      },
    });
  });

  admin.post(`${PATH}/:id/delete`, async (c) => {
    await deleteOversight(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return c.redirect(`${PATH}?flash=deleted`, 303);
  });
}

/** The form again, with what was typed and the messages. */
function formPage(
  c: StaffContext,
  state: FormState,
  p: { id?: string; orgs: Parameters<typeof OversightFormPage>[0]['orgs']; orgName?: string },
) {
  return (
    <OversightFormPage {...staffPage(c)} {...p} values={asText(state)} errors={state.errors} message={state.message} />
  );
}
