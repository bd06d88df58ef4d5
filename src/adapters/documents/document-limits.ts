// Limits on parsing an untrusted document (docs/security/documents.md): what a DOCX, XLSX, ZIP or PDF may
// expand to before gongkai refuses it, and what the parsing process may take. Each is a setting
// (GONGKAI_DOC_* in src/config/config.ts); an unset one takes the default below.
import { DocumentRefused, type DocumentRefusalReason } from '../../app/documents/ports.js';

/** The limits of one parse. */
export type DocumentLimits = {
  /** Total uncompressed size of a ZIP-based file's entries (bytes). */
  maxUncompressedBytes: number;
  /** Entries of a ZIP-based file. */
  maxEntries: number;
  /** Largest compression ratio (uncompressed / compressed) of an entry bigger than {@link RATIO_FLOOR_BYTES}. */
  maxRatio: number;
  /** Rows of one worksheet. */
  maxRows: number;
  /** Pages of a PDF. */
  maxPages: number;
  /** Uncompressed size of one PDF stream (bytes). */
  maxStreamBytes: number;
  /** Characters of the text read from one document (what the parsing process sends back). */
  maxTextChars: number;
  /** Wall time of one parse (ms); the parsing process is killed past it. */
  timeoutMs: number;
  /** Old-generation heap of the parsing process (MB); it dies, not the server, past it. */
  memoryMb: number;
};

const MB = 1024 * 1024;

/** The defaults (docs/security/documents.md says why each is where it is). */
export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxUncompressedBytes: 100 * MB,
  maxEntries: 10_000,
  maxRatio: 200,
  maxRows: 50_000,
  maxPages: 1000,
  maxStreamBytes: 50 * MB,
  maxTextChars: 2_000_000,
  timeoutMs: 30_000,
  memoryMb: 256,
};

/** Entries smaller than this once inflated are never refused for their ratio (a tiny XML part compresses well). */
export const RATIO_FLOOR_BYTES = 1 * MB;

/** The limits with the unset ones taken from the defaults. */
export function documentLimits(set: Partial<DocumentLimits> = {}): DocumentLimits {
  const defined = Object.entries(set).filter(([, v]) => v !== undefined);
  return { ...DEFAULT_DOCUMENT_LIMITS, ...(Object.fromEntries(defined) as Partial<DocumentLimits>) };
}

const mb = (bytes: number): string => `${Math.round((bytes / MB) * 10) / 10} MB`;

/** The refusals, each with the Chinese message the user reads (the file's name is added by the caller). */
export const refuse = {
  entries: (count: number, l: DocumentLimits) =>
    refusal('too_many_entries', `压缩包内的文件过多（${count} 个，上限 ${l.maxEntries} 个），疑似压缩炸弹`),
  size: (l: DocumentLimits) =>
    refusal('too_large', `解压后的内容超过 ${mb(l.maxUncompressedBytes)} 上限，疑似压缩炸弹`),
  ratio: (entry: string, l: DocumentLimits) =>
    refusal('compression_ratio', `其中的 ${entry} 压缩比超过 ${l.maxRatio}:1，疑似压缩炸弹`),
  mismatch: (entry: string) => refusal('size_mismatch', `其中的 ${entry} 解压后比声明的大小更大，疑似压缩炸弹`),
  rows: (sheet: string, l: DocumentLimits) =>
    refusal('too_many_rows', `工作表 ${sheet} 的行数超过 ${l.maxRows} 行上限`),
  columns: (sheet: string, max: number) => refusal('too_many_rows', `工作表 ${sheet} 的列数超过 ${max} 列上限`),
  pages: (pages: number, l: DocumentLimits) =>
    refusal('too_many_pages', `PDF 共 ${pages} 页，超过 ${l.maxPages} 页上限`),
  stream: (l: DocumentLimits) =>
    refusal('stream_too_large', `PDF 中有数据流解压后超过 ${mb(l.maxStreamBytes)} 上限，疑似压缩炸弹`),
  text: (l: DocumentLimits) => refusal('too_large', `提取出的文本超过 ${l.maxTextChars} 个字符上限`),
  timeout: (l: DocumentLimits) => refusal('timeout', `解析超过 ${Math.round(l.timeoutMs / 1000)} 秒仍未完成，已中止`),
  memory: (l: DocumentLimits) => refusal('out_of_memory', `解析所需内存超过 ${l.memoryMb} MB 上限，已中止`),
  notDocx: () => refusal('not_docx', '不是有效的Word文档（DOCX），无法读取'),
  oldDoc: () => refusal('not_docx', '这是旧版Word文档（.doc），请在Word中另存为DOCX格式后再导入'),
};

function refusal(reason: DocumentRefusalReason, message: string): DocumentRefused {
  return new DocumentRefused(reason, `文件被拒绝：${message}`);
}
