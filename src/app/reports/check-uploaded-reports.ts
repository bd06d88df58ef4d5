// Use case: a supervisor (or an administrator) uploads published annual reports of the units
// below it — files or pasted text — and gets the 年报体检 results (docs/report-check.md). Nothing is
// stored: the uploads are read in memory, checked and forgotten; no audit entry is written either.
import { checkReportText, type CheckedReport } from '../../domain/report-check/check-text.js';
import type { Actor } from '../../domain/policies/actor.js';
import { finding } from '../../domain/reports/finding.js';
import { mayCheckReports } from '../../domain/reports/report-policy.js';
import { forbidden, invalid } from '../errors.js';
import type { AppContext } from '../context.js';
import { DocumentRefused } from '../documents/ports.js';
import type { DocumentReader } from './ports.js';

/** One uploaded file. */
export type UploadedReport = { name: string; bytes: Uint8Array };

/** Limits of one upload (the whole request is also capped by GONGKAI_UPLOAD_LIMIT_MB). */
export const UPLOAD_LIMITS = {
  maxFiles: 20,
  maxFileBytes: 10 * 1024 * 1024,
  maxPastedChars: 1_000_000,
  extensions: ['.txt', '.html', '.htm', '.docx', '.pdf'],
} as const;

/** What the form sends: files and/or pasted text. */
export type UploadInput = { files: UploadedReport[]; pasted: string };

/** The label given to the pasted text in the results. */
export const PASTED_LABEL = '粘贴的文本';

/**
 * 年报体检 is for those who oversee reports: a supervisor or an administrator anywhere.
 * @throws AppError 'forbidden' for anyone else
 */
export function requireReportCheck(actor: Actor): void {
  if (!mayCheckReports(actor)) {
    throw forbidden('没有权限执行此操作：年报体检仅向上级政务公开办（监督）和系统管理员开放');
  }
}

const extensionOf = (name: string): string => /\.[^.\\/]+$/.exec(name.toLowerCase())?.[0] ?? '';

function validate(input: UploadInput): void {
  const errors: Record<string, string> = {};
  if (input.files.length === 0 && input.pasted.trim() === '') {
    throw invalid('请上传报告文件或粘贴报告全文', { files: '请选择至少一个报告文件，或在下方粘贴报告全文' });
  }
  const mb = UPLOAD_LIMITS.maxFileBytes / 1024 / 1024;
  const wrongType = input.files.filter(
    (f) => !(UPLOAD_LIMITS.extensions as readonly string[]).includes(extensionOf(f.name)),
  );
  const tooBig = input.files.filter((f) => f.bytes.byteLength > UPLOAD_LIMITS.maxFileBytes);
  if (input.files.length > UPLOAD_LIMITS.maxFiles) errors.files = `一次最多上传 ${UPLOAD_LIMITS.maxFiles} 个文件`;
  else if (wrongType.length > 0) {
    errors.files = `不支持的文件类型：${wrongType.map((f) => f.name).join('、')}（只接受 txt、html、docx、pdf）`;
  } else if (tooBig.length > 0) errors.files = `文件超过 ${mb} MB：${tooBig.map((f) => f.name).join('、')}`;
  if (input.pasted.length > UPLOAD_LIMITS.maxPastedChars) {
    errors.text = `粘贴的文本过长（最多 ${UPLOAD_LIMITS.maxPastedChars} 个字符）`;
  }
  if (Object.keys(errors).length > 0) throw invalid('上传的内容不符合要求', errors);
}

/**
 * Reads and checks one file; a file that cannot be read becomes a finding. A refused one (a decompression
 * bomb, a limit passed: docs/security/documents.md) refuses the whole upload, so the form shows it again.
 */
async function checkFile(read: DocumentReader, file: UploadedReport): Promise<CheckedReport> {
  try {
    return checkReportText(await read(file.name, file.bytes), { file: file.name });
  } catch (e) {
    if (e instanceof DocumentRefused) {
      throw invalid(`“${file.name}”未能读取`, { files: `“${file.name}”${e.message}` });
    }
    const report = checkReportText('', { file: file.name });
    report.findings = [finding('missing', 'error', `无法读取文件：${e instanceof Error ? e.message : String(e)}`, {})];
    return report;
  }
}

/**
 * Checks uploaded reports and pasted text, in the order given (files first, then the text).
 * @throws AppError forbidden for actors without a supervisor or admin role; invalid for an empty or oversized upload
 *   or a refused file
 */
export async function checkUploadedReports(
  ctx: Pick<AppContext, 'documentReader'>,
  actor: Actor,
  input: UploadInput,
): Promise<CheckedReport[]> {
  requireReportCheck(actor);
  validate(input);
  const read = ctx.documentReader;
  const results: CheckedReport[] = [];
  for (const file of input.files) results.push(await checkFile(read, file));
  if (input.pasted.trim() !== '') results.push(checkReportText(input.pasted, { file: PASTED_LABEL }));
  return results;
}
