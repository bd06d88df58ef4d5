// Builders the migrations of this folder write their tables, columns and indexes with: a table as an
// object of column specs (`{ id: col.pk, org_id: col.ref('organization.id').notNull, ...timestamps }`),
// index lists, column additions and drops. Each builds the Kysely schema statements a migration would
// otherwise chain by hand (tables and indexes always `if not exists`, drops `if exists`).
// Frozen like the migrations: editing a builder edits every migration that calls it, so a change here
// must leave test/fixtures/db/ unchanged (test/integration/db/migration-sql.test.ts). New needs get new
// builders. Imports nothing but Kysely: no app, domain or db code.
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Expression, type Kysely } from 'kysely';

/** A column type: the portable `text` and `integer`, or an engine's own type in a dialect branch. */
type DataType = 'text' | 'integer' | Expression<unknown>;
type Modifier = (c: ColumnDefinitionBuilder, name: string) => ColumnDefinitionBuilder;

/** `col in ('a', 'b')`: a CHECK that the column holds one of the values. */
export const inList = (col: string, values: readonly string[]) =>
  sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

/** A column: its type and its modifiers. Immutable: each modifier returns a new spec. */
export class Column {
  constructor(
    readonly type: DataType,
    private readonly modifiers: readonly Modifier[] = [],
  ) {}

  private with(modifier: Modifier): Column {
    return new Column(this.type, [...this.modifiers, modifier]);
  }

  /** `not null`. */
  get notNull(): Column {
    return this.with((c) => c.notNull());
  }

  /** `unique`. */
  get unique(): Column {
    return this.with((c) => c.unique());
  }

  /** `primary key`. */
  get primaryKey(): Column {
    return this.with((c) => c.primaryKey());
  }

  /** `default value`. */
  default(value: string | number): Column {
    return this.with((c) => c.defaultTo(value));
  }

  /** `references table (column)`, from 'table.column'. */
  references(target: string): Column {
    return this.with((c) => c.references(target));
  }

  /** `check (expression)`. */
  check(expression: Expression<unknown>): Column {
    return this.with((c) => c.check(expression));
  }

  /** `check (name in ('a', 'b'))` on this column's own name. */
  in(values: readonly string[]): Column {
    return this.with((c, name) => c.check(inList(name, values)));
  }

  /** Applies the modifiers to the column `name`'s definition. */
  build(c: ColumnDefinitionBuilder, name: string): ColumnDefinitionBuilder {
    return this.modifiers.reduce((b, m) => m(b, name), c);
  }
}

const text = new Column('text');
const integer = new Column('integer');
const required = text.notNull;
const requiredInt = integer.notNull;

/** The column specs, as `col.pk`, `col.ref('organization.id').notNull`, `col.oneOf(KINDS)`. */
export const col = {
  /** A nullable column of the type (an engine's own type in a dialect branch). */
  of: (type: DataType) => new Column(type),
  /** Nullable text. */
  text,
  /** Nullable integer. */
  integer,
  /** `text not null`. */
  required,
  /** `integer not null`. */
  requiredInt,
  /** `text not null default ''`. */
  blank: required.default(''),
  /** `integer not null default 0` (also 0/1 flags). */
  zero: requiredInt.default(0),
  /** `text primary key` (app-generated ids). */
  pk: text.primaryKey,
  /** `integer primary key`. */
  intPk: integer.primaryKey,
  /** Nullable text referencing 'table.column'; `.notNull` for a required link. */
  ref: (target: string) => text.references(target),
  /** `text not null` holding one of the values (CHECK on the column's name). */
  oneOf: (values: readonly string[]) => required.in(values),
  /** `text not null default '[]'` or `'{}'`: a JSON document. */
  json: (empty: '[]' | '{}') => required.default(empty),
};

/** An ordered list of stored files under a parent row (attachments): position, file, name, type, size. */
export const fileList = {
  sort: col.requiredInt,
  file_id: col.ref('stored_file.id').notNull,
  name: col.required,
  mime: col.required,
  size: col.requiredInt,
};

/** The `created_at` and `updated_at` instants (ISO text) most tables end with. */
export const timestamps = { created_at: required, updated_at: required };
/** Who did it: the user's id (none for the system) and the label shown for them. */
export const actor = { actor_id: text, actor_label: required };

type Builder = CreateTableBuilder<string, any>;

/**
 * A table to create: awaiting it runs `create table if not exists` with the columns in the object's
 * order, then the constraints in the order they were added.
 */
export class TableSpec implements PromiseLike<void> {
  private readonly constraints: ((b: Builder) => Builder)[] = [];

  constructor(
    private readonly db: Kysely<any>,
    private readonly name: string,
    private readonly columns: Record<string, Column>,
  ) {}

  /** The primary key constraint `<table>_pk` on the columns. */
  primaryKey(...columns: string[]): this {
    this.constraints.push((b) => b.addPrimaryKeyConstraint(`${this.name}_pk`, columns));
    return this;
  }

  /** A named unique constraint. */
  unique(name: string, columns: string[]): this {
    this.constraints.push((b) => b.addUniqueConstraint(name, columns));
    return this;
  }

  /** A named check constraint. */
  check(name: string, expression: Expression<unknown>): this {
    this.constraints.push((b) => b.addCheckConstraint(name, expression));
    return this;
  }

  /** Runs the statement. */
  async execute(): Promise<void> {
    let builder: Builder = this.db.schema.createTable(this.name).ifNotExists();
    for (const [name, spec] of Object.entries(this.columns)) {
      builder = builder.addColumn(name, spec.type, (c) => spec.build(c, name));
    }
    for (const add of this.constraints) builder = add(builder);
    await builder.execute();
  }

  then<T = void, E = never>(
    onfulfilled?: ((value: void) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: any) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    return this.execute().then(onfulfilled, onrejected);
  }
}

/** `create table if not exists`: `await table(db, 'name', { ...columns }).primaryKey('a', 'b')`. */
export const table = (db: Kysely<any>, name: string, columns: Record<string, Column>) =>
  new TableSpec(db, name, columns);

/** `create index if not exists` on the table, one a name, in the object's order. */
export async function indexes(db: Kysely<any>, on: string, list: Record<string, string[]>): Promise<void> {
  for (const [name, columns] of Object.entries(list)) {
    await db.schema.createIndex(name).ifNotExists().on(on).columns(columns).execute();
  }
}

/** `create unique index if not exists` on the table, one a name, in the object's order. */
export async function uniqueIndexes(db: Kysely<any>, on: string, list: Record<string, string[]>): Promise<void> {
  for (const [name, columns] of Object.entries(list)) {
    await db.schema.createIndex(name).ifNotExists().unique().on(on).columns(columns).execute();
  }
}

/** `alter table … add column`, one statement a column (SQLite adds one at a time). */
export async function addColumns(db: Kysely<any>, to: string, columns: Record<string, Column>): Promise<void> {
  for (const [name, spec] of Object.entries(columns)) {
    await db.schema
      .alterTable(to)
      .addColumn(name, spec.type, (c) => spec.build(c, name))
      .execute();
  }
}

/** `alter table … drop column`, one statement a column. */
export async function dropColumns(db: Kysely<any>, from: string, columns: string[]): Promise<void> {
  for (const name of columns) await db.schema.alterTable(from).dropColumn(name).execute();
}

/** `drop table if exists`, in the given order (children first). */
export async function dropTables(db: Kysely<any>, ...names: string[]): Promise<void> {
  for (const name of names) await db.schema.dropTable(name).ifExists().execute();
}

/** `drop index if exists`, in the given order. */
export async function dropIndexes(db: Kysely<any>, ...names: string[]): Promise<void> {
  for (const name of names) await db.schema.dropIndex(name).ifExists().execute();
}
