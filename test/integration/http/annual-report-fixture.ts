// Shared setup of the annual-report HTTP tests (not a test file itself): a runtime whose clock is in
// February 2026 (the 2025 reports are due: departments by 31 January, so already late), applications
// of 示例区教育局 closed in 2025, and signed-in agents per role.
import assert from 'node:assert/strict';
import { openTestRuntime, type Dialect, type TestRuntime } from '../../support/runtime.js';
import { TestAgent } from '../../support/http.js';
import { STAFF_PASSWORD, makeStaff } from '../../factories/staff.js';
import { localDate } from '../../../src/domain/core/local-date.js';
import type { AppContext } from '../../../src/app/context.js';
import { saveReportDraft } from '../../../src/app/reports/annual-reports.js';
import type { OutcomeCode } from '../../../src/domain/reports/annual-report.js';
import type { Role } from '../../../src/domain/users/roles.js';

/** The report year under test; the clock is in the following February. */
export const YEAR = 2025;
/** An applicant's name: must never reach a public page or export. */
export const APPLICANT = '李申请人';

/** A regular expression matching `text` literally. */
export const lit = (text: string): RegExp => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** The text of a cell addressed by render-html's `data-cell` (whitespace trimmed), or undefined. */
export function cell(html: string, address: string): string | undefined {
  return new RegExp(`data-cell="${address.replace(/\./g, '\\.')}"[^>]*>([^<]*)<`).exec(html)?.[1]?.trim();
}

type Case = {
  type: 'natural_person' | 'legal_person';
  subtype?: 'business' | null;
  receivedOn: string;
  closedOn: string | null;
  outcome: OutcomeCode | null;
};

/** 2025 at 示例区教育局: 4 natural persons (3 disclosed, 1 open at year end), 1 business (repeated). */
const CASES: Case[] = [
  { type: 'natural_person', receivedOn: '2025-03-03', closedOn: '2025-03-20', outcome: 'disclosed' },
  { type: 'natural_person', receivedOn: '2025-05-06', closedOn: '2025-05-26', outcome: 'disclosed' },
  { type: 'natural_person', receivedOn: '2025-08-11', closedOn: '2025-09-01', outcome: 'disclosed' },
  {
    type: 'legal_person',
    subtype: 'business',
    receivedOn: '2025-04-01',
    closedOn: '2025-04-10',
    outcome: 'not_processed.repeated',
  },
  { type: 'natural_person', receivedOn: '2025-12-22', closedOn: null, outcome: null },
];

/**
 * Inserts one application through the repository, as closed (archived, with its outcome) or still open: the
 * figures, not the procedure, are under test here.
 */
export async function insertCase(
  ctx: AppContext,
  orgId: string,
  c: Case & { trackingCode: string; channel?: 'in_person' | 'registered_mail' },
): Promise<void> {
  await ctx.repos.applications.insert(
    {
      id: ctx.crypto.newId(),
      orgId,
      trackingCode: c.trackingCode,
      submissionKey: null,
      submissionHash: null,
      proofFileId: null,
      channel: c.channel ?? 'in_person',
      receivedOn: localDate(c.receivedOn),
      applicant: {
        type: c.type,
        subtype: c.subtype ?? null,
        name: APPLICANT,
        idType: 'resident_id',
        idNumber: '110101199001011237',
        legalRepresentative: '',
        contactPerson: '',
        phone: '13800000000',
        email: '',
        address: '示例区人民路1号',
        postcode: '',
      },
      request: { description: '某项目环评批复', title: '', docNo: '', indexNo: '', carrier: 'paper', delivery: 'post' },
      state: c.closedOn ? 'archived' : 'registered',
      handlerId: null,
      outcome: c.outcome,
      dueOn: null,
      waitingUntil: null,
      extended: false,
      closedOn: c.closedOn ? localDate(c.closedOn) : null,
    },
    ctx.clock.nowIso(),
  );
}

/** Inserts the cases of `year` (the dates above moved to that year). Also used by the browser journey. */
export async function insertReportCases(ctx: AppContext, orgId: string, year: number): Promise<void> {
  const inYear = (d: string) => `${year}${d.slice(4)}`;
  for (const [i, c] of CASES.entries()) {
    await insertCase(ctx, orgId, {
      ...c,
      trackingCode: `NBCS-${year}-${String(i + 1).padStart(4, '0')}`,
      receivedOn: inYear(c.receivedOn),
      closedOn: c.closedOn ? inYear(c.closedOn) : null,
    });
  }
}

export type ReportWorld = {
  rt: TestRuntime;
  org: { root: string; edu: string; fin: string };
  eduCode: string;
  as: Record<'eduEditor' | 'eduHead' | 'eduHandler' | 'finEditor' | 'supervisor' | 'visitor', TestAgent>;
};

/** A new staff account with the roles at the organization, signed in. */
export async function signedIn(rt: TestRuntime, username: string, orgId: string, roles: Role[]): Promise<TestAgent> {
  await makeStaff(rt, username, roles, orgId);
  const a = new TestAgent(rt);
  assert.equal((await a.login(username, STAFF_PASSWORD)).status, 303, `login ${username}`);
  return a;
}

/** Opens the runtime, inserts the cases and signs the agents in. */
export async function openReportWorld(dialect: Dialect): Promise<ReportWorld> {
  const rt = await openTestRuntime(dialect, { start: '2026-02-10T02:00:00Z' });
  const orgs = await rt.ctx.repos.orgs.list();
  const byName = (name: string) => orgs.find((o) => o.name === name);
  const org = {
    root: byName('示例区人民政府')?.id ?? '',
    edu: byName('示例区教育局')?.id ?? '',
    fin: byName('示例区财政局')?.id ?? '',
  };
  await insertReportCases(rt.ctx, org.edu, YEAR);
  const account = (username: string, orgId: string, roles: Role[]) => signedIn(rt, username, orgId, roles);
  const as = {
    eduEditor: await account('edu_report_editor', org.edu, ['editor']),
    eduHead: await account('edu_office_head', org.edu, ['office_head']),
    eduHandler: await account('edu_case_handler', org.edu, ['handler']),
    finEditor: await account('fin_report_editor', org.fin, ['editor']),
    supervisor: await account('district_overseer', org.root, ['supervisor']),
    visitor: new TestAgent(rt),
  };
  return { rt, org, eduCode: byName('示例区教育局')?.creditCode ?? '', as };
}

/** Sections 一、五、六 written in full (no 【请补充】 of the drafted text left), as the compiler would. */
export async function finishNarrative(ctx: AppContext, orgId: string, year: number): Promise<void> {
  await saveReportDraft(ctx, null, orgId, year, {
    sections: { overview: '本年度总体情况。', problems: '存在的问题及改进措施。', other: '无其他需要报告的事项。' },
  });
}

/** POSTs a multipart form with a file from the same origin (with the CSRF field). */
export async function postFile(
  a: TestAgent,
  path: string,
  field: string,
  file: { name: string; bytes: Uint8Array; type?: string },
): Promise<Response> {
  if (!a.cookies.has('gk_csrf')) await a.get('/admin/login');
  const form = new FormData();
  form.set('_csrf', a.cookies.get('gk_csrf') ?? '');
  form.set(field, new File([file.bytes], file.name, { type: file.type ?? 'text/csv' }));
  return a.request('POST', path, { body: form, headers: { origin: 'http://localhost' } });
}
