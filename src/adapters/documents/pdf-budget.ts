// The budget of a PDF, checked in the parsing process before pdf.js reads it: each stream is inflated as
// pdf.js would (FlateDecode), output discarded, and the file refused as soon as one stream outgrows
// `maxStreamBytes` — pdf.js has no such limit and decodes a content stream whole to extract its text.
// Streams that are not Flate data (images in DCT, encrypted streams) fail zlib's header at once and are
// left to pdf.js; the parsing process's memory limit and timeout still bound them.
import { constants, inflateSync } from 'node:zlib';
import { type DocumentLimits, refuse } from './document-limits.js';

/** Where each stream's data starts and ends (the `stream` keyword's line end to `endstream`). */
function* streams(b: Buffer): Generator<Buffer> {
  for (let p = b.indexOf('stream', 0, 'latin1'); p >= 0; p = b.indexOf('stream', p + 6, 'latin1')) {
    if (p >= 3 && b.toString('latin1', p - 3, p) === 'end') continue;
    let start = p + 6;
    if (b[start] === 0x0d) start++;
    if (b[start] !== 0x0a) continue;
    start++;
    const end = b.indexOf('endstream', start, 'latin1');
    yield b.subarray(start, end < 0 ? b.length : end);
    if (end < 0) return;
    p = end + 3;
  }
}

/**
 * Refuses a PDF one of whose Flate streams inflates to more than the limit.
 * @throws DocumentRefused
 */
export function checkPdfStreams(bytes: Uint8Array, limits: DocumentLimits): void {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const data of streams(b)) {
    // A zlib header: CMF 0x78 with a valid check.
    if (data.length < 2 || data[0] !== 0x78 || ((data[0] << 8) | (data[1] ?? 0)) % 31 !== 0) continue;
    try {
      inflateSync(data, { maxOutputLength: limits.maxStreamBytes, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
        throw refuse.stream(limits);
      }
      // Damaged Flate data: pdf.js decides what to make of it.
    }
  }
}
