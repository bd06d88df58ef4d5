// The files a report is offered as, in the order offered: each kind's media type and its Chinese label.
// The kind is also the file's extension.

export const REPORT_FILES = {
  html: { mime: 'text/html; charset=utf-8', label: '网页（HTML）' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word 文档（DOCX）',
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel 表格（XLSX，每表一页）',
  },
  pdf: { mime: 'application/pdf', label: 'PDF 文档' },
  json: { mime: 'application/json; charset=utf-8', label: '数据（JSON）' },
  md: { mime: 'text/markdown; charset=utf-8', label: '文本（Markdown）' },
} as const;

export type ReportExportKind = keyof typeof REPORT_FILES;

/** Every kind, in the order offered. */
export const REPORT_EXPORT_KINDS = Object.keys(REPORT_FILES) as ReportExportKind[];

/** Whether a string names an export kind. */
export function isReportExportKind(value: string): value is ReportExportKind {
  return Object.hasOwn(REPORT_FILES, value);
}
