// Disclosure applications: the case, its event ledger, notices, stored files and counters.
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { actor, col, dropTables, indexes, table, timestamps } from './schema-kit.js';

// Copied, not imported (migrations never import app code): domain/applications/application.ts.
const STATES = [
  'received',
  'registered',
  'awaiting_correction',
  'in_consultation',
  'awaiting_payment',
  'in_legal_review',
  'awaiting_approval',
  'approved',
  'replied',
  'archived',
  'withdrawn',
];
const CHANNELS = ['online', 'in_person', 'registered_mail', 'ordinary_mail', 'fax', 'email'];

/** Creates the application tables. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'stored_file', {
    id: col.pk, // sha256 of the content
    mime: col.required,
    size: col.requiredInt,
    content_b64: col.required,
    created_at: col.required,
  });

  await table(db, 'application', {
    id: col.pk,
    org_id: col.ref('organization.id').notNull,
    tracking_code: col.required.unique,
    submission_key: col.text.unique,
    channel: col.oneOf(CHANNELS),
    received_on: col.required,
    applicant_type: col.oneOf(['natural_person', 'legal_person']),
    applicant_subtype: col.text,
    applicant_name: col.required,
    id_type: col.text,
    id_number: col.blank,
    legal_representative: col.blank,
    contact_person: col.blank,
    phone: col.blank,
    email: col.blank,
    address: col.blank,
    postcode: col.blank,
    description: col.required,
    title: col.blank,
    doc_no: col.blank,
    index_no: col.blank,
    carrier: col.required,
    delivery: col.required,
    proof_file_id: col.ref('stored_file.id'),
    state: col.oneOf(STATES),
    handler_id: col.ref('app_user.id'),
    outcome: col.text,
    due_on: col.text,
    waiting_until: col.text,
    extended: col.zero,
    closed_on: col.text,
    ...timestamps,
  });
  await indexes(db, 'application', {
    application_org_state_idx: ['org_id', 'state'],
    application_due_idx: ['due_on'],
    application_received_idx: ['received_on'],
    application_applicant_idx: ['org_id', 'id_number'],
  });

  await table(db, 'application_event', {
    application_id: col.ref('application.id').notNull,
    seq: col.requiredInt,
    action: col.required,
    on_date: col.required,
    at: col.required,
    ...actor,
    params_json: col.required,
    due_on: col.text,
    explanation: col.blank,
    provisional: col.zero,
  }).primaryKey('application_id', 'seq');

  await table(db, 'notice', {
    id: col.pk,
    application_id: col.ref('application.id').notNull,
    kind: col.required,
    doc_no: col.required,
    issued_on: col.required,
    body_json: col.required,
    served_on: col.text,
    service_method: col.text,
    service_ref: col.text,
    created_at: col.required,
  });
  await indexes(db, 'notice', { notice_application_idx: ['application_id'] });

  await table(db, 'counter', { key: col.pk, value: col.requiredInt });
}

/** Drops the application tables (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropTables(db, 'counter', 'notice', 'application_event', 'application', 'stored_file');
}
