// CLI: `gongkai report render` — the seed report checked to JSON and rendered in the 2019 format
// reproduces the seed's tables, and `report check` of the rendered text or page reads the same figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runReportCheck } from '../../../src/cli/commands/report-check.js';
import { documentReaders, reportDocumentRenderers, reportExtensions } from '../../../src/lazy-adapters.js';
import { runReportRender, type ReportRenderOptions } from '../../../src/cli/commands/report-render.js';
import { runGongkaiInProcess } from '../../support/cli.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SEED = join(ROOT, 'test', 'fixtures', 'reports', 'seed', '000_cdd85b7f6af27b20.txt');
const dir = mkdtempSync(join(tmpdir(), 'report-render-'));

/** `report render` in process, its standard output and error captured. */
async function render(path: string, options: ReportRenderOptions = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runReportRender(path, options, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    reportDocuments: reportDocumentRenderers,
  });
  return { code, stdout, stderr };
}

/** The numeric cells of every table row (pipe rows holding at least one number), in order. */
function tableNumbers(text: string): string[][] {
  const start = text.search(/二、主动公开政府信息情况/);
  const end = text.search(/五、存在的主要问题/);
  return text
    .slice(start, end)
    .split('\n')
    .filter((line) => line.includes('|'))
    .map((line) =>
      line
        .split('|')
        .map((c) => c.trim())
        .filter((c) => /^[+-]?\d+(?:\.\d+)?(?:万元)?$/.test(c)),
    )
    .filter((cells) => cells.length > 0);
}

/** `report check --json` in process: the one JSON record. */
async function checkJson(path: string) {
  let out = '';
  const code = await runReportCheck(
    path,
    { json: true },
    {
      stdout: (s) => void (out += s),
      stderr: () => undefined,
      reader: { read: documentReaders().documentReader, extensions: await reportExtensions() },
    },
  );
  assert.equal(code, 0);
  return JSON.parse(out.trim());
}

const seedJson = join(dir, 'seed.json');
const seedReport = await checkJson(SEED);
writeFileSync(seedJson, JSON.stringify(seedReport));

test('the seed report, checked to JSON and rendered in the 2019 format, reproduces its tables row by row', async () => {
  const r = await render(seedJson, { format: '2019' });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const seedRows = tableNumbers(readFileSync(SEED, 'utf8'));
  const renderedRows = tableNumbers(r.stdout);
  assert.equal(seedRows.length, 2 + 2 + 2 + 1 + 1 + 23 + 1);
  assert.deepEqual(renderedRows, seedRows);
  assert.match(r.stdout, /^淮阴区人民政府办公室2020年政府信息公开工作年度报告\n/);
  assert.match(r.stdout, /\n行政许可 \| 172 \| \+8 \| 22990 \|\n/);
  assert.match(r.stdout, /\n（三）不予公开 \| 1\.属于国家秘密 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \| 0 \|\n/);
});

test('`report check` of the rendered text and of the rendered HTML page gives back the same figures', async () => {
  const text = join(dir, 'rendered.txt');
  const html = join(dir, 'rendered.html');
  assert.equal((await render(seedJson, { out: text })).code, 0);
  assert.equal((await render(seedJson, { as: 'html', out: html })).code, 0);
  for (const path of [text, html]) {
    const back = await checkJson(path);
    for (const key of ['year', 'format', 'article20', 'applications', 'reviews', 'organization', 'contact']) {
      assert.deepEqual(back[key], seedReport[key], `${path}: ${key}`);
    }
    assert.deepEqual(
      back.findings.map((f: { rule: string }) => f.rule),
      ['spam'],
      'the copied spam address is carried over, nothing else',
    );
  }
  const page = readFileSync(html, 'utf8');
  assert.match(page, /<caption>第二十条第（九）项<\/caption>/);
  assert.match(page, /<th scope="rowgroup" rowspan="8">（三）不予公开<\/th>/);
});

test('--format 2021 renders the other format and says which figures have no cell there', async () => {
  const r = await render(seedJson, { format: '2021' });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /信息内容 \| 本年制发件数 \| 本年废止件数 \| 现行有效件数 \|/);
  assert.match(r.stdout, /\n行政许可 \| 22990 \|\n/);
  assert.doesNotMatch(r.stdout, /第二十条第（九）项/);
  assert.match(r.stderr, /2021年版表格中没有对应栏目.*article20\.procurement\.amount.*applications\.other/);
});

test('bad input: exit 1 with a Chinese message', async () => {
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"year": 20');
  const cases: [string, ReportRenderOptions, RegExp][] = [
    [bad, {}, /不是有效的 JSON/],
    [join(dir, 'missing.json'), {}, /无法读取/],
    [seedJson, { format: '2020' }, /--format 只能是 2019 或 2021/],
    [seedJson, { as: 'pdf' }, /--as 只能是 text 或 html/],
  ];
  const lines = join(dir, 'two.jsonl');
  writeFileSync(lines, `${JSON.stringify(seedReport)}\n${JSON.stringify(seedReport)}\n`);
  cases.push([lines, {}, /文件含2份报告/]);
  const noFormat = join(dir, 'noformat.json');
  writeFileSync(noFormat, '{"applications": {}}');
  cases.push([noFormat, {}, /无法确定表格格式/]);
  for (const [path, options, message] of cases) {
    const r = await render(path, options);
    assert.equal(r.code, 1, `${path} ${JSON.stringify(options)}`);
    assert.match(r.stderr, message);
  }
});

test("`gongkai report render` is registered: --out writes the page, the format defaults to the JSON's", async () => {
  const out = join(dir, 'via-cli.htm');
  // No database settings: the command must not open one.
  const r = await runGongkaiInProcess(['report', 'render', seedJson, '--out', out], {
    DATABASE_URL: 'sqlite:/nonexistent/x',
  });
  assert.equal(r.code, 0, r.stderr);
  const page = readFileSync(out, 'utf8');
  assert.match(page, /^<!DOCTYPE html>/, '.htm output is HTML');
  assert.match(page, /本年新制作数量/, '2019 format from the JSON');
});
