// The parsing worker (worker_threads) that document-sandbox.ts starts: it reads one untrusted document at a
// time with the ordinary readers — their limits checked first — and answers the text or sheets, or why the
// document was refused. Its heap is capped by the Worker's resourceLimits and its time by the sandbox.
import { parentPort } from 'node:worker_threads';
import { DocumentRefused } from '../../app/documents/ports.js';
import { readWorkbook } from './catalogue-xlsx.js';
import type { DocumentLimits } from './document-limits.js';
import { documentToText } from './read-document.js';

/** A job: a document's text, or a workbook's sheets. */
export type ParseJob = { id: number; limits: DocumentLimits; bytes: Uint8Array } & (
  { op: 'text'; name: string } | { op: 'sheets' }
);

/** The answer to a job. */
export type ParseAnswer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; refused: { reason: DocumentRefused['reason'] } | null; message: string };

async function run(job: ParseJob): Promise<unknown> {
  return job.op === 'text' ? documentToText(job.name, job.bytes, job.limits) : readWorkbook(job.bytes, job.limits);
}

parentPort?.on('message', (job: ParseJob) => {
  run(job).then(
    (value) => parentPort?.postMessage({ id: job.id, ok: true, value } satisfies ParseAnswer),
    (e: unknown) =>
      parentPort?.postMessage({
        id: job.id,
        ok: false,
        refused: e instanceof DocumentRefused ? { reason: e.reason } : null,
        message: e instanceof Error ? e.message : String(e),
      } satisfies ParseAnswer),
  );
});
