// Test helpers for the applications domain: the real calendar, actors per role, a case factory and
// an in-memory "store" that applies decisions the way the use case will. Imported only by *.test.ts.

import { buildHolidayCalendar, type HolidayCalendar } from '../calendar/holiday-calendar.js';
import type { Actor } from '../policies/actor.js';
import { localDate, type LocalDate } from '../core/local-date.js';
import type { Role } from '../users/roles.js';
import type { ApplicationSnapshot } from './application.js';
import { submissionEvent } from './deadlines.js';
import { rulesFor } from './rules.js';
import type { Command, Decision } from './transitions.js';
import type { CalendarDayRecord } from '../calendar/holiday-calendar.js';

/** The organization of the test cases. */
export const ORG = 'org-1';

/**
 * A calendar from official schedule records (tests pass `chineseDaysSnapshot()` from db/seeds).
 * @param snapshot days and published years
 * @returns the calendar
 */
export function calendarFrom(snapshot: { days: CalendarDayRecord[]; years: number[] }): HolidayCalendar {
  return buildHolidayCalendar(snapshot.days, [], snapshot.years);
}

/**
 * An actor holding the given roles at ORG.
 * @param userId the user id
 * @param roles the roles
 * @param orgId where the roles are held
 * @returns the actor
 */
export function actorWith(userId: string, roles: readonly Role[], orgId = ORG): Actor {
  return {
    userId,
    username: userId,
    displayName: userId,
    homeOrgId: orgId,
    roles: roles.map((role) => ({ orgId, role })),
  };
}

/**
 * A received case with sensible defaults.
 * @param over fields to override
 * @returns the snapshot
 */
export function buildCase(over: Partial<ApplicationSnapshot> = {}): ApplicationSnapshot {
  return {
    id: 'app-1',
    orgId: ORG,
    trackingCode: '2345-6789-ABCD',
    channel: 'online',
    receivedOn: localDate('2025-09-26'),
    applicant: {
      type: 'natural_person',
      subtype: null,
      name: '张三',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      legalRepresentative: '',
      contactPerson: '',
      phone: '13812345678',
      email: '',
      address: '',
      postcode: '',
    },
    request: {
      description: '某路段改造工程的批复文件',
      title: '',
      docNo: '',
      indexNo: '',
      carrier: 'electronic',
      delivery: 'email',
    },
    state: 'received',
    handlerId: null,
    outcome: null,
    dueOn: null,
    waitingUntil: null,
    extended: false,
    closedOn: null,
    events: [],
    ...over,
  };
}

/**
 * A new case as intake stores it: state received, the submit event and its due date.
 * @param receivedOn receipt date
 * @param cal calendar
 * @returns the snapshot
 */
export function submitted(receivedOn: LocalDate, cal: HolidayCalendar): ApplicationSnapshot {
  const event = submissionEvent(receivedOn, rulesFor(receivedOn), cal);
  return buildCase({
    receivedOn,
    dueOn: event.dueOn,
    events: [{ ...event, seq: 1, at: `${receivedOn}T00:00:00Z`, actorId: null, actorLabel: '申请人' }],
  });
}

/**
 * Applies a decision as the repository would: patch the fields, append the event.
 * @param app the case
 * @param decision a successful decision
 * @param actor who made the move (null = system)
 * @returns the new snapshot
 */
export function applyDecision(app: ApplicationSnapshot, decision: Decision, actor: Actor | null): ApplicationSnapshot {
  const seq = app.events.length + 1;
  const event = {
    ...decision.event,
    seq,
    at: `${decision.event.on}T08:00:00Z`,
    actorId: actor?.userId ?? null,
    actorLabel: actor?.displayName ?? '系统',
  };
  return { ...app, ...decision.patch, state: decision.next, events: [...app.events, event] };
}

/** Shorthand for a command. */
export function cmd(action: Command['action'], params: Record<string, unknown> = {}): Command {
  return { action, params };
}
