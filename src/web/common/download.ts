// Downloads: the one Content-Disposition header, with an ASCII fallback and the UTF-8 name (RFC 6266, RFC 5987).
import type { Context } from 'hono';

/**
 * Content-Disposition of a download: an ASCII fallback plus the UTF-8 name per RFC 5987 (`filename*`),
 * so browsers save `示例区人民政府2025年政府信息公开工作年度报告.docx` under its Chinese name.
 */
export function contentDisposition(name: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const clean = name.replace(/[\r\n"\\/]/g, '');
  const dot = clean.lastIndexOf('.');
  const ext = dot >= 0 ? clean.slice(dot) : '';
  const asciiBase = (dot >= 0 ? clean.slice(0, dot) : clean).replace(/[^\w.-]+/g, '_').replace(/^_+|_+$/g, '');
  const ascii = `${asciiBase || 'download'}${ext.replace(/[^\w.]/g, '')}`;
  const encoded = encodeURIComponent(clean).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Answers a file download: its bytes, type and name (never cached: files may carry personal data). */
export function download(
  c: Context,
  file: { bytes: Uint8Array; mime: string; name: string },
  opts: { inline?: boolean; cache?: string } = {},
): Response {
  return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': file.mime,
    'Content-Disposition': contentDisposition(file.name, opts.inline ? 'inline' : 'attachment'),
    'Cache-Control': opts.cache ?? 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  });
}
