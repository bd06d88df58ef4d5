// SQL for the names the audit page shows: each entry's object by its title, 查询码, case number or name, and
// the display names of the people who acted. One query per table, for the ids on the page only.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../database.js';
import type { AuditNames } from '../../app/ports.js';

/** Tables (and the column naming a row) for each entity type that has a name. */
const NAMED = {
  application: ['application', 'tracking_code'],
  publication: ['publication', 'title'],
  organization: ['organization', 'name'],
  category: ['category', 'name'],
  key_area: ['key_area', 'name'],
  review_case: ['review_case', 'case_no'],
  notice: ['notice', 'doc_no'],
  user: ['app_user', 'display_name'],
} as const satisfies Record<string, readonly [keyof Database, string]>;

type NamedType = keyof typeof NAMED;
const isNamed = (t: string): t is NamedType => Object.hasOwn(NAMED, t);

/** Rows id → name of one table, for the given ids. */
async function namesIn(db: Kysely<Database>, type: NamedType, ids: readonly string[]): Promise<[string, string][]> {
  if (ids.length === 0) return [];
  const [table, column] = NAMED[type];
  // The table and column come from the constant map above, never from input; every one has a text `id`.
  const rows = await db
    .selectFrom(table as 'organization')
    .select(['id', sql.ref<string>(column).as('name')])
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => [r.id, r.name]);
}

/** Display names for a page of audit entries. */
export async function auditNames(
  db: Kysely<Database>,
  refs: readonly { entityType: string; entityId: string }[],
  userIds: readonly string[],
): Promise<AuditNames> {
  const byType = new Map<NamedType, Set<string>>();
  for (const r of refs) {
    if (isNamed(r.entityType)) byType.set(r.entityType, (byType.get(r.entityType) ?? new Set()).add(r.entityId));
  }
  const subjects = new Map<string, string>();
  for (const [type, ids] of byType) {
    for (const [id, name] of await namesIn(db, type, [...ids])) subjects.set(`${type}:${id}`, name);
  }
  const people = new Map(await namesIn(db, 'user', [...new Set(userIds)]));
  return { subjects, people };
}
