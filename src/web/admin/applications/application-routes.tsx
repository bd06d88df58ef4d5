/** @jsxImportSource hono/jsx */
// Back-office pages of 依申请公开: the case list, staff entry for the other channels (《政府信息公开条例》
// 第三十一条), the case page with its deadline ledger and moves, the moves themselves, release to all
// (第四十四条), the identity proof download, and the corrections sent online (their files, their confirmation).
// Thin handlers: parse → use case (which authorizes) → render.
import type { Hono } from 'hono';
import { releaseToAll } from '../../../app/applications/release-to-all.js';
import { actOnApplication } from '../../../app/applications/act-on-application.js';
import { submitApplication, type SubmitInput } from '../../../app/applications/submit-application.js';
import { applicationProof, caseListPage, entryChoices } from '../../../app/applications/application-pages.js';
import type { CaseListOptions } from '../../../app/applications/case-lists.js';
import { ACTIONS, APPLICATION_STATES, type Channel } from '../../../domain/applications/application.js';
import { type StaffEnv, staffPage } from '../../common/env.js';
import {
  formAction,
  parseBody,
  readForm,
  readQuery,
  uploadedFile,
  valueOf,
  type FormState,
} from '../../common/pipeline.js';
import type { FormValues } from '../../common/validation.js';
import { download } from '../../common/download.js';
import {
  checkbox,
  integer,
  oneOf,
  optionalLocalDate,
  optionalOneOf,
  parseQuery,
  text,
  z,
} from '../../common/validation.js';
import { ApplicationListPage, type ApplicationListQuery } from './application-views.js';
import { NewApplicationPage, STAFF_CHANNELS } from './application-entry-views.js';
import type { FailedMove } from './application-case-views.js';
import { casePage } from './case-page.js';
import { registerReplyRoutes } from './reply-routes.js';
import { acceptCorrection, proposalFile } from '../../../app/applications/online-correction.js';
import { QUEUES } from '../../../domain/applications/queues.js';

const PATH = '/admin/applications';
const PAGE_SIZE = 20;
const DATE_FORMAT = '日期格式应为 YYYY-MM-DD';

/** The list's filters; a malformed one is reported and ignored. */
const LIST_QUERY = {
  queue: optionalOneOf(QUEUES, '待办类别有误'),
  state: optionalOneOf(APPLICATION_STATES, '状态有误'),
  org: text(64),
  mine: checkbox(),
  open: optionalOneOf(['open', 'closed'], '办理情况有误'),
  deadline: optionalOneOf(['overdue', 'due_soon'], '期限有误'),
  from: optionalLocalDate(DATE_FORMAT),
  to: optionalLocalDate(DATE_FORMAT),
  q: text(200),
  page: z.preprocess((v) => (v === '' ? undefined : v), integer('页码应为正整数', 1).optional()),
};
const QUERY_KEYS = ['queue', 'state', 'org', 'mine', 'open', 'deadline', 'from', 'to', 'q'] as const;

/** The text fields of the entry form (the domain's intake checks them, every field at once). */
const ENTRY_TEXT = [
  'submissionKey',
  'dates.submittedOn',
  'dates.signedForOn',
  'dates.confirmedOn',
  'applicant.type',
  'applicant.subtype',
  'applicant.name',
  'applicant.idType',
  'applicant.idNumber',
  'applicant.legalRepresentative',
  'applicant.contactPerson',
  'applicant.phone',
  'applicant.email',
  'applicant.address',
  'applicant.postcode',
  'description',
  'title',
  'docNo',
  'indexNo',
  'carrier',
  'delivery',
] as const;

/** The entry form: the organization among the actor's own, a channel staff enter, the texts as typed. */
const entryForm = (orgCodes: string[]) =>
  z.object({
    ...Object.fromEntries(ENTRY_TEXT.map((k) => [k, text(10_000)])),
    orgCreditCode: oneOf(orgCodes as [string, ...string[]], '请选择受理机关'),
    channel: oneOf(STAFF_CHANNELS as [Channel, ...Channel[]], '请选择收到渠道'),
  }) as unknown as z.ZodType<Record<(typeof ENTRY_TEXT)[number], string> & { orgCreditCode: string; channel: Channel }>;

/** The use case's input from the entry form's fields. */
function entryInput(v: z.output<ReturnType<typeof entryForm>>, proof: SubmitInput['proof']): SubmitInput {
  const pick = (prefix: string) =>
    Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, x]) => [k.slice(prefix.length), x]),
    );
  const { description, title, docNo, indexNo, carrier, delivery } = v;
  return {
    orgCreditCode: v.orgCreditCode,
    channel: v.channel,
    form: { applicant: pick('applicant.'), description, title, docNo, indexNo, carrier, delivery },
    dates: pick('dates.'),
    proof,
    submissionKey: v.submissionKey || undefined,
  };
}

/** The moves' form: the move, and its parameters as typed (the domain parses them). */
const moveForm = z.object({ action: oneOf(ACTIONS, '未知的办理事项') });

/** The form confirming a correction sent online: the corrected request (prefilled) and a note. */
const acceptForm = z.object({ correctedRequest: text(20_000), lateReason: text(2000), note: text(2000) });

/** A move's parameters as typed: every field of its form but the move itself. */
const moveParams = (values: FormValues): Record<string, string> =>
  Object.fromEntries(
    Object.keys(values)
      .filter((k) => k !== '_csrf' && k !== 'action')
      .map((k) => [k, valueOf(values, k)]),
  );

/** A failed move as the case page reopens it: the message with each field's message, and what was typed. */
function failedMove(state: FormState): FailedMove {
  const message = [state.message, ...Object.values(state.errors)].filter(Boolean).join('：');
  return { action: valueOf(state.values, 'action'), message, values: moveParams(state.values) };
}

/** Registers the /admin/applications pages. */
export function registerApplicationRoutes(admin: Hono<StaffEnv>): void {
  admin.get(PATH, async (c) => {
    const actor = c.get('actor');
    const raw = readQuery(c);
    const { value: q, errors } = parseQuery(LIST_QUERY, raw);
    const query = Object.fromEntries(QUERY_KEYS.map((k) => [k, valueOf(raw, k).trim()])) as ApplicationListQuery;
    const filters: CaseListOptions = {
      queue: q.queue,
      state: q.state,
      orgId: q.org || undefined,
      handlerId: q.mine ? actor.userId : undefined,
      open: q.open === undefined ? undefined : q.open === 'open',
      deadline: q.deadline,
      receivedFrom: q.from,
      receivedTo: q.to,
      query: q.q,
    };
    const page = q.page ?? 1;
    const list = await caseListPage(c.get('ctx'), actor, {
      filters,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    });
    const pageCount = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
    return c.html(
      <ApplicationListPage
        actor={actor}
        csrf={c.get('csrf')}
        list={list}
        query={query}
        errors={errors}
        page={page}
        pageCount={pageCount}
      />,
    );
  });

  admin.get(`${PATH}/new`, async (c) => {
    const { orgs, submissionKey } = await entryChoices(c.get('ctx'), c.get('actor'));
    const values = {
      submissionKey,
      orgCreditCode: orgs[0]?.creditCode ?? '',
      channel: 'in_person',
      'applicant.type': 'natural_person',
      'applicant.idType': 'resident_id',
      carrier: 'paper',
      delivery: 'post',
    };
    return c.html(<NewApplicationPage {...staffPage(c)} values={values} orgs={orgs} />);
  });

  admin.post(`${PATH}/new`, async (c) => {
    const { orgs, submissionKey } = await entryChoices(c.get('ctx'), c.get('actor'));
    const proof = await uploadedFile((await parseBody(c)).proof);
    return formAction(c, {
      schema: entryForm(orgs.map((o) => o.creditCode)),
      run: (input) => submitApplication(c.get('ctx'), c.get('actor'), entryInput(input, proof)),
      done: (r) => c.redirect(`${PATH}/${r.id}?flash=created`, 303),
      // A key intake refused as used by another application is replaced, so that the corrected form can go.
      again: (state) => (
        <NewApplicationPage
          {...staffPage(c)}
          values={{
            ...Object.fromEntries(Object.keys(state.values).map((k) => [k, valueOf(state.values, k)])),
            ...(state.errors.submissionKey === undefined ? {} : { submissionKey }),
          }}
          errors={state.errors}
          message={state.message}
          orgs={orgs}
        />
      ),
    });
  });

  admin.get(`${PATH}/:id`, async (c) => c.html(await casePage(c, c.req.param('id'))));

  admin.get(`${PATH}/:id/proof`, async (c) =>
    download(c, await applicationProof(c.get('ctx'), c.get('actor'), c.req.param('id'))),
  );

  admin.post(`${PATH}/:id/release`, (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: z.object({}),
      run: () => releaseToAll(c.get('ctx'), c.get('actor'), id),
      done: (draft) => c.redirect(`/admin/publications/${draft.id}`, 303),
      again: (state) => casePage(c, id, { action: 'release_to_all', message: state.message ?? '', values: {} }),
    });
  });

  admin.get(`${PATH}/:id/corrections/:proposalId/files/:sort{[0-9]+}`, async (c) => {
    const { id, proposalId, sort } = c.req.param();
    return download(c, await proposalFile(c.get('ctx'), c.get('actor'), id, proposalId, Number(sort)));
  });

  admin.post(`${PATH}/:id/corrections/:proposalId/accept`, async (c) => {
    const { id, proposalId } = c.req.param();
    const values = await readForm(c);
    return formAction(c, {
      schema: acceptForm,
      values,
      run: (input) => acceptCorrection(c.get('ctx'), c.get('actor'), id, proposalId, input),
      done: () => c.redirect(`${PATH}/${id}?flash=receive_correction`, 303),
      again: (state) => casePage(c, id, { ...failedMove(state), action: 'receive_correction' }),
    });
  });

  admin.post(`${PATH}/:id/actions`, async (c) => {
    const id = c.req.param('id');
    const values = await readForm(c);
    return formAction(c, {
      schema: moveForm,
      values,
      run: ({ action }) => actOnApplication(c.get('ctx'), c.get('actor'), id, action, moveParams(values)),
      done: () => c.redirect(`${PATH}/${id}?flash=${valueOf(values, 'action')}`, 303),
      again: (state) => casePage(c, id, failedMove(state)),
    });
  });

  registerReplyRoutes(admin);
}
