// Charset detection and decoding of fetched pages: the byte-order mark, then the Content-Type header's charset,
// then a <meta charset> / <meta http-equiv> in the first bytes (the WHATWG prescan, simplified), else UTF-8.
// GBK, GB2312 and GB18030 are decoded as GB18030 (a superset of both) by the TextDecoder of Node's full ICU
// (docs/decisions/0015-crawler.md).
import { TextDecoder } from 'node:util';

const GB = new Set(['gbk', 'gb2312', 'gb18030', 'x-gbk', 'cp936', 'windows-936', 'euc-cn', 'csgb2312', 'gb_2312-80']);
const PRESCAN_BYTES = 4096;

const labels = new Map<string, string | null>([
  ['utf-8', 'utf-8'],
  ['utf8', 'utf-8'],
]);
const decoders = new Map<string, TextDecoder>();

/** The decoder label of a charset name (GB family → gb18030), or null when unknown. */
export function decoderLabel(charset: string): string | null {
  const name = charset
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (GB.has(name)) return 'gb18030';
  let label = labels.get(name);
  if (label === undefined) {
    try {
      label = new TextDecoder(name).encoding;
    } catch {
      label = null;
    }
    if (labels.size < 200) labels.set(name, label);
  }
  return label;
}

/** The charset a Content-Type header names, or null. */
export function headerCharset(contentType: string | null): string | null {
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return m?.[2] ? decoderLabel(m[2]) : null;
}

/** The charset a <meta> in the first bytes declares, or null. */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES)).toString(
    'latin1',
  );
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const m = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (m?.[1]) {
      const label = decoderLabel(m[1]);
      if (label) return label;
    }
  }
  return null;
}

/** The BOM's encoding and length, or null. */
function bom(bytes: Uint8Array): { label: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', length: 2 };
  return null;
}

/** Decodes an HTML body: BOM, then the header's charset, then <meta>, else UTF-8. Invalid bytes become U+FFFD. */
export function decodeHtml(bytes: Uint8Array, contentType: string | null): { text: string; charset: string } {
  const mark = bom(bytes);
  const charset = mark?.label ?? headerCharset(contentType) ?? metaCharset(bytes) ?? 'utf-8';
  const body = mark ? bytes.subarray(mark.length) : bytes;
  if (charset === 'utf-8') {
    return { text: Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'), charset };
  }
  let decoder = decoders.get(charset);
  if (!decoder) decoders.set(charset, (decoder = new TextDecoder(charset, { fatal: false })));
  return { text: decoder.decode(body), charset };
}
