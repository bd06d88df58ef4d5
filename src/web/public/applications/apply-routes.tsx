/** @jsxImportSource hono/jsx */
// The online application (申请公开政府信息): GET shows the office's contact details and the form,
// POST (multipart, with the identity proof) submits it and answers with the receipt and its 查询码.
//
// The receipt is the POST's own response rather than a redirect to a page that shows a case by its
// code alone: such a page would reveal dates to anyone holding the code without the contact /track
// asks for. Re-posting (refresh, double click) is harmless: the form's submissionKey makes it one case.
import type { Context, Hono } from 'hono';
import { findOrg, loadPortalSite, type PortalSite } from '../../../app/portal/portal.js';
import { submitApplication, type SubmitInput } from '../../../app/applications/submit-application.js';
import { AppError } from '../../../app/errors.js';
import { validateApplication, type ApplicationForm } from '../../../domain/applications/intake.js';
import type { Organization } from '../../../domain/orgs/organization.js';
import type { WebEnv } from '../../common/env.js';
import { notFoundPage } from '../../common/pages.js';
import { APPLY_FIELD_LABELS, ApplyFormPage, ApplyReceiptPage, type ApplyValues } from './apply-views.js';

type C = Context<WebEnv>;

const INVALID_MESSAGE = '申请未提交，请按提示更正';
const PROOF_MISSING = '请上传身份证明';
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** Registers GET and POST /org/:code/apply. Register before the portal's `/org/:code/:dir`. */
export function registerApplyRoutes(app: Hono<WebEnv>): void {
  app.get('/org/:code/apply', async (c) => {
    const found = await portalOrg(c);
    if (!found) return c.html(notFoundPage(), 404);
    return formPage(c, found, { 'applicant.type': 'natural_person' }, 200);
  });

  app.post('/org/:code/apply', async (c) => {
    const found = await portalOrg(c);
    if (!found) return c.html(notFoundPage(), 404);
    const body = await c.req.parseBody();
    const values = formValues(body);
    const proof = await proofOf(body.proof);
    if (!proof) return formPage(c, found, values, 422, { ...precheck(values), proof: PROOF_MISSING });
    try {
      const result = await submitApplication(c.get('ctx'), null, submitInput(found.org, values, proof));
      c.header('Cache-Control', 'no-store');
      return c.html(<ApplyReceiptPage site={found.site} org={found.org} result={result} />);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'invalid') throw e;
      return formPage(c, found, values, 422, forForm(values, e.fieldErrors), e.message);
    }
  });
}

type Found = { site: PortalSite; org: Organization };

async function portalOrg(c: C): Promise<Found | undefined> {
  const site = await loadPortalSite(c.get('ctx'));
  const org = findOrg(site, c.req.param('code') ?? '');
  return org ? { site, org } : undefined;
}

/** The form; a fresh submissionKey per first render, the posted one kept while the applicant corrects it. */
function formPage(
  c: C,
  found: Found,
  values: ApplyValues,
  status: 200 | 422,
  errors?: Record<string, string>,
  message?: string,
) {
  c.header('Cache-Control', 'no-store');
  const v = values.submissionKey ? values : { ...values, submissionKey: c.get('ctx').crypto.randomToken() };
  const page = (
    <ApplyFormPage
      site={found.site}
      org={found.org}
      csrf={c.get('csrf')}
      values={v}
      errors={errors}
      message={errors ? (message ?? INVALID_MESSAGE) : undefined}
    />
  );
  return c.html(page, status);
}

/** The text fields of the form, untrimmed: the form re-renders exactly what was typed. */
function formValues(body: Record<string, unknown>): ApplyValues {
  const values: ApplyValues = {};
  for (const key of [...Object.keys(APPLY_FIELD_LABELS), 'submissionKey']) {
    const v = body[key];
    if (typeof v === 'string') values[key] = v;
  }
  if (!KEY_PATTERN.test(values.submissionKey ?? '')) delete values.submissionKey;
  return values;
}

/** The chosen file; browsers send an empty, unnamed part when none was chosen. */
async function proofOf(value: unknown): Promise<{ content: Uint8Array; fileName: string } | undefined> {
  if (!(value instanceof File) || (value.size === 0 && value.name === '')) return undefined;
  return { content: new Uint8Array(await value.arrayBuffer()), fileName: value.name };
}

/** The intake form: legal persons give their credit code in its own field, stored as the document number. */
function applicationForm(v: ApplyValues): ApplicationForm {
  const legal = v['applicant.type'] === 'legal_person';
  const a = (key: string) => v[`applicant.${key}`] ?? '';
  return {
    applicant: {
      type: a('type'),
      subtype: legal ? a('subtype') : '',
      name: a('name'),
      idType: legal ? '' : a('idType'),
      idNumber: legal ? a('creditCode') : a('idNumber'),
      legalRepresentative: legal ? a('legalRepresentative') : '',
      contactPerson: legal ? a('contactPerson') : '',
      phone: a('phone'),
      email: a('email'),
      address: a('address'),
      postcode: a('postcode'),
    },
    description: v.description,
    title: v.title,
    docNo: v.docNo,
    indexNo: v.indexNo,
    carrier: v.carrier,
    delivery: v.delivery,
  };
}

function submitInput(org: Organization, v: ApplyValues, proof: { content: Uint8Array; fileName: string }): SubmitInput {
  return {
    orgCreditCode: org.creditCode,
    form: applicationForm(v),
    channel: 'online',
    proof,
    submissionKey: v.submissionKey,
  };
}

/** Without a proof nothing is submitted, but the applicant still sees every other error at once. */
function precheck(v: ApplyValues): Record<string, string> {
  const checked = validateApplication(applicationForm(v));
  return checked.ok ? {} : forForm(v, checked.error);
}

/** Intake reports a legal person's credit code as `applicant.idNumber`; the form has its own field for it. */
function forForm(v: ApplyValues, errors: Record<string, string>): Record<string, string> {
  const out = { ...errors };
  const idError = out['applicant.idNumber'];
  if (v['applicant.type'] === 'legal_person' && idError !== undefined) {
    delete out['applicant.idNumber'];
    out['applicant.creditCode'] = idError;
  }
  return out;
}
