// The applications module's parts in shared procedures: handover (交接) and calendar changes.
import type { CalendarChangedStep, CalendarRepos } from '../calendar/ports.js';
import type { ApplicationRepos } from './ports.js';
import type { HandoverStep } from '../users/ports.js';
import { recomputeCase } from '../../domain/applications/deadlines.js';
import { rulesFor } from '../../domain/applications/rules.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';

/** Handover: the open cases the old account handles pass to the successor. */
export const applicationHandoverStep: HandoverStep<ApplicationRepos> = {
  label: '承办中的依申请公开案件',
  run: async (repos, fromUserId, toUserId, at) => {
    let moved = 0;
    for (const id of await repos.applications.openIds()) {
      const app = await repos.applications.byId(id);
      if (app?.handlerId === fromUserId) {
        await repos.applications.update(id, { handlerId: toUserId }, at);
        moved += 1;
      }
    }
    return moved;
  },
};

/**
 * Calendar change: recompute the ledger and due date of every open case (provisional 暂定 dates
 * become final when a year's schedule is loaded; an override day moves the dates it touches).
 */
export const applicationCalendarStep: CalendarChangedStep<ApplicationRepos & CalendarRepos> = {
  label: '依申请公开案件的答复期限',
  run: async (repos, at) => {
    const calendar = await loadHolidayCalendar(repos);
    let changed = 0;
    for (const id of await repos.applications.openIds()) {
      const app = await repos.applications.byId(id);
      if (!app) continue;
      const next = recomputeCase(app, rulesFor(app.receivedOn), calendar);
      if (
        next.dueOn === app.dueOn &&
        next.waitingUntil === app.waitingUntil &&
        next.events.every((e, i) => e.dueOn === app.events[i]?.dueOn && e.provisional === app.events[i]?.provisional)
      ) {
        continue;
      }
      await repos.applications.replaceEvents(id, next.events);
      await repos.applications.update(id, { dueOn: next.dueOn, waitingUntil: next.waitingUntil }, at);
      changed += 1;
    }
    return changed;
  },
};
