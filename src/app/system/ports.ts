// Ports of database maintenance (the CLI's `db migrate`, `backup`, `restore`).

/** Database maintenance operations behind the CLI (`db migrate`, `backup`, `restore`). */
export interface Maintenance {
  migrate(): Promise<string[]>;
  /** Writes a consistent snapshot of every table; returns the number of rows written. */
  backup(file: string, onProgress?: (table: string, rows: number) => void): Promise<number>;
  /** Replaces every table's content with a snapshot, in one transaction. */
  restore(file: string, onProgress?: (table: string, rows: number) => void): Promise<number>;
}
