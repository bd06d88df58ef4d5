/**
 * Reads a report document into the plain text the pure checker takes: HTML (the HTML reader,
 * src/adapters/html), DOCX (mammoth → HTML → the same reader, so tables keep their rows) and PDF
 * (unpdf text layer).
 * Plain text files are decoded as UTF-8, or GB18030 when they are not valid UTF-8.
 * DOCX and PDF are checked against the limits first (zip-budget.ts, pdf-budget.ts); untrusted documents are
 * read through the parsing process (document-sandbox.ts), never on the server's main thread.
 */
import { extname } from 'node:path';
import type Mammoth from 'mammoth';
import { htmlToText } from '../html/html-reader.js';
import { type DocumentLimits, documentLimits, refuse } from './document-limits.js';
import { checkPdfStreams } from './pdf-budget.js';
import { checkZipDirectory, verifyZipEntries } from './zip-budget.js';

export type DocumentKind = 'text' | 'html' | 'docx' | 'pdf';

/** Extensions the checker reads when given a folder. */
export const REPORT_EXTENSIONS = ['.txt', '.md', '.text', '.html', '.htm', '.shtml', '.xhtml', '.docx', '.pdf'];

/** The kind of a document, from its extension and, failing that, its first bytes. */
export function documentKind(name: string, bytes: Uint8Array): DocumentKind {
  const ext = extname(name).toLowerCase();
  if (ext === '.pdf' || startsWith(bytes, '%PDF')) return 'pdf';
  if (ext === '.docx' || (startsWith(bytes, 'PK') && ext !== '.txt')) return 'docx';
  if (['.html', '.htm', '.shtml', '.xhtml'].includes(ext)) return 'html';
  const head = new TextDecoder().decode(bytes.subarray(0, 2000)).toLowerCase();
  return /<html|<!doctype html|<table|<body/.test(head) ? 'html' : 'text';
}

function startsWith(bytes: Uint8Array, magic: string): boolean {
  return [...magic].every((c, i) => bytes[i] === c.charCodeAt(0));
}

/** Decodes text bytes: UTF-8 (BOM stripped) or, if invalid, GB18030. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** mammoth's options (its style map, how images are written). */
export type MammothOptions = NonNullable<Parameters<(typeof Mammoth)['convertToHtml']>[1]>;

/** mammoth, loaded on first use (its CommonJS module as the default export or the namespace). */
export async function loadMammoth(): Promise<typeof Mammoth> {
  const mammoth = await import('mammoth');
  return (mammoth as unknown as { default?: typeof mammoth }).default ?? mammoth;
}

/** DOCX → mammoth's HTML, once its ZIP budget is checked and every entry's declared size verified. */
export async function docxToHtml(
  bytes: Uint8Array,
  limits = documentLimits(),
  options: MammothOptions = {},
): Promise<string> {
  const records = checkZipDirectory(bytes, limits);
  if (records) await verifyZipEntries(bytes, records);
  return (await (await loadMammoth()).convertToHtml({ buffer: Buffer.from(bytes) }, options)).value;
}

/** DOCX → text through mammoth's HTML (tables become pipe rows), once its ZIP budget is checked. */
export async function docxToText(bytes: Uint8Array, limits = documentLimits()): Promise<string> {
  return htmlToText(await docxToHtml(bytes, limits));
}

/** PDF → text through unpdf (pdf.js), pages joined, once its streams and page count are checked. */
export async function pdfToText(bytes: Uint8Array, limits = documentLimits()): Promise<string> {
  checkPdfStreams(bytes, limits);
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false });
  if (pdf.numPages > limits.maxPages) throw refuse.pages(pdf.numPages, limits);
  const { text } = await extractText(pdf, { mergePages: false });
  return (text as string[]).join('\n');
}

/** Reads any supported document into text. */
export async function documentToText(name: string, bytes: Uint8Array, limits?: DocumentLimits): Promise<string> {
  switch (documentKind(name, bytes)) {
    case 'pdf':
      return pdfToText(bytes, limits);
    case 'docx':
      return docxToText(bytes, limits);
    case 'html':
      return htmlToText(decodeText(bytes));
    case 'text':
      return decodeText(bytes);
  }
}
