/** @jsxImportSource hono/jsx */
// The online application (申请公开政府信息, 《政府信息公开条例》第二十九条): GET shows the office's contact
// details and the form, POST (multipart, with the identity proof) submits it and answers with the receipt
// and its 查询码.
//
// The receipt is the POST's own response rather than a redirect to a page that shows a case by its
// code alone: such a page would reveal dates to anyone holding the code without the contact /track
// asks for. Re-posting (refresh, double click) is harmless: the form's submissionKey makes it one case.
import type { Context, Hono } from 'hono';
import { applyPage, type ApplyPage } from '../../../app/applications/application-pages.js';
import { loadPortalSite } from '../../../app/portal/portal.js';
import { notFound } from '../../../app/errors.js';
import { portalUrls } from '../portal/portal-urls.js';
import { submitApplication, type SubmitInput } from '../../../app/applications/submit-application.js';
import type { ApplicationForm } from '../../../domain/applications/intake.js';
import { APPLICATION_FIELD_LABELS } from '../../../domain/applications/labels.js';
import type { WebEnv } from '../../common/env.js';
import { clientAddress } from '../../common/client-address.js';
import { formAction, parseBody, readForm, uploadedFile, valueOf } from '../../common/pipeline.js';
import { text, z, type FieldErrors, type FormValues } from '../../common/validation.js';
import { ApplyFormPage, ApplyReceiptPage, FORM_TOKEN_FIELD, HONEYPOT_FIELD, type ApplyValues } from './apply-views.js';
import { FORM_TOKEN_MESSAGES, checkFormToken, issueFormToken } from '../../../app/throttle/form-token.js';

type C = Context<WebEnv>;

const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;
const FIELDS = [...Object.keys(APPLICATION_FIELD_LABELS), 'submissionKey'];

/** The form: every field as typed (the domain's intake checks them, every field at once). */
const applyForm = z.object(Object.fromEntries(FIELDS.map((k) => [k, text(10_000)]))) as unknown as z.ZodType<
  Record<string, string>
>;

/**
 * Registers `/apply` (the root organization's form) and GET and POST /org/:code/apply. Register before the
 * portal's `/org/:code/:dir`.
 */
export function registerApplyRoutes(app: Hono<WebEnv>): void {
  // A short address to print on paper and in the 指南: the government's own form.
  app.get('/apply', async (c) => {
    const { root } = await loadPortalSite(c.get('ctx'));
    if (!root) throw notFound('机构');
    return c.redirect(portalUrls.directory(root.creditCode, 'apply'), 302);
  });

  app.get('/org/:code/apply', async (c) => {
    const page = await applyPage(c.get('ctx'), c.req.param('code'));
    return c.html(formPage(c, page, { 'applicant.type': 'natural_person' }));
  });

  app.post('/org/:code/apply', async (c) => {
    const page = await applyPage(c.get('ctx'), c.req.param('code'));
    const body = await parseBody(c);
    const proof = await uploadedFile(body.proof);
    c.header('Cache-Control', 'no-store');
    const values = await readForm(c);
    const refusal = valueOf(values, HONEYPOT_FIELD)
      ? 'honeypot'
      : checkFormToken(c.get('ctx'), purposeOf(page), valueOf(values, FORM_TOKEN_FIELD));
    if (refusal) {
      // Shown again with a fresh token and what was typed: a person resubmits, nothing is stored.
      return c.html(formPage(c, page, typed(values), {}, FORM_TOKEN_MESSAGES[refusal]), 422);
    }
    return formAction(c, {
      values,
      schema: applyForm,
      run: (v) =>
        submitApplication(c.get('ctx'), null, { ...submitInput(page, v, proof), clientAddress: clientAddress(c) }),
      done: (result) => c.html(<ApplyReceiptPage site={page.site} org={page.org} result={result} />),
      again: (state) => formPage(c, page, typed(state.values), forForm(state.values, state.errors), state.message),
    });
  });
}

/**
 * The form; a fresh submissionKey per first render, the posted one kept while the applicant corrects it (and
 * replaced when intake refused it as used by another application).
 */
function formPage(c: C, page: ApplyPage, values: ApplyValues, errors?: FieldErrors, message?: string) {
  c.header('Cache-Control', 'no-store');
  const keep = values.submissionKey && errors?.submissionKey === undefined;
  const v = keep ? values : { ...values, submissionKey: page.submissionKey };
  return (
    <ApplyFormPage
      site={page.site}
      org={page.org}
      csrf={c.get('csrf')}
      formToken={issueFormToken(c.get('ctx'), purposeOf(page))}
      values={v}
      errors={errors}
      message={errors ? (message ?? '申请未提交，请按提示更正') : undefined}
    />
  );
}

/** What the form token is for: this office's application form. */
const purposeOf = (page: ApplyPage) => `apply:${page.org.creditCode}`;

/** The text fields as typed, untrimmed: the form re-renders exactly what was typed; a malformed key is dropped. */
function typed(values: FormValues): ApplyValues {
  const out: ApplyValues = Object.fromEntries(FIELDS.map((k) => [k, valueOf(values, k)]));
  if (!KEY_PATTERN.test(out.submissionKey ?? '')) delete out.submissionKey;
  return out;
}

/** The intake form: legal persons give their credit code in its own field, stored as the document number. */
function applicationForm(v: Record<string, string>): ApplicationForm {
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

function submitInput(page: ApplyPage, v: Record<string, string>, proof: SubmitInput['proof']): SubmitInput {
  return {
    orgCreditCode: page.org.creditCode,
    form: applicationForm(v),
    channel: 'online',
    proof,
    requireProof: true,
    submissionKey: KEY_PATTERN.test(v.submissionKey ?? '') ? v.submissionKey : undefined,
  };
}

/** Intake reports a legal person's credit code as `applicant.idNumber`; the form has its own field for it. */
function forForm(values: FormValues, errors: FieldErrors): FieldErrors {
  const out = { ...errors };
  const idError = out['applicant.idNumber'];
  if (valueOf(values, 'applicant.type') === 'legal_person' && idError !== undefined) {
    delete out['applicant.idNumber'];
    out['applicant.creditCode'] = idError;
  }
  return out;
}
