// Untrusted documents are parsed off the main thread (docs/security/documents.md): in one child process
// (document-worker.ts) with a capped heap, one document at a time, killed past the time limit and replaced on
// the next document; it ends after a while without work, and with its parent. A ZIP-based file whose central
// directory already breaks a limit is refused here, before any parse starts. The server's event loop only copies
// bytes out and text in; a bomb costs the child, never the server.
//
// A process rather than a worker thread: a Worker's resourceLimits leave only 16 MB of leeway past the heap limit,
// and one allocation larger than that (a big inflated XML part as one string) aborts the whole process, server
// included (seen with a 200 MB part in a 32 MB worker). A child that runs out of memory dies alone.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DocumentRefused } from '../../app/documents/ports.js';
import type { DocumentReader } from '../../app/reports/ports.js';
import type { WordBody, WordBodyReader } from '../../app/publications/ports.js';
import type { CatalogueSheetIO } from '../../app/standard-catalogue/ports.js';
import type { SheetCells } from '../../domain/standard-catalogue/sheet.js';
import { type DocumentLimits, refuse } from './document-limits.js';
import type { ParseAnswer, ParseJob } from './document-worker.js';
import { checkZipDirectory, isZip } from './zip-budget.js';

/** A parsing process without work ends after this long (ms); the next document starts another. */
const IDLE_MS = 30_000;

type JobInput =
  | { op: 'text'; name: string; bytes: Uint8Array }
  | { op: 'sheets'; bytes: Uint8Array }
  | { op: 'word-body'; bytes: Uint8Array };

/**
 * The child runs what the parent runs: the compiled module beside this one (bin/compiled.js), or the TypeScript
 * source through tsx's loader (resolved from here, not the cwd).
 */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER = fileURLToPath(new URL(FROM_SOURCE ? './document-worker.ts' : './document-worker.js', import.meta.url));
const LOADER = FROM_SOURCE ? ['--import', import.meta.resolve('tsx')] : [];

/** Runs parse jobs in a child process under the limits, one at a time. */
export class DocumentSandbox {
  private worker: ChildProcess | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  private idle: NodeJS.Timeout | undefined;

  constructor(readonly limits: DocumentLimits) {}

  /**
   * Parses in the child process once the jobs before it are done.
   * @throws DocumentRefused past a limit (time and memory included); Error when the parser fails
   */
  async run<T>(input: JobInput): Promise<T> {
    if (isZip(input.bytes)) checkZipDirectory(input.bytes, this.limits);
    const result = this.queue.then(() => this.runNow<T>(input));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Ends the parsing process (tests; an idle one is unreferenced, so it never keeps the parent running). */
  async close(): Promise<void> {
    clearTimeout(this.idle);
    const w = this.worker;
    this.worker = undefined;
    if (w && w.exitCode === null && w.signalCode === null) {
      const exited = new Promise((r) => w.once('exit', r));
      DocumentSandbox.hold(w, true);
      w.kill('SIGKILL');
      await exited;
    }
  }

  private spawn(): ChildProcess {
    const w = fork(WORKER, [], {
      execArgv: [...LOADER, `--max-old-space-size=${this.limits.memoryMb}`, '--stack-size=4000'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    w.on('error', () => undefined);
    w.once('exit', () => {
      if (this.worker === w) this.worker = undefined;
    });
    return w;
  }

  private static hold(w: ChildProcess, hold: boolean): void {
    if (hold) {
      w.ref();
      w.channel?.ref();
    } else {
      w.unref();
      w.channel?.unref();
    }
  }

  private runNow<T>(input: JobInput): Promise<T> {
    clearTimeout(this.idle);
    const worker = (this.worker ??= this.spawn());
    DocumentSandbox.hold(worker, true);
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
        worker.kill('SIGKILL');
        reject(error);
      };
      const timer = setTimeout(() => lose(refuse.timeout(this.limits)), this.limits.timeoutMs);
      const onMessage = (m: ParseAnswer): void => {
        if (m.id !== id) return;
        done();
        if (m.ok) resolve(m.value as T);
        else reject(m.refused ? new DocumentRefused(m.refused.reason, m.message) : new Error(m.message));
      };
      const onError = (e: Error): void => lose(e);
      // V8 aborts a process out of heap (SIGABRT, or status 134 through a shell).
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
        lose(
          signal === 'SIGABRT' || code === 134
            ? refuse.memory(this.limits)
            : new Error(`文档解析进程意外结束（${signal ?? `退出码 ${code}`}）`),
        );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.send({ ...input, id, limits: this.limits } satisfies ParseJob);
    }).finally(() => this.rest());
  }

  /** Lets the parent exit while the child waits, and ends the child after {@link IDLE_MS} without work. */
  private rest(): void {
    if (this.worker) DocumentSandbox.hold(this.worker, false);
    this.idle = setTimeout(() => void this.close(), IDLE_MS);
    this.idle.unref();
  }
}

/** The document readers of the composition root, each parse in the sandbox (a child process). */
export function sandboxedReaders(sandbox: DocumentSandbox): {
  documentReader: DocumentReader;
  readSheets: CatalogueSheetIO['read'];
  wordBody: WordBodyReader;
} {
  return {
    documentReader: (name, bytes) => sandbox.run<string>({ op: 'text', name, bytes }),
    readSheets: (bytes) => sandbox.run<SheetCells>({ op: 'sheets', bytes }),
    wordBody: (bytes) => sandbox.run<WordBody>({ op: 'word-body', bytes }),
  };
}
