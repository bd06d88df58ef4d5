// SQL of the 政务新媒体 registry: accounts, lifecycle events, posts.
import type { Kysely, Selectable } from 'kysely';
import type { Database, MediaAccountEventTable, MediaAccountTable, MediaPostTable } from '../database.js';
import type { MediaRepository } from '../../app/media/ports.js';
import type {
  AccountEvent,
  AccountStatus,
  MediaAccount,
  MediaPost,
  Platform,
  PostSource,
} from '../../domain/monitoring/accounts.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import { addDays } from '../../domain/core/local-date.js';
import { camelFields, fromBool, toBool } from '../mappers.js';
import { countRows, firstOf } from '../queries.js';

const ACCOUNT = [
  'id',
  'name',
  'verified_name',
  'org_id',
  'filing_no',
  'owner_contact',
  'feed_url',
  'created_at',
  'updated_at',
] as const;

const toAccount = (r: Selectable<MediaAccountTable>): MediaAccount => ({
  ...camelFields(r, ACCOUNT),
  platform: r.platform as Platform,
  interaction: toBool(r.interaction),
  openedOn: r.opened_on as LocalDate | null,
  status: r.status as AccountStatus,
});

const toEvent = (r: Selectable<MediaAccountEventTable>): AccountEvent => ({
  ...camelFields(r, ['id', 'account_id', 'announcement', 'note', 'actor_label', 'created_at'] as const),
  kind: r.kind as AccountStatus,
  on: r.on_date as LocalDate,
});

const toPost = (r: Selectable<MediaPostTable>): MediaPost => ({
  ...camelFields(r, ['id', 'account_id', 'posted_at', 'title', 'url', 'created_at'] as const),
  comments: Number(r.comments),
  answered: Number(r.answered),
  source: r.source as PostSource,
});

const accountColumns = (a: Omit<MediaAccount, 'id' | 'status' | 'createdAt' | 'updatedAt'>) => ({
  platform: a.platform,
  name: a.name,
  verified_name: a.verifiedName,
  org_id: a.orgId,
  filing_no: a.filingNo,
  interaction: fromBool(a.interaction),
  owner_contact: a.ownerContact,
  feed_url: a.feedUrl,
  opened_on: a.openedOn,
});

/** Builds the registry's repository. */
export function mediaRepository(db: Kysely<Database>): MediaRepository {
  return {
    async accounts() {
      const rows = await db.selectFrom('media_account').selectAll().orderBy('platform').orderBy('name').execute();
      return rows.map(toAccount);
    },
    accountById: (id) => firstOf(db.selectFrom('media_account').selectAll().where('id', '=', id), toAccount),
    accountByKey: (platform, name) =>
      firstOf(
        db.selectFrom('media_account').selectAll().where('platform', '=', platform).where('name', '=', name),
        toAccount,
      ),
    async insertAccount(a) {
      await db
        .insertInto('media_account')
        .values({ id: a.id, ...accountColumns(a), status: a.status, created_at: a.createdAt, updated_at: a.updatedAt })
        .execute();
    },
    async updateAccount(id, fields, at) {
      await db
        .updateTable('media_account')
        .set({ ...accountColumns(fields), updated_at: at })
        .where('id', '=', id)
        .execute();
    },
    async setStatus(id, status, at) {
      await db.updateTable('media_account').set({ status, updated_at: at }).where('id', '=', id).execute();
    },
    async insertEvent(e) {
      await db
        .insertInto('media_account_event')
        .values({
          id: e.id,
          account_id: e.accountId,
          kind: e.kind,
          on_date: e.on,
          announcement: e.announcement,
          note: e.note,
          actor_id: e.actorId,
          actor_label: e.actorLabel,
          created_at: e.createdAt,
        })
        .execute();
    },
    async events(accountIds) {
      if (accountIds?.length === 0) return [];
      let q = db.selectFrom('media_account_event').selectAll();
      if (accountIds) q = q.where('account_id', 'in', accountIds);
      const rows = await q.orderBy('on_date').orderBy('created_at').orderBy('id').execute();
      return rows.map(toEvent);
    },
    async insertPost(p) {
      const r = await db
        .insertInto('media_post')
        .values({
          id: p.id,
          account_id: p.accountId,
          posted_at: p.postedAt,
          title: p.title,
          url: p.url,
          comments: p.comments,
          answered: p.answered,
          source: p.source,
          created_at: p.createdAt,
        })
        .onConflict((oc) => oc.columns(['account_id', 'posted_at', 'title']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async posts(accountId, page) {
      const base = db.selectFrom('media_post').where('account_id', '=', accountId);
      const total = await countRows(base);
      const rows = await base
        .selectAll()
        .orderBy('posted_at', 'desc')
        .orderBy('id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      return { total, rows: rows.map(toPost) };
    },
    async allPosts(accountIds) {
      if (accountIds?.length === 0) return [];
      let q = db.selectFrom('media_post').selectAll();
      if (accountIds) q = q.where('account_id', 'in', accountIds);
      const rows = await q.orderBy('account_id').orderBy('posted_at').orderBy('id').execute();
      return rows.map(toPost);
    },
    async lastPostDates(onOrBefore) {
      const rows = await db
        .selectFrom('media_post')
        .select(['account_id', (eb) => eb.fn.max('posted_at').as('last')])
        .where('posted_at', '<', addDays(onOrBefore, 1))
        .groupBy('account_id')
        .execute();
      return new Map(rows.map((r) => [r.account_id, String(r.last).slice(0, 10) as LocalDate]));
    },
  };
}
