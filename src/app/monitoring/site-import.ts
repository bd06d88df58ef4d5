// Import and export of the website registry as CSV or XLSX (the sheet named 网站, or the first one), and the import
// of interaction messages (CSV). Import is all or nothing: every error (sheet, row, column letter, Chinese message)
// and nothing written, or every site stored (new, or updated by name with its columns replaced; columns kept by name
// keep their messages).
import type { Actor } from '../../domain/policies/actor.js';
import { csvText, parseCsv } from '../../domain/core/csv.js';
import type { SheetError } from '../../domain/standard-catalogue/sheet.js';
import { readSiteRows, siteFileColumn, siteFileRows } from '../../domain/monitoring-registry/site-file.js';
import type { CatalogueSheetIO } from '../standard-catalogue/ports.js';
import type { MonitoringContext } from './ports.js';
import { accessOf } from './access.js';
import { checkMessages, checkSiteInput, storeSite, type CheckedSite } from './registry.js';
import { decodeCsv } from '../reports/report-figures-import.js';
import { DocumentRefused } from '../documents/ports.js';
import { invalid } from '../errors.js';
import { auditBy } from '../actors.js';

/** The sheet name of the registry in a workbook. */
export const SITE_SHEET = '网站';

/** What an import did, or every error. */
export type SiteImportResult = { ok: true; created: number; updated: number } | { ok: false; errors: SheetError[] };

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;

/** Field names of a checked site's errors, as the file's column letters. */
const FIELD_COLUMN: Record<string, Parameters<typeof siteFileColumn>[0]> = {
  name: 'site',
  homeUrl: 'homeUrl',
  siteCode: 'siteCode',
  orgId: 'org',
  kind: 'kind',
};
const COLUMN_FIELD: Record<string, Parameters<typeof siteFileColumn>[0]> = {
  name: 'column',
  url: 'columnUrl',
  kind: 'columnKind',
  intervalDays: 'intervalDays',
};

/**
 * Imports a registry file (XLSX when it is a ZIP, else CSV in UTF-8 or GB18030).
 * @throws AppError 'invalid' (unreadable file, refused by the limits on untrusted documents)
 */
export async function importSites(
  ctx: MonitoringContext & { catalogueSheets: CatalogueSheetIO },
  actor: Actor | null,
  bytes: Uint8Array,
): Promise<SiteImportResult> {
  let sheet = 'CSV';
  let rows: string[][];
  let lineOf = (i: number) => i + 1;
  if (isZip(bytes)) {
    const cells = await ctx.catalogueSheets.read(bytes).catch((e: unknown) => {
      if (e instanceof DocumentRefused) throw invalid(e.message, { file: e.message });
      throw invalid('无法读取该文件，请上传 XLSX 或 CSV 格式的网站登记表', { file: '无法读取该文件' });
    });
    const grid = cells.sheets.find((s) => s.name === SITE_SHEET) ?? cells.sheets[0];
    if (!grid) throw invalid('工作簿中没有工作表', { file: '工作簿中没有工作表' });
    sheet = grid.name;
    rows = grid.rows;
  } else {
    const parsed = parseCsv(decodeCsv(bytes));
    if (!parsed.ok) {
      return { ok: false, errors: [{ sheet, row: parsed.error.line, column: 'A', message: parsed.error.message }] };
    }
    rows = parsed.records.map((r) => r.fields);
    const lines = parsed.records.map((r) => r.line);
    lineOf = (i) => lines[i] ?? i + 1;
  }
  const read = readSiteRows(sheet, rows, lineOf);
  if (!read.ok) return read;
  const access = await accessOf(ctx.repos, actor);
  const errors: SheetError[] = [];
  const checked: CheckedSite[] = [];
  for (const entry of read.sites) {
    const org = access.orgs.find((o) => o.creditCode === entry.orgCode.toUpperCase() && !o.retiredAt);
    const result = checkSiteInput(
      { ...entry, orgId: org?.id ?? '', columns: entry.columns },
      (id) => id !== '' && id === org?.id,
    );
    if (!result.ok) {
      for (const [key, message] of Object.entries(result.errors)) {
        const m = /^columns\.(\d+)\.(\w+)$/.exec(key);
        const col = m ? entry.columns[Number(m[1])] : undefined;
        const letter = siteFileColumn(m ? (COLUMN_FIELD[m[2] ?? ''] ?? 'column') : (FIELD_COLUMN[key] ?? 'site'));
        const msg = key === 'orgId' ? `未找到统一社会信用代码为“${entry.orgCode}”的机构` : message;
        errors.push({ sheet, row: col?.line ?? entry.line, column: letter, message: msg });
      }
      continue;
    }
    if (!access.may('monitoring.manage', result.value.fields.orgId)) {
      errors.push({ sheet, row: entry.line, column: siteFileColumn('org'), message: '无权为该主办单位登记网站' });
      continue;
    }
    checked.push(result.value);
  }
  if (errors.length > 0) return { ok: false, errors };
  const existing = await ctx.repos.monitoring.sites();
  const now = ctx.clock.nowIso();
  return ctx.uow.run(async (r) => {
    let created = 0;
    for (const site of checked) {
      const old = existing.find((s) => s.name === site.fields.name);
      if (!old) created += 1;
      await storeSite(ctx, r, actor, site, { id: old?.id, now });
    }
    await r.audit.append(
      auditBy(actor, {
        action: 'monitoring.sites_imported',
        entityType: 'monitor_site',
        entityId: 'import',
        orgId: null,
        before: null,
        after: { created, updated: checked.length - created },
      }),
      now,
    );
    return { ok: true as const, created, updated: checked.length - created };
  });
}

/**
 * The registry of the sites the actor may manage, as CSV (UTF-8 with BOM) or an XLSX workbook (sheet 网站).
 */
export async function exportSites(
  ctx: Pick<MonitoringContext, 'repos'> & { catalogueSheets: CatalogueSheetIO },
  actor: Actor | null,
  format: 'csv' | 'xlsx',
): Promise<Uint8Array> {
  const access = await accessOf(ctx.repos, actor);
  const sites = (await ctx.repos.monitoring.sites()).filter((s) => access.may('monitoring.manage', s.orgId));
  const code = (id: string) => access.orgs.find((o) => o.id === id)?.creditCode ?? '';
  const rows = siteFileRows(sites, code);
  if (format === 'csv') return new TextEncoder().encode(csvText(rows));
  return ctx.catalogueSheets.write([{ name: SITE_SHEET, rows, merges: [] }]);
}

/** The header of a messages file (CSV): the site and column by name, the dates, an optional subject. */
export const MESSAGE_FILE_HEADER = ['site', 'column', 'receivedOn', 'answeredOn', 'subject'] as const;

/**
 * Imports interaction messages from CSV (`site,column,receivedOn,answeredOn,subject`), all or nothing: every error
 * by row and column letter (unknown site or column, not an interaction column, bad dates).
 */
export async function importMessages(
  ctx: MonitoringContext,
  actor: Actor | null,
  bytes: Uint8Array,
): Promise<{ ok: true; count: number } | { ok: false; errors: SheetError[] }> {
  const sheet = 'CSV';
  const parsed = parseCsv(decodeCsv(bytes));
  if (!parsed.ok) {
    return { ok: false, errors: [{ sheet, row: parsed.error.line, column: 'A', message: parsed.error.message }] };
  }
  const [head, ...records] = parsed.records;
  if (!head || MESSAGE_FILE_HEADER.some((h, i) => (head.fields[i] ?? '').trim() !== h)) {
    return {
      ok: false,
      errors: [{ sheet, row: head?.line ?? 1, column: 'A', message: `表头应为：${MESSAGE_FILE_HEADER.join(',')}` }],
    };
  }
  const access = await accessOf(ctx.repos, actor);
  const sites = await ctx.repos.monitoring.sites();
  const errors: SheetError[] = [];
  const rows: {
    columnId: string;
    input: { receivedOn: string; answeredOn: string; subject: string };
    line: number;
  }[] = [];
  for (const r of records) {
    const [siteName = '', columnName = '', receivedOn = '', answeredOn = '', subject = ''] = r.fields.map((f) =>
      f.trim(),
    );
    const site = sites.find((s) => s.name === siteName);
    const column = site?.columns.find((c) => c.name === columnName);
    if (!site) errors.push({ sheet, row: r.line, column: 'A', message: `未登记的网站：${siteName}` });
    else if (!access.may('monitoring.manage', site.orgId)) {
      errors.push({ sheet, row: r.line, column: 'A', message: '无权为该网站登记留言' });
    } else if (!column || column.kind !== 'interaction') {
      errors.push({ sheet, row: r.line, column: 'B', message: `“${columnName}”不是该网站的政务咨询类栏目` });
    } else {
      rows.push({ columnId: column.id, input: { receivedOn, answeredOn, subject }, line: r.line });
    }
  }
  const checked = checkMessages(rows.map((r) => r.input));
  if (!checked.ok) {
    for (const [key, message] of Object.entries(checked.errors)) {
      const [i, field] = key.split('.');
      const letter = field === 'receivedOn' ? 'C' : field === 'answeredOn' ? 'D' : 'E';
      errors.push({ sheet, row: rows[Number(i)]?.line ?? 0, column: letter, message });
    }
  }
  if (errors.length > 0 || !checked.ok) return { ok: false, errors };
  const now = ctx.clock.nowIso();
  const messages = checked.value.map((m, i) => ({
    ...m,
    id: ctx.crypto.newId(),
    columnId: rows[i]?.columnId ?? '',
    createdAt: now,
  }));
  await ctx.uow.run(async (r) => {
    await r.monitoring.insertMessages(messages);
    await r.audit.append(
      auditBy(actor, {
        action: 'monitoring.messages_registered',
        entityType: 'monitor_site',
        entityId: 'import',
        orgId: null,
        before: null,
        after: { count: messages.length },
      }),
      now,
    );
  });
  return { ok: true, count: messages.length };
}
