// A streaming ZIP writer (PKWARE APPNOTE 6.3.x) over node:zlib: each entry is deflated (or stored)
// in memory, written at once with its CRC-32 and sizes in the local header, and only the central
// directory is kept until `finish`. UTF-8 names (general purpose bit 11), the extended timestamp
// extra field (0x5455) and ZIP64 end records when the package passes 65,535 entries or 4 GiB.
import { crc32, deflateRawSync } from 'node:zlib';
import type { PackageWriter, PackageWriterFactory } from '../../app/publications/archive-ports.js';

const LOCAL_SIG = 0x04034b50;
const CENTRAL_SIG = 0x02014b50;
const END_SIG = 0x06054b50;
const ZIP64_END_SIG = 0x06064b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const UTF8_FLAG = 0x0800;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;
/** Version needed: 2.0 (deflate), 4.5 (ZIP64). Made by: UNIX (3), spec 4.5. */
const V20 = 20;
const V45 = 45;
const MADE_BY = (3 << 8) | V45;
/** -rw-r--r-- regular file, in the high half of the external attributes (UNIX). */
const FILE_MODE = (0o100644 << 16) >>> 0;

type CentralEntry = {
  name: Buffer;
  crc: number;
  method: number;
  compressed: number;
  size: number;
  offset: number;
  dosTime: number;
  dosDate: number;
  unixTime: number;
};

/** DOS date and time fields of an instant (its UTC wall clock; the 0x5455 field carries the true instant). */
function dosStamp(ms: number): { dosTime: number; dosDate: number; unixTime: number } {
  const d = new Date(ms);
  const year = Math.max(1980, d.getUTCFullYear());
  return {
    dosTime: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    dosDate: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    unixTime: Math.max(0, Math.floor(ms / 1000)),
  };
}

/** The extended timestamp extra field with the modification time only. */
function timestampExtra(unixTime: number): Buffer {
  const b = Buffer.alloc(9);
  b.writeUInt16LE(0x5455, 0);
  b.writeUInt16LE(5, 2);
  b.writeUInt8(1, 4);
  b.writeUInt32LE(unixTime >>> 0, 5);
  return b;
}

function localHeader(e: CentralEntry, extra: Buffer): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL_SIG, 0);
  h.writeUInt16LE(V20, 4);
  h.writeUInt16LE(UTF8_FLAG, 6);
  h.writeUInt16LE(e.method, 8);
  h.writeUInt16LE(e.dosTime, 10);
  h.writeUInt16LE(e.dosDate, 12);
  h.writeUInt32LE(e.crc, 14);
  h.writeUInt32LE(e.compressed, 18);
  h.writeUInt32LE(e.size, 22);
  h.writeUInt16LE(e.name.length, 26);
  h.writeUInt16LE(extra.length, 28);
  return Buffer.concat([h, e.name, extra]);
}

function centralHeader(e: CentralEntry): Buffer {
  const zip64 = e.offset >= MAX32;
  const extras = [timestampExtra(e.unixTime)];
  if (zip64) {
    const z = Buffer.alloc(12);
    z.writeUInt16LE(0x0001, 0);
    z.writeUInt16LE(8, 2);
    z.writeBigUInt64LE(BigInt(e.offset), 4);
    extras.push(z);
  }
  const extra = Buffer.concat(extras);
  const h = Buffer.alloc(46);
  h.writeUInt32LE(CENTRAL_SIG, 0);
  h.writeUInt16LE(MADE_BY, 4);
  h.writeUInt16LE(zip64 ? V45 : V20, 6);
  h.writeUInt16LE(UTF8_FLAG, 8);
  h.writeUInt16LE(e.method, 10);
  h.writeUInt16LE(e.dosTime, 12);
  h.writeUInt16LE(e.dosDate, 14);
  h.writeUInt32LE(e.crc, 16);
  h.writeUInt32LE(e.compressed, 20);
  h.writeUInt32LE(e.size, 24);
  h.writeUInt16LE(e.name.length, 28);
  h.writeUInt16LE(extra.length, 30);
  // comment length, disk number start, internal attributes: 0
  h.writeUInt32LE(FILE_MODE, 38);
  h.writeUInt32LE(zip64 ? MAX32 : e.offset, 42);
  return Buffer.concat([h, e.name, extra]);
}

/** The end records: ZIP64 end + locator when a count or offset does not fit, then the classic end record. */
function endRecords(count: number, cdOffset: number, cdSize: number): Buffer {
  const needs64 = count >= MAX16 || cdOffset >= MAX32 || cdSize >= MAX32;
  const parts: Buffer[] = [];
  if (needs64) {
    const z = Buffer.alloc(56);
    z.writeUInt32LE(ZIP64_END_SIG, 0);
    z.writeBigUInt64LE(44n, 4);
    z.writeUInt16LE(MADE_BY, 12);
    z.writeUInt16LE(V45, 14);
    // this disk, disk with the directory: 0
    z.writeBigUInt64LE(BigInt(count), 24);
    z.writeBigUInt64LE(BigInt(count), 32);
    z.writeBigUInt64LE(BigInt(cdSize), 40);
    z.writeBigUInt64LE(BigInt(cdOffset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(ZIP64_LOCATOR_SIG, 0);
    loc.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
    loc.writeUInt32LE(1, 16);
    parts.push(z, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_SIG, 0);
  end.writeUInt16LE(Math.min(count, MAX16), 8);
  end.writeUInt16LE(Math.min(count, MAX16), 10);
  end.writeUInt32LE(needs64 ? MAX32 : cdSize, 12);
  end.writeUInt32LE(needs64 ? MAX32 : cdOffset, 16);
  parts.push(end);
  return Buffer.concat(parts);
}

/**
 * A ZIP writer over a sink.
 * @param sink receives the package's bytes in order; awaiting it applies back-pressure
 * @param opts.modifiedAt default entry time (ISO instant)
 */
export const zipWriter: PackageWriterFactory = (sink, opts = {}): PackageWriter => {
  const defaultMs = opts.modifiedAt ? Date.parse(opts.modifiedAt) : Date.now();
  const entries: CentralEntry[] = [];
  const names = new Set<string>();
  let offset = 0;
  let finished = false;
  const emit = async (b: Uint8Array) => {
    offset += b.byteLength;
    await sink(b);
  };
  return {
    async add(path, content, o = {}) {
      if (finished) throw new Error('zip: package already finished');
      if (path === '' || path.startsWith('/') || path.split('/').includes('..')) {
        throw new Error(`zip: bad entry path ${path}`);
      }
      if (names.has(path)) throw new Error(`zip: duplicate entry ${path}`);
      if (content.byteLength >= MAX32) throw new Error(`zip: entry too large ${path}`);
      names.add(path);
      const deflated = o.compress === false ? undefined : deflateRawSync(content);
      const useDeflate = deflated !== undefined && deflated.byteLength < content.byteLength;
      const data = useDeflate ? deflated : content;
      const stamp = dosStamp(o.modifiedAt ? Date.parse(o.modifiedAt) : defaultMs);
      const e: CentralEntry = {
        name: Buffer.from(path, 'utf8'),
        crc: crc32(content) >>> 0,
        method: useDeflate ? 8 : 0,
        compressed: data.byteLength,
        size: content.byteLength,
        offset,
        ...stamp,
      };
      entries.push(e);
      await emit(localHeader(e, timestampExtra(e.unixTime)));
      await emit(data);
    },
    async finish() {
      if (finished) throw new Error('zip: package already finished');
      finished = true;
      const cdOffset = offset;
      // The directory goes out in slices so a large package never builds one huge buffer.
      let batch: Buffer[] = [];
      let batchBytes = 0;
      for (const e of entries) {
        const h = centralHeader(e);
        batch.push(h);
        batchBytes += h.byteLength;
        if (batchBytes > 1 << 20) {
          await emit(Buffer.concat(batch));
          batch = [];
          batchBytes = 0;
        }
      }
      if (batch.length > 0) await emit(Buffer.concat(batch));
      await emit(endRecords(entries.length, cdOffset, offset - cdOffset));
      return { entries: entries.length, bytes: offset };
    },
  };
};
