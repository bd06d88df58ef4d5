// The demo district's assessment (考核, 《条例》第四十八条): last year's scheme over the whole district, made from the
// default scheme shipped with gongkai, and this year's draft copied from it (the office's usual start: copy last
// year's scheme, then change its weights). Nothing is published: the result table is computed when it is opened.
import { copyScheme, createScheme } from '../assessment/schemes.js';
import { type DemoEvent, type DemoWorld } from './demo-timeline.js';

/** The names of the demo's schemes for a year. */
export const demoSchemeName = (year: number): string => `示例区${year}年度政务公开工作考核方案`;

/** The events of the demo's assessment: last year's scheme and this year's copy, made on the demo's last day. */
export function assessmentEvents(w: DemoWorld): { events: DemoEvent[]; schemes: number } {
  const root = w.orgs.find((o) => o.org.parentId === null)?.org;
  const run = async () => {
    if (!root) return;
    const last = await createScheme(w.ctx, null, {
      year: w.lastYear,
      scopeOrgId: root.id,
      name: demoSchemeName(w.lastYear),
    });
    await copyScheme(w.ctx, null, last.id, { year: w.year, name: demoSchemeName(w.year) });
  };
  return { events: [{ day: w.today, run }], schemes: 2 };
}
