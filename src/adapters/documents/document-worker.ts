// The parsing process that document-sandbox.ts forks: it reads one untrusted document at a time with the
// ordinary readers — their limits checked first — and answers the text, sheets or Word body, or why the document was
// refused. Its heap is capped by --max-old-space-size and its time by the sandbox; it ends with its parent.
import { DocumentRefused } from '../../app/documents/ports.js';
import { readWorkbook } from './catalogue-xlsx.js';
import { type DocumentLimits, refuse } from './document-limits.js';
import { docxToBody } from './docx-body.js';
import { documentToText } from './read-document.js';

/** A job: a document's text, a workbook's sheets, or a Word document's body (HTML and images). */
export type ParseJob = { id: number; limits: DocumentLimits; bytes: Uint8Array } & (
  { op: 'text'; name: string } | { op: 'sheets' } | { op: 'word-body' }
);

/** The answer to a job. */
export type ParseAnswer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; refused: { reason: DocumentRefused['reason'] } | null; message: string };

async function run(job: ParseJob): Promise<unknown> {
  if (job.op === 'sheets') return readWorkbook(job.bytes, job.limits);
  if (job.op === 'word-body') return docxToBody(job.bytes, job.limits);
  const text = await documentToText(job.name, job.bytes, job.limits);
  if (text.length > job.limits.maxTextChars) throw refuse.text(job.limits);
  return text;
}

const answer = (a: ParseAnswer): void => void process.send?.(a);

process.on('disconnect', () => process.exit(0));
process.on('message', (job: ParseJob) => {
  run(job).then(
    (value) => answer({ id: job.id, ok: true, value }),
    (e: unknown) =>
      answer({
        id: job.id,
        ok: false,
        refused: e instanceof DocumentRefused ? { reason: e.reason } : null,
        message: e instanceof Error ? e.message : String(e),
      }),
  );
});
