// The package (ZIP) writer of the archive export (《政府信息公开条例》第二十五条), over zip-stream (the
// writer behind archiver): entries are deflated by node:zlib's stream, i.e. in the libuv thread pool, so
// the event loop never waits on the compression of a large attachment; a large entry goes in as a stream
// of 64 KiB slices, so its CRC-32 is computed a slice at a time too. UTF-8 names (general purpose bit 11),
// ZIP64 records where sizes, offsets or the entry count need them. The bytes reach the sink in order, one
// chunk at a time; a slow sink holds the pipeline back, and only the central directory is kept until
// `finish`.
import { once } from 'node:events';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import type ZipStream from 'zip-stream';
import type { PackageWriter, PackageWriterFactory } from '../../app/publications/archive-ports.js';

/** Bytes handed on at a time, and the prefix sampled to decide whether deflating pays. */
const SLICE = 64 * 1024;
/** rw-r--r-- */
const FILE_MODE = 0o644;

const deflateRawAsync = promisify(deflateRaw);

/** Whether deflate shrinks the content, judged on its first slice (deflated in the thread pool). */
async function deflateShrinks(content: Buffer): Promise<boolean> {
  const sample = content.subarray(0, SLICE);
  return (await deflateRawAsync(sample)).byteLength < sample.byteLength;
}

/** The content as a byte stream of slices (views, no copies). */
function slices(content: Buffer): Readable {
  let at = 0;
  return new Readable({
    read() {
      this.push(at < content.byteLength ? content.subarray(at, (at += SLICE)) : null);
    },
  });
}

/** The archive, the pump that hands its output to the sink (resolving to the byte count), and its failure. */
type Pipeline = { zip: ZipStream; written: Promise<number>; failed: Promise<never> };

async function openPipeline(sink: (chunk: Uint8Array) => Promise<void>): Promise<Pipeline> {
  const { default: ZipStreamClass } = await import('zip-stream');
  const zip = new ZipStreamClass({ zlib: { level: 6 } });
  const written = (async () => {
    let bytes = 0;
    for await (const chunk of zip as AsyncIterable<Buffer>) {
      bytes += chunk.byteLength;
      await sink(chunk);
    }
    return bytes;
  })();
  const failed = written.then(() => new Promise<never>(() => undefined));
  failed.catch(() => undefined);
  return { zip, written, failed };
}

/**
 * A ZIP writer over a sink.
 * @param sink receives the package's bytes in order; awaiting it applies back-pressure
 * @param opts.modifiedAt default entry time (ISO instant)
 */
export const zipWriter: PackageWriterFactory = (sink, opts = {}): PackageWriter => {
  const defaultTime = opts.modifiedAt ? new Date(opts.modifiedAt) : new Date();
  const names = new Set<string>();
  let finished = false;
  let pipeline: Promise<Pipeline> | undefined;
  const open = () => (pipeline ??= openPipeline(sink));
  return {
    async add(path, content, o = {}) {
      if (finished) throw new Error('zip: package already finished');
      if (path === '' || path.startsWith('/') || path.split('/').includes('..')) {
        throw new Error(`zip: bad entry path ${path}`);
      }
      if (names.has(path)) throw new Error(`zip: duplicate entry ${path}`);
      names.add(path);
      const { zip, failed } = await open();
      const bytes = Buffer.from(content.buffer, content.byteOffset, content.byteLength);
      const store = o.compress === false || bytes.byteLength === 0 || !(await deflateShrinks(bytes));
      const date = o.modifiedAt ? new Date(o.modifiedAt) : defaultTime;
      // A small entry goes in whole (its sizes then lead a stored entry); a large one as a stream of slices.
      const source = bytes.byteLength <= SLICE ? bytes : slices(bytes);
      const taken = new Promise<void>((resolve, reject) => {
        zip.entry(source, { name: path, date, mode: FILE_MODE, store }, (e) => (e ? reject(e) : resolve()));
      });
      await Promise.race([taken, failed]);
      if (zip.writableNeedDrain) await Promise.race([once(zip, 'drain'), failed]);
    },
    async finish() {
      if (finished) throw new Error('zip: package already finished');
      finished = true;
      const { zip, written } = await open();
      zip.finish();
      return { entries: names.size, bytes: await written };
    },
  };
};
