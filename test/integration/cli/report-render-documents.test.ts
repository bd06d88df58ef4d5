// `gongkai report render <file.json> --out <file>` with every output kind, run as the real program (in-process)
// on the JSON `report check --json` produced from the seed report (2019 format, no credit code, no
// previous year): DOCX/XLSX/PDF by magic bytes, JSON and Markdown by content; and `report validate`
// of that checker output and of the rendered JSON. No database is involved.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runGongkaiInProcess } from '../../support/cli.js';

const SEED = fileURLToPath(new URL('../../fixtures/reports/seed/000_cdd85b7f6af27b20.txt', import.meta.url));

describe('gongkai report render: every output kind from a checker record', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-report-render-'));
  const env = { GONGKAI_DATA_DIR: dir };
  const checked = join(dir, 'seed-checked.json');
  let record: { year: number; format: string; applications: Record<string, Record<string, number | null>> };

  before(async () => {
    const r = await runGongkaiInProcess(['report', 'check', SEED, '--json'], env);
    assert.equal(r.code, 0, r.stderr);
    writeFileSync(checked, r.stdout);
    record = JSON.parse(r.stdout) as typeof record;
    assert.equal(record.format, '2019');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const render = async (ext: string) => {
    const out = join(dir, `seed.${ext}`);
    const r = await runGongkaiInProcess(['report', 'render', checked, '--out', out], env);
    assert.equal(r.code, 0, r.stderr);
    return readFileSync(out);
  };

  test('should write DOCX, XLSX and PDF files by the extension of --out', async () => {
    assert.equal((await render('docx')).subarray(0, 4).toString('hex'), '504b0304');
    assert.equal((await render('xlsx')).subarray(0, 4).toString('hex'), '504b0304');
    assert.equal((await render('pdf')).subarray(0, 5).toString('latin1'), '%PDF-');
  });

  test('should write the report model as JSON and as Markdown pipe tables', async () => {
    const json = JSON.parse((await render('json')).toString('utf8')) as typeof record & {
      organization: { name: string; creditCode: string | null };
      sections: object;
    };
    assert.equal(json.year, 2020);
    assert.equal(json.format, '2019');
    assert.deepEqual(json.applications, record.applications);
    assert.equal(json.organization.creditCode, null);
    assert.deepEqual(Object.keys(json.sections), ['overview', 'problems', 'other']);
    const md = (await render('md')).toString('utf8');
    assert.match(md, /^# .*2020年政府信息公开工作年度报告/);
    assert.match(md, /\n\| 行政许可 \| 172 \| \+8 \| 22990 \|\n/);
  });

  test('should validate the checker record and the rendered JSON without code or previous year (exit 0)', async () => {
    for (const file of [checked, join(dir, 'seed.json')]) {
      const r = await runGongkaiInProcess(['report', 'validate', file, '--json'], env);
      assert.equal(r.code, 0, `${file}: ${r.stdout} ${r.stderr}`);
      const findings = JSON.parse(r.stdout) as { severity: string }[];
      assert.ok(findings.every((f) => f.severity !== 'error'));
    }
    const missing = await runGongkaiInProcess(['report', 'validate', join(dir, 'nope.json')], env);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /无法读取/);
  });
});
