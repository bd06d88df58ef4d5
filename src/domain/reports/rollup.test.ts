// Unit tests of the rollup (汇总): every cell summed, decimals kept, blanks kept blank, units and
// the 其他处理 row mapped between formats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_ROWS, applicationRows, type AnnualReport } from './annual-report.js';
import { checkReport } from './check-report.js';
import { applicationsSection, composeReport, rollupReports, tallyApplications } from './compute.js';
import { sumCells } from './rollup.js';
import { emptyReviews, publicationCounts, randomFacts, seeded } from './test-support.js';

const meta = {
  year: 2023,
  organization: { name: '示例区', creditCode: null },
  contact: { address: null, postcode: null, phone: null },
};

function unit(seed: number, manual: Parameters<typeof composeReport>[0]['manual'] = {}, year = 2023): AnnualReport {
  const reviews = emptyReviews();
  reviews.reconsideration = { upheld: seed, corrected: 1, other: 0, pending: 0, total: seed + 1 };
  return composeReport({
    year,
    organization: { name: `单位${seed}`, creditCode: null },
    contact: { address: null, postcode: null, phone: null },
    tally: tallyApplications(randomFacts(seeded(seed), 150, year - 1, year), year),
    reviews,
    publications: publicationCounts(year, {
      rules: { made: seed, repealed: 0, inForce: 10 * seed },
      normative: { made: 1, repealed: 1, inForce: 3 },
    }),
    manual,
  });
}

test('sumCells: blanks count as 0 unless every value is blank; no floating drift', () => {
  assert.equal(sumCells([null, undefined]), null);
  assert.equal(sumCells([]), null);
  assert.equal(sumCells([null, 2, undefined, 3]), 5);
  assert.equal(sumCells([0.1, 0.2]), 0.3);
  assert.equal(sumCells([78874.11, 0.01, 1.22]), 78875.34);
});

test('the rollup sums every cell of every unit and stays consistent (R1–R5)', () => {
  const units = [
    unit(1, { licensing: { decisions: 10 }, fees: { amount: 1.25 } }),
    unit(2, { licensing: { decisions: 5 }, penalties: { decisions: 7 }, fees: { amount: 0.1 } }),
    unit(3, { fees: { amount: 0.2 } }),
  ];
  const r = rollupReports(units, meta);
  assert.equal(r.format, '2021');
  assert.equal(r.year, 2023);
  assert.deepEqual(r.organization, meta.organization);
  assert.deepEqual(r.sections, { overview: null, problems: null, other: null });
  for (const row of applicationRows('2021')) {
    for (const c of APPLICANT_COLUMNS) {
      assert.equal(
        r.applications[row]![c],
        units.reduce((s, u) => s + u.applications[row]![c]!, 0),
        `${row}.${c}`,
      );
    }
  }
  for (const row of REVIEW_ROWS) {
    for (const c of REVIEW_COLUMNS) {
      assert.equal(
        r.reviews[row]![c],
        units.reduce((s, u) => s + u.reviews[row]![c]!, 0),
      );
    }
  }
  assert.deepEqual(r.article20.rules, { made: 6, repealed: 0, in_force: 60 });
  assert.deepEqual(r.article20.licensing, { decisions: 15 });
  assert.deepEqual(r.article20.penalties, { decisions: 7 });
  assert.deepEqual(r.article20.enforcement, { decisions: null }, 'blank in every unit stays blank');
  assert.deepEqual(r.article20.fees, { amount: 1.55 }, 'amounts keep their decimals');
  assert.deepEqual(checkReport(r), []);
});

test('rolling up 2021-format units into a 2019-format rollup merges （六）1–3; the reverse lands in （六）3', () => {
  const a = unit(5);
  const b = { ...unit(6, {}, 2020) };
  const r2019 = rollupReports([a, b], { ...meta, year: 2020 });
  assert.equal(r2019.format, '2019');
  for (const c of APPLICANT_COLUMNS) {
    const expected =
      ['other.correction_lapsed', 'other.fee_unpaid', 'other.other'].reduce(
        (s, k) => s + a.applications[k as 'other.other']![c]!,
        0,
      ) + b.applications.other![c]!;
    assert.equal(r2019.applications.other![c], expected);
  }
  assert.deepEqual(checkReport(r2019), []);
  const r2021 = rollupReports([a, b], meta);
  for (const c of APPLICANT_COLUMNS) {
    assert.equal(r2021.applications['other.other']![c], a.applications['other.other']![c]! + b.applications.other![c]!);
  }
  assert.deepEqual(checkReport(r2021), []);
});

test('procurement amounts in 元 and 万元 are summed in 万元; one common unit is kept', () => {
  const base = (procurement: object): AnnualReport => ({
    ...unit(1, {}, 2020),
    article20: { procurement: procurement as AnnualReport['article20']['procurement'] },
  });
  const same = rollupReports(
    [base({ projects: 2, amount: 10.5, unit: '万元' }), base({ projects: 1, amount: 0.25, unit: '万元' })],
    { ...meta, year: 2020 },
  );
  assert.deepEqual(same.article20.procurement, { projects: 3, amount: 10.75, unit: '万元' });
  const mixed = rollupReports(
    [base({ projects: 2, amount: 10.5, unit: '万元' }), base({ projects: 1, amount: 2500, unit: '元' })],
    { ...meta, year: 2020 },
  );
  assert.deepEqual(mixed.article20.procurement, { projects: 3, amount: 10.75, unit: '万元' });
});

test('an empty rollup is all blank; applicationsSection of nothing is all zero', () => {
  const r = rollupReports([], meta);
  assert.equal(r.applications.new!.total, null);
  assert.equal(applicationsSection([], '2021').new!.total, 0);
});
