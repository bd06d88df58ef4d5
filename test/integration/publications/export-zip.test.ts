// The ZIP writer (src/adapters/documents/zip.ts) read back by an independent reader: UTF-8 names,
// deflated and stored entries with their CRC-32, back-pressure through the sink, duplicate and
// unsafe paths refused, and the ZIP64 end records past 65,535 entries.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { zipWriter } from '../../../src/adapters/documents/zip.js';
import { readZip } from '../../support/zip-reader.js';

async function build(files: [string, Uint8Array, { compress?: boolean }?][]): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const w = zipWriter(async (c) => void chunks.push(c), { modifiedAt: '2025-10-09T02:03:04Z' });
  for (const [path, content, opts] of files) await w.add(path, content, opts);
  const r = await w.finish();
  const all = Buffer.concat(chunks);
  assert.equal(r.bytes, all.length, 'reported size');
  assert.equal(r.entries, files.length);
  return all;
}

describe('zip writer', () => {
  test('should write UTF-8 names, deflate text and store what does not shrink, readable back with matching CRCs', async () => {
    const text = new TextEncoder().encode('示例区人民政府关于印发《河长制工作实施办法》的通知。'.repeat(200));
    const noise = randomBytes(4096);
    const zip = await build([
      ['items/示例 文件.html', text],
      ['attachments/noise.bin', noise],
      ['attachments/kept.png', text, { compress: false }],
      ['empty.txt', new Uint8Array(0)],
    ]);
    const entries = readZip(zip);
    assert.deepEqual(
      [...entries.keys()],
      ['items/示例 文件.html', 'attachments/noise.bin', 'attachments/kept.png', 'empty.txt'],
    );
    const html = entries.get('items/示例 文件.html');
    assert.equal(html?.method, 8, 'text is deflated');
    assert.ok((html?.compressed ?? Infinity) < text.length / 5);
    assert.equal(html?.flags, 0x0808, 'UTF-8 flag set; CRC and sizes in a data descriptor after the deflated data');
    assert.deepEqual(html?.content, Buffer.from(text));
    assert.equal(entries.get('attachments/noise.bin')?.method, 0, 'random bytes are stored');
    assert.deepEqual(entries.get('attachments/noise.bin')?.content, noise);
    assert.equal(entries.get('attachments/kept.png')?.method, 0, 'compress: false stores');
    assert.equal(entries.get('empty.txt')?.size, 0);
  });

  test('should refuse duplicate and unsafe paths and writes after finish', async () => {
    const w = zipWriter(async () => undefined);
    await w.add('a.txt', new Uint8Array([1]));
    await assert.rejects(w.add('a.txt', new Uint8Array([2])), /duplicate/);
    await assert.rejects(w.add('../x.txt', new Uint8Array([2])), /bad entry path/);
    await assert.rejects(w.add('/abs.txt', new Uint8Array([2])), /bad entry path/);
    await w.finish();
    await assert.rejects(w.add('b.txt', new Uint8Array([1])), /finished/);
  });

  test('should wait for the sink before writing more (back-pressure)', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const w = zipWriter(async () => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight -= 1;
    });
    for (let i = 0; i < 5; i++) await w.add(`f${i}.txt`, new TextEncoder().encode(`file ${i}`));
    await w.finish();
    assert.equal(maxInFlight, 1);
  });

  test('should switch to ZIP64 end records beyond 65,535 entries', async () => {
    const files: [string, Uint8Array, { compress: boolean }][] = [];
    for (let i = 0; i < 65_540; i++) files.push([`e/${i}`, new Uint8Array(0), { compress: false }]);
    const zip = await build(files);
    const end = zip.length - 22;
    assert.equal(zip.readUInt32LE(end), 0x06054b50);
    assert.equal(zip.readUInt16LE(end + 10), 0xffff, 'classic record saturated');
    assert.equal(zip.readUInt32LE(end - 20), 0x07064b50, 'ZIP64 locator present');
    const entries = readZip(zip);
    assert.equal(entries.size, 65_540);
    assert.ok(entries.has('e/65539'));
  });
});
