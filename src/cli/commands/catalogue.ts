// `gongkai catalogue import|export <creditCode> FILE.xlsx`: the standard catalogue as XLSX.
import { writeFile } from 'node:fs/promises';
import { exportCatalogue, importCatalogue } from '../../app/standard-catalogue/import-catalogue.js';
import { orgIdByCreditCode } from '../../app/standard-catalogue/manage-catalogue.js';
import { withRuntime, type CliDeps } from '../deps.js';
import { nothingImported, readInputFile } from '../input-files.js';
import { lazyProgress } from '../progress.js';

/** `catalogue import`: the organization's catalogue from a workbook, all or nothing. */
export async function importStandardCatalogue(deps: CliDeps, creditCode: string, file: string): Promise<void> {
  const bytes = await readInputFile(file);
  await withRuntime(deps, async ({ ctx }) => {
    const orgId = await orgIdByCreditCode(ctx, creditCode);
    const progress = lazyProgress(deps, '导入 / importing');
    const r = await importCatalogue(ctx, null, orgId, new Uint8Array(bytes), {
      onProgress: progress.onProgress,
    }).finally(progress.stop);
    if (!r.ok) {
      for (const e of r.errors) deps.err(`${file}:${e.sheet}!${e.column}${e.row}: ${e.message}`);
      throw nothingImported(r.errors.length);
    }
    const areas = r.newAreas.length > 0 ? `；新增地方领域 / new local areas: ${r.newAreas.join('、')}` : '';
    deps.out(
      `已导入 / imported：新增 ${r.inserted} 项，更新 ${r.updated} 项，停用 ${r.retired} 项，未涉及领域说明 ${r.exclusions} 条${areas}`,
    );
  });
}

/** `catalogue export`: the organization's catalogue as a workbook. */
export async function exportStandardCatalogue(deps: CliDeps, creditCode: string, file: string): Promise<void> {
  await withRuntime(deps, async ({ ctx }) => {
    const orgId = await orgIdByCreditCode(ctx, creditCode);
    const bytes = await exportCatalogue(ctx, null, orgId);
    await writeFile(file, bytes);
    deps.out(`已导出 / exported: ${file}`);
  });
}
