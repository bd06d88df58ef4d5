// Ports of the report features: what their use cases need from the document adapters.
import type { AppContext } from '../ports.js';

/**
 * Reads an uploaded report document (plain text, HTML, DOCX or PDF, told apart by name and
 * content) into the plain text the checker reads. Implemented by `documentToText` in
 * src/adapters/documents/read-document.ts; may reject on a damaged file.
 */
export type DocumentReader = (name: string, bytes: Uint8Array) => Promise<string>;

/** The context fields the report features add to {@link AppContext} (wired in src/main.ts). */
export type ReportPorts = {
  documentReader?: DocumentReader;
};

/** The document reader wired into the context, if any. */
export function documentReaderOf(ctx: AppContext): DocumentReader | undefined {
  return (ctx as AppContext & ReportPorts).documentReader;
}
