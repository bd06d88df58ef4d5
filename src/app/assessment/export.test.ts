import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SCHEME } from '../../domain/assessment/scheme.js';
import { readSchemeSheets, schemeSheets } from './export.js';
import { gradeChartSvg, valueText } from './export-text.js';

describe('scheme sheets', () => {
  test('should read the default scheme back from its sheets', () => {
    const r = readSchemeSheets(schemeSheets('默认方案', DEFAULT_SCHEME));
    assert.ok(r.ok);
    assert.equal(r.name, '默认方案');
    assert.deepEqual(r.def, DEFAULT_SCHEME);
  });

  test('should name every wrong cell and return nothing', () => {
    const [ind, rules] = schemeSheets('默认方案', DEFAULT_SCHEME);
    assert.ok(ind && rules);
    const rows = ind.rows.map((r) => [...r]);
    rows[0]![1] = '名称'; // header B1
    rows[1]![3] = 'unknown_measure'; // D2
    rows[1]![6] = '1'; // a share indicator with a per-item deduction: G2
    rows[2]![7] = ''; // no formula: H3
    const noData = rules.rows.map((r) => (r[0] === '无数据' ? [r[0], '随便'] : [...r]));
    const r = readSchemeSheets([
      { name: ind.name, rows },
      { name: rules.name, rows: noData },
    ]);
    assert.equal(r.ok, false);
    const where = r.ok ? [] : r.errors.map((e) => `${e.sheet}!${e.column}${e.row}`).sort();
    assert.deepEqual(where, ['等级与规则!B6', '考核指标!B1', '考核指标!D2', '考核指标!G2', '考核指标!H3'].sort());
  });

  test('should refuse a workbook without its sheets', () => {
    const r = readSchemeSheets([{ name: 'Sheet1', rows: [] }]);
    assert.equal(r.ok, false);
    assert.deepEqual(r.ok ? [] : r.errors.map((e) => e.sheet), ['考核指标', '等级与规则']);
  });
});

describe('result text', () => {
  test('should write shares in percent, counts in items and no data as 无数据', () => {
    assert.equal(valueText({ valueKind: 'share' }, { score: 12, value: 0.8, max: 15 }), '80%');
    assert.equal(valueText({ valueKind: 'count' }, { score: 8, value: 2, max: 10 }), '2项');
    assert.equal(valueText({ valueKind: 'share' }, { score: 15, value: null, max: 15 }), '无数据');
  });

  test('should draw one bar per grade with its count, and describe it', () => {
    const row = (grade: '优秀' | '合格') => ({ grade }) as never;
    const svg = gradeChartSvg({ year: 2025, rows: [row('优秀'), row('优秀'), row('合格')] });
    assert.equal((svg.match(/<rect /g) ?? []).length, 4);
    assert.match(svg, /<desc[^>]*>优秀2个，良好0个，合格1个，不合格0个<\/desc>/);
  });
});
