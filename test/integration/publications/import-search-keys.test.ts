// Migration 0620 on a database that already holds items (both dialects): search keys become
// date-ordered (newest matches first by key, search still finds every item), and the `live` flag the
// portal lists read is set on exactly the versions the portal showed before (current, not withdrawn,
// 主动公开, published).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Migrator, sql, type Kysely } from 'kysely';
import { DIALECTS, PG_URL, skipReason, type Dialect } from '../../support/runtime.js';
import { openDb, migrateToLatest, type Db } from '../../../src/db/connect.js';
import { migrationProvider } from '../../../src/db/migrations/index.js';
import { searchIndex } from '../../../src/db/repositories/search-index.js';
import { tsVectorLiteral } from '../../../src/db/portable.js';
import { parseQuery, tokenize } from '../../../src/domain/search/tokenize.js';

/** Tables as the schema stood before 0620 (raw rows, not the current typed schema). */
type Loose = Record<string, Record<string, unknown>>;

const BEFORE = '2026-11-28T0610-publication-reassessment';
const DOCS = 1200;

async function open(dialect: Dialect): Promise<{ db: Db; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') return { db: openDb({ kind: 'sqlite', file: ':memory:' }), drop: async () => undefined };
  const schema = `mig_${randomBytes(5).toString('hex')}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(text);
    await c.end();
  };
  await admin(`CREATE SCHEMA ${schema}`);
  return {
    db: openDb({ kind: 'postgres', url: PG_URL ?? '', schema, poolSize: 2 }),
    drop: () => admin(`DROP SCHEMA ${schema} CASCADE`),
  };
}

/** The n-th old-style search item: key n, a date spread over 2015–2024, and 通知 in every title. */
const day = (n: number) =>
  `${2015 + (n % 10)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;

async function seedOldIndex(db: Kysely<Loose>, dialect: Dialect): Promise<void> {
  for (let n = 1; n <= DOCS; n++) {
    const title = `关于第${n}批项目的通知`;
    const body = n % 100 === 0 ? '推进河长制工作。' : '工作安排。';
    await db
      .insertInto('search_document')
      .values({
        doc_type: 'publication',
        doc_id: `p${n}`,
        doc_key: n,
        org_id: 'o1',
        category_id: 'c1',
        kind: 'news',
        year: Number(day(n).slice(0, 4)),
        validity: 'valid',
        published_on: day(n),
        title,
        doc_no: '',
        summary: '',
        body_text: body,
        url: `/publications/p${n}`,
        updated_at: '2025-01-01T00:00:00Z',
      })
      .execute();
    const t = tokenize(title);
    const b = tokenize(`\n\n${body}`);
    if (dialect === 'sqlite') {
      await sql`insert into search_fts (rowid, title, body) values (${n}, ${t.join(' ')}, ${b.join(' ')})`.execute(db);
    } else {
      await sql`insert into search_fts (doc_key, tsv) values (${n}, cast(${tsVectorLiteral(t, b)} as tsvector))`.execute(
        db,
      );
    }
  }
}

async function seedVersions(db: Kysely<Loose>): Promise<void> {
  const at = '2025-01-01T00:00:00Z';
  await db
    .insertInto('organization')
    .values({
      id: 'o1',
      kind: 'government',
      name: '测试区人民政府',
      credit_code: '11999901MB00000012',
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto('category')
    .values({ id: 'c1', org_id: 'o1', slug: 'news', name: '新闻', kind: 'category', created_at: at, updated_at: at })
    .execute();
  // id, current version, withdrawn, disclosure, versions
  const items: [string, number, boolean, string, number][] = [
    ['live', 1, false, 'proactive', 1],
    ['revised', 2, false, 'proactive', 2],
    ['gone', 1, true, 'proactive', 1],
    ['asked', 1, false, 'on_request', 1],
  ];
  for (const [id, current, withdrawn, disclosure, versions] of items) {
    await db
      .insertInto('publication')
      .values({
        id,
        org_id: 'o1',
        category_id: 'c1',
        index_no: `X/${id}`,
        title: id,
        written_on: '2024-01-01',
        published_on: '2024-01-02',
        kind: 'news',
        validity: 'valid',
        disclosure,
        body_html: '<p>x</p>',
        state: withdrawn ? 'withdrawn' : 'published',
        current_version: current,
        created_at: at,
        updated_at: at,
        withdrawn_at: withdrawn ? at : null,
      })
      .execute();
    for (let v = 1; v <= versions; v++) {
      await db
        .insertInto('publication_version')
        .values({
          publication_id: id,
          version: v,
          fields_json: '{}',
          published_at: at,
          org_id: 'o1',
          category_id: 'c1',
          kind: 'news',
          disclosure,
          published_on: '2024-01-02',
        })
        .execute();
    }
  }
}

for (const dialect of DIALECTS) {
  describe(`migration 0620 on existing data (${dialect})`, { skip: skipReason(dialect) }, () => {
    test('should order search keys by date, keep every match, and flag the shown versions live', async () => {
      const { db, drop } = await open(dialect);
      try {
        const migrator = new Migrator({
          db: db.kysely,
          provider: migrationProvider,
          ...(db.schema ? { migrationTableSchema: db.schema } : {}),
        });
        const before = await migrator.migrateTo(BEFORE);
        assert.equal(before.error, undefined);
        const raw = db.kysely as unknown as Kysely<Loose>;
        await seedOldIndex(raw, dialect);
        await seedVersions(raw);
        await migrateToLatest(db);

        const keys = await db.kysely
          .selectFrom('search_document')
          .select(['doc_id', 'doc_key', 'published_on'])
          .execute();
        const byKey = [...keys].sort((a, b) => Number(b.doc_key) - Number(a.doc_key));
        const byDate = [...keys].sort(
          (a, b) =>
            b.published_on.localeCompare(a.published_on) || Number(b.doc_id.slice(1)) - Number(a.doc_id.slice(1)),
        );
        assert.deepEqual(
          byKey.map((k) => k.doc_id),
          byDate.map((k) => k.doc_id),
          'key order is date order, then the old order',
        );

        const search = searchIndex(db.kysely);
        const common = await search.query({ terms: parseQuery('通知'), docType: 'publication', limit: 20, offset: 0 });
        assert.equal(common.order, 'date');
        assert.deepEqual(
          common.items.map((i) => i.docId),
          byDate.slice(0, 20).map((k) => k.doc_id),
          'newest first',
        );
        const rare = await search.query({ terms: parseQuery('河长'), docType: 'publication', limit: 50, offset: 0 });
        assert.deepEqual(
          new Set(rare.items.map((i) => i.docId)),
          new Set(Array.from({ length: DOCS / 100 }, (_, i) => `p${(i + 1) * 100}`)),
        );

        const live = await db.kysely
          .selectFrom('publication_version')
          .select(['publication_id', 'version', 'live'])
          .orderBy('publication_id')
          .orderBy('version')
          .execute();
        assert.deepEqual(
          live.map((r) => `${r.publication_id}:${r.version}:${Number(r.live)}`),
          ['asked:1:0', 'gone:1:0', 'live:1:1', 'revised:1:0', 'revised:2:1'],
        );
      } finally {
        await db.close();
        await drop();
      }
    });
  });
}
