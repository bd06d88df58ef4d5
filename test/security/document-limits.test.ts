// Hostile documents (docs/security/documents.md): each limit on its own — the ratio of an entry, the rows of a
// worksheet counted while inflating (exactly, across chunk boundaries), and the parsing process's backstops for
// what the checks cannot see: a heap limit that kills the child, not the server, a cap on the text sent back,
// and a timeout that kills it; the sandbox then reads an honest document in a fresh child.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentRefused } from '../../src/app/documents/ports.js';
import { readWorkbook } from '../../src/adapters/documents/catalogue-xlsx.js';
import { DocumentSandbox } from '../../src/adapters/documents/document-sandbox.js';
import { documentLimits, type DocumentLimits } from '../../src/adapters/documents/document-limits.js';
import { checkWorkbookBudget } from '../../src/adapters/documents/xlsx.js';
import { docxBomb, pdfBomb, xlsxBomb } from '../support/document-bombs.js';

const MB = 1024 * 1024;
const HONEST = new TextEncoder().encode('2024年政府信息公开工作年度报告');

/** Asserts that `run` rejects with a DocumentRefused of `reason`. */
async function refused(run: () => Promise<unknown>, reason: DocumentRefused['reason']): Promise<DocumentRefused> {
  try {
    await run();
  } catch (e) {
    assert.ok(e instanceof DocumentRefused, `refused, not ${String(e)}`);
    assert.equal(e.reason, reason, e.message);
    assert.match(e.message, /^文件被拒绝：/);
    return e;
  }
  assert.fail('not refused');
}

describe('limits checked before parsing', () => {
  test('an entry under the total size but inflating 1000:1 is refused for its ratio', async () => {
    const e = await refused(async () => readWorkbook(await docxBomb(50)), 'compression_ratio');
    assert.match(e.message, /word\/document\.xml 压缩比超过 200:1/);
  });

  test('worksheet rows are counted exactly while inflating: the limit passes, one more row is refused', async () => {
    const limits = documentLimits({ maxRows: 20_000 });
    await checkWorkbookBudget(await xlsxBomb(20_000), limits);
    await refused(async () => checkWorkbookBudget(await xlsxBomb(20_001), limits), 'too_many_rows');
  });

  test('a workbook within the limits is read', async () => {
    const cells = await readWorkbook(await xlsxBomb(3));
    assert.deepEqual(cells.sheets[0]?.rows, [['x'], ['x'], ['x']]);
  });
});

describe('the parsing process: heap limit, text cap and timeout', () => {
  const sandboxes: DocumentSandbox[] = [];
  const sandbox = (limits: Partial<DocumentLimits>): DocumentSandbox => {
    const s = new DocumentSandbox(documentLimits(limits));
    sandboxes.push(s);
    return s;
  };
  after(() => Promise.all(sandboxes.map((s) => s.close())));

  test('a document that needs more heap than allowed kills the child, not this process; the next one is read', async () => {
    const s = sandbox({ maxUncompressedBytes: 1000 * MB, maxRatio: 10_000, maxTextChars: 1e9, memoryMb: 32 });
    const e = await refused(
      async () => s.run({ op: 'text', name: 'big.docx', bytes: await docxBomb(200) }),
      'out_of_memory',
    );
    assert.match(e.message, /内存超过 32 MB/);
    assert.equal(await s.run({ op: 'text', name: 'a.txt', bytes: HONEST }), '2024年政府信息公开工作年度报告');
  });

  test('a text longer than allowed is not sent back', async () => {
    const s = sandbox({ maxRatio: 10_000 });
    const e = await refused(
      async () => s.run({ op: 'text', name: 'long.docx', bytes: await docxBomb(40) }),
      'too_large',
    );
    assert.match(e.message, /文本超过 2000000 个字符/);
  });

  test('a parse past the time limit is stopped, and the next one is read', async () => {
    const s = sandbox({ maxStreamBytes: 1000 * MB, timeoutMs: 4000 });
    await s.run({ op: 'text', name: 'warm.txt', bytes: HONEST });
    const e = await refused(async () => s.run({ op: 'text', name: 'slow.pdf', bytes: await pdfBomb(100) }), 'timeout');
    assert.match(e.message, /解析超过 4 秒/);
    assert.equal(await s.run({ op: 'text', name: 'a.txt', bytes: HONEST }), '2024年政府信息公开工作年度报告');
  });
});
