// Website monitoring (监督保障, 国办秘函〔2019〕19号): the registry of government websites and their columns, the
// messages of interaction columns, monitoring runs (a job: progress, cancel, history per site with verdict, score
// and vetoes), findings matched from run to run, 整改 tasks of the responsible organization and 提醒函.
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { col, dropIndexes, dropTables, indexes, table, timestamps } from './schema-kit.js';

/** Creates the monitoring tables. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'monitor_site', {
    id: col.pk,
    name: col.required.unique,
    home_url: col.required,
    site_code: col.blank,
    org_id: col.ref('organization.id').notNull,
    kind: col.oneOf(['portal', 'department', 'special']),
    own_portal: col.zero,
    ...timestamps,
  });
  await table(db, 'monitor_column', {
    id: col.pk,
    site_id: col.ref('monitor_site.id').notNull,
    sort: col.requiredInt,
    name: col.required,
    url: col.required,
    kind: col.oneOf(['news', 'notice', 'policy', 'should_update', 'static', 'interaction', 'service']),
    interval_days: col.integer,
    category_id: col.text,
  });
  await indexes(db, 'monitor_column', { monitor_column_site_idx: ['site_id', 'sort'] });
  await table(db, 'monitor_message', {
    id: col.pk,
    column_id: col.ref('monitor_column.id').notNull,
    received_on: col.required,
    answered_on: col.text,
    subject: col.blank,
    created_at: col.required,
  });
  await indexes(db, 'monitor_message', { monitor_message_column_idx: ['column_id', 'received_on'] });
  await table(db, 'monitor_run', {
    id: col.pk,
    site_id: col.ref('monitor_site.id'),
    state: col.oneOf(['queued', 'running', 'completed', 'failed', 'cancelled']),
    as_of: col.required,
    cancel_requested: col.zero,
    requested_by: col.text,
    requested_label: col.required,
    sites_total: col.zero,
    sites_done: col.zero,
    pages: col.zero,
    links: col.zero,
    findings: col.zero,
    error: col.text,
    created_at: col.required,
    started_at: col.text,
    finished_at: col.text,
  });
  await indexes(db, 'monitor_run', { monitor_run_created_idx: ['created_at'] });
  await table(db, 'monitor_run_site', {
    run_id: col.ref('monitor_run.id').notNull,
    site_id: col.ref('monitor_site.id').notNull,
    verdict: col.required,
    score: col.integer,
    vetoes_json: col.json('[]'),
    findings: col.zero,
    pages: col.zero,
    links: col.zero,
    finished_at: col.required,
  }).primaryKey('run_id', 'site_id');
  await indexes(db, 'monitor_run_site', { monitor_run_site_site_idx: ['site_id', 'finished_at'] });
  await table(db, 'monitor_finding', {
    id: col.pk,
    site_id: col.ref('monitor_site.id').notNull,
    match_key: col.required,
    rule: col.required,
    severity: col.oneOf(['veto', 'deduction', 'warning']),
    url: col.text,
    column_name: col.text,
    message: col.required,
    evidence_json: col.json('{}'),
    confirmation: col.oneOf(['not_needed', 'pending', 'confirmed', 'dismissed']),
    decided_by: col.text,
    decided_at: col.text,
    dismiss_reason: col.text,
    status: col.oneOf(['open', 'closed']),
    first_run_id: col.ref('monitor_run.id').notNull,
    last_run_id: col.ref('monitor_run.id').notNull,
    closed_run_id: col.ref('monitor_run.id'),
    first_seen_at: col.required,
    last_seen_at: col.required,
    closed_at: col.text,
  });
  await indexes(db, 'monitor_finding', {
    monitor_finding_site_idx: ['site_id', 'status', 'match_key'],
    monitor_finding_run_idx: ['last_run_id'],
  });
  await table(db, 'monitor_letter', {
    id: col.pk,
    org_id: col.ref('organization.id').notNull,
    doc_no: col.required.unique,
    deadline_on: col.required,
    state: col.oneOf(['issued', 'sent', 'delivered', 'closed']),
    recipient_email: col.text,
    created_by: col.text,
    created_at: col.required,
    sent_at: col.text,
    delivered_at: col.text,
    closed_at: col.text,
  });
  await indexes(db, 'monitor_letter', { monitor_letter_org_idx: ['org_id', 'created_at'] });
  await table(db, 'monitor_task', {
    id: col.pk,
    finding_id: col.ref('monitor_finding.id').notNull.unique,
    org_id: col.ref('organization.id').notNull,
    state: col.oneOf(['open', 'fixed', 'closed']),
    due_on: col.required,
    reopened: col.zero,
    fix_note: col.text,
    fixed_by: col.text,
    fixed_at: col.text,
    closed_at: col.text,
    letter_id: col.ref('monitor_letter.id'),
    created_by: col.text,
    ...timestamps,
  });
  await indexes(db, 'monitor_task', {
    monitor_task_org_idx: ['org_id', 'state', 'due_on'],
    monitor_task_letter_idx: ['letter_id'],
  });
}

/** Drops the monitoring tables (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(
    db,
    'monitor_task_letter_idx',
    'monitor_task_org_idx',
    'monitor_letter_org_idx',
    'monitor_finding_run_idx',
    'monitor_finding_site_idx',
    'monitor_run_site_site_idx',
    'monitor_run_created_idx',
    'monitor_message_column_idx',
    'monitor_column_site_idx',
  );
  await dropTables(
    db,
    'monitor_task',
    'monitor_letter',
    'monitor_finding',
    'monitor_run_site',
    'monitor_run',
    'monitor_message',
    'monitor_column',
    'monitor_site',
  );
}
