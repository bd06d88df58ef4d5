// The standard catalogue on both dialects: XLSX import (merged headers, ✓ marks), export→import
// round trip, all-or-nothing on errors, "not applicable" statements, and the overdue-rows query.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { catalogueWorkbook, INCOMPLETE_ROW, RELIEF_GUIDE_ROW, sheetRow } from '../../factories/standard-catalogue.js';
import { demoOrgs } from '../../factories/orgs.js';
import { catalogueSheetIO } from '../../../src/adapters/documents/catalogue-xlsx.js';
import { exportCatalogue, importCatalogue } from '../../../src/app/standard-catalogue/import-catalogue.js';
import { listCatalogue, markAreaNotApplicable } from '../../../src/app/standard-catalogue/manage-catalogue.js';
import { overdueRows, rowsWithNothingPublished } from '../../../src/app/standard-catalogue/catalogue-dashboard.js';

const SOCIAL = [
  RELIEF_GUIDE_ROW,
  sheetRow(
    '2|最低生活保障|审核信息|初审对象名单及相关信息|《社会救助暂行办法》|常态化公开|乡镇政府（街道办事处）|■政府网站\n□社区/企事业单位/村公示栏（电子屏）||✓|✓|||✓',
  ),
];
const BUDGET = [
  sheetRow(
    '1|部门预算|预算公开|●部门预算报表 ●说明|《中华人民共和国预算法》|每年1月31日前|区财政局|■政府网站|✓||✓||✓|',
  ),
];

for (const dialect of DIALECTS) {
  describe(`standard catalogue (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2025-01-02T02:00:00Z' });
    let org = '';
    const io = catalogueSheetIO;
    before(async () => {
      org = (await demoOrgs(rt)).named('示例区教育局').id;
    });

    test('should offer the 26 national areas by default', async () => {
      const areas = await rt.ctx.repos.standardCatalogue.areas(org);
      assert.equal(areas.filter((a) => a.national).length, 26);
      assert.ok(areas.some((a) => a.name === '国有土地上房屋征收与补偿'));
    });

    test('should refuse a sheet with errors, name row and column, and import nothing', async () => {
      const bad = [{ name: '社会救助', rows: [RELIEF_GUIDE_ROW, INCOMPLETE_ROW] }];
      const r = await importCatalogue(
        rt.ctx,
        null,
        org,
        await catalogueWorkbook([...bad, { name: '财政预决算', rows: BUDGET }]),
        { io },
      );
      assert.ok(!r.ok);
      assert.deepEqual(r.errors.map((e) => `${e.sheet}!${e.column}${e.row}`).sort(), ['社会救助!C5', '社会救助!I5']);
      assert.equal((await rt.ctx.repos.standardCatalogue.rows(org)).length, 0);
    });

    test('should import two areas from merged headers and ✓ marks', async () => {
      const r = await importCatalogue(
        rt.ctx,
        null,
        org,
        await catalogueWorkbook([
          { name: '社会救助', rows: SOCIAL },
          { name: '财政预决算', rows: BUDGET },
        ]),
        { io },
      );
      assert.deepEqual(r, { ok: true, inserted: 3, updated: 0, retired: 0, newAreas: [], exclusions: 0 });
      const cat = (await listCatalogue(rt.ctx, null, org)).filter((a) => a.rows.length > 0);
      assert.deepEqual(
        cat.map((a) => [a.area.name, a.rows.length]),
        [
          ['财政预决算', 1],
          ['社会救助', 2],
        ],
      );
      const second = cat[1]?.rows[1];
      assert.deepEqual(
        [second?.audience, second?.levels, second?.channelsOptional, second?.timeLimitRule],
        ['特定群体', ['乡级'], ['社区/企事业单位/村公示栏（电子屏）'], { kind: 'standing' }],
      );
    });

    test('should round-trip export → import to the same rows, keeping ids', async () => {
      const before = await rt.ctx.repos.standardCatalogue.rows(org);
      const r = await importCatalogue(rt.ctx, null, org, await exportCatalogue(rt.ctx, null, org, { io }), { io });
      assert.deepEqual(r, { ok: true, inserted: 0, updated: 3, retired: 0, newAreas: [], exclusions: 0 });
      const strip = (rows: typeof before) => rows.map(({ updatedAt: _u, ...x }) => x);
      assert.deepEqual(strip(await rt.ctx.repos.standardCatalogue.rows(org)), strip(before));
    });

    test('should record that an area does not apply, and export it', async () => {
      const area = (await rt.ctx.repos.standardCatalogue.areas(org)).find((a) => a.name === '征地补偿');
      await markAreaNotApplicable(rt.ctx, null, org, area?.id ?? '', '本单位不承担征地补偿职能');
      const cat = await listCatalogue(rt.ctx, null, org);
      assert.equal(cat.find((a) => a.area.name === '征地补偿')?.notApplicable, '本单位不承担征地补偿职能');
      const sheets = await io.read(await exportCatalogue(rt.ctx, null, org, { io }));
      assert.deepEqual(
        sheets.sheets.map((s) => s.name),
        ['财政预决算', '社会救助', '未涉及领域事项说明'],
      );
      await assert.rejects(
        markAreaNotApplicable(
          rt.ctx,
          null,
          org,
          (await rt.ctx.repos.standardCatalogue.areas(org)).find((a) => a.name === '社会救助')?.id ?? '',
          '无',
        ),
        /已有目录事项/,
      );
    });

    // With linked publications: test/integration/catalogue/catalogue-links.test.ts.
    test('should list rows past their time limit with a fixed clock', async () => {
      assert.equal((await rowsWithNothingPublished(rt.ctx, null, org)).length, 3);
      // Rows entered 2025-01-02: 10 working days → 2025-01-16; yearly → 2025-01-31.
      rt.clock.set('2025-01-20T02:00:00Z');
      assert.deepEqual(
        (await overdueRows(rt.ctx, null, org)).map((o) => [o.row.level2, o.dueOn]),
        [['办事指南', '2025-01-16']],
      );
      rt.clock.set('2025-02-03T02:00:00Z');
      assert.deepEqual(
        (await overdueRows(rt.ctx, null, org)).map((o) => o.dueOn),
        ['2025-01-31', '2025-01-16'],
      );
    });
  });
}
