// The budget of a ZIP-based document (DOCX, XLSX, ZIP) read from its central directory before anything is
// inflated (entry count, declared sizes, compression ratios), then, in the parsing process, each entry
// inflated as a stream and stopped as soon as it outgrows what its directory record declared — the
// parsers (JSZip inside mammoth and exceljs) trust the declared sizes only after inflating everything.
import { createInflateRaw } from 'node:zlib';
import { type DocumentLimits, RATIO_FLOOR_BYTES, refuse } from './document-limits.js';

/** One central-directory record. */
export type ZipRecord = { name: string; method: number; compressed: number; size: number; localOffset: number };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** True when the bytes start like a ZIP file (a local header or an empty archive's end record). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

const view = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/** The end record: the declared entry count and where the central directory starts. */
function endRecord(b: Buffer): { count: number; start: number } | null {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) !== EOCD) continue;
    let count = b.readUInt16LE(i + 10);
    let size = b.readUInt32LE(i + 12);
    const loc = i - 20;
    if ((count === 0xffff || size === 0xffffffff) && loc >= 0 && b.readUInt32LE(loc) === ZIP64_LOCATOR) {
      const z = Number(b.readBigUInt64LE(loc + 8));
      if (z + 56 > b.length || b.readUInt32LE(z) !== ZIP64_EOCD) return null;
      count = Number(b.readBigUInt64LE(z + 32));
      size = Number(b.readBigUInt64LE(z + 40));
      return { count, start: z - size };
    }
    // Measured back from the end record, as JSZip does, so that bytes prepended to the archive do not matter.
    return { count, start: i - size };
  }
  return null;
}

/** The ZIP64 extra field's sizes, when a record's 32-bit ones are saturated. */
function zip64Sizes(b: Buffer, extra: number, extraEnd: number, rec: ZipRecord): void {
  for (let p = extra; p + 4 <= extraEnd;) {
    const id = b.readUInt16LE(p);
    const len = b.readUInt16LE(p + 2);
    if (id === 1) {
      let q = p + 4;
      const next = (): number => {
        const v = q + 8 <= p + 4 + len ? Number(b.readBigUInt64LE(q)) : 0;
        q += 8;
        return v;
      };
      if (rec.size === 0xffffffff) rec.size = next();
      if (rec.compressed === 0xffffffff) rec.compressed = next();
      if (rec.localOffset === 0xffffffff) rec.localOffset = next();
      return;
    }
    p += 4 + len;
  }
}

/**
 * Reads the central directory and checks it against the limits, inflating nothing: more entries than
 * allowed (declared or found), a total declared size over the limit, or an entry above the ratio limit
 * is refused. Cheap enough for the main thread (at most `maxEntries` records are read).
 * @returns the records, or null when the bytes hold no readable central directory (the parser will say so)
 * @throws DocumentRefused
 */
export function checkZipDirectory(bytes: Uint8Array, limits: DocumentLimits): ZipRecord[] | null {
  const b = view(bytes);
  const end = endRecord(b);
  if (!end || end.start < 0) return null;
  if (end.count > limits.maxEntries) throw refuse.entries(end.count, limits);
  const records: ZipRecord[] = [];
  let total = 0;
  for (let p = end.start; p + 46 <= b.length && b.readUInt32LE(p) === CENTRAL;) {
    if (records.length >= limits.maxEntries) throw refuse.entries(records.length + 1, limits);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    const rec: ZipRecord = {
      name: b.toString('utf8', p + 46, p + 46 + nameLen),
      method: b.readUInt16LE(p + 10),
      compressed: b.readUInt32LE(p + 20),
      size: b.readUInt32LE(p + 24),
      localOffset: b.readUInt32LE(p + 42),
    };
    zip64Sizes(b, p + 46 + nameLen, p + 46 + nameLen + extraLen, rec);
    total += rec.size;
    if (total > limits.maxUncompressedBytes) throw refuse.size(limits);
    if (rec.size > RATIO_FLOOR_BYTES && rec.size > limits.maxRatio * Math.max(1, rec.compressed)) {
      throw refuse.ratio(rec.name, limits);
    }
    records.push(rec);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return records;
}

/** The compressed bytes of an entry (after its local header), or null when the header is not where it says. */
function entryData(b: Buffer, rec: ZipRecord): Buffer | null {
  const p = rec.localOffset;
  if (p + 30 > b.length || b.readUInt32LE(p) !== LOCAL) return null;
  const start = p + 30 + b.readUInt16LE(p + 26) + b.readUInt16LE(p + 28);
  return b.subarray(start, Math.min(b.length, start + rec.compressed));
}

/**
 * Inflates every deflated entry as a stream, chunk by chunk and nothing kept, refusing one that outgrows
 * its declared size; `onChunk` sees the inflated text of the entries it selects (e.g. to count a
 * worksheet's rows) and may throw to stop. Run in the parsing process, before the parser.
 * @throws DocumentRefused
 */
export async function verifyZipEntries(
  bytes: Uint8Array,
  records: readonly ZipRecord[],
  onChunk?: { select: (name: string) => boolean; chunk: (name: string, text: string) => void },
): Promise<void> {
  const b = view(bytes);
  for (const rec of records) {
    const data = entryData(b, rec);
    if (!data || (rec.method !== 8 && rec.method !== 0)) continue;
    const watch = onChunk?.select(rec.name) ? onChunk : undefined;
    if (rec.method === 0) {
      if (data.length > rec.size) throw refuse.mismatch(rec.name);
      watch?.chunk(rec.name, data.toString('latin1'));
      continue;
    }
    await inflateWatched(data, rec, watch);
  }
}

function inflateWatched(
  data: Buffer,
  rec: ZipRecord,
  watch: { chunk: (name: string, text: string) => void } | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let out = 0;
    inflate.on('data', (chunk: Buffer) => {
      out += chunk.length;
      try {
        if (out > rec.size) throw refuse.mismatch(rec.name);
        watch?.chunk(rec.name, chunk.toString('latin1'));
      } catch (e) {
        inflate.destroy();
        reject(e as Error);
      }
    });
    // A damaged stream is the parser's to report; only the sizes are this check's business.
    inflate.on('error', () => resolve());
    inflate.on('end', () => resolve());
    inflate.end(data);
  });
}
