// SQL for disclosure applications and their event ledgers.
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { ApplicationEventTable, ApplicationTable, Database } from '../database.js';
import type { ApplicationRepository, ApplicationSummary, NewApplication } from '../../app/applications/ports.js';
import type {
  ApplicantType,
  ApplicationEvent,
  ApplicationSnapshot,
  ApplicationState,
  Carrier,
  Channel,
  Delivery,
  IdType,
  LegalPersonSubtype,
  Outcome,
} from '../../domain/applications/application.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import { ACTOR, camelFields, fromBool, givenColumns, parseJson, snakeColumns, toBool } from '../mappers.js';
import { containsText } from '../portable.js';
import { pageOf, updateById } from '../queries.js';

const d = (v: string | null): LocalDate | null => v as LocalDate | null;

// Columns named as the fields of the case's parts (`id_number` ↔ `idNumber`), in the record's order.
const KEY = ['id', 'org_id', 'tracking_code'] as const;
const APPLICANT = [
  'id_type',
  'id_number',
  'legal_representative',
  'contact_person',
  'phone',
  'email',
  'address',
  'postcode',
] as const;
const REQUEST = ['description', 'title', 'doc_no', 'index_no', 'carrier', 'delivery'] as const;
const PROGRESS = ['state', 'handler_id', 'outcome', 'due_on', 'waiting_until', 'extended', 'closed_on'] as const;

function toSnapshot(
  r: Selectable<ApplicationTable>,
  events: ApplicationEvent[],
): ApplicationSnapshot & { proofFileId: string | null } {
  return {
    ...camelFields(r, KEY),
    channel: r.channel as Channel,
    receivedOn: r.received_on as LocalDate,
    applicant: {
      type: r.applicant_type as ApplicantType,
      subtype: r.applicant_subtype as LegalPersonSubtype | null,
      name: r.applicant_name,
      ...camelFields(r, APPLICANT),
      idType: r.id_type as IdType | null,
    },
    request: { ...camelFields(r, REQUEST), carrier: r.carrier as Carrier, delivery: r.delivery as Delivery },
    state: r.state as ApplicationState,
    handlerId: r.handler_id,
    outcome: r.outcome as Outcome | null,
    dueOn: d(r.due_on),
    waitingUntil: d(r.waiting_until),
    extended: toBool(r.extended),
    closedOn: d(r.closed_on),
    proofFileId: r.proof_file_id,
    events,
  };
}

function toEvent(r: Selectable<ApplicationEventTable>): ApplicationEvent {
  return {
    seq: Number(r.seq),
    action: r.action as ApplicationEvent['action'],
    on: r.on_date as LocalDate,
    ...camelFields(r, ['at', ...ACTOR]),
    params: parseJson(r.params_json),
    dueOn: d(r.due_on),
    explanation: r.explanation,
    provisional: toBool(r.provisional),
  };
}

function eventRow(id: string, e: ApplicationEvent) {
  return {
    application_id: id,
    ...snakeColumns(e, ['seq', 'action']),
    on_date: e.on,
    ...snakeColumns(e, ['at', ...ACTOR]),
    params_json: JSON.stringify(e.params),
    ...snakeColumns(e, ['due_on', 'explanation']),
    provisional: fromBool(e.provisional),
  };
}

function applicationRow(a: NewApplication, at: string): Insertable<ApplicationTable> {
  return {
    ...snakeColumns(a, [...KEY, 'submission_key', 'submission_hash', 'channel', 'received_on']),
    applicant_type: a.applicant.type,
    applicant_subtype: a.applicant.subtype,
    applicant_name: a.applicant.name,
    ...snakeColumns(a.applicant, APPLICANT),
    ...snakeColumns(a.request, REQUEST),
    proof_file_id: a.proofFileId,
    ...snakeColumns(a, PROGRESS),
    extended: fromBool(a.extended),
    created_at: at,
    updated_at: at,
  };
}

const SUMMARY_COLUMNS = [
  'id',
  'org_id',
  'tracking_code',
  'channel',
  'received_on',
  'applicant_type',
  'applicant_name',
  'id_number',
  'state',
  'handler_id',
  'outcome',
  'due_on',
  'closed_on',
  'description',
] as const;

/** A list row: the summary columns as its fields. */
function toSummary(r: Pick<Selectable<ApplicationTable>, (typeof SUMMARY_COLUMNS)[number]>): ApplicationSummary {
  return {
    ...camelFields(r, SUMMARY_COLUMNS),
    channel: r.channel as Channel,
    applicantType: r.applicant_type as ApplicantType,
    state: r.state as ApplicationState,
    outcome: r.outcome as Outcome | null,
  };
}

const CLOSED: ApplicationState[] = ['archived', 'withdrawn'];

/** Builds the application repository. */
export function applicationRepository(db: Kysely<Database>): ApplicationRepository {
  return {
    async insert(a, at) {
      await db.insertInto('application').values(applicationRow(a, at)).execute();
    },
    async byId(id) {
      const r = await db.selectFrom('application').selectAll().where('id', '=', id).executeTakeFirst();
      if (!r) return undefined;
      const events = await db
        .selectFrom('application_event')
        .selectAll()
        .where('application_id', '=', id)
        .orderBy('seq')
        .execute();
      return toSnapshot(r, events.map(toEvent));
    },
    async idByTrackingCode(code) {
      return (await db.selectFrom('application').select('id').where('tracking_code', '=', code).executeTakeFirst())?.id;
    },
    async bySubmissionKey(key) {
      const row = await db
        .selectFrom('application')
        .select(['id', 'submission_hash'])
        .where('submission_key', '=', key)
        .executeTakeFirst();
      return row && { id: row.id, submissionHash: row.submission_hash };
    },
    async update(id, p, at) {
      const changes = givenColumns({
        state: p.state,
        handler_id: p.handlerId,
        outcome: p.outcome,
        due_on: p.dueOn,
        waiting_until: p.waitingUntil,
        extended: p.extended === undefined ? undefined : fromBool(p.extended),
        closed_on: p.closedOn,
        received_on: p.receivedOn,
        org_id: p.orgId,
      });
      await updateById(db, 'application', id, { ...changes, updated_at: at });
    },
    async appendEvent(id, e) {
      await db.insertInto('application_event').values(eventRow(id, e)).execute();
    },
    async replaceEvents(id, events) {
      await db.deleteFrom('application_event').where('application_id', '=', id).execute();
      if (events.length > 0) {
        await db
          .insertInto('application_event')
          .values(events.map((e) => eventRow(id, e)))
          .execute();
      }
    },
    async list(f, page) {
      if (f.orgIds.length === 0 && !f.alsoHandlerId) return { items: [], total: 0 };
      const orgIds = f.orgIds.length > 0 ? [...f.orgIds] : [''];
      const also = f.alsoHandlerId;
      let q = db
        .selectFrom('application')
        .where((eb) =>
          also ? eb.or([eb('org_id', 'in', orgIds), eb('handler_id', '=', also)]) : eb('org_id', 'in', orgIds),
        );
      if (f.states && f.states.length > 0) q = q.where('state', 'in', [...f.states]);
      if (f.open === true) q = q.where('state', 'not in', CLOSED);
      if (f.open === false) q = q.where('state', 'in', CLOSED);
      if (f.handlerId) q = q.where('handler_id', '=', f.handlerId);
      if (f.dueOnOrBefore) q = q.where('due_on', '<=', f.dueOnOrBefore);
      if (f.dueOnOrAfter) q = q.where('due_on', '>=', f.dueOnOrAfter);
      if (f.waitingEndedBefore) q = q.where('waiting_until', '<', f.waitingEndedBefore);
      if (f.extensionRequested) {
        // The rule of pendingExtensionRequest (domain/applications/transitions.ts) in SQL: a request stays open until
        // an extension is granted or a corrected application restarts the period.
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('application_event as r')
              .select('r.seq')
              .whereRef('r.application_id', '=', 'application.id')
              .where('r.action', '=', 'request_extension')
              .where(({ not, exists: later, selectFrom: from }) =>
                not(
                  later(
                    from('application_event as x')
                      .select('x.seq')
                      .whereRef('x.application_id', '=', 'r.application_id')
                      .whereRef('x.seq', '>', 'r.seq')
                      .where('x.action', 'in', ['extend', 'receive_correction']),
                  ),
                ),
              ),
          ),
        );
      }
      if (f.receivedFrom) q = q.where('received_on', '>=', f.receivedFrom);
      if (f.receivedTo) q = q.where('received_on', '<=', f.receivedTo);
      if (f.query) {
        const text = f.query;
        const scope = f.nameSearch;
        q = q.where((eb) =>
          eb.or([
            containsText('tracking_code', text),
            scope
              ? eb.and([
                  containsText('applicant_name', text),
                  eb.or([
                    ...(scope.orgIds.length > 0 ? [eb('org_id', 'in', [...scope.orgIds])] : []),
                    eb('handler_id', '=', scope.handlerId),
                  ]),
                ])
              : containsText('applicant_name', text),
            containsText('description', text),
          ]),
        );
      }
      return pageOf(q, page, toSummary, (q) =>
        q.select(SUMMARY_COLUMNS).orderBy('received_on', 'desc').orderBy('id', 'desc'),
      );
    },
    async byApplicant(orgId, idNumber, from, to) {
      const rows = await db
        .selectFrom('application')
        .select([...SUMMARY_COLUMNS])
        .where('org_id', '=', orgId)
        .where('id_number', '=', idNumber)
        .where('received_on', '>=', from)
        .where('received_on', '<=', to)
        .orderBy('received_on')
        .execute();
      return rows.map(toSummary);
    },
    async openIds() {
      const rows = await db.selectFrom('application').select('id').where('state', 'not in', CLOSED).execute();
      return rows.map((r) => r.id);
    },
  };
}
