// SQL for the working-day calendar: official days, published years and local overrides.
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { CalendarRepository } from '../../app/calendar/ports.js';
import { fromBool, toBool } from '../mappers.js';

/** Builds the calendar repository. */
export function calendarRepository(db: Kysely<Database>, instanceId: string): CalendarRepository {
  return {
    async days(range) {
      let q = db.selectFrom('calendar_day').select(['date', 'kind', 'name', 'source']);
      if (range) {
        q = q.where('date', '>=', range.from).where('date', '<=', range.to);
      }
      const rows = await q.orderBy('date').execute();
      return rows.map((r) => ({ ...r, kind: r.kind === 'workday' ? 'workday' : 'holiday' }));
    },
    async version() {
      const y = await db
        .selectFrom('calendar_year')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('loaded_at').as('m')])
        .executeTakeFirst();
      const o = await db
        .selectFrom('calendar_override')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('created_at').as('m')])
        .executeTakeFirst();
      // The instance id keeps two databases open in one process (tests, restores) from sharing a cache entry.
      return `${instanceId}|${Number(y?.n ?? 0)}|${String(y?.m ?? '')}|${Number(o?.n ?? 0)}|${String(o?.m ?? '')}`;
    },
    async years() {
      const rows = await db.selectFrom('calendar_year').selectAll().orderBy('year').execute();
      return rows.map((r) => ({ year: Number(r.year), source: r.source, loadedAt: r.loaded_at }));
    },
    async overrides() {
      const rows = await db.selectFrom('calendar_override').selectAll().orderBy('date').execute();
      return rows.map((r) => ({
        date: r.date,
        isWorking: toBool(r.is_working),
        reason: r.reason,
        createdBy: r.created_by,
        createdAt: r.created_at,
      }));
    },
    async replaceYears(years, days, source, at) {
      for (const y of years) {
        // Year y's notice owns 12-25 of y-1 up to 12-24 of y: its 元旦 arrangement may start in late
        // December (the rule of domain/calendar/schedule-file.ts), and y's own late December belongs
        // to the next year's notice, so reloading y must neither keep the first nor drop the second.
        await db
          .deleteFrom('calendar_day')
          .where('date', '>=', `${y - 1}-12-25`)
          .where('date', '<=', `${y}-12-24`)
          .execute();
        await db.deleteFrom('calendar_year').where('year', '=', y).execute();
        await db.insertInto('calendar_year').values({ year: y, source, loaded_at: at }).execute();
      }
      const rows = days.map((d) => ({ date: d.date, kind: d.kind, name: d.name, source: d.source, updated_at: at }));
      // Days outside those windows (a file for y may also list y's own late December) are replaced date by date.
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .deleteFrom('calendar_day')
          .where(
            'date',
            'in',
            rows.slice(i, i + 200).map((r) => r.date),
          )
          .execute();
      }
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto('calendar_day')
          .values(rows.slice(i, i + 200))
          .execute();
      }
    },
    async setOverride(o) {
      await db.deleteFrom('calendar_override').where('date', '=', o.date).execute();
      await db
        .insertInto('calendar_override')
        .values({
          date: o.date,
          is_working: fromBool(o.isWorking),
          reason: o.reason,
          created_by: o.createdBy,
          created_at: o.createdAt,
        })
        .execute();
    },
    async removeOverride(date) {
      await db.deleteFrom('calendar_override').where('date', '=', date).execute();
    },
  };
}
