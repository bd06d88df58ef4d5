// SQL for disclosure applications and their event ledgers.
import type { Kysely, Selectable } from 'kysely';
import type { ApplicationEventTable, ApplicationTable, Database } from '../database.js';
import type { ApplicationRepository, ApplicationSummary } from '../../app/applications/ports.js';
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
import { fromBool, toBool } from '../mappers.js';
import { containsText } from '../portable.js';

const d = (v: string | null): LocalDate | null => v as LocalDate | null;

function toSnapshot(
  r: Selectable<ApplicationTable>,
  events: ApplicationEvent[],
): ApplicationSnapshot & { proofFileId: string | null } {
  return {
    id: r.id,
    orgId: r.org_id,
    trackingCode: r.tracking_code,
    channel: r.channel as Channel,
    receivedOn: r.received_on as LocalDate,
    applicant: {
      type: r.applicant_type as ApplicantType,
      subtype: r.applicant_subtype as LegalPersonSubtype | null,
      name: r.applicant_name,
      idType: r.id_type as IdType | null,
      idNumber: r.id_number,
      legalRepresentative: r.legal_representative,
      contactPerson: r.contact_person,
      phone: r.phone,
      email: r.email,
      address: r.address,
      postcode: r.postcode,
    },
    request: {
      description: r.description,
      title: r.title,
      docNo: r.doc_no,
      indexNo: r.index_no,
      carrier: r.carrier as Carrier,
      delivery: r.delivery as Delivery,
    },
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
    at: r.at,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    params: JSON.parse(r.params_json) as Record<string, unknown>,
    dueOn: d(r.due_on),
    explanation: r.explanation,
    provisional: toBool(r.provisional),
  };
}

function eventRow(id: string, e: ApplicationEvent) {
  return {
    application_id: id,
    seq: e.seq,
    action: e.action,
    on_date: e.on,
    at: e.at,
    actor_id: e.actorId,
    actor_label: e.actorLabel,
    params_json: JSON.stringify(e.params),
    due_on: e.dueOn,
    explanation: e.explanation,
    provisional: fromBool(e.provisional),
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

function toSummary(r: Pick<Selectable<ApplicationTable>, (typeof SUMMARY_COLUMNS)[number]>): ApplicationSummary {
  return {
    id: r.id,
    orgId: r.org_id,
    trackingCode: r.tracking_code,
    channel: r.channel as Channel,
    receivedOn: r.received_on,
    applicantType: r.applicant_type as ApplicantType,
    applicantName: r.applicant_name,
    idNumber: r.id_number,
    state: r.state as ApplicationState,
    handlerId: r.handler_id,
    outcome: r.outcome as Outcome | null,
    dueOn: r.due_on,
    closedOn: r.closed_on,
    description: r.description,
  };
}

const CLOSED: ApplicationState[] = ['archived', 'withdrawn'];

/** Builds the application repository. */
export function applicationRepository(db: Kysely<Database>): ApplicationRepository {
  return {
    async insert(a, at) {
      await db
        .insertInto('application')
        .values({
          id: a.id,
          org_id: a.orgId,
          tracking_code: a.trackingCode,
          submission_key: a.submissionKey,
          channel: a.channel,
          received_on: a.receivedOn,
          applicant_type: a.applicant.type,
          applicant_subtype: a.applicant.subtype,
          applicant_name: a.applicant.name,
          id_type: a.applicant.idType,
          id_number: a.applicant.idNumber,
          legal_representative: a.applicant.legalRepresentative,
          contact_person: a.applicant.contactPerson,
          phone: a.applicant.phone,
          email: a.applicant.email,
          address: a.applicant.address,
          postcode: a.applicant.postcode,
          description: a.request.description,
          title: a.request.title,
          doc_no: a.request.docNo,
          index_no: a.request.indexNo,
          carrier: a.request.carrier,
          delivery: a.request.delivery,
          proof_file_id: a.proofFileId,
          state: a.state,
          handler_id: a.handlerId,
          outcome: a.outcome,
          due_on: a.dueOn,
          waiting_until: a.waitingUntil,
          extended: fromBool(a.extended),
          closed_on: a.closedOn,
          created_at: at,
          updated_at: at,
        })
        .execute();
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
    async idBySubmissionKey(key) {
      return (await db.selectFrom('application').select('id').where('submission_key', '=', key).executeTakeFirst())?.id;
    },
    async update(id, p, at) {
      await db
        .updateTable('application')
        .set({
          ...(p.state !== undefined ? { state: p.state } : {}),
          ...(p.handlerId !== undefined ? { handler_id: p.handlerId } : {}),
          ...(p.outcome !== undefined ? { outcome: p.outcome } : {}),
          ...(p.dueOn !== undefined ? { due_on: p.dueOn } : {}),
          ...(p.waitingUntil !== undefined ? { waiting_until: p.waitingUntil } : {}),
          ...(p.extended !== undefined ? { extended: fromBool(p.extended) } : {}),
          ...(p.closedOn !== undefined ? { closed_on: p.closedOn } : {}),
          ...(p.receivedOn !== undefined ? { received_on: p.receivedOn } : {}),
          ...(p.orgId !== undefined ? { org_id: p.orgId } : {}),
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
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
      if (f.receivedFrom) q = q.where('received_on', '>=', f.receivedFrom);
      if (f.receivedTo) q = q.where('received_on', '<=', f.receivedTo);
      if (f.query) {
        const text = f.query;
        q = q.where((eb) =>
          eb.or([
            containsText('tracking_code', text),
            containsText('applicant_name', text),
            containsText('description', text),
          ]),
        );
      }
      const total = Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
      const rows = await q
        .select([...SUMMARY_COLUMNS])
        .orderBy('received_on', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { items: rows.map(toSummary), total };
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
