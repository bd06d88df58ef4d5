// Ports of uploaded files (attachments, proofs of identity, seals), stored by content hash.

/** Uploaded files, stored by content hash. */
export interface FileStore {
  /** Stores the content once; @returns its id, the content's SHA-256 (lowercase hex). */
  put(content: Uint8Array, mime: string, at: string): Promise<string>;
  get(id: string): Promise<{ mime: string; content: Uint8Array } | undefined>;
}

/** Repositories of uploaded files. */
export type FileRepos = { files: FileStore };
