// The few SQL helpers whose behaviour differs between SQLite and PostgreSQL, made identical here.
import { sql, type Expression, type SqlBool } from 'kysely';

/** Escapes LIKE wildcards so user text matches literally (used with `escape '\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

/**
 * Case-insensitive "contains" on both engines. SQLite's LIKE ignores ASCII case and PostgreSQL's
 * does not, so both sides are lower-cased; wildcards in the user's text are escaped.
 */
export function containsText(column: string, text: string): Expression<SqlBool> {
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${`%${escapeLike(text.toLowerCase())}%`} escape '\\'`;
}

/** Case-sensitive "starts with", wildcards escaped (e.g. an action prefix such as `user.`). */
export function startsWithText(column: string, text: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${`${escapeLike(text)}%`} escape '\\'`;
}
