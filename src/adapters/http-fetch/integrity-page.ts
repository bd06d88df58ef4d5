// Reading the parts of a publication page that its integrity record covers (docs/monitoring-integrity.md): the
// JSON data block, the title and metadata cells marked `data-integrity`, the attachment links marked
// `data-integrity-attachment`, and the body between its comment markers. Text is read as a browser shows it
// (entities decoded) over the same balanced element events as the HTML reader.
import { emitElements } from '../html/html-events.js';
import {
  BODY_MARKERS,
  INTEGRITY_ATTACHMENT_ATTR,
  INTEGRITY_ATTR,
  INTEGRITY_BLOCK_ID,
  INTEGRITY_METADATA_KEYS,
  type IntegrityMetadataKey,
} from '../../domain/monitoring/integrity.js';
import type { ServedPage } from '../../app/monitoring/integrity-ports.js';

const METADATA_KEYS: ReadonlySet<string> = new Set(INTEGRITY_METADATA_KEYS);

/** One element being read: what it is, its text so far, and how deep inside it the reader is. */
type Capture = { kind: 'block' | 'field' | 'attachment'; key: string; href: string; text: string; depth: number };

/** The JSON block's item and version, or null when it is not one. */
function parseBlock(text: string): ServedPage['block'] {
  try {
    const v = JSON.parse(text) as { item?: unknown; version?: unknown };
    return typeof v.item === 'string' && typeof v.version === 'number' ? { item: v.item, version: v.version } : null;
  } catch {
    return null;
  }
}

/** The exact HTML between the body markers (the first pair), or null. */
function bodyBetweenMarkers(html: string): string | null {
  const start = html.indexOf(BODY_MARKERS.start);
  if (start < 0) return null;
  const from = start + BODY_MARKERS.start.length;
  const end = html.indexOf(BODY_MARKERS.end, from);
  return end < 0 ? null : html.slice(from, end);
}

/** Reads a publication page's marked parts. */
export function readIntegrityPage(html: string): ServedPage {
  const out: ServedPage = {
    block: null,
    title: null,
    metadata: {},
    bodyHtml: bodyBetweenMarkers(html),
    attachments: [],
  };
  const open: Capture[] = [];
  const finish = (c: Capture) => {
    if (c.kind === 'block') out.block ??= parseBlock(c.text);
    else if (c.kind === 'attachment') out.attachments.push({ name: c.text, href: c.href });
    else if (c.key === 'title') out.title ??= c.text;
    else if (METADATA_KEYS.has(c.key)) out.metadata[c.key as IntegrityMetadataKey] ??= c.text;
  };
  emitElements(html, {
    open(name, attribs) {
      for (const c of open) c.depth++;
      const capture = (kind: Capture['kind'], key = '') =>
        open.push({ kind, key, href: attribs.href ?? '', text: '', depth: 0 });
      if (name === 'script' && attribs.id === INTEGRITY_BLOCK_ID && attribs.type === 'application/json') {
        capture('block');
      } else if (attribs[INTEGRITY_ATTR] !== undefined) capture('field', attribs[INTEGRITY_ATTR]);
      else if (name === 'a' && attribs[INTEGRITY_ATTACHMENT_ATTR] !== undefined) capture('attachment');
    },
    text(data) {
      for (const c of open) c.text += data;
    },
    close() {
      for (let i = open.length - 1; i >= 0; i--) {
        const c = open[i] as Capture;
        if (c.depth === 0) {
          open.splice(i, 1);
          finish(c);
        } else c.depth--;
      }
    },
  });
  return out;
}
