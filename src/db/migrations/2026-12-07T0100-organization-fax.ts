// The disclosure office's fax number (《政府信息公开条例》第十二条: the 政府信息公开指南 gives the office's
// name, address, office hours, telephone and fax), shown in the guide and on the apply page.
// Frozen in time: never edit after merge; add a new migration instead.
import type { Kysely } from 'kysely';
import { addColumns, col, dropColumns } from './schema-kit.js';

/** Adds organization.office_fax (blank for every existing organization). */
export async function up(db: Kysely<any>): Promise<void> {
  await addColumns(db, 'organization', { office_fax: col.blank });
}

/** Drops the column (SQLite 3.35+ and PostgreSQL drop a column in place). */
export async function down(db: Kysely<any>): Promise<void> {
  await dropColumns(db, 'organization', ['office_fax']);
}
