// Untrusted documents are parsed off the main thread (docs/security/documents.md): one worker_threads Worker
// (document-worker.ts) with a capped heap, one document at a time, terminated past the time limit and
// replaced on the next document; it ends after a while without work. A ZIP-based file whose central directory
// already breaks a limit is refused here, before any worker starts. The server's event loop only copies bytes
// in and text out; a bomb costs the worker, never the process.
import { Worker } from 'node:worker_threads';
import { DocumentRefused } from '../../app/documents/ports.js';
import type { DocumentReader } from '../../app/reports/ports.js';
import type { CatalogueSheetIO } from '../../app/standard-catalogue/ports.js';
import type { SheetCells } from '../../domain/standard-catalogue/sheet.js';
import { type DocumentLimits, refuse } from './document-limits.js';
import type { ParseAnswer, ParseJob } from './document-worker.js';
import { checkZipDirectory, isZip } from './zip-budget.js';

/** A worker without work ends after this long (ms); the next document starts another. */
const IDLE_MS = 30_000;

type JobInput = { op: 'text'; name: string; bytes: Uint8Array } | { op: 'sheets'; bytes: Uint8Array };

// The worker runs the TypeScript sources as the main thread does: it registers tsx, then loads its module.
const bootstrap = (): string =>
  `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); ` +
  `return import(${JSON.stringify(new URL('./document-worker.ts', import.meta.url).href)}); });`;

/** Runs parse jobs in a worker under the limits, one at a time. */
export class DocumentSandbox {
  private worker: Worker | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private idle: NodeJS.Timeout | undefined;

  constructor(readonly limits: DocumentLimits) {}

  /**
   * Parses in the worker once the jobs before it are done.
   * @throws DocumentRefused past a limit (time and memory included); Error when the parser fails
   */
  async run<T>(input: JobInput): Promise<T> {
    if (isZip(input.bytes)) checkZipDirectory(input.bytes, this.limits);
    const result = this.queue.then(() => this.runNow<T>(input));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Ends the worker (tests; the process also exits with an idle worker, which is unreferenced). */
  async close(): Promise<void> {
    clearTimeout(this.idle);
    const w = this.worker;
    this.worker = undefined;
    await w?.terminate();
  }

  private spawn(): Worker {
    const w = new Worker(bootstrap(), {
      eval: true,
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.memoryMb,
        maxYoungGenerationSizeMb: Math.max(8, Math.round(this.limits.memoryMb / 8)),
        stackSizeMb: 4,
      },
    });
    w.on('error', () => undefined);
    return w;
  }

  private runNow<T>(input: JobInput): Promise<T> {
    clearTimeout(this.idle);
    const worker = (this.worker ??= this.spawn());
    worker.ref();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const lose = (error: Error): void => {
        done();
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
        reject(error);
      };
      const timer = setTimeout(() => lose(refuse.timeout(this.limits)), this.limits.timeoutMs);
      const onMessage = (m: ParseAnswer): void => {
        if (m.id !== id) return;
        done();
        if (m.ok) resolve(m.value as T);
        else reject(m.refused ? new DocumentRefused(m.refused.reason, m.message) : new Error(m.message));
      };
      const onError = (e: Error & { code?: string }): void =>
        lose(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? refuse.memory(this.limits) : e);
      const onExit = (code: number): void => lose(new Error(`文档解析进程意外结束（退出码 ${code}）`));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ ...input, id, limits: this.limits } satisfies ParseJob);
    }).finally(() => this.rest());
  }

  /** Lets the process exit while the worker waits, and ends it after {@link IDLE_MS} without work. */
  private rest(): void {
    this.worker?.unref();
    this.idle = setTimeout(() => void this.close(), IDLE_MS);
    this.idle.unref();
  }
}

/** The document readers of the composition root, each parse in the sandbox. */
export function sandboxedReaders(sandbox: DocumentSandbox): {
  documentReader: DocumentReader;
  readSheets: CatalogueSheetIO['read'];
} {
  return {
    documentReader: (name, bytes) => sandbox.run<string>({ op: 'text', name, bytes }),
    readSheets: (bytes) => sandbox.run<SheetCells>({ op: 'sheets', bytes }),
  };
}
