// SQL of the full-text search index: search_document rows plus the per-engine token index
// (portable.ts `fullTextSql`: FTS5 on SQLite, tsvector + GIN on PostgreSQL).
//
// Query plan, the same on both engines:
//   1. Estimate: count matches in the token index alone, stopping at COUNT_CAP + 1 (no join, cheap); in the same
//      round trip, whether the index holds items of another type. When it does not and no filter applies, steps 2
//      and 3 read the matches from the token index alone, and search_document only for the page's rows.
//   2. At most COUNT_CAP: a selective term. Filter and rank them all by bm25 / ts_rank (at most COUNT_CAP rows
//      to score; on FTS5 over the query's rarer phrases when some are common, `scoring`); the total is exact.
//   3. More: a common term. Ranking or counting every match costs hundreds of milliseconds at a
//      million items (docs/decisions/0008-search-index.md), so the page is newest first, read from
//      the token index in key order: keys are assigned in publication-date order (docKey: the day of
//      published_on in the high bits, a global sequence in the low 32), so FTS5 returns the newest
//      matches by walking its rowid-sorted lists from the end, whatever the share of items that
//      match, and PostgreSQL chooses between walking its key index backwards and sorting the GIN
//      matches by its own statistics. Without filters the total is "more than COUNT_CAP"; with
//      filters it is counted up to COUNT_CAP + 1 the same way.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../database.js';
import type { SearchDocument, SearchHit, SearchIndex, SearchPage, SearchQuery } from '../../app/search/ports.js';
import { allOf, fullTextSql, type MatchQuery } from '../portable.js';
import { identifierKey, matchPlan, partialGroups, tokenize } from '../../domain/search/tokenize.js';

/** Totals above this are not counted (shown as "1000+"); up to it, results are ranked. */
export const COUNT_CAP = 1000;

/**
 * A phrase in more items than this is left out of the relevance of a ranked query that has rarer phrases (FTS5 only,
 * FullTextSql `scoreOver`): every match holds it, bm25 gives it little weight (the log of the share of items without
 * it), and counting its items costs FTS5 a pass over its posting list on every query — 12 ms for a word in 42 % of
 * 1,000,000 items. Counting a phrase up to this bound costs ~0.7 ms; a posting list this long ~0.2 ms in bm25.
 */
const SCORED_PHRASE_MAX = 5000;

const KEY_COUNTER = 'search_document.doc_key';

/** Keys hold the day in their high part and a sequence number below this. */
const DAY_FACTOR = 2 ** 32;
const DAY_ZERO = Date.UTC(1900, 0, 1);

/**
 * The key of an item: days from 1900-01-01 to its 发布日期 times 2^32, plus a sequence number unique
 * across the index (so keys are unique and ordered by date, then by arrival). Below 2^53 until 9999.
 * @throws Error when the sequence has outgrown its 32 bits
 */
export function docKey(publishedOn: string, seq: number): number {
  if (seq >= DAY_FACTOR) throw new Error('search_document key sequence exhausted');
  const day = Math.max(
    0,
    Math.round(
      (Date.UTC(
        Number(publishedOn.slice(0, 4)),
        Number(publishedOn.slice(5, 7)) - 1,
        Number(publishedOn.slice(8, 10)),
      ) -
        DAY_ZERO) /
        86_400_000,
    ),
  );
  return day * DAY_FACTOR + seq;
}

const sameDay = (a: number, b: number) => Math.floor(a / DAY_FACTOR) === Math.floor(b / DAY_FACTOR);

type HitRow = {
  doc_type: string;
  doc_id: string;
  title: string;
  published_on: string;
  org_id: string;
  kind: string;
  doc_no: string;
  summary: string;
  body_text: string;
  score?: number | string | null;
};

const COLUMNS = sql`d.doc_type, d.doc_id, d.title, d.published_on, d.org_id, d.kind, d.doc_no, d.summary, d.body_text`;

function toHit(r: HitRow): SearchHit {
  return {
    docType: r.doc_type,
    docId: r.doc_id,
    title: r.title,
    publishedOn: r.published_on,
    orgId: r.org_id,
    kind: r.kind,
    docNo: r.doc_no,
    ...(r.score === undefined || r.score === null ? {} : { score: Number(r.score) }),
    snippetSource: { title: r.title, summary: r.summary, body: r.body_text },
  };
}

function filters(
  q: Pick<SearchQuery, 'docType' | 'orgIds' | 'categoryId' | 'kind' | 'year' | 'validity'>,
): RawBuilder<SqlBool> {
  const parts: RawBuilder<unknown>[] = [sql`d.doc_type = ${q.docType}`];
  if (q.orgIds) {
    parts.push(q.orgIds.length > 0 ? sql`d.org_id in (${sql.join(q.orgIds.map((id) => sql`${id}`))})` : sql`1 = 0`);
  }
  if (q.categoryId !== undefined) parts.push(sql`d.category_id = ${q.categoryId}`);
  if (q.kind !== undefined) parts.push(sql`d.kind = ${q.kind}`);
  if (q.year !== undefined) parts.push(sql`d.year = ${q.year}`);
  if (q.validity !== undefined) parts.push(sql`d.validity = ${q.validity}`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/** Whether a query narrows by anything but the type. */
const hasFilters = (q: Pick<SearchQuery, 'orgIds' | 'categoryId' | 'kind' | 'year' | 'validity'>) =>
  q.orgIds !== undefined ||
  q.categoryId !== undefined ||
  q.kind !== undefined ||
  q.year !== undefined ||
  q.validity !== undefined;

/** Tokens of an item: the title column, and the 文号, summary and body column. */
function docTokens(doc: Pick<SearchDocument, 'title' | 'docNo' | 'summary' | 'bodyText'>): {
  title: string[];
  body: string[];
} {
  return { title: tokenize(doc.title), body: tokenize(`${doc.docNo}\n${doc.summary}\n${doc.bodyText}`) };
}

/** The search_document columns of an item under its key, all but its type and id. */
function columnsOf(doc: SearchDocument, key: number) {
  return {
    doc_key: key,
    org_id: doc.orgId,
    category_id: doc.categoryId,
    kind: doc.kind,
    year: doc.year ?? Number(doc.publishedOn.slice(0, 4)),
    validity: doc.validity,
    published_on: doc.publishedOn,
    title: doc.title,
    doc_no: doc.docNo,
    summary: doc.summary,
    body_text: doc.bodyText,
    updated_at: doc.updatedAt,
    doc_no_key: identifierKey(doc.docNo),
    index_no_key: identifierKey(doc.indexNo ?? ''),
  };
}

/** Rows per multi-row insert into search_document (17 columns: under SQLite's 32,766 parameters). */
const DOCUMENT_CHUNK = 1000;

/**
 * Adds items that are not in the index yet, in multi-row inserts (the bulk import): one counter
 * update reserves their keys, then search_document and the token index are written in chunks.
 * Runs in the caller's transaction; an item already indexed fails it (primary key).
 */
export async function insertNewDocuments(db: Kysely<Database>, docs: readonly SearchDocument[]): Promise<void> {
  if (docs.length === 0) return;
  const n = docs.length;
  const reserved = await db
    .insertInto('counter')
    .values({ key: KEY_COUNTER, value: n })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb('counter.value', '+', n) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  const first = Number(reserved.value) - n + 1;
  const keys = docs.map((doc, i) => docKey(doc.publishedOn, first + i));
  const rows = docs.map((doc, i) => ({ doc_type: doc.docType, doc_id: doc.docId, ...columnsOf(doc, keys[i] ?? 0) }));
  for (let i = 0; i < rows.length; i += DOCUMENT_CHUNK) {
    await db
      .insertInto('search_document')
      .values(rows.slice(i, i + DOCUMENT_CHUNK))
      .execute();
  }
  await fullTextSql(db).writeMany(
    db,
    docs.map((doc, i) => ({ key: keys[i] ?? 0, ...docTokens(doc) })),
  );
}

/**
 * Builds the search index over one executor (a transaction: writes show at commit).
 * @param tuning.scoredPhraseMax see SCORED_PHRASE_MAX (tests set a small one)
 */
export function searchIndex(db: Kysely<Database>, tuning: { scoredPhraseMax?: number } = {}): SearchIndex {
  const scoredPhraseMax = tuning.scoredPhraseMax ?? SCORED_PHRASE_MAX;
  const fts = fullTextSql(db);

  const keyOf = async (docType: string, docId: string) =>
    (
      await db
        .selectFrom('search_document')
        .select('doc_key')
        .where('doc_type', '=', docType)
        .where('doc_id', '=', docId)
        .executeTakeFirst()
    )?.doc_key;

  const nextKey = async () => {
    const r = await db
      .insertInto('counter')
      .values({ key: KEY_COUNTER, value: 1 })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb('counter.value', '+', 1) })))
      .returning('value')
      .executeTakeFirstOrThrow();
    return Number(r.value);
  };

  async function upsert(doc: SearchDocument): Promise<void> {
    const existing = await keyOf(doc.docType, doc.docId);
    // A new 发布日期 (not expected: revisions keep the first one) moves the item to a key of its new day.
    const key =
      existing !== undefined && sameDay(existing, docKey(doc.publishedOn, 0))
        ? existing
        : docKey(doc.publishedOn, await nextKey());
    if (existing !== undefined && key !== existing) await fts.remove(db, existing);
    const row = columnsOf(doc, key);
    await db
      .insertInto('search_document')
      .values({ doc_type: doc.docType, doc_id: doc.docId, ...row })
      .onConflict((oc) => oc.columns(['doc_type', 'doc_id']).doUpdateSet(row))
      .execute();
    const tokens = docTokens(doc);
    await fts.write(db, key, tokens.title, tokens.body, key !== existing);
  }

  const countOf = async (q: RawBuilder<{ n: number | string }>) => Number((await q.execute(db)).rows[0]?.n ?? 0);

  /**
   * The matches of `m`: from the token index alone when no condition on search_document applies (`where` null),
   * else joined to it (`d`). A join costs a lookup per match before any limit: for a term of 1,010 matches at
   * 1,000,000 items on PostgreSQL, 7 ms of a 7.5 ms page (docs/decisions/0008-search-index.md).
   */
  const matches = (m: MatchQuery, where: RawBuilder<SqlBool> | null, join: RawBuilder<unknown> = sql``) =>
    where === null
      ? sql`${fts.index} ${join} where ${fts.match(m)}`
      : sql`${fts.from} ${join} where ${fts.match(m)} and ${where}`;

  /**
   * How a ranked query is scored: on FTS5, a query of one AND-group whose phrases are partly in more than
   * `scoredPhraseMax` items (each counted up to one more, one round trip) is scored over its other phrases alone,
   * joined to the matches (which hold every phrase), without reading the common phrases' posting lists
   * (FullTextSql `scoreOver`); otherwise over the whole query.
   */
  async function scoring(m: MatchQuery): Promise<{ score: RawBuilder<unknown>; join?: RawBuilder<unknown> }> {
    const whole = { score: fts.score(m) };
    const group = m.length === 1 ? m[0] : undefined;
    if (!fts.scoreOver || !group || group.length < 2) return whole;
    const counts = (
      await sql<Record<string, number | string>>`select ${sql.join(
        group.map((phrase, i) => sql`(${fts.countUpTo(allOf([phrase]), scoredPhraseMax + 1)}) as ${sql.ref(`c${i}`)}`),
      )}`.execute(db)
    ).rows[0];
    const selective = group.filter((_, i) => Number(counts?.[`c${i}`] ?? scoredPhraseMax + 1) <= scoredPhraseMax);
    if (selective.length === 0 || selective.length === group.length) return whole;
    return { score: sql`sc.score`, join: sql`cross join ${fts.scoreOver(allOf(selective))} on sc.k = ${fts.key}` };
  }

  /** The matches counted (up to `cap` when given). */
  const countMatches = (m: MatchQuery, where: RawBuilder<SqlBool> | null, cap?: number) =>
    countOf(sql`select count(*) as n from (select 1 as one from ${matches(m, where)}
      ${cap === undefined ? sql`` : sql`limit ${cap}`}) x`);

  // Newest first is key order: a key's high part is its item's 发布日期 (docKey), so ordering by the key alone is
  // ordering by published_on, then by arrival.
  const byKey = (t: string) => sql.raw(`${t}.doc_key desc`);

  /** The page ordered by relevance or, when asked, newest first; every match is scored (at most COUNT_CAP). */
  async function ranked(q: SearchQuery, m: MatchQuery, together: string[][], where: RawBuilder<SqlBool> | null) {
    // Items where more of the unquoted terms' chains stand together come first, then by bm25 / ts_rank.
    const adjacency =
      together.length === 0
        ? sql`0`
        : sql.join(
            together.map((chain) => sql`(case when ${fts.matchesRow(allOf([chain]), m)} then 1 else 0 end)`),
            sql` + `,
          );
    const order = (t: string) =>
      q.sort === 'date' ? byKey(t) : sql`${sql.raw(`${t}.together desc, ${t}.score desc`)}, ${byKey(t)}`;
    // On FTS5, a query mixing rare and common words is scored by its rare words (every match holds the common ones).
    const scored = q.sort === 'date' ? { score: fts.score(m) } : await scoring(m);
    // Every match is scored and counted with its key alone (a window count over the matches before the limit); the
    // page's rows alone are then read whole. Carrying every match's text through the count and the sort cost more
    // than a separate count (SQLite 5.2 → 7.0 ms for a term of 1,010 matches at 1,000,000 items).
    const rows = await sql<HitRow & { total: number | string }>`select ${COLUMNS}, r.score, r.total from (
        select m.*, count(*) over () as total from (
          select ${fts.key} as doc_key, ${scored.score} as score, ${adjacency} as together
          from ${matches(m, where, scored.join)}) m
        order by ${order('m')} limit ${q.limit} offset ${q.offset}) r
      join search_document d on d.doc_key = r.doc_key
      order by ${order('r')}`.execute(db);
    // A page past the end has no row to carry the total: only then is it counted on its own.
    const first = rows.rows[0];
    const total = first ? Number(first.total) : q.offset === 0 ? 0 : await countMatches(m, where);
    return { items: rows.rows.map(toHit), total, order: q.sort ?? 'relevance' } as const;
  }

  async function newestFirst(q: SearchQuery, m: MatchQuery, where: RawBuilder<SqlBool> | null) {
    const n = hasFilters(q) ? await countMatches(m, where, COUNT_CAP + 1) : COUNT_CAP + 1;
    // The page's keys first, its rows then: a sort carrying every match's row costs more than the keys' sort.
    const rows = await sql<HitRow>`select ${COLUMNS} from (
        select ${fts.key} as doc_key from ${matches(m, where)} order by ${fts.key} desc
        limit ${q.limit} offset ${q.offset}) k
      join search_document d on d.doc_key = k.doc_key
      order by ${byKey('k')}`.execute(db);
    return { items: rows.rows.map(toHit), total: n > COUNT_CAP ? null : n, order: 'date' } as const;
  }

  /**
   * Whether the index holds items of another type than `docType` (two seeks in the primary key). When it holds
   * none, the type's condition is true of every match and the matches are read from the token index alone.
   */
  const otherTypes = (docType: string) =>
    sql<SqlBool>`(exists (select 1 from search_document where doc_type < ${docType})
      or exists (select 1 from search_document where doc_type > ${docType}))`;

  async function query(q: SearchQuery): Promise<SearchPage> {
    const plan = matchPlan(q.terms);
    const leaveOut = q.leaveOut ?? 0;
    const m: MatchQuery | null = leaveOut > 0 ? partialGroups(plan.units, leaveOut) : allOf(plan.units);
    const partial = leaveOut > 0;
    if (plan.units.length === 0 || m === null) {
      return { items: [], total: 0, countCap: COUNT_CAP, order: 'relevance', partial };
    }
    const filtered = hasFilters(q);
    // The estimate and the type check in one round trip.
    const first = (
      await sql<{
        n: number | string;
        other: number | boolean;
      }>`select c.n, ${filtered ? sql`1` : otherTypes(q.docType)}
        as other from (${fts.countUpTo(m, COUNT_CAP + 1)}) c`.execute(db)
    ).rows[0];
    const estimate = Number(first?.n ?? 0);
    const where = filtered || Number(first?.other ?? 1) !== 0 ? filters(q) : null;
    const page = estimate <= COUNT_CAP ? await ranked(q, m, plan.together, where) : await newestFirst(q, m, where);
    return { ...page, countCap: COUNT_CAP, partial };
  }

  async function exact(key: string, q: Omit<SearchQuery, 'terms' | 'offset'>): Promise<SearchHit[]> {
    if (!key) return [];
    const rows = await sql<HitRow>`select ${COLUMNS} from search_document d
      where (d.doc_no_key = ${key} or d.index_no_key = ${key}) and ${filters(q)}
      order by d.published_on desc, d.doc_key desc limit ${q.limit}`.execute(db);
    return rows.rows.map(toHit);
  }

  return {
    upsert,
    query,
    exact,
    async remove(docType, docId) {
      const key = await keyOf(docType, docId);
      if (key === undefined) return;
      await fts.remove(db, key);
      await db.deleteFrom('search_document').where('doc_type', '=', docType).where('doc_id', '=', docId).execute();
    },
    async rebuild() {
      await fts.clear(db);
      // Keys stay unique even when a restored counter lags behind the rows (the sequence is a key's low part).
      const max =
        (
          await sql<{
            m: number | string | null;
          }>`select max(doc_key % ${sql.raw(String(DAY_FACTOR))}) as m from search_document`.execute(db)
        ).rows[0]?.m ?? 0;
      await db
        .insertInto('counter')
        .values({ key: KEY_COUNTER, value: Number(max) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: Number(max) }))
        .execute();
      let count = 0;
      for (let after = -1; ;) {
        const rows = await db
          .selectFrom('search_document')
          .selectAll()
          .where('doc_key', '>', after)
          .orderBy('doc_key')
          .limit(500)
          .execute();
        if (rows.length === 0) return count;
        for (const r of rows) {
          const tokens = docTokens({ title: r.title, docNo: r.doc_no, summary: r.summary, bodyText: r.body_text });
          await fts.write(db, r.doc_key, tokens.title, tokens.body, true);
        }
        count += rows.length;
        after = rows[rows.length - 1]?.doc_key ?? after;
      }
    },
  };
}
