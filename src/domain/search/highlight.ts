// Highlighted snippets for search results: pure, returns pieces that the view escapes and marks.
import { normalize, type SearchTerm } from './tokenize.js';

/** A piece of a highlighted snippet; the view escapes `text` and wraps `hit` pieces in <mark>. */
export type Segment = { text: string; hit: boolean };

type Range = [number, number];

function hitRanges(norm: string, terms: readonly SearchTerm[]): Range[] {
  const ranges: Range[] = [];
  for (const needle of new Set(terms.flatMap((t) => t.needles))) {
    for (let at = norm.indexOf(needle); at >= 0 && ranges.length < 500; at = norm.indexOf(needle, at + needle.length)) {
      ranges.push([at, at + needle.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) {
      last[1] = Math.max(last[1], r[1]);
    } else {
      merged.push([r[0], r[1]]);
    }
  }
  return merged;
}

/** Moves an index off the second half of a surrogate pair. */
function safeCut(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

function window(text: string, first: number | undefined, maxLength: number): Range {
  if (text.length <= maxLength) {
    return [0, text.length];
  }
  const lead = Math.floor(maxLength / 4);
  const start = Math.max(0, Math.min((first ?? 0) - lead, text.length - maxLength));
  return [safeCut(text, start), safeCut(text, start + maxLength)];
}

function push(out: Segment[], text: string, hit: boolean): void {
  const last = out[out.length - 1];
  if (!text) return;
  if (last && last.hit === hit && last.text !== '…') {
    last.text += text;
  } else {
    out.push({ text, hit });
  }
}

/**
 * Cuts a snippet around the first hit and marks every occurrence of the query's segments.
 * Whitespace runs collapse to one space; full-width and case differences still match.
 * @param text plain text (title, summary or body)
 * @param terms the parsed query
 * @param opts.maxLength the snippet length in UTF-16 units (default: the whole text)
 * @returns pieces in order; an ellipsis piece marks a cut at either end
 */
export function highlight(text: string, terms: readonly SearchTerm[], opts: { maxLength?: number } = {}): Segment[] {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const ranges = hitRanges(normalize(flat), terms);
  const [from, to] = window(flat, ranges[0]?.[0], opts.maxLength ?? flat.length);
  const out: Segment[] = [];
  if (from > 0) out.push({ text: '…', hit: false });
  let at = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    push(out, flat.slice(at, Math.max(at, s)), false);
    push(out, flat.slice(Math.max(at, s), Math.min(e, to)), true);
    at = Math.min(e, to);
  }
  push(out, flat.slice(at, to), false);
  if (to < flat.length) out.push({ text: '…', hit: false });
  return out;
}

/** True when any piece is a hit (e.g. to prefer the summary over the body as the snippet). */
export function hasHit(segments: readonly Segment[]): boolean {
  return segments.some((s) => s.hit);
}
