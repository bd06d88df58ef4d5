// Calendar repository on both dialects: the seeded schedule, replacing years (with the late-December
// days a notice's 元旦 arrangement reaches back to), and setting, replacing and removing overrides.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import type { CalendarDayRow } from '../../../src/app/calendar/ports.js';

const AT = '2026-11-01T02:00:00.000Z';

const day = (date: string, kind: 'holiday' | 'workday', name: string, source = 'import:test'): CalendarDayRow => ({
  date,
  kind,
  name,
  source,
});

for (const dialect of DIALECTS) {
  describe(`calendar repository (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { demo: false });

    test('should hold the seeded national schedule with its published years', async () => {
      const years = await rt.ctx.repos.calendar.years();
      assert.deepEqual(years.map((y) => y.year).slice(0, 1), [2004]);
      assert.ok(years.some((y) => y.year === 2026));
      assert.ok(years.every((y) => typeof y.year === 'number' && /^chinese-days@/.test(y.source)));
      const oct = await rt.ctx.repos.calendar.days({ from: '2025-09-28', to: '2025-10-11' });
      assert.deepEqual(
        oct.filter((d) => d.kind === 'workday').map((d) => d.date),
        ['2025-09-28', '2025-10-11'],
      );
      assert.equal(oct.filter((d) => d.kind === 'holiday').length, 8);
      assert.deepEqual(
        oct.map((d) => d.date),
        [...oct.map((d) => d.date)].sort(),
      );
    });

    test('should replace a new year, including the late-December days of the year before', async () => {
      await rt.ctx.uow.run((r) =>
        r.calendar.replaceYears(
          [2027],
          [
            day('2026-12-31', 'holiday', '元旦'),
            day('2027-01-01', 'holiday', '元旦'),
            day('2027-02-14', 'workday', '春节'),
          ],
          'import:first',
          AT,
        ),
      );
      const y2027 = (await rt.ctx.repos.calendar.years()).find((y) => y.year === 2027);
      assert.deepEqual(y2027, { year: 2027, source: 'import:first', loadedAt: AT });
      const days = await rt.ctx.repos.calendar.days({ from: '2026-12-01', to: '2027-12-31' });
      assert.deepEqual(days, [
        day('2026-12-31', 'holiday', '元旦'),
        day('2027-01-01', 'holiday', '元旦'),
        day('2027-02-14', 'workday', '春节'),
      ]);
    });

    test('should drop the days of an earlier load of the year, late December included, and keep the year before', async () => {
      const before2026 = await rt.ctx.repos.calendar.days({ from: '2026-01-01', to: '2026-12-24' });
      assert.ok(before2026.length > 0);
      await rt.ctx.uow.run((r) =>
        r.calendar.replaceYears(
          [2027],
          [day('2027-01-01', 'holiday', '元旦'), day('2027-01-02', 'holiday', '元旦')],
          'import:second',
          AT,
        ),
      );
      const days = await rt.ctx.repos.calendar.days({ from: '2026-12-01', to: '2027-12-31' });
      assert.deepEqual(
        days.map((d) => d.date),
        ['2027-01-01', '2027-01-02'],
      );
      assert.deepEqual(await rt.ctx.repos.calendar.days({ from: '2026-01-01', to: '2026-12-24' }), before2026);
      assert.equal((await rt.ctx.repos.calendar.years()).find((y) => y.year === 2027)?.source, 'import:second');
    });

    test('should keep the late-December days a later notice scheduled when the earlier year is reloaded', async () => {
      // The 2019 notice: 2018-12-29 (Saturday) work, 2018-12-30…2019-01-01 off.
      const lateDec = await rt.ctx.repos.calendar.days({ from: '2018-12-25', to: '2018-12-31' });
      assert.deepEqual(
        lateDec.map((d) => `${d.date} ${d.kind}`),
        ['2018-12-29 workday', '2018-12-30 holiday', '2018-12-31 holiday'],
      );
      await rt.ctx.uow.run((r) =>
        r.calendar.replaceYears([2018], [day('2018-02-15', 'holiday', '春节')], 'import:2018', AT),
      );
      assert.deepEqual(await rt.ctx.repos.calendar.days({ from: '2018-01-01', to: '2018-12-24' }), [
        day('2018-02-15', 'holiday', '春节'),
      ]);
      assert.deepEqual(await rt.ctx.repos.calendar.days({ from: '2018-12-25', to: '2018-12-31' }), lateDec);
      await rt.ctx.uow.run((r) =>
        r.calendar.replaceYears(
          [2019],
          [day('2018-12-30', 'holiday', '元旦'), day('2019-01-01', 'holiday', '元旦')],
          'import:2019',
          AT,
        ),
      );
      assert.deepEqual(await rt.ctx.repos.calendar.days({ from: '2018-12-25', to: '2019-12-31' }), [
        day('2018-12-30', 'holiday', '元旦'),
        day('2019-01-01', 'holiday', '元旦'),
      ]);
    });

    test('should write nothing when the transaction fails', async () => {
      const before2025 = await rt.ctx.repos.calendar.days({ from: '2025-01-01', to: '2025-12-31' });
      await assert.rejects(
        rt.ctx.uow.run(async (r) => {
          await r.calendar.replaceYears([2025], [day('2025-01-01', 'holiday', '元旦')], 'import:broken', AT);
          throw new Error('crash mid-write');
        }),
        /crash mid-write/,
      );
      assert.deepEqual(await rt.ctx.repos.calendar.days({ from: '2025-01-01', to: '2025-12-31' }), before2025);
      assert.match((await rt.ctx.repos.calendar.years()).find((y) => y.year === 2025)?.source ?? '', /^chinese-days@/);
    });

    test('should set, replace and remove override days, mapping the boolean on both engines', async () => {
      const cal = rt.ctx.repos.calendar;
      await cal.setOverride({
        date: '2025-10-09',
        isWorking: false,
        reason: '台风停止办公',
        createdBy: null,
        createdAt: AT,
      });
      await cal.setOverride({
        date: '2025-10-04',
        isWorking: true,
        reason: '集中办理积压申请',
        createdBy: 'u1',
        createdAt: AT,
      });
      assert.deepEqual(await cal.overrides(), [
        { date: '2025-10-04', isWorking: true, reason: '集中办理积压申请', createdBy: 'u1', createdAt: AT },
        { date: '2025-10-09', isWorking: false, reason: '台风停止办公', createdBy: null, createdAt: AT },
      ]);
      await cal.setOverride({
        date: '2025-10-09',
        isWorking: true,
        reason: '改为正常上班',
        createdBy: 'u2',
        createdAt: AT,
      });
      const replaced = (await cal.overrides()).filter((o) => o.date === '2025-10-09');
      assert.deepEqual(replaced, [
        { date: '2025-10-09', isWorking: true, reason: '改为正常上班', createdBy: 'u2', createdAt: AT },
      ]);
      await cal.removeOverride('2025-10-09');
      await cal.removeOverride('2030-01-01');
      assert.deepEqual(
        (await cal.overrides()).map((o) => o.date),
        ['2025-10-04'],
      );
    });
  });
}
