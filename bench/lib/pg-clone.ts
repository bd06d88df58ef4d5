// A larger bench data set on PostgreSQL made from a built one (bench:scale --compare-items): the schema of N items
// copied whole, then every published item copied `copies - 1` more times under a new id and a new 索引号 — same
// organizations, categories, dates, titles and text — so that each list holds `copies` times as many items and
// every index is `copies` times as large. Loading 2,000,000 more items through the import path takes about an hour
// on a two-core machine; copying them in SQL takes minutes. The copies are what a page's cost depends on (index
// depth, list lengths, the search index's posting lists); the import path itself is measured by bench:portal.
//
// Needs pg_dump and psql (the schema's tables, then its indexes and constraints after the rows).
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { openDb } from '../../src/db/connect.js';
import { recountLiveCategories } from '../../src/db/migrations/2026-12-14T0200-live-category-count.js';

/** A new uuid-shaped id for copy `k` of an item (md5 of the id and k: distinct, stable, never an original's). */
const CLONE_ID = `create function pg_temp.clone_id(id text, k int) returns text language sql immutable as $$
  select ${[
    [1, 8, ''],
    [9, 4, '-'],
    [14, 3, '-4'],
    [18, 3, '-8'],
    [21, 12, '-'],
  ]
    .map(([at, n, lead]) => `'${lead}' || substr(md5(id || ':' || k), ${at}, ${n})`)
    .join(' || ')} $$`;

/** 索引号 `…-NNNNNNN` with its seven-digit number raised by `add`. */
const raiseIndexNo = (col: string, add: string) =>
  `regexp_replace(${col}, '\\d{7}$', lpad((substring(${col} from '\\d{7}$')::bigint + ${add})::text, 7, '0'))`;

/** Runs pg_dump of one section of `from` and loads it into `to` through psql. */
function dumpSection(url: string, from: string, to: string, section: 'pre-data' | 'post-data'): void {
  const dump = spawnSync('pg_dump', ['--schema-only', `--section=${section}`, '-n', from, url], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (dump.status !== 0) throw new Error(`pg_dump failed: ${dump.stderr}`);
  const text = dump.stdout
    .split('\n')
    // The target schema exists already; the search path line would point at the source.
    .filter((l) => !/^CREATE SCHEMA |^SELECT pg_catalog\.set_config\('search_path'/.test(l))
    .join('\n')
    .replaceAll(`${from}.`, `${to}.`)
    .replaceAll(`"${from}".`, `"${to}".`);
  const load = spawnSync('psql', ['-v', 'ON_ERROR_STOP=1', '-q', url], {
    input: `set search_path = ${to};\n${text}`,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (load.status !== 0) throw new Error(`psql failed loading the ${section} section: ${load.stderr}`);
}

/**
 * `insert … select` of one table from `from` into `to`; a column of a type of the schema itself (the job engine's
 * enums) is cast through text to the copy's own type of that name.
 */
async function copyStatement(c: pg.Client, from: string, to: string, table: string): Promise<string> {
  const cols = await c.query<{ name: string; type: string; own: boolean }>(
    `select column_name as name, udt_name as type, udt_schema = $1 as own from information_schema.columns
      where table_schema = $1 and table_name = $2 order by ordinal_position`,
    [from, table],
  );
  const list = cols.rows.map((r) => `"${r.name}"`).join(', ');
  const values = cols.rows.map((r) => (r.own ? `"${r.name}"::text::${to}."${r.type}"` : `"${r.name}"`)).join(', ');
  // The mark of a complete build is set at the very end: a copy that fails half-way is never taken as built.
  const where = table === 'site_setting' ? ` where key <> 'bench.ready'` : '';
  return `insert into ${to}."${table}" (${list}) select ${values} from ${from}."${table}"${where}`;
}

/**
 * Builds schema `to` as `from` with each published item present `copies` times.
 * @param items the number of items in `from` (the copies' 索引号 numbers start above it)
 */
export async function cloneMultiplied(
  url: string,
  from: string,
  to: string,
  items: number,
  copies: number,
  log: (line: string) => void,
): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const step = async (label: string, text: string) => {
    const t0 = performance.now();
    const r = await c.query(text);
    log(`    ${label}: ${r.rowCount ?? 0} rows, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  };
  try {
    await c.query(`drop schema if exists ${to} cascade`);
    await c.query(`create schema ${to}`);
    dumpSection(url, from, to, 'pre-data');
    log(`    tables of ${from} created in ${to}`);
    const tables = await c.query<{ t: string }>(
      // Partitions are left out: their rows are copied through their parent (the job engine's queue tables).
      `select table_name as t from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'
        and not exists (select 1 from pg_inherits i join pg_class c on c.oid = i.inhrelid
          join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and c.relname = table_name)`,
      [from],
    );
    for (const { t } of tables.rows) await step(`copy ${t}`, await copyStatement(c, from, to, t));
    await c.query(CLONE_ID);
    const copyKs = Array.from({ length: copies - 1 }, (_, i) => i + 1);
    for (const k of copyKs) {
      const add = String(k * items);
      // Search keys keep their day (high bits) and take a sequence number above every original's (low 32 bits).
      const keyAdd = String(k * 10_000_000);
      await step(
        `publication ×${k + 1}`,
        `insert into ${to}.publication select x.* from ${from}.publication p,
          lateral jsonb_populate_record(null::${to}.publication, to_jsonb(p) ||
          jsonb_build_object('id', pg_temp.clone_id(p.id, ${k}), 'index_no', ${raiseIndexNo('p.index_no', add)},
            'interprets_id', case when p.interprets_id is null then null else pg_temp.clone_id(p.interprets_id, ${k}) end)) x`,
      );
      await step(
        `publication_version ×${k + 1}`,
        `insert into ${to}.publication_version select x.* from ${from}.publication_version v join ${from}.publication p on p.id = v.publication_id,
          lateral jsonb_populate_record(null::${to}.publication_version,
          to_jsonb(v) || jsonb_build_object('publication_id', pg_temp.clone_id(v.publication_id, ${k}),
            'interprets_id', case when v.interprets_id is null then null else pg_temp.clone_id(v.interprets_id, ${k}) end,
            'index_no', ${raiseIndexNo('p.index_no', add)},
            'fields_json', replace(v.fields_json, '"indexNo":"' || p.index_no || '"',
              '"indexNo":"' || ${raiseIndexNo('p.index_no', add)} || '"'))) x`,
      );
      await step(
        `publication_review ×${k + 1}`,
        `insert into ${to}.publication_review select x.* from ${from}.publication_review r,
          lateral jsonb_populate_record(null::${to}.publication_review,
          to_jsonb(r) || jsonb_build_object('publication_id', pg_temp.clone_id(r.publication_id, ${k}))) x`,
      );
      await step(
        `search_document ×${k + 1}`,
        `insert into ${to}.search_document select x.* from ${from}.search_document d,
          lateral jsonb_populate_record(null::${to}.search_document,
          to_jsonb(d) || jsonb_build_object('doc_id', pg_temp.clone_id(d.doc_id, ${k}), 'doc_key', d.doc_key + ${keyAdd},
            'index_no_key', case when d.index_no_key = '' then '' else ${raiseIndexNo('d.index_no_key', add)} end)) x`,
      );
      await step(
        `search_fts ×${k + 1}`,
        `insert into ${to}.search_fts (doc_key, tsv) select doc_key + ${keyAdd}, tsv from ${from}.search_fts`,
      );
    }
    // The live counts per category, copied from `from`, are counted again over the copies (the migration's fill).
    if (tables.rows.some(({ t }) => t === 'live_category_count')) {
      const t0 = performance.now();
      const h = openDb({ kind: 'postgres', url, schema: to });
      try {
        await recountLiveCategories(h.kysely);
      } finally {
        await h.close();
      }
      log(`    live_category_count counted again, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    await c.query(
      `update ${to}.counter set value = value + ${(copies - 1) * 10_000_000} where key = 'search_document.doc_key'`,
    );
    const t0 = performance.now();
    dumpSection(url, from, to, 'post-data');
    log(`    indexes and constraints built: ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    for (const { t } of tables.rows) await c.query(`analyze ${to}.${t}`);
    await c.query(`insert into ${to}.site_setting (key, value_json, updated_at) values ('bench.ready', '"yes"', $1)`, [
      new Date().toISOString(),
    ]);
  } finally {
    await c.end();
  }
}
