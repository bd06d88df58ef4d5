// `gongkai publications …`: bulk import of already-published items (JSON Lines).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { importPublications, type ImportSource } from '../../app/publications/import-publications.js';
import { AppError } from '../../app/errors.js';
import { formatImportError } from '../../domain/publications/import-line.js';
import { withRuntime, type CliDeps } from '../deps.js';
import { progressBar, type Progress } from '../progress.js';
import { nothingImported } from '../input-files.js';

/** The file's lines, read afresh on each call (the import reads twice: check, then load). */
function fileLines(file: string): ImportSource {
  return () => createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
}

/** Counts lines quickly (newline bytes), for the first pass's progress bar. */
async function countLines(file: string): Promise<number> {
  let n = 0;
  let last = 0x0a;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) n += 1;
    last = chunk[chunk.length - 1] ?? last;
  }
  return last === 0x0a ? n : n + 1;
}

/** `publications import`: already-published items from JSON Lines, all or nothing. */
export async function importPublicationFile(deps: CliDeps, file: string, opts: { dryRun?: boolean }): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw new AppError('not_found', `无法读取文件 / cannot read file: ${file}`);
  const lines = await countLines(file);
  await withRuntime(deps, async ({ ctx }) => {
    let bar: Progress | undefined;
    let phase: 'check' | 'load' | undefined;
    const r = await importPublications(ctx, null, fileLines(file), {
      dryRun: opts.dryRun === true,
      label: basename(file),
      onProgress: (p, done, total) => {
        if (p !== phase) {
          bar?.stop();
          phase = p;
          bar = progressBar(
            deps,
            p === 'check' ? '检查 / checking' : '导入 / importing',
            p === 'check' ? lines : total,
          );
        }
        bar?.update(done);
      },
    }).finally(() => bar?.stop());
    if (!r.ok) {
      for (const e of r.errors) deps.err(`${file}: ${formatImportError(e)}`);
      if (r.errorCount > r.errors.length) {
        deps.err(
          `（另有 ${r.errorCount - r.errors.length} 处错误未列出 / ${r.errorCount - r.errors.length} more not listed）`,
        );
      }
      throw nothingImported(r.errorCount);
    }
    deps.out(
      r.dryRun
        ? `检查通过，可导入 ${r.imported} 条（--dry-run，未写入） / check passed: ${r.imported} item(s), nothing written`
        : `已导入 / imported ${r.imported} 条`,
    );
  });
}
