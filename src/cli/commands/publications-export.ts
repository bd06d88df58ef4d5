// `gongkai publications export --org <creditCode> --from <date> --to <date> --out <file.zip>`: the
// archive package of a period's published items (art. 25), written to a temporary file beside the
// target and renamed once complete (a failed run leaves no half-written package).
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { planExport, writeExportPackage } from '../../app/publications/export-package.js';
import { AppError } from '../../app/errors.js';
import { withRuntime, type CliDeps } from '../deps.js';
import { lazyProgress } from '../progress.js';

export type ExportOptions = { org: string; from: string; to: string; out: string; kinds?: string; subtree?: boolean };

/** Writes the package to `out` through `out.part`. */
async function writeFile(
  out: string,
  write: (sink: (chunk: Uint8Array) => Promise<void>) => Promise<void>,
): Promise<void> {
  const part = `${out}.part`;
  const file = createWriteStream(part);
  const failed = new Promise<never>((_, reject) => file.once('error', reject));
  try {
    await Promise.race([
      failed,
      write(async (chunk) => {
        if (!file.write(chunk)) await Promise.race([once(file, 'drain'), failed]);
      }),
    ]);
    file.end();
    await Promise.race([once(file, 'finish'), failed]);
    await rename(part, out);
  } catch (e) {
    file.destroy();
    await rm(part, { force: true });
    throw e;
  }
}

/** `publications export`: the period's package, written through a temporary file. */
export async function exportPublications(deps: CliDeps, o: ExportOptions): Promise<void> {
  if (!/\.zip$/i.test(o.out)) {
    throw new AppError('invalid', `输出文件应以 .zip 结尾 / --out must end in .zip: ${o.out}`);
  }
  const kinds = (o.kinds ?? '')
    .split(/[,，]/)
    .map((k) => k.trim())
    .filter((k) => k !== '');
  await withRuntime(deps, async ({ ctx }) => {
    const plan = await planExport(ctx, null, {
      org: o.org,
      from: o.from,
      to: o.to,
      kinds,
      includeSubtree: o.subtree === true,
    });
    const progress = lazyProgress(deps, '导出 / exporting');
    let summary: Awaited<ReturnType<typeof writeExportPackage>> | undefined;
    try {
      await writeFile(o.out, async (sink) => {
        summary = await writeExportPackage(ctx, plan, sink, progress.onProgress);
      });
    } finally {
      progress.stop();
    }
    const s = summary ?? { items: 0, withdrawn: 0, attachments: 0, bytes: 0 };
    deps.out(
      `已导出 / exported ${s.items} 条信息（其中已撤销 ${s.withdrawn} 条），附件 ${s.attachments} 个，${s.bytes} 字节 → ${o.out}`,
    );
  });
}
