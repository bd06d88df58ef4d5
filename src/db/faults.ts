// Database faults as the application sees them: a driver error that means "the database cannot serve now"
// (PostgreSQL unreachable or restarting, a dropped connection, a read-only database, a full disk) becomes
// AppError 'unavailable' with its cause, which the web answers with 503 and /healthz reports. Every query and
// transaction goes through `faultAware`, a Kysely dialect wrapper, so no repository handles this itself.
// The wrapper also keeps a transaction's own error: Kysely rolls back after a failed statement and, when the
// rollback fails too (SQLite has already rolled back after SQLITE_FULL: "cannot rollback - no transaction is
// active"; a dropped PostgreSQL connection), would throw the rollback's error instead of the real cause.
import type { CompiledQuery, DatabaseConnection, Dialect, Driver, QueryResult, TransactionSettings } from 'kysely';
import { AppError, unavailable, type FaultCause } from '../app/errors.js';

/** Errors of a PostgreSQL connection that the server dropped or could not open (pg's own messages). */
const CONNECTION_LOST =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended|terminating connection/i;

/** Socket errors of a database that cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Why the database cannot serve, from a driver's error; undefined for any other error (a constraint, a bug).
 * SQLite: SQLITE_FULL → disk_full; SQLITE_READONLY* → read_only; SQLITE_CANTOPEN, SQLITE_IOERR* → unreachable.
 * PostgreSQL (SQLSTATE): 53100 → disk_full; 25006 → read_only; class 08, 57P01–57P03, 53300 → unreachable;
 * socket errors and pg's "Connection terminated …" → unreachable.
 */
export function faultOf(error: unknown): FaultCause | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = String((error as { code?: unknown }).code ?? '');
  if (code === 'SQLITE_FULL' || code === '53100') return 'disk_full';
  if (code.startsWith('SQLITE_READONLY') || code === '25006') return 'read_only';
  if (code === 'SQLITE_CANTOPEN' || code.startsWith('SQLITE_IOERR')) return 'unreachable';
  if (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code)) return 'unreachable';
  if (NETWORK_CODES.has(code) || CONNECTION_LOST.test(error.message)) return 'unreachable';
  return undefined;
}

/** Rethrows a driver's error, as AppError 'unavailable' when it is a fault. */
function rethrow(error: unknown): never {
  const cause = error instanceof AppError ? undefined : faultOf(error);
  throw cause ? unavailable(cause, error) : error;
}

/** Runs a driver's call, translating its error whether it rejects or throws at once (SQLite's driver does). */
async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    rethrow(e);
  }
}

/** A connection whose errors are translated, and the driver's own connection it wraps. */
class FaultAwareConnection implements DatabaseConnection {
  constructor(readonly inner: DatabaseConnection) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return guarded(() => this.inner.executeQuery<R>(query));
  }

  async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    try {
      yield* this.inner.streamQuery<R>(query, chunkSize);
    } catch (e) {
      rethrow(e);
    }
  }
}

const innerOf = (c: DatabaseConnection): DatabaseConnection => (c instanceof FaultAwareConnection ? c.inner : c);

/** The driver's rollback fails after the database has ended the transaction itself (see the file's head). */
const ALREADY_ENDED = /no transaction is active/i;

/** Wraps a driver: connections translate faults; a failed rollback is logged, never thrown over the real error. */
function faultAwareDriver(d: Driver): Driver {
  const savepoints = {
    ...(d.savepoint && { savepoint: (c, name, compile) => guarded(() => d.savepoint!(innerOf(c), name, compile)) }),
    ...(d.rollbackToSavepoint && {
      rollbackToSavepoint: (c, name, compile) => guarded(() => d.rollbackToSavepoint!(innerOf(c), name, compile)),
    }),
    ...(d.releaseSavepoint && {
      releaseSavepoint: (c, name, compile) => guarded(() => d.releaseSavepoint!(innerOf(c), name, compile)),
    }),
  } satisfies Partial<Driver>;
  return {
    init: () => guarded(() => d.init()),
    acquireConnection: () => guarded(() => d.acquireConnection()).then((c) => new FaultAwareConnection(c)),
    beginTransaction: (c, settings: TransactionSettings) => guarded(() => d.beginTransaction(innerOf(c), settings)),
    commitTransaction: (c) => guarded(() => d.commitTransaction(innerOf(c))),
    rollbackTransaction: async (c) => {
      try {
        await d.rollbackTransaction(innerOf(c));
      } catch (e) {
        // The transaction's own error follows: Kysely rethrows it after this.
        if (!(e instanceof Error && ALREADY_ENDED.test(e.message))) console.error('rollback failed:', describe(e));
      }
    },
    releaseConnection: (c) => d.releaseConnection(innerOf(c)),
    destroy: () => d.destroy(),
    ...savepoints,
  };
}

/** A dialect whose driver translates faults (see the file's head). */
export function faultAware(dialect: Dialect): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createDriver: () => faultAwareDriver(dialect.createDriver()),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
  };
}

/** One line naming a driver error: its code and message. */
export function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const code = (e as { code?: unknown }).code;
  return `${e.name}${code ? ` ${String(code)}` : ''}: ${e.message}`;
}
