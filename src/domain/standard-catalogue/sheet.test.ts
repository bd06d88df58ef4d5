// Reading published catalogue tables (header variants, ✓ marks, ■/□ channels, errors) and the export layout.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { columnLetter, parseChannels, readCatalogueSheets, type SheetGrid } from './sheet.js';
import { catalogueSheetLayout } from './sheet-layout.js';
import { matchKeyArea, NATIONAL_KEY_AREAS } from './key-areas.js';

/** Fills merged ranges as the adapter does on read. */
function filled(grid: SheetGrid): SheetGrid {
  const rows = grid.rows.map((r) => [...r]);
  for (const m of grid.merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) rows[r - 1]![c - 1] = grid.rows[m.top - 1]![m.left - 1]!;
    }
  }
  return { ...grid, rows };
}

// 天津市宝坻区 社会救助 header style: single-row "公开对象" etc. with sub-columns, 特定群众 and 依申请公开 variants.
const BAODI: SheetGrid = {
  name: '社会救助',
  merges: [],
  rows: [
    ['天津市宝坻区社会救助领域基层政务公开标准目录'],
    [
      '序号',
      '公开事项',
      '公开事项',
      '公开内容(要素)',
      '公开依据',
      '公开时限',
      '公开主体',
      '公开渠道和载体',
      '公开对象',
      '公开对象',
      '公开方式',
      '公开方式',
      '公开层级',
      '公开层级',
    ],
    [
      '序号',
      '一级事项',
      '二级事项',
      '公开内容(要素)',
      '公开依据',
      '公开时限',
      '公开主体',
      '公开渠道和载体',
      '全社会',
      '特定群众',
      '主动',
      '依申请公开',
      '县级',
      '乡、村级',
    ],
    [
      '4',
      '最低生活保障',
      '办事指南',
      '办理事项、办理条件、最低生活保障标准',
      '《国务院关于进一步加强和改进最低生活保障工作的意见》',
      '制定或获取信息之日起10个工作日内',
      '县级政府民政部门、乡镇政府（街道办事处）',
      '■政府网站 □两微一端',
      '√',
      '',
      '√',
      '',
      '√',
      '√',
    ],
    ['注：■为必选，□为可选'],
  ],
};

describe('readCatalogueSheets', () => {
  test('should read a published table with its header variants', () => {
    const r = readCatalogueSheets({ sheets: [BAODI] });
    assert.ok(r.ok);
    const row = r.areas[0]?.rows[0];
    assert.equal(r.areas[0]?.title, '天津市宝坻区社会救助领域基层政务公开标准目录');
    assert.deepEqual(
      { ...row, line: row?.line },
      {
        line: 4,
        level1: '最低生活保障',
        level2: '办事指南',
        level3: '',
        contentElements: '办理事项、办理条件、最低生活保障标准',
        basis: '《国务院关于进一步加强和改进最低生活保障工作的意见》',
        timeLimitText: '制定或获取信息之日起10个工作日内',
        timeLimitRule: { kind: 'working_days_after_change', days: 10 },
        subject: '县级政府民政部门、乡镇政府（街道办事处）',
        channelsRequired: ['政府网站'],
        channelsOptional: ['两微一端'],
        audience: '全社会',
        method: '主动',
        levels: ['县级', '乡、村级'],
      },
    );
  });

  test('should name every error by sheet row and column letter', () => {
    const bad = {
      ...BAODI,
      rows: [
        ...BAODI.rows.slice(0, 3),
        [
          '1',
          '招生管理',
          '',
          '●招生范围',
          '《政府信息公开条例》',
          '20个工作日内',
          '区教育局',
          '',
          '√',
          '√',
          '',
          '',
          '',
          '',
        ],
      ],
    };
    const r = readCatalogueSheets({ sheets: [bad] });
    assert.ok(!r.ok);
    assert.deepEqual(r.errors.map((e) => `${e.column}${e.row}`).sort(), ['C4', 'H4', 'I4', 'K4', 'M4']);
    assert.ok(r.errors.some((e) => e.message === '二级事项不能为空'));
  });

  test('should refuse a sheet whose header lacks required columns', () => {
    const r = readCatalogueSheets({
      sheets: [{ name: 'Sheet1', merges: [], rows: [['序号', '一级事项', '二级事项']] }],
    });
    assert.ok(!r.ok);
    assert.match(r.errors[0]?.message ?? '', /表头缺少以下列：公开内容（要素）、公开依据/);
  });

  test('should read back its own export layout (merged headers, ✓ marks, merged 一级事项)', () => {
    const rows = [1, 2].map((n) => ({
      level1: '招生管理',
      level2: `招生政策${n}`,
      level3: '',
      contentElements: '●随迁子女入学办法',
      basis: '《政府信息公开条例》',
      timeLimitText: '信息形成或者变更之日起20个工作日内',
      timeLimitRule: { kind: 'working_days_after_change' as const, days: 20 },
      subject: '翔安区教育局',
      channelsRequired: ['政府网站', '两微一端'],
      channelsOptional: ['纸质媒体'],
      audience: '全社会',
      method: '主动' as const,
      levels: ['乡级'],
      sort: n,
    }));
    const grid = catalogueSheetLayout('义务教育', rows);
    assert.equal(grid.rows[4]?.[1], '');
    const r = readCatalogueSheets({ sheets: [filled(grid)] });
    assert.ok(r.ok);
    assert.deepEqual(
      r.areas[0]?.rows.map(({ line: _l, ...x }) => x),
      rows.map(({ sort: _s, ...x }) => x),
    );
  });
});

describe('sheet helpers', () => {
  test('should letter columns and split channels', () => {
    assert.deepEqual([0, 25, 26, 27].map(columnLetter), ['A', 'Z', 'AA', 'AB']);
    assert.deepEqual(parseChannels('政府网站、公开查阅点'), { required: ['政府网站', '公开查阅点'], optional: [] });
    assert.deepEqual(parseChannels('■社区/企事业单位/村公示栏（电子屏）\n□发布会/听证会'), {
      required: ['社区/企事业单位/村公示栏（电子屏）'],
      optional: ['发布会/听证会'],
    });
  });
  test('should match areas by name, alias and title', () => {
    const areas = NATIONAL_KEY_AREAS.map((a) => ({ ...a }));
    assert.equal(matchKeyArea('生态环境领域基层政务公开标准目录', areas)?.name, '环境保护');
    assert.equal(matchKeyArea('（十五）国有土地上房屋征收与补偿', areas)?.code, 'n08');
    assert.equal(matchKeyArea('涉农资金', areas), undefined);
  });
});
