// `gongkai catalogue import|export <creditCode> FILE.xlsx`: the standard catalogue as XLSX.
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { exportCatalogue, importCatalogue } from '../../app/standard-catalogue/import-catalogue.js';
import { orgIdByCreditCode } from '../../app/standard-catalogue/manage-catalogue.js';
import { AppError } from '../../app/errors.js';
import { withRuntime, type CliDeps } from '../deps.js';
import { progressBar } from '../progress.js';

/** Registers the catalogue commands. */
export function registerCatalogue(program: Command, deps: CliDeps): void {
  const cat = program.command('catalogue').description('基层政务公开标准目录 / Standard disclosure catalogue');
  cat
    .command('import <creditCode> <file>')
    .description('导入标准目录（XLSX，各领域一个工作表，按政府公布的表格格式） / Import the catalogue from XLSX')
    .action(async (creditCode: string, file: string) => {
      const bytes = await readFile(file).catch(() => {
        throw new AppError('not_found', `无法读取文件 / cannot read file: ${file}`);
      });
      await withRuntime(deps, async ({ ctx }) => {
        const orgId = await orgIdByCreditCode(ctx, creditCode);
        let bar: ReturnType<typeof progressBar> | undefined;
        const r = await importCatalogue(ctx, null, orgId, new Uint8Array(bytes), {
          onProgress: (done, total) => {
            bar ??= progressBar('导入 / importing', total);
            bar.update(done);
          },
        });
        bar?.stop();
        if (!r.ok) {
          for (const e of r.errors) deps.err(`${file}:${e.sheet}!${e.column}${e.row}: ${e.message}`);
          throw new AppError(
            'invalid',
            `文件有 ${r.errors.length} 处错误，未导入任何内容 / ${r.errors.length} error(s), nothing imported`,
          );
        }
        const areas = r.newAreas.length > 0 ? `；新增地方领域 / new local areas: ${r.newAreas.join('、')}` : '';
        deps.out(
          `已导入 / imported：新增 ${r.inserted} 项，更新 ${r.updated} 项，停用 ${r.retired} 项，未涉及领域说明 ${r.exclusions} 条${areas}`,
        );
      });
    });
  cat
    .command('export <creditCode> <file>')
    .description('导出标准目录为 XLSX（各领域一个工作表） / Export the catalogue to XLSX')
    .action(async (creditCode: string, file: string) => {
      await withRuntime(deps, async ({ ctx }) => {
        const orgId = await orgIdByCreditCode(ctx, creditCode);
        const bytes = await exportCatalogue(ctx, null, orgId);
        await writeFile(file, bytes);
        deps.out(`已导出 / exported: ${file}`);
      });
    });
}
