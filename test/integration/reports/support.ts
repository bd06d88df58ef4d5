// Fixtures for the annual-report tests: synthetic applications inserted through the repository
// (for the tally comparison), random facts from a seeded PRNG, and report staff accounts.
import type { NewApplication } from '../../../src/app/applications/ports.js';
import { LEGAL_PERSON_SUBTYPES, OUTCOMES } from '../../../src/domain/applications/application.js';
import { addDays, localDate, type LocalDate } from '../../../src/domain/core/local-date.js';
import type { ApplicationFact } from '../../../src/domain/reports/compute.js';
import type { OutcomeCode } from '../../../src/domain/reports/annual-report.js';
import { buildCase } from '../../../src/domain/applications/test-support.js';
import type { Actor } from '../../../src/domain/policies/actor.js';
import type { Role } from '../../../src/domain/users/roles.js';
import type { TestRuntime } from '../../support/runtime.js';
import { makeStaff } from '../../factories/staff.js';

export { prng } from '../../support/render-report-text.js';

/** A case with the given report fact and no real content (no personal data worth the name). */
export function syntheticApplication(id: string, orgId: string, fact: ApplicationFact, serial: number): NewApplication {
  const closed = fact.closedOn !== null;
  const blank = { idNumber: '', phone: '', email: '' };
  const { events: _events, ...app } = buildCase({
    id,
    orgId,
    trackingCode: `T${String(serial).padStart(11, '0')}`,
    channel: 'online',
    receivedOn: fact.receivedOn,
    applicant: {
      ...buildCase().applicant,
      ...blank,
      type: fact.applicantType,
      subtype: fact.applicantSubtype as NewApplication['applicant']['subtype'],
      name: `申请人${serial}`,
    },
    request: { ...buildCase().request, description: `合成申请${serial}` },
    state: closed ? (fact.outcome === 'other.other' ? 'withdrawn' : 'archived') : 'registered',
    outcome: fact.outcome,
    closedOn: fact.closedOn,
  });
  return { ...app, submissionKey: null, submissionHash: null, proofFileId: null };
}

/**
 * Random facts around the years 2023–2026: every applicant type and subtype (and a legal person
 * without one), open and closed cases, every outcome, some closed without a recorded outcome.
 */
export function randomFacts(rand: () => number, n: number): ApplicationFact[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const out: ApplicationFact[] = [];
  for (let i = 0; i < n; i++) {
    const receivedOn = addDays(localDate('2023-06-01'), Math.floor(rand() * 1200));
    const closedOn: LocalDate | null = rand() < 0.25 ? null : addDays(receivedOn, Math.floor(rand() * 120));
    const legal = rand() < 0.4;
    const outcome: OutcomeCode | null =
      closedOn === null ? (rand() < 0.2 ? pick(OUTCOMES) : null) : rand() < 0.05 ? null : pick(OUTCOMES);
    out.push({
      applicantType: legal ? 'legal_person' : 'natural_person',
      applicantSubtype: legal ? (rand() < 0.1 ? null : pick(LEGAL_PERSON_SUBTYPES)) : null,
      receivedOn,
      closedOn,
      outcome,
    });
  }
  return out;
}

/** Creates an account with roles at one organization. */
export function makeUser(rt: TestRuntime, username: string, orgId: string, roles: Role[]): Promise<Actor> {
  return makeStaff(rt, username, roles, orgId);
}
