import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkReportText, type CheckedReport } from '../../../src/domain/report-check/check-text.js';
import type { How } from '../../../src/domain/report-check/provenance.js';
import {
  APPLICANT_COLUMNS,
  REVIEW_COLUMNS,
  REVIEW_ROWS,
  type ApplicationRow,
} from '../../../src/domain/reports/annual-report.js';
import { checkReport } from '../../../src/domain/reports/check-report.js';
import { APPLICATION_ROW_LABELS } from '../../../src/domain/reports/labels.js';
import {
  appValues,
  base,
  pipeCells,
  renderReportText,
  replaceOnce,
  replaceRow,
  reviewValues,
  shaped,
  withOverview,
  type Figures,
} from '../../support/unseen-reports.js';

/** Every figure of the truth, as `section|row|column` → value. */
function cells(f: Pick<Figures, 'article20' | 'applications' | 'reviews'>): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const section of ['article20', 'applications', 'reviews'] as const) {
    for (const [row, cols] of Object.entries(f[section])) {
      for (const [col, v] of Object.entries(cols as Record<string, unknown>)) {
        if (col !== 'unit') out.set(`${section}|${row}|${col}`, v as number | null);
      }
    }
  }
  return out;
}

/** Asserts that every figure of `truth` was read, and nothing else; returns the count. */
function assertAllRead(read: CheckedReport, truth: Figures, ctx: string): number {
  const want = cells(truth);
  const got = cells(read);
  for (const [key, v] of want) assert.equal(got.get(key), v, `${ctx}: ${key}`);
  assert.deepEqual([...got.keys()].sort(), [...want.keys()].sort(), `${ctx}: the same figures`);
  return want.size;
}

/** The `how` of every figure of a section row, from the provenance. */
function hows(read: CheckedReport, section: 'article20' | 'applications' | 'reviews', row: string): Set<How> {
  const sources = (read.provenance![section] as Record<string, Record<string, { how: How }>>)[row] ?? {};
  return new Set(Object.values(sources).map((s) => s.how));
}

/** Asserts that the provenance has an entry for every figure read, with a confidence and a snippet. */
function assertProvenanceComplete(read: CheckedReport, ctx: string): void {
  for (const key of cells(read).keys()) {
    const [section, row, col] = key.split('|') as ['article20', string, string];
    const s = (read.provenance![section] as Record<string, Record<string, { confidence: number; snippet: string }>>)[
      row
    ]?.[col];
    assert.ok(s, `${ctx}: provenance of ${key}`);
    assert.ok(s.confidence > 0 && s.confidence <= 1, `${ctx}: confidence of ${key}`);
    assert.ok(s.snippet.length > 0, `${ctx}: snippet of ${key}`);
  }
}

const OUTCOME_ROWS: ApplicationRow[] = [
  'disclosed',
  'withheld.process_information',
  'withheld.internal_affairs',
  'unavailable.not_held',
  'withheld.state_secret',
  'not_processed.repeated',
];

/** A copy of the figures with every count of section 三 and 四 multiplied (the rules stay true). */
function scaled(f: Figures, k: number): Figures {
  const out = structuredClone(f);
  for (const row of Object.values(out.applications)) {
    for (const c of APPLICANT_COLUMNS) row![c] = (row![c] as number) * k;
  }
  for (const r of REVIEW_ROWS) for (const c of REVIEW_COLUMNS) out.reviews[r]![c] = (out.reviews[r]![c] as number) * k;
  return out;
}

let figuresRead = 0;

// Class 2: section titles that differ from the standard; the tables are found by their place and shape.
const REVIEW_TITLES = [
  '（四）因政府信息公开工作被申请行政复议和提起行政诉讼情况',
  '第四部分 政府信息公开行政复议、行政诉讼情况',
  '4 因政府信息公开工作被申请行政复议、提起行政诉讼的情况',
  '四、政府信息公开行政复议、行政诉讼', // run into the table below (same line)
  '', // no title at all: the table alone
  '（四）行政复议和行政诉讼',
];
const PROBLEM_TITLES = [
  '五、存在的问题与不足',
  '（五）主要问题及改进措施',
  '第五部分 问题和改进措施',
  '五、下一步工作计划',
  '五、存在的主要问题及改进情况',
  '5.存在的不足及改进措施',
];

test('class 2: sections 四 and 五 with other titles or numbering, or none: every figure read, no finding', () => {
  const shapes = ['pipe', 'spaces', 'lines'] as const;
  REVIEW_TITLES.forEach((title, i) => {
    const { figures, year } = base(200 + i, i % 2 === 0 ? '2021' : '2019');
    let text = renderReportText(figures, year, 'pipe');
    const runInto = i === 3;
    text = replaceOnce(text, '四、政府信息公开行政复议、行政诉讼情况\n', runInto ? title : title ? `${title}\n` : '');
    text = replaceOnce(text, '五、存在的主要问题及改进情况', PROBLEM_TITLES[i]!);
    if (i === 2) text = replaceOnce(text, '三、收到和处理政府信息公开申请情况', '三、依申请公开政府信息情况');
    const shape = shapes[i % 3]!;
    const read = checkReportText(shaped(text, shape), { explain: true });
    const ctx = `class 2 #${i} (${shape})`;
    figuresRead += assertAllRead(read, figures, ctx);
    assert.deepEqual(read.findings, [], ctx);
    assert.equal(read.complete, true, ctx);
    assert.ok(read.sections.problems?.startsWith('一是公开质量有待提高'), ctx);
    assert.deepEqual([...hows(read, 'reviews', 'reconsideration')], [shape === 'spaces' ? 'text' : 'cell'], ctx);
    assertProvenanceComplete(read, ctx);
  });
});

/** The same row with its zero cells printed blank. */
const blanked = (values: number[]): (number | null)[] => values.map((v) => (v === 0 ? null : v));

/** Seeds whose row has both zero and non-zero cells (a blank to place and a number to place). */
function mixedRow(f: Figures, from: ApplicationRow[]): ApplicationRow {
  const row = from.find((r) => {
    const v = appValues(f, r);
    return v.some((x) => x === 0) && v.slice(0, 6).some((x) => x !== 0);
  });
  if (!row) throw new Error('fixture: no row with blanks to drop');
  return row;
}

test('class 3: blank cells dropped by the copy are placed back by the column count, totals and R1/R4', () => {
  for (let i = 0; i < 6; i++) {
    const { figures, year } = base(300 + i, i % 3 === 2 ? '2019' : '2021');
    const outcome = mixedRow(figures, OUTCOME_ROWS);
    const damaged: ApplicationRow[] = [outcome];
    if (appValues(figures, 'new').some((v) => v === 0)) damaged.push('new');
    let text = renderReportText(figures, year, 'pipe');
    const truth = structuredClone(figures);
    for (const row of damaged) {
      const values = appValues(figures, row);
      text = replaceRow(text, APPLICATION_ROW_LABELS[row], `| ${pipeCells(values)}`, `| ${pipeCells(blanked(values))}`);
      truth.applications[row] = Object.fromEntries(APPLICANT_COLUMNS.map((c, k) => [c, blanked(values)[k]]));
    }
    assert.deepEqual(checkReport(truth), [], 'a blank counts as 0: the damaged report is still valid');
    // Pipe rows keep the blank cells in place; flat text drops them.
    const pipe = checkReportText(text, { explain: true });
    figuresRead += assertAllRead(pipe, truth, `class 3 #${i} pipe`);
    for (const row of damaged) assert.deepEqual([...hows(pipe, 'applications', row)], ['cell'], `#${i} ${row}`);
    const flat = checkReportText(shaped(text, 'spaces'), { explain: true });
    const ctx = `class 3 #${i} flat (${damaged.join(', ')})`;
    figuresRead += assertAllRead(flat, truth, ctx);
    assert.deepEqual(flat.findings, [], ctx);
    for (const row of damaged) assert.deepEqual([...hows(flat, 'applications', row)], ['inferred'], `${ctx} ${row}`);
    assert.deepEqual([...hows(flat, 'applications', 'total')], ['text'], ctx);
    assertProvenanceComplete(flat, ctx);
  }
});

test('class 3: a blank section-四 cell in flat text: the cells R5 and the prose single out are read, the others left absent', () => {
  let full = 0;
  for (let i = 0; i < 8; i++) {
    const { figures, year } = base(350 + i);
    const values = reviewValues(figures);
    if (!values.some((v) => v === 0)) continue;
    const truth = structuredClone(figures);
    REVIEW_ROWS.forEach((r, g) => {
      truth.reviews[r] = Object.fromEntries(REVIEW_COLUMNS.map((c, k) => [c, blanked(values)[g * 5 + k]]));
    });
    let text = replaceOnce(
      renderReportText(figures, year, 'pipe'),
      `\n${pipeCells(values)}`,
      `\n${pipeCells(blanked(values))}`,
    );
    text = withOverview(text, `全年发生政府信息公开行政复议${values[4]}件，行政诉讼${values[9]! + values[14]!}件。`);
    const read = checkReportText(shaped(text, 'spaces'), { explain: true });
    const ctx = `class 3 reviews #${i}`;
    const want = cells(truth);
    const got = [...cells(read)].filter(([k]) => k.startsWith('reviews|'));
    for (const [key, v] of got) assert.equal(v, want.get(key), `${ctx}: ${key} is never a wrong figure`);
    for (const r of REVIEW_ROWS) assert.equal(read.reviews[r]?.total, truth.reviews[r]!.total, `${ctx}: ${r} total`);
    assert.equal(read.provenance!.reviews.reconsideration!.total!.how, 'inferred', ctx);
    const readAll = got.length === 15;
    assert.equal(read.findings.length, readAll ? 0 : 1, ctx);
    if (!readAll) assert.equal(read.findings[0]!.rule, 'missing', ctx);
    if (readAll) full++;
    // The tables of sections 二 and 三 are untouched and read as text.
    figuresRead += got.length + assertAllRead({ ...read, reviews: {} }, { ...truth, reviews: {} }, ctx);
  }
  assert.ok(full >= 0);
});

test('class 4: digits run together are split by R3 and the column rules R1/R4 over the table', () => {
  for (let i = 0; i < 6; i++) {
    const { figures: small, year } = base(400 + i, i % 3 === 2 ? '2019' : '2021');
    const figures = scaled(small, 37); // multi-digit cells: many ways to cut a run of digits
    let text = renderReportText(figures, year, 'pipe');
    const outcome = OUTCOME_ROWS.slice(i % 3).find((r) => (figures.applications[r]!.total as number) > 0)!;
    const glued: ApplicationRow[] = ['new', outcome];
    for (const row of glued) {
      const values = appValues(figures, row);
      text = replaceRow(text, APPLICATION_ROW_LABELS[row], `| ${pipeCells(values)}`, `| ${values.join('')} |`);
    }
    const read = checkReportText(shaped(text, 'spaces'), { explain: true });
    const ctx = `class 4 #${i}`;
    figuresRead += assertAllRead(read, figures, ctx);
    assert.deepEqual(read.findings, [], ctx);
    for (const row of glued) assert.deepEqual([...hows(read, 'applications', row)], ['inferred'], `${ctx} ${row}`);
    assertProvenanceComplete(read, ctx);
  }
});

/** Section-四 rows with their digits run together: [seed, scale]; 463×7 is one R5 alone cannot split. */
const GLUED_REVIEWS: [number, number][] = [
  [463, 7],
  [450, 13],
  [451, 13],
  [452, 13],
  [453, 13],
  [454, 13],
];

function gluedReviews(seed: number, k: number, sentence: boolean): { text: string; figures: Figures } {
  const { figures: small, year } = base(seed);
  const figures = scaled(small, k);
  const values = reviewValues(figures);
  let text = replaceOnce(renderReportText(figures, year, 'pipe'), `\n${pipeCells(values)}`, `\n${values.join('')} |`);
  const stated = `全年发生政府信息公开行政复议${values[4]}件，行政诉讼${values[9]! + values[14]!}件。`;
  if (sentence) text = withOverview(text, stated);
  return { text: shaped(text, 'spaces'), figures };
}

test('class 4: a run-together section-四 row is split by R5 and, where R5 leaves several splits, by the prose', () => {
  for (const [seed, k] of GLUED_REVIEWS) {
    const ctx = `class 4 reviews ${seed}×${k}`;
    const { text, figures } = gluedReviews(seed, k, true);
    const read = checkReportText(text, { explain: true });
    figuresRead += assertAllRead(read, figures, ctx);
    assert.deepEqual(read.findings, [], ctx);
    const source = read.provenance!.reviews.reconsideration!.total!;
    assert.equal(source.how, 'inferred', ctx);
    const withoutProse = checkReportText(gluedReviews(seed, k, false).text);
    const alone = [...cells(withoutProse).keys()].filter((key) => key.startsWith('reviews|')).length;
    if (seed === 463) {
      // R5 alone leaves several splits: without the sentence only the agreed cells are read, with a finding.
      assert.ok(alone < 15, ctx);
      assert.ok(
        withoutProse.findings.some((f) => f.rule === 'missing' && f.where.section === 'reviews'),
        ctx,
      );
      assert.equal(source.confidence, 0.75, ctx);
    } else {
      assert.equal(alone, 15, ctx);
      assert.equal(source.confidence, 0.9, ctx);
    }
  }
});

test('class 4: when two splits stay equally consistent the cells they disagree on are left absent, never guessed', () => {
  const { text, figures } = gluedReviews(450, 11, true);
  const read = checkReportText(text);
  const truth = cells(figures);
  const got = [...cells(read)].filter(([key]) => key.startsWith('reviews|'));
  assert.ok(got.length > 0 && got.length < 15);
  for (const [key, v] of got) assert.equal(v, truth.get(key), key);
  assert.deepEqual(
    read.findings.map((f) => [f.rule, f.where.section]),
    [['missing', 'reviews']],
  );
});

/** Last year's figures with the given 现行有效件数 (R7: this year's = last year's + 制发 − 废止). */
const lastYear = (rules: number, normative: number): Pick<Figures, 'article20' | 'applications' | 'reviews'> => ({
  article20: { rules: { in_force: rules }, normative: { in_force: normative } },
  applications: {},
  reviews: {},
});

test('class 5: a blank 2021 section-二 cell keeps its column: in place in pipe rows, placed by R7 in flat text', () => {
  const columns = ['made', 'repealed', 'in_force'] as const;
  for (let i = 0; i < 6; i++) {
    const { figures, year } = base(500 + i);
    const row = i % 2 === 0 ? 'rules' : 'normative';
    const entry = figures.article20[row]!;
    const blank = columns[i % 3]!;
    Object.assign(entry, { made: 2 + i, repealed: 1, in_force: 20 + 3 * i }); // non-zero: a blank is not a 0
    const values = columns.map((c) => entry[c] as number);
    const printed = values.map((v, k) => (columns[k] === blank ? null : v));
    const truth = structuredClone(figures);
    truth.article20[row] = { ...entry, [blank]: null };
    const label = row === 'rules' ? '规章' : '行政规范性文件';
    const text = replaceOnce(
      renderReportText(figures, year, 'pipe'),
      `\n${label} | ${pipeCells(values)}`,
      `\n${label} | ${pipeCells(printed)}`,
    );
    const ctx = `class 5 #${i} ${row} ${blank} blank`;
    // Pipe rows: the blank keeps its place.
    const pipe = checkReportText(text, { explain: true });
    figuresRead += assertAllRead(pipe, truth, `${ctx} pipe`);
    assert.deepEqual([...hows(pipe, 'article20', row)], ['cell'], ctx);
    // Flat text: R7 with last year's stock places the numbers; the blank is then a blank (0 in R7).
    // A blank 本年废止 and a blank 现行有效 satisfy R7 alike ([m, _, f] and [m, f, _]): the prose decides.
    // A blank 现行有效 itself breaks R7 (the stock is not 0), so that row stays absent whatever is known.
    const t = truth.article20[row]!;
    const before = (entry.in_force as number) - (t.made ?? 0) + (t.repealed ?? 0); // the printed blank is 0
    const other = truth.article20[row === 'rules' ? 'normative' : 'rules']!;
    const otherBefore = (other.in_force ?? 0) - (other.made ?? 0) + (other.repealed ?? 0);
    const previous = row === 'rules' ? lastYear(before, otherBefore) : lastYear(otherBefore, before);
    const flatText = shaped(text, 'spaces');
    const stated = blank === 'repealed' ? `现行有效${label}${entry.in_force}件。` : '';
    const flat = checkReportText(stated ? withOverview(flatText, stated) : flatText, { explain: true, previous });
    if (blank === 'in_force') {
      assert.equal(flat.article20[row], undefined, ctx);
      assert.ok(
        flat.findings.some((f) => f.rule === 'missing' && f.where.row === row),
        ctx,
      );
    } else {
      figuresRead += assertAllRead(flat, truth, `${ctx} flat`);
      assert.deepEqual([...hows(flat, 'article20', row)], ['inferred'], ctx);
      assert.equal(flat.provenance!.article20[row]!.in_force!.confidence, stated ? 0.75 : 0.85, ctx);
      assert.deepEqual(flat.findings, [], ctx);
    }
    // Without last year's report the row is left absent with a finding: its numbers never slide left.
    const alone = checkReportText(flatText);
    assert.equal(alone.article20[row], undefined, ctx);
    assert.ok(
      alone.findings.some((f) => f.rule === 'missing' && f.where.row === row),
      `${ctx}: ${JSON.stringify(alone.findings)}`,
    );
  }
});

test('class 4: a run-together 2021 规章/规范性文件 row is split by R7 with last year, or by the figures the prose states', () => {
  for (let i = 0; i < 4; i++) {
    const { figures, year } = base(550 + i);
    const entry = figures.article20.normative!;
    Object.assign(entry, { made: 12 + i, repealed: 3, in_force: 105 + i });
    const values = [entry.made, entry.repealed, entry.in_force] as number[];
    const glued = replaceOnce(
      renderReportText(figures, year, 'pipe'),
      `\n行政规范性文件 | ${pipeCells(values)}`,
      `\n行政规范性文件 | ${values.join('')} |`,
    );
    const ctx = `class 4 section 二 #${i}`;
    const alone = checkReportText(shaped(glued, 'spaces'));
    assert.equal(alone.article20.normative, undefined, ctx);
    assert.match(
      alone.findings.map((f) => f.message).join('\n'),
      /行政规范性文件”行数字连在一起，有\d+种拆分方式/,
      ctx,
    );
    const byR7 = checkReportText(shaped(glued, 'spaces'), {
      explain: true,
      previous: lastYear(0, (entry.in_force as number) - (entry.made as number) + 3),
    });
    figuresRead += assertAllRead(byR7, figures, `${ctx} R7`);
    assert.equal(byR7.provenance!.article20.normative!.made!.confidence, 0.85, ctx);
    const sentence = `本年制发行政规范性文件${entry.made}件，现行有效行政规范性文件${entry.in_force}件。`;
    const byProse = checkReportText(withOverview(shaped(glued, 'spaces'), sentence), { explain: true });
    figuresRead += assertAllRead(byProse, figures, `${ctx} prose`);
    assert.deepEqual(byProse.findings, [], ctx);
    assert.equal(byProse.provenance!.article20.normative!.in_force!.how, 'inferred', ctx);
  }
});

test('prose figures: stated counts are compared with the tables on every shape; no finding where none belongs', () => {
  for (const [i, shape] of (['pipe', 'spaces', 'lines'] as const).entries()) {
    const { figures, year } = base(600 + i);
    const received = figures.applications.new!.total as number;
    const recon = figures.reviews.reconsideration!.total as number;
    const lit =
      (figures.reviews.litigation_direct!.total as number) +
      (figures.reviews.litigation_after_reconsideration!.total as number);
    const pipe = renderReportText(figures, year, 'pipe');
    const right =
      `全年主动公开政府信息1234条。共受理政府信息公开申请${received}件。` +
      `全年发生政府信息公开行政复议${recon}件，行政诉讼${lit}件。较上年的行政复议${recon + 7}件有所下降。`;
    const ok = checkReportText(shaped(withOverview(pipe, right), shape));
    assert.deepEqual(ok.findings, [], `${shape}: the stated figures agree`);
    const wrong = `共受理政府信息公开申请${received + 5}件。全年发生行政复议${recon + 1}件，行政诉讼${lit + 2}件。`;
    const bad = checkReportText(shaped(withOverview(pipe, wrong), shape));
    assert.deepEqual(
      bad.findings.map((f) => [f.rule, f.where.section, f.where.excerpt]),
      [
        ['prose', 'applications', `受理政府信息公开申请${received + 5}件`],
        ['prose', 'reviews', `行政复议${recon + 1}件`],
        ['prose', 'reviews', `行政诉讼${lit + 2}件`],
      ],
      shape,
    );
  }
});

test('the fixtures of every class were read figure by figure', (t) => {
  t.diagnostic(`figures compared with the truth: ${figuresRead}`);
  assert.ok(figuresRead > 2000);
});
