// Unit tests of the text renderer: official labels and order, merged group labels, cells, formats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APPLICANT_COLUMNS, applicationRows, type Applications, type ReportFigures } from './annual-report.js';
import { APPLICATION_ROW_LABELS } from './labels.js';
import {
  applicationLines,
  renderFormat,
  renderReportText,
  sectionBody,
  showCell,
  unrenderedFigures,
  type RenderableReport,
} from './render-text.js';

const zero = () => Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c, 0]));

/** The seed report's figures (2019 format, year 2020). */
function seed(): RenderableReport & ReportFigures {
  const applications: Applications = {};
  for (const row of applicationRows('2019')) applications[row] = zero();
  applications.new = { ...zero(), natural_person: 17, business: 1, total: 18 };
  applications.total = { ...zero(), natural_person: 17, business: 1, total: 18 };
  applications.other = { ...zero(), natural_person: 3, total: 3 };
  return {
    format: '2019',
    year: 2020,
    organization: { name: '淮阴区人民政府办公室' },
    contact: { address: '淮阴区承德北路606号', postcode: '223300', phone: null },
    sections: { overview: '2020年，区政府……', problems: '及改进情况\n（一）存在问题：……', other: '无。' },
    article20: {
      rules: { new_made: 0, new_published: 0, total_published: 0 },
      licensing: { previous_items: 172, change: 8, decisions: 22990 },
      other_services: { previous_items: 585, change: -21, decisions: 22605 },
      procurement: { projects: 518, amount: 78874.11, unit: '万元' },
    },
    applications,
    reviews: { reconsideration: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 } },
  };
}

test('the 2019 format: captions, headers and rows in the official order with the seed page cells', () => {
  const lines = renderReportText(seed(), '2019').split('\n');
  const at = (line: string) => lines.indexOf(line);
  assert.equal(lines[0], '淮阴区人民政府办公室2020年政府信息公开工作年度报告');
  assert.match(lines[1]!, /统计期限自2020年1月1日至2020年12月31日。.*（地址：淮阴区承德北路606号，邮编：223300）/);
  for (const l of [
    '第二十条第（一）项 |',
    '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |',
    '规章 | 0 | 0 | 0 |',
    '规范性文件 |  |  |  |',
    '行政许可 | 172 | +8 | 22990 |',
    '其他对外管理服务事项 | 585 | -21 | 22605 |',
    '信息内容 | 上一年项目数量 | 本年增/减 |',
    '政府集中采购 | 518 | 78874.11万元 |',
  ]) {
    assert.ok(at(l) > 0, `missing line ${l}`);
  }
  assert.ok(at('第二十条第（八）项 |') < at('第二十条第（九）项 |'));
  assert.ok(at('三、本年度办理结果 | （一）予以公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |') > 0);
  assert.ok(at('（三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |') > 0);
  assert.ok(at('（六）其他处理 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |') > 0);
  assert.ok(at('0 | 0 | 0 | 0 | 0 |  |  |  |  |  |  |  |  |  |  |') > 0, 'section 四: 15 cells, absent ones blank');
  const rows = lines.filter((l) => Object.values(APPLICATION_ROW_LABELS).some((label) => l.includes(`${label} |`)));
  assert.equal(rows.length, applicationRows('2019').length);
  assert.equal(
    lines.indexOf('五、存在的主要问题及改进情况') + 1,
    lines.indexOf('（一）存在问题：……'),
    'heading tail dropped',
  );
});

test('the 2021 format: （六）其他处理 as a group over three rows, 万元 in the header', () => {
  const r: RenderableReport = {
    format: '2021',
    year: 2022,
    applications: { 'other.fee_unpaid': { ...zero(), total: 2, natural_person: 2 } },
    article20: { fees: { amount: 1.5 } },
  };
  const text = renderReportText(r, '2021');
  assert.ok(text.includes('\n（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 |  |'));
  assert.match(
    text,
    /\n2\.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 \| 2 \| 0 \| 0 \| 0 \| 0 \| 0 \| 2 \|/,
  );
  assert.match(text, /信息内容 \| 本年收费金额（单位：万元） \|\n行政事业性收费 \| 1\.5 \|/);
  assert.doesNotMatch(text, /第二十条第（九）项/);
});

test('section-三 layout: merged labels and their extents', () => {
  const l19 = applicationLines('2019');
  assert.deepEqual(
    l19.map((l) => l.code),
    applicationRows('2019'),
  );
  assert.deepEqual(l19.find((l) => l.code === 'disclosed')?.groups, [{ label: '三、本年度办理结果', rows: 20 }]);
  assert.deepEqual(l19.find((l) => l.code === 'withheld.state_secret')?.groups, [{ label: '（三）不予公开', rows: 8 }]);
  assert.equal(l19.find((l) => l.code === 'other')?.span, 2);
  assert.equal(l19.find((l) => l.code === 'new')?.span, 3);
  const l21 = applicationLines('2021');
  assert.deepEqual(l21.find((l) => l.code === 'disclosed')?.groups, [{ label: '三、本年度办理结果', rows: 22 }]);
  assert.deepEqual(l21.find((l) => l.code === 'other.correction_lapsed')?.groups, [
    { label: '（六）其他处理', rows: 3 },
  ]);
});

test('cells, format choice and figures a format cannot show', () => {
  assert.equal(showCell(null), '');
  assert.equal(showCell('12'), '', 'a string is not a figure');
  assert.equal(showCell(0, 'change'), '0');
  assert.equal(showCell(3, 'change'), '+3');
  assert.equal(renderFormat({ format: '2021', year: 2020 }), '2021');
  assert.equal(renderFormat({ format: null, year: 2020 }), '2019');
  assert.equal(renderFormat({ year: 2023 }, '2019'), '2019');
  assert.equal(renderFormat({}), null);
  const r21: RenderableReport = { applications: { 'other.other': { total: 2 }, 'other.fee_unpaid': { total: 1 } } };
  assert.ok(
    renderReportText(r21, '2019').includes('（六）其他处理 |  |  |  |  |  |  | 3 |'),
    '2019 其他处理 = Σ（六）1–3',
  );
  assert.deepEqual(unrenderedFigures(r21, '2019'), []);
  assert.deepEqual(
    unrenderedFigures(seed(), '2021').filter((p) => p.startsWith('applications')),
    ['applications.other'],
  );
  assert.ok(unrenderedFigures(seed(), '2021').includes('article20.procurement.amount'));
  assert.equal(sectionBody({ sections: { problems: '   ' } }, 'problems'), null);
});

test('never throws on JSON of the wrong shape', () => {
  const junk = {
    applications: 'x',
    article20: [1, 2],
    reviews: { reconsideration: 5 },
    sections: { overview: 7 },
    organization: null,
  } as unknown as RenderableReport;
  const text = renderReportText(junk, '2021');
  assert.match(text, /^政府信息公开工作年度报告\n一、总体情况\n二、/);
});
