// Disclosure applications: the case, its event ledger, notices, stored files and counters.
// Frozen in time: never edit after merge; add a new migration instead.
import { sql, type Kysely } from 'kysely';

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

const inList = (col: string, values: string[]) => sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** Creates the application tables. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stored_file')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey()) // sha256 of the content
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('content_b64', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('application')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organization.id'))
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('submission_key', 'text', (c) => c.unique())
    .addColumn('channel', 'text', (c) => c.notNull().check(inList('channel', CHANNELS)))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('applicant_type', 'text', (c) =>
      c.notNull().check(inList('applicant_type', ['natural_person', 'legal_person'])),
    )
    .addColumn('applicant_subtype', 'text')
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('id_type', 'text')
    .addColumn('id_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('legal_representative', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_person', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('postcode', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('doc_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('index_no', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('proof_file_id', 'text', (c) => c.references('stored_file.id'))
    .addColumn('state', 'text', (c) => c.notNull().check(inList('state', STATES)))
    .addColumn('handler_id', 'text', (c) => c.references('app_user.id'))
    .addColumn('outcome', 'text')
    .addColumn('due_on', 'text')
    .addColumn('waiting_until', 'text')
    .addColumn('extended', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_org_state_idx')
    .ifNotExists()
    .on('application')
    .columns(['org_id', 'state'])
    .execute();
  await db.schema.createIndex('application_due_idx').ifNotExists().on('application').columns(['due_on']).execute();
  await db.schema
    .createIndex('application_received_idx')
    .ifNotExists()
    .on('application')
    .columns(['received_on'])
    .execute();
  await db.schema
    .createIndex('application_applicant_idx')
    .ifNotExists()
    .on('application')
    .columns(['org_id', 'id_number'])
    .execute();

  await db.schema
    .createTable('application_event')
    .ifNotExists()
    .addColumn('application_id', 'text', (c) => c.notNull().references('application.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('explanation', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('application_event_pk', ['application_id', 'seq'])
    .execute();

  await db.schema
    .createTable('notice')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('application.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('doc_no', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('served_on', 'text')
    .addColumn('service_method', 'text')
    .addColumn('service_ref', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notice_application_idx').ifNotExists().on('notice').column('application_id').execute();

  await db.schema
    .createTable('counter')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
}

/** Drops the application tables (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['counter', 'notice', 'application_event', 'application', 'stored_file']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
