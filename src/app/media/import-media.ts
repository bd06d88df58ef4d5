// Importing and exporting the 政务新媒体 registry (accounts) and posts as CSV or XLSX, the same header in both.
// Import is all or nothing: every error (sheet, row, column) is listed and nothing is written, else one
// transaction writes every row.
import type { Actor } from '../../domain/policies/actor.js';
import { csvText as toCsv } from '../../domain/core/csv.js';
import {
  ACCOUNT_HEADER,
  POST_HEADER,
  csvTable,
  parseAccountTable,
  parsePostTable,
  sheetTable,
  type ImportTable,
  type MediaImportError,
} from '../../domain/monitoring/accounts-import.js';
import { accountKey, type MediaAccount } from '../../domain/monitoring/accounts.js';
import { DocumentRefused } from '../documents/ports.js';
import { invalid } from '../errors.js';
import { actorLabel, auditBy } from '../actors.js';
import type { MediaContext, MediaReadContext } from './ports.js';
import { mayMedia } from './manage-accounts.js';
import type { CatalogueSheetIO } from '../standard-catalogue/ports.js';

/** A file to import: its name (the extension tells CSV from XLSX) and bytes. */
export type MediaFile = { name: string; bytes: Uint8Array };

/** What an import did, or every error. */
export type MediaImportResult<T> = ({ ok: true } & T) | { ok: false; errors: MediaImportError[] };

/** Export formats. */
export type MediaExportFormat = 'csv' | 'xlsx';

const isXlsx = (f: MediaFile) =>
  /\.xlsx$/i.test(f.name) || (f.bytes[0] === 0x50 && f.bytes[1] === 0x4b && !/\.csv$/i.test(f.name));

/**
 * A CSV file's text: UTF-8 (with or without BOM), or GB18030 when it is not valid UTF-8 (spreadsheet programs on
 * Chinese Windows save CSV in the GBK code page).
 */
function csvText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The file's first worksheet, or its CSV text, as a table. */
async function readTable(
  io: CatalogueSheetIO,
  file: MediaFile,
): Promise<{ ok: true; table: ImportTable } | { ok: false; errors: MediaImportError[] }> {
  if (!isXlsx(file)) return csvTable(csvText(file.bytes));
  // The guarded workbook reader of uploads (limits on size, entries and expansion of untrusted files).
  const cells = await io.read(file.bytes).catch((e: unknown) => {
    if (e instanceof DocumentRefused) throw invalid(e.message, { file: e.message });
    throw invalid('无法读取该文件，请上传 CSV 或 XLSX 格式的文件', { file: '无法读取该文件' });
  });
  const sheet = cells.sheets[0];
  if (!sheet) throw invalid('工作簿中没有工作表', { file: '工作簿中没有工作表' });
  return { ok: true, table: sheetTable(sheet.name, sheet.rows) };
}

/**
 * Imports accounts: a row whose platform and name are registered updates that account (its owner contact is
 * kept), others are registered (with an 开设 event on `openedOn` when given). The actor must keep every row's
 * 主办单位.
 * @throws AppError 'invalid' (not a readable file)
 */
export async function importAccounts(
  ctx: MediaContext,
  actor: Actor | null,
  file: MediaFile,
): Promise<MediaImportResult<{ inserted: number; updated: number }>> {
  const read = await readTable(ctx.catalogueSheets, file);
  if (!read.ok) return read;
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const parsed = parseAccountTable(read.table, new Set(orgs.map((o) => o.creditCode)), ctx.clock.today());
  if (!parsed.ok) return parsed;
  const byCode = new Map(orgs.map((o) => [o.creditCode, o.id]));
  const denied = parsed.rows.filter((r) => !mayMedia(actor, 'media.write', orgs, byCode.get(r.orgCreditCode) ?? ''));
  if (denied.length > 0) {
    return {
      ok: false,
      errors: denied.map((r) => ({
        sheet: read.table.sheet,
        row: r.line,
        column: 'org',
        cell: `D${r.line}`,
        message: `第${r.line}行“org”：无权维护该主办单位的政务新媒体`,
      })),
    };
  }
  const now = ctx.clock.nowIso();
  return ctx.uow.run(async (r) => {
    let [inserted, updated] = [0, 0];
    for (const row of parsed.rows) {
      const orgId = byCode.get(row.orgCreditCode) ?? '';
      const old = await r.media.accountByKey(row.platform, row.name);
      const fields = {
        platform: row.platform,
        name: row.name,
        verifiedName: row.verifiedName,
        orgId,
        filingNo: row.filingNo,
        interaction: row.interaction,
        ownerContact: old?.ownerContact ?? '',
        feedUrl: row.feedUrl,
        openedOn: row.openedOn,
      };
      if (old) {
        await r.media.updateAccount(old.id, fields, now);
        if (old.status !== row.status) await r.media.setStatus(old.id, row.status, now);
        updated += 1;
      } else {
        const id = ctx.crypto.newId();
        await r.media.insertAccount({ ...fields, id, status: row.status, createdAt: now, updatedAt: now });
        if (row.openedOn) {
          await r.media.insertEvent({
            id: ctx.crypto.newId(),
            accountId: id,
            kind: 'open',
            on: row.openedOn,
            announcement: '',
            note: '批量导入',
            actorId: actor?.userId ?? null,
            actorLabel: actorLabel(actor),
            createdAt: now,
          });
        }
        inserted += 1;
      }
    }
    await r.audit.append(
      auditBy(actor, {
        action: 'media.accounts_imported',
        entityType: 'media_account',
        entityId: 'import',
        orgId: null,
        before: null,
        after: { file: file.name, inserted, updated, accounts: parsed.rows.map((x) => `${x.platform}:${x.name}`) },
      }),
      now,
    );
    return { ok: true as const, inserted, updated };
  });
}

/**
 * Imports posts of registered accounts; a post already recorded (same account, time and title) is counted as a
 * duplicate and left as it is, so a platform's export can be imported again after new posts.
 * @throws AppError 'invalid' (not a readable file)
 */
export async function importPosts(
  ctx: MediaContext,
  actor: Actor | null,
  file: MediaFile,
): Promise<MediaImportResult<{ inserted: number; duplicates: number }>> {
  const read = await readTable(ctx.catalogueSheets, file);
  if (!read.ok) return read;
  const [orgs, accounts] = await Promise.all([
    ctx.repos.orgs.list({ includeRetired: true }),
    ctx.repos.media.accounts(),
  ]);
  const writable = accounts.filter((a) => mayMedia(actor, 'media.write', orgs, a.orgId));
  const byKey = new Map(writable.map((a) => [accountKey(a), a]));
  const parsed = parsePostTable(read.table, new Set(byKey.keys()), `${ctx.clock.today()}T23:59`);
  if (!parsed.ok) return parsed;
  const now = ctx.clock.nowIso();
  return ctx.uow.run(async (r) => {
    let [inserted, duplicates] = [0, 0];
    for (const row of parsed.rows) {
      const account = byKey.get(`${row.platform}:${row.account}`) as MediaAccount;
      const added = await r.media.insertPost({
        id: ctx.crypto.newId(),
        accountId: account.id,
        postedAt: row.postedAt,
        title: row.title,
        url: row.url,
        comments: row.comments,
        answered: row.answered,
        source: 'import',
        createdAt: now,
      });
      if (added) inserted += 1;
      else duplicates += 1;
    }
    await r.audit.append(
      auditBy(actor, {
        action: 'media.posts_imported',
        entityType: 'media_account',
        entityId: 'import',
        orgId: null,
        before: null,
        after: { file: file.name, inserted, duplicates },
      }),
      now,
    );
    return { ok: true as const, inserted, duplicates };
  });
}

/** The accounts the actor may read, as rows of the import header. */
async function accountRows(ctx: MediaReadContext, actor: Actor | null) {
  const [orgs, accounts] = await Promise.all([
    ctx.repos.orgs.list({ includeRetired: true }),
    ctx.repos.media.accounts(),
  ]);
  const code = new Map(orgs.map((o) => [o.id, o.creditCode]));
  const visible = accounts.filter((a) => mayMedia(actor, 'media.read', orgs, a.orgId));
  const rows = visible.map((a) => [
    a.platform,
    a.name,
    a.verifiedName,
    code.get(a.orgId) ?? '',
    a.filingNo,
    a.interaction ? 'yes' : 'no',
    a.openedOn ?? '',
    a.status,
    a.feedUrl,
  ]);
  return { visible, rows };
}

/** Exports the accounts the actor may read in the import layout (CSV text with BOM, or an XLSX workbook). */
export async function exportAccounts(
  ctx: MediaReadContext & { catalogueSheets: CatalogueSheetIO },
  actor: Actor | null,
  format: MediaExportFormat,
): Promise<Uint8Array> {
  const { rows } = await accountRows(ctx, actor);
  return writeTable(ctx.catalogueSheets, format, 'accounts', [[...ACCOUNT_HEADER], ...rows]);
}

/** Exports the posts of the accounts the actor may read in the import layout. */
export async function exportPosts(
  ctx: MediaReadContext & { catalogueSheets: CatalogueSheetIO },
  actor: Actor | null,
  format: MediaExportFormat,
): Promise<Uint8Array> {
  const { visible } = await accountRows(ctx, actor);
  const byId = new Map(visible.map((a) => [a.id, a]));
  const posts = await ctx.repos.media.allPosts(visible.map((a) => a.id));
  const rows = posts.map((p) => {
    const a = byId.get(p.accountId) as MediaAccount;
    const at = p.postedAt.replace('T', ' ');
    return [a.platform, a.name, at, p.title, p.url, String(p.comments), String(p.answered)];
  });
  return writeTable(ctx.catalogueSheets, format, 'posts', [[...POST_HEADER], ...rows]);
}

async function writeTable(io: CatalogueSheetIO, format: MediaExportFormat, name: string, rows: string[][]) {
  if (format === 'csv') return new TextEncoder().encode(toCsv(rows));
  return io.write([{ name, rows, merges: [] }]);
}
