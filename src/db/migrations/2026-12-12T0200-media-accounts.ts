// The 政务新媒体 registry (国办发〔2018〕123号): accounts with their platform, 主办单位 and 备案号, their lifecycle
// events (开设/变更/暂停/关停/注销, with the public announcement of a closure) and their posts (imported, entered
// by hand or read from a feed), from which the checks of 国办秘函〔2019〕19号 are computed.
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { col, dropIndexes, dropTables, indexes, table, timestamps, uniqueIndexes } from './schema-kit.js';

const PLATFORMS = ['wechat', 'weibo', 'douyin', 'toutiao', 'kuaishou', 'channels', 'app', 'miniprogram', 'other'];
const STATUSES = ['open', 'changed', 'suspended', 'closed', 'cancelled'];

/** Creates media_account, media_account_event and media_post. */
export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'media_account', {
    id: col.pk,
    platform: col.oneOf(PLATFORMS),
    name: col.required,
    verified_name: col.blank,
    org_id: col.ref('organization.id').notNull,
    filing_no: col.blank,
    interaction: col.zero,
    owner_contact: col.blank,
    feed_url: col.blank,
    opened_on: col.text,
    status: col.oneOf(STATUSES),
    ...timestamps,
  });
  await uniqueIndexes(db, 'media_account', { media_account_name_uq: ['platform', 'name'] });
  await indexes(db, 'media_account', { media_account_org_idx: ['org_id'] });
  await table(db, 'media_account_event', {
    id: col.pk,
    account_id: col.ref('media_account.id').notNull,
    kind: col.oneOf(STATUSES),
    on_date: col.required,
    announcement: col.blank,
    note: col.blank,
    actor_id: col.text,
    actor_label: col.required,
    created_at: col.required,
  });
  await indexes(db, 'media_account_event', { media_account_event_account_idx: ['account_id', 'on_date'] });
  await table(db, 'media_post', {
    id: col.pk,
    account_id: col.ref('media_account.id').notNull,
    posted_at: col.required,
    title: col.required,
    url: col.blank,
    comments: col.zero,
    answered: col.zero,
    source: col.oneOf(['import', 'manual', 'feed']),
    created_at: col.required,
  });
  await uniqueIndexes(db, 'media_post', { media_post_key_uq: ['account_id', 'posted_at', 'title'] });
}

/** Drops them (development only). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropIndexes(db, 'media_post_key_uq', 'media_account_event_account_idx', 'media_account_org_idx');
  await dropIndexes(db, 'media_account_name_uq');
  await dropTables(db, 'media_post', 'media_account_event', 'media_account');
}
