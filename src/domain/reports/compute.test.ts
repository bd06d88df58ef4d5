// Unit tests of the report computation: the counting rule across year boundaries, R1 for any facts,
// the 2019 format's single 其他处理 row, section 二 and 四, and composing a whole report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate } from '../core/local-date.js';
import { APPLICANT_COLUMNS, applicationRows, type OutcomeCode } from './annual-report.js';
import { checkReport } from './check-report.js';
import {
  MANUAL_ARTICLE20_FIELDS,
  applicantColumn,
  applicationsSection,
  article20Section,
  bucketsOf,
  composeReport,
  reviewsSection,
  tallyApplications,
  type ApplicationFact,
  type ManualArticle20Field,
} from './compute.js';
import { emptyReviews, publicationCounts, randomFacts, seeded } from './test-support.js';

/** A section-三 row by column: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计. */
const row = (...cells: (number | null)[]) => Object.fromEntries(APPLICANT_COLUMNS.map((c, i) => [c, cells[i]]));

const fact = (
  receivedOn: string,
  closedOn: string | null,
  outcome: OutcomeCode | null = 'disclosed',
  over: Partial<ApplicationFact> = {},
): ApplicationFact => ({
  applicantType: 'natural_person',
  applicantSubtype: null,
  receivedOn: localDate(receivedOn),
  closedOn: closedOn === null ? null : localDate(closedOn),
  outcome,
  ...over,
});

test('the counting rule at the year boundaries (31 Dec / 1 Jan)', () => {
  // Received and closed in the year.
  assert.deepEqual(bucketsOf(fact('2023-03-01', '2023-03-20'), 2023), ['new', 'disclosed']);
  // Received on 31 Dec, closed on 1 Jan: carried forward this year, carried over and closed next year.
  const edge = fact('2023-12-31', '2024-01-01', 'withheld.state_secret');
  assert.deepEqual(bucketsOf(edge, 2023), ['new', 'carried_forward']);
  assert.deepEqual(bucketsOf(edge, 2024), ['carried_over', 'withheld.state_secret']);
  assert.deepEqual(bucketsOf(edge, 2022), []);
  assert.deepEqual(bucketsOf(edge, 2025), []);
  // Closed on 31 Dec: not carried forward.
  assert.deepEqual(bucketsOf(fact('2023-01-01', '2023-12-31'), 2023), ['new', 'disclosed']);
  // Closed on 31 Dec of the year before: nothing this year.
  assert.deepEqual(bucketsOf(fact('2022-11-01', '2022-12-31'), 2023), []);
  // Open for three years: carried over and forward in the middle year.
  const open = fact('2022-06-01', null, null);
  assert.deepEqual(bucketsOf(open, 2022), ['new', 'carried_forward']);
  assert.deepEqual(bucketsOf(open, 2023), ['carried_over', 'carried_forward']);
  // Received next year: nothing.
  assert.deepEqual(bucketsOf(fact('2024-01-01', null, null), 2023), []);
  // Closed without a recorded outcome: （六）3 其他, so R1 still holds.
  assert.deepEqual(bucketsOf(fact('2023-02-01', '2023-02-02', null), 2023), ['new', 'other.other']);
});

test('tallyApplications groups by type, subtype and bucket; unknown subtypes go to 其他', () => {
  const facts = [
    fact('2023-01-05', '2023-01-20'),
    fact('2023-02-05', '2023-02-20'),
    fact('2022-12-30', '2023-01-04', 'partially_disclosed', {
      applicantType: 'legal_person',
      applicantSubtype: 'research',
    }),
    fact('2023-12-30', null, null, { applicantType: 'legal_person', applicantSubtype: 'foundation' }),
  ];
  assert.deepEqual(tallyApplications(facts, 2023), [
    { applicantType: 'legal_person', applicantSubtype: 'foundation', bucket: 'new', count: 1 },
    { applicantType: 'natural_person', applicantSubtype: null, bucket: 'new', count: 2 },
    { applicantType: 'legal_person', applicantSubtype: 'research', bucket: 'carried_over', count: 1 },
    { applicantType: 'natural_person', applicantSubtype: null, bucket: 'disclosed', count: 2 },
    { applicantType: 'legal_person', applicantSubtype: 'research', bucket: 'partially_disclosed', count: 1 },
    { applicantType: 'legal_person', applicantSubtype: 'foundation', bucket: 'carried_forward', count: 1 },
  ]);
  const apps = applicationsSection(tallyApplications(facts, 2023), '2021');
  assert.deepEqual(apps.new, row(2, 0, 0, 0, 0, 1, 3));
  assert.deepEqual(apps.total, row(2, 0, 1, 0, 0, 0, 3));
  assert.equal(apps.carried_forward?.other, 1);
});

test('applicantColumn maps subtypes to the section-三 columns', () => {
  assert.equal(applicantColumn('natural_person', 'business'), 'natural_person');
  assert.equal(applicantColumn('legal_person', 'business'), 'business');
  assert.equal(applicantColumn('legal_person', 'legal_services'), 'legal_services');
  assert.equal(applicantColumn('legal_person', null), 'other');
  assert.equal(applicantColumn('legal_person', 'total'), 'other');
});

test('R1–R5 hold for any set of facts, every year, both formats (seeded random facts)', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const facts = randomFacts(seeded(seed), 300);
    let previous = null;
    for (const year of [2019, 2020, 2021, 2022, 2023]) {
      for (const format of ['2019', '2021'] as const) {
        const apps = applicationsSection(tallyApplications(facts, year), format);
        const report = { format, article20: {}, applications: apps, reviews: reviewsSection(emptyReviews()) };
        assert.deepEqual(checkReport(report, { previous }), [], `seed ${seed}, ${year}, ${format}`);
        assert.deepEqual(Object.keys(apps), applicationRows(format), 'every row, in table order');
        for (const cells of Object.values(apps)) assert.deepEqual(Object.keys(cells!), [...APPLICANT_COLUMNS]);
        if (format === '2021') previous = report;
      }
    }
    // And each closed application counts exactly once over all years.
    const years = [2019, 2020, 2021, 2022, 2023].map(
      (y) => applicationsSection(tallyApplications(facts, y), '2021').total!.total!,
    );
    assert.equal(
      years.reduce((a, b) => a + b, 0),
      facts.filter((f) => f.closedOn !== null && f.closedOn <= '2023-12-31').length,
    );
  }
});

test('the 2019 format merges the three other.* outcomes into one 其他处理 row; 2021 keeps them', () => {
  const facts = [
    fact('2020-01-02', '2020-02-01', 'other.correction_lapsed'),
    fact('2020-01-02', '2020-02-01', 'other.fee_unpaid', {
      applicantType: 'legal_person',
      applicantSubtype: 'business',
    }),
    fact('2020-01-02', '2020-02-01', 'other.other'),
    fact('2020-01-02', '2020-02-01', 'disclosed'),
  ];
  const old = applicationsSection(tallyApplications(facts, 2020), '2019');
  assert.deepEqual(old.other, row(2, 1, 0, 0, 0, 0, 3));
  assert.equal(old['other.fee_unpaid'], undefined);
  assert.equal(old.total?.total, 4);
  const now = applicationsSection(tallyApplications(facts, 2020), '2021');
  assert.equal(now.other, undefined);
  assert.equal(now['other.correction_lapsed']?.total, 1);
  assert.equal(now['other.fee_unpaid']?.business, 1);
  assert.equal(now['other.other']?.total, 1);
  assert.equal(now.total?.total, 4);
});

test('reviewsSection copies the summary and recomputes 总计 (R5)', () => {
  const s = emptyReviews();
  s.reconsideration = { upheld: 2, corrected: 1, other: 0, pending: 1, total: 4 };
  s.litigation_after_reconsideration = { upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 };
  const r = reviewsSection(s);
  assert.deepEqual(r.reconsideration, { upheld: 2, corrected: 1, other: 0, pending: 1, total: 4 });
  assert.deepEqual(r.litigation_direct, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
  assert.equal(r.litigation_after_reconsideration?.total, 1);
});

test('MANUAL_ARTICLE20_FIELDS lists the typed-in cells of each format with official labels', () => {
  const f2021 = MANUAL_ARTICLE20_FIELDS('2021');
  assert.deepEqual(
    f2021.map((f) => f.key),
    ['licensing.decisions', 'penalties.decisions', 'enforcement.decisions', 'fees.amount'],
  );
  // key, row, column, label, decimal, signed
  const field = (f: ManualArticle20Field | undefined) => f && [f.key, f.row, f.column, f.label, f.decimal, f.signed];
  assert.deepEqual(field(f2021.find((f) => f.key === 'fees.amount')), [
    'fees.amount',
    'fees',
    'amount',
    '行政事业性收费：本年收费金额（单位：万元）',
    true,
    false,
  ]);
  const f2019 = MANUAL_ARTICLE20_FIELDS('2019');
  assert.equal(f2019.length, 4 * 3 + 2 + 2);
  assert.deepEqual(field(f2019.find((f) => f.key === 'other_services.change')), [
    'other_services.change',
    'other_services',
    'change',
    '其他对外管理服务事项：本年增/减',
    false,
    true,
  ]);
  assert.ok(f2019.find((f) => f.key === 'procurement.amount')!.decimal);
  assert.ok(!f2019.some((f) => f.row === 'rules' || f.row === 'normative'), 'item (一) is computed');
});

test('article20Section: item (一) from the counts, the rest typed in (blank when not entered)', () => {
  const counts = publicationCounts(2023, {
    newByKind: { rule: 1, normative: 3, other_document: 0, interpretation: 0, news: 0, other: 0 },
    rules: { made: 1, repealed: 0, inForce: 5 },
    normative: { made: 4, repealed: 2, inForce: 40 },
    format2019: { newlyMade: 5, newlyPublished: 4, totalPublished: 46, rulesPublished: 6 },
  });
  const a2021 = article20Section('2021', counts, { licensing: { decisions: 1200 }, fees: { amount: 12.3456 } });
  assert.deepEqual(a2021, {
    rules: { made: 1, repealed: 0, in_force: 5 },
    normative: { made: 4, repealed: 2, in_force: 40 },
    licensing: { decisions: 1200 },
    penalties: { decisions: null },
    enforcement: { decisions: null },
    fees: { amount: 12.3456 },
  });
  const a2019 = article20Section('2019', counts, {
    licensing: { previous_items: 172, change: 8, decisions: 22990 },
    procurement: { projects: 518, amount: 78874.11, unit: '万元' },
  });
  assert.deepEqual(
    a2019.rules,
    { new_made: 1, new_published: 1, total_published: 6 },
    'an expired 规章 still on the portal stays in the 规章 row',
  );
  assert.deepEqual(
    a2019.normative,
    { new_made: 4, new_published: 3, total_published: 40 },
    'the two rows add up to the 2019 counts',
  );
  assert.deepEqual(a2019.licensing, { previous_items: 172, change: 8, decisions: 22990 });
  assert.deepEqual(a2019.other_services, { previous_items: null, change: null, decisions: null });
  assert.deepEqual(a2019.procurement, { projects: 518, amount: 78874.11, unit: '万元' });
  assert.equal(a2019.fees?.amount, undefined, 'the 2019 fees row has no amount');
});

test('composeReport builds a checked-clean report; the format follows the year; before 2019 is refused', () => {
  const facts = randomFacts(seeded(42), 200, 2022, 2023);
  const input = {
    year: 2023,
    organization: { name: '示例区人民政府办公室', creditCode: '11320804MB1234567X' },
    contact: { address: '示例路1号', postcode: '223300', phone: '0517-1234567' },
    tally: tallyApplications(facts, 2023),
    reviews: emptyReviews(),
    publications: publicationCounts(2023),
    manual: {},
  };
  const report = composeReport(input);
  assert.equal(report.format, '2021');
  assert.deepEqual(report.sections, { overview: null, problems: null, other: null });
  assert.deepEqual(checkReport(report), []);
  assert.equal(composeReport({ ...input, year: 2020, tally: tallyApplications(facts, 2020) }).format, '2019');
  assert.throws(() => composeReport({ ...input, year: 2018 }), /2018年度的报告格式不受支持/);
});
