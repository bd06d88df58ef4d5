// Ports of database maintenance (the CLI's `db migrate`, `backup`, `restore`) and of the health check.
import type { FaultCause } from '../errors.js';

/** Database maintenance operations behind the CLI (`db migrate`, `backup`, `restore`). */
export interface Maintenance {
  migrate(): Promise<string[]>;
  /** Writes a consistent snapshot of every table; returns the number of rows written. */
  backup(file: string, onProgress?: (table: string, rows: number) => void): Promise<number>;
  /**
   * Replaces every table's content with a snapshot, in one transaction. Sessions and API tokens are never in a
   * backup: a restore signs every user out and ends every API token.
   */
  restore(file: string, onProgress?: (table: string, rows: number) => void): Promise<number>;
}

/** Whether the database takes writes now: a cheap write that is neither data nor audited. */
export interface HealthProbe {
  /**
   * Rewrites the probe row with the time given and checks the room left to grow.
   * @returns null when the database takes writes, else why it cannot (disk_full also when it has no room left)
   * @throws AppError 'unavailable' when the database fails the write (its reason is the cause)
   */
  probe(at: string): Promise<FaultCause | null>;
}

/** The repositories of the system module. */
export type SystemRepos = { health: HealthProbe };
