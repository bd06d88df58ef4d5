// The package writer checked by other readers (Python's zipfile, and Info-ZIP's `unzip -t` where it is
// installed): Chinese names, entries above 1 MB deflated and stored, and an event loop that keeps
// turning while a large attachment is compressed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipWriter } from './zip.js';

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function zipOf(files: [string, Uint8Array, { compress?: boolean }?][]): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const w = zipWriter(async (c) => void chunks.push(c), { modifiedAt: '2025-10-09T02:03:04Z' });
  for (const [path, content, opts] of files) await w.add(path, content, opts);
  const { bytes } = await w.finish();
  const zip = Buffer.concat(chunks);
  assert.equal(bytes, zip.length);
  return zip;
}

const PY_READ = `
import hashlib, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    assert z.testzip() is None
    print(json.dumps({i.filename: [i.compress_type, i.file_size, hashlib.sha256(z.read(i)).hexdigest()] for i in z.infolist()}))
`;

test('should write packages that zipfile and unzip read: Chinese names, entries above 1 MB', async () => {
  const text = Buffer.from(
    '第二十条 行政机关应当依照本条例第十九条的规定，主动公开本行政机关的下列政府信息。\n'.repeat(30_000),
  );
  const noise = randomBytes(2_500_000);
  const files: [string, Uint8Array, { compress?: boolean }?][] = [
    ['items/2025/关于印发《示例区河长制工作实施办法》的通知.html', text],
    ['attachments/扫描件.bin', noise],
    ['attachments/已压缩.docx', text.subarray(0, 1_500_000), { compress: false }],
    ['manifest.json', Buffer.from('{"items":[]}')],
    ['空文件.txt', new Uint8Array(0)],
  ];
  const zip = await zipOf(files);
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-zip-'));
  try {
    const file = join(dir, '归档包.zip');
    writeFileSync(file, zip);
    const read = JSON.parse(execFileSync('python3', ['-c', PY_READ, file], { encoding: 'utf8' })) as Record<
      string,
      [number, number, string]
    >;
    assert.deepEqual(
      Object.keys(read),
      files.map(([name]) => name),
    );
    for (const [name, content] of files) {
      assert.equal(read[name]![1], content.byteLength, name);
      assert.equal(read[name]![2], sha256(content), name);
    }
    assert.equal(read[files[0]![0]]![0], 8, 'text deflated');
    assert.equal(read['attachments/扫描件.bin']![0], 0, 'random bytes stored');
    assert.equal(read['attachments/已压缩.docx']![0], 0, 'compress: false stored');
    const unzip = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    if (!unzip.error) {
      assert.equal(unzip.status, 0, unzip.stdout);
      assert.match(unzip.stdout, /No errors detected/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('should keep the event loop turning while a large attachment is deflated', async () => {
  const big = Buffer.from(
    '《中华人民共和国政府信息公开条例》第二十五条 各级人民政府应当在国家档案馆、公共图书馆。'.repeat(400_000),
  );
  let ticks = 0;
  let last = performance.now();
  let maxGap = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    ticks++;
  }, 2);
  const started = performance.now();
  let size = 0;
  const w = zipWriter(async (c) => void (size += c.byteLength));
  await w.add('attachments/large.txt', big);
  await w.finish();
  const took = performance.now() - started;
  clearInterval(timer);
  assert.ok(size < big.byteLength / 10, 'deflated');
  // Deflating ~50 MB on the event loop would take it for the whole call, with no tick in between.
  assert.ok(ticks >= 5, `${ticks} ticks in ${took.toFixed(0)} ms`);
  assert.ok(maxGap < took / 2, `longest stall ${maxGap.toFixed(0)} ms of ${took.toFixed(0)} ms`);
});
