import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { htmlToText } from '../../../src/adapters/html/html-reader.js';
import { documentToText } from '../../../src/adapters/documents/read-document.js';
import { checkReportText } from '../../../src/domain/report-check/check-text.js';
import { CORPUS_DIR, cellOf, loadTruth } from '../../support/report-check-truth.js';

const HTML = `<html><head><title>x</title><style>td{}</style></head><body>
<p>2022年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p>
<table>
<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业<br>企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td>4</td><td>&nbsp;</td><td>1</td><td>0</td><td>0</td><td>0</td><td>5</td></tr>
<tr><td colspan="3">二、上年结转政府信息公开申请数量</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table></body></html>`;

test('HTML: merged header cells and &nbsp; blanks keep the columns', () => {
  const r = checkReportText(htmlToText(HTML));
  assert.deepEqual(r.applications.new, {
    natural_person: 4,
    business: null,
    research: 1,
    nonprofit: 0,
    legal_services: 0,
    other: 0,
    total: 5,
  });
});

test('HTML embedded in a script string is read', () => {
  const page = `<html><body><script>document.write(${JSON.stringify(HTML.replace(/<\/?(html|body)>/g, ''))});</script></body></html>`;
  const r = checkReportText(htmlToText(page));
  assert.equal(r.applications.new?.total, 5);
  assert.equal(r.applications.carried_over?.total, 0);
});

test('DOCX generated with a table is read through mammoth', async () => {
  const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
  const rows = [
    ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
    ['规章', '0', '0', '0'],
    ['行政规范性文件', '3', '1', '12'],
  ].map((r) => new TableRow({ children: r.map(cell) }));
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('某县2023年政府信息公开工作年度报告')] }),
          new Paragraph('二、主动公开政府信息情况'),
          new Paragraph('第二十条第（一）项'),
          new Table({ rows }),
        ],
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc);
  const text = await documentToText('report.docx', new Uint8Array(bytes));
  const r = checkReportText(text);
  assert.equal(r.year, 2023);
  assert.equal(r.format, '2021');
  assert.deepEqual(r.article20.normative, { made: 3, repealed: 1, in_force: 12 });
});

test('PDF text layers (corpus 009–011) give the figures of truth.json', async () => {
  const truth = loadTruth();
  for (const n of ['009', '010', '011']) {
    const file = join(CORPUS_DIR, 'complete', `${n}.pdf`);
    const r = checkReportText(await documentToText(file, readFileSync(file)));
    const cells = truth[`complete/${n}.txt`]!.cells!;
    const wrong = Object.entries(cells).filter(([k, v]) => cellOf(r, k) !== v);
    assert.deepEqual(wrong, [], `complete/${n}.pdf`);
  }
});
