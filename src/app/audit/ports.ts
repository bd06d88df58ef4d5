// Ports of the audit module beyond the shared AuditLog (app/ports.ts): where anchors of the chain are written.

/** Writes small text files into a folder outside the database (created when missing). */
export interface TextFileWriter {
  /**
   * Writes `text` to `name` in `dir`, replacing a file of that name whole (never half-written).
   * @returns the file's path
   */
  write(dir: string, name: string, text: string): Promise<string>;
}
