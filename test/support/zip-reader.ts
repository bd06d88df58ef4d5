// Reads a ZIP back for tests, independently of the writer: the end record (and ZIP64 end record),
// the central directory, each local header, inflateRawSync, and a CRC-32 check of every entry.
import { crc32, inflateRawSync } from 'node:zlib';

/** One entry as read back. */
export type ZipEntry = {
  name: string;
  method: number;
  flags: number;
  crc: number;
  size: number;
  compressed: number;
  offset: number;
  content: Buffer;
};

/**
 * Parses a whole ZIP file.
 * @throws Error on anything malformed (bad signatures, sizes, CRC)
 */
export function readZip(bytes: Uint8Array): Map<string, ZipEntry> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('no end of central directory record');
  let count = b.readUInt16LE(end + 10);
  let cdSize = b.readUInt32LE(end + 12);
  let cdOffset = b.readUInt32LE(end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = end - 20;
    if (b.readUInt32LE(loc) !== 0x07064b50) throw new Error('no ZIP64 locator');
    const z = Number(b.readBigUInt64LE(loc + 8));
    if (b.readUInt32LE(z) !== 0x06064b50) throw new Error('no ZIP64 end record');
    count = Number(b.readBigUInt64LE(z + 32));
    cdSize = Number(b.readBigUInt64LE(z + 40));
    cdOffset = Number(b.readBigUInt64LE(z + 48));
  }
  const out = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (b.readUInt32LE(p) !== 0x02014b50) throw new Error(`bad central header at ${p}`);
    const flags = b.readUInt16LE(p + 8);
    const method = b.readUInt16LE(p + 10);
    const crc = b.readUInt32LE(p + 16);
    const compressed = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    let offset = b.readUInt32LE(p + 42);
    const name = b.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    if (offset === 0xffffffff) {
      const extra = b.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
      for (let e = 0; e < extra.length; e += 4 + extra.readUInt16LE(e + 2)) {
        if (extra.readUInt16LE(e) === 1) offset = Number(extra.readBigUInt64LE(e + 4));
      }
    }
    if (b.readUInt32LE(offset) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const localName = b.subarray(offset + 30, offset + 30 + b.readUInt16LE(offset + 26)).toString('utf8');
    if (localName !== name) throw new Error(`local name ${localName} ≠ ${name}`);
    const dataStart = offset + 30 + b.readUInt16LE(offset + 26) + b.readUInt16LE(offset + 28);
    const raw = b.subarray(dataStart, dataStart + compressed);
    const content = method === 8 ? inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : undefined;
    if (!content) throw new Error(`unknown method ${method} for ${name}`);
    if (content.length !== size) throw new Error(`size mismatch for ${name}`);
    if (crc32(content) >>> 0 !== crc) throw new Error(`CRC mismatch for ${name}`);
    if (out.has(name)) throw new Error(`duplicate entry ${name}`);
    out.set(name, { name, method, flags, crc, size, compressed, offset, content });
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (p !== cdOffset + cdSize) throw new Error('central directory size mismatch');
  return out;
}
