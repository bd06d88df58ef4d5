// Unit tests of correcting and withdrawing a published report: the 更正说明's rules (each field's Chinese error), the
// withdrawal's reason, the versions' standing (current, 已更正 with the date, withdrawn), what a correction starts
// from and what it changed; and the 说明 of the computed tables beside them in the back office's rendering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate } from '../core/local-date.js';
import { composeReport } from './compute.js';
import { computedFigureNotes } from './figure-notes.js';
import { renderReportBody } from './render-html.js';
import {
  editablePartsOf,
  parseCorrectionNote,
  parseWithdrawReason,
  publicCorrectionNotes,
  reportChanges,
  sameReport,
  versionHistory,
  type VersionFacts,
} from './report-correction.js';
import { emptyReviews, publicationCounts } from './test-support.js';

const bounds = { today: localDate('2026-03-10'), correctedSince: localDate('2026-01-20') };

/** A 2025 report with 12 licensing decisions typed in and the given narrative. */
const report = (licensing: number | null, overview = '总体情况。') =>
  composeReport({
    year: 2025,
    organization: { name: '示例区教育局', creditCode: '11110000000000000X' },
    contact: { address: null, postcode: null, phone: null },
    tally: [],
    reviews: emptyReviews(),
    publications: publicationCounts(2025, { normative: { made: 1, repealed: 0, inForce: 3 } }),
    manual: { licensing: { decisions: licensing } },
    sections: { overview, problems: '问题。', other: '无。' },
  });

test('should accept a complete 更正说明, trimmed', () => {
  const parsed = parseCorrectionNote(
    { correctedOn: ' 2026-03-05 ', correctionWhat: ' 第二部分行政许可件数由12改为13。\r\n', correctionWhy: '统计遗漏' },
    bounds,
  );
  assert.deepEqual(parsed, {
    ok: true,
    value: { on: '2026-03-05', what: '第二部分行政许可件数由12改为13。', why: '统计遗漏' },
  });
});

test('should name every missing or wrong field of the 更正说明 in Chinese at once', () => {
  const missing = parseCorrectionNote({ correctedOn: '', correctionWhat: '  ', correctionWhy: undefined }, bounds);
  assert.deepEqual(missing, {
    ok: false,
    error: {
      correctedOn: '请填写更正日期',
      correctionWhat: '请填写更正内容：更正了报告的哪一部分、哪些数字或文字',
      correctionWhy: '请填写更正原因',
    },
  });
  const errorOf = (correctedOn: string) => {
    const r = parseCorrectionNote({ correctedOn, correctionWhat: '改', correctionWhy: '因' }, bounds);
    return r.ok ? null : r.error.correctedOn;
  };
  assert.equal(errorOf('2026-02-30'), '更正日期应为真实日期，格式如 2026-03-05');
  assert.equal(errorOf('2026-03-11'), '更正日期不能晚于今天（2026年3月10日）');
  assert.equal(errorOf('2026-01-19'), '更正日期不能早于被更正版本的发布日期（2026年1月20日）');
  assert.equal(errorOf('2026-01-20'), null, 'the day the corrected version went public');
  const long = parseCorrectionNote(
    { correctedOn: '2026-03-10', correctionWhat: '改'.repeat(2001), correctionWhy: '因' },
    bounds,
  );
  assert.deepEqual(long, { ok: false, error: { correctionWhat: '更正内容最多 2000 字' } });
});

test('should require a withdrawal reason', () => {
  assert.deepEqual(parseWithdrawReason('  含有个人信息，需删除后重新发布 '), {
    ok: true,
    value: '含有个人信息，需删除后重新发布',
  });
  assert.deepEqual(parseWithdrawReason(' '), {
    ok: false,
    error: { reason: '请填写撤回理由：说明报告为什么要从门户网站撤下' },
  });
  assert.equal(parseWithdrawReason('理'.repeat(2001)).ok, false);
});

test('should mark each earlier version 已更正 on the date of the correction that replaced it', () => {
  const note = (on: string) => ({ on: localDate(on), what: '改', why: '因' });
  const v = (version: number, over: Partial<VersionFacts> = {}): VersionFacts => ({
    version,
    publishedAt: `2026-0${version}-01T02:00:00.000Z`,
    correction: version > 1 ? note(`2026-0${version}-01`) : null,
    withdrawnAt: null,
    ...over,
  });
  assert.deepEqual(
    versionHistory([v(3), v(1), v(2)]).map((e) => [e.version, e.status]),
    [
      [1, { kind: 'corrected', on: '2026-02-01', by: 2 }],
      [2, { kind: 'corrected', on: '2026-03-01', by: 3 }],
      [3, { kind: 'current' }],
    ],
  );
  // Withdrawn versions stay withdrawn; the republished one is current and corrects none of them.
  const at = '2026-02-15T02:00:00.000Z';
  assert.deepEqual(
    versionHistory([v(1, { withdrawnAt: at }), v(2, { withdrawnAt: at }), v(3)]).map((e) => e.status.kind),
    ['withdrawn', 'withdrawn', 'current'],
  );
  assert.deepEqual(versionHistory([]), []);
});

test('should show on the portal the 更正说明 of the versions still public only', () => {
  const note = (on: string) => ({ on: localDate(on), what: `改${on}`, why: '因' });
  const v = (version: number, withdrawnAt: string | null = null): VersionFacts => ({
    version,
    publishedAt: `2026-0${version}-01T02:00:00.000Z`,
    correction: version > 1 ? note(`2026-0${version}-01`) : null,
    withdrawnAt,
  });
  assert.deepEqual(
    publicCorrectionNotes(versionHistory([v(1), v(2), v(3)])).map((n) => n.on),
    ['2026-02-01', '2026-03-01'],
  );
  const at = '2026-02-15T02:00:00.000Z';
  assert.deepEqual(
    publicCorrectionNotes(versionHistory([v(1, at), v(2, at), v(3)])).map((n) => n.on),
    ['2026-03-01'],
    "a withdrawn version's note left the portal with it",
  );
});

test('should start a correction from the published narrative and typed figures, not the computed ones', () => {
  const parts = editablePartsOf(report(12));
  assert.deepEqual(parts.sections, { overview: '总体情况。', problems: '问题。', other: '无。' });
  assert.equal(parts.figures.licensing?.decisions, 12);
  assert.equal(parts.figures.penalties?.decisions, null, 'a blank cell stays blank');
  assert.equal(parts.figures.normative, undefined, 'section 二 (一) is computed again');
});

test('should list what a correction changed, and see no change where there is none', () => {
  const before = report(12);
  assert.equal(sameReport(before, report(12)), true);
  assert.deepEqual(reportChanges(before, report(12)), []);
  const after = report(13, '总体情况（更正）。');
  assert.equal(sameReport(before, after), false);
  assert.deepEqual(reportChanges(before, after), [
    '一、总体情况：文字有修改',
    '主动公开政府信息情况 / 行政许可 / 处理决定数量：12 → 13',
  ]);
  assert.deepEqual(reportChanges(before, report(null)), ['主动公开政府信息情况 / 行政许可 / 处理决定数量：12 → 空白']);
});

test('should explain each computed table beside it, with the counting rules in force', () => {
  const notes = computedFigureNotes('2021', 'filing_year');
  const html = renderReportBody(report(12), '2021', { notes });
  const after = (caption: string) => html.slice(html.indexOf(caption));
  assert.match(after('<h2 id="s2">'), /<\/table>\n<p class="figure-note"><strong>说明：<\/strong>第（一）项/);
  assert.match(notes.article20, /已撤稿的信息视为从未发布/);
  assert.match(notes.article20, /本年废止＝失效或废止日期在本年的文件/);
  assert.match(notes.reviews, /按立案年度统计/);
  assert.match(computedFigureNotes('2021', 'result_year').reviews, /按结果年度统计/);
  assert.match(computedFigureNotes('2019', 'result_year').article20, /对外公开总数量/);
  assert.equal((html.match(/class="figure-note"/g) ?? []).length, 3, 'sections 二、三、四');
  assert.doesNotMatch(renderReportBody(report(12), '2021'), /figure-note/, 'the portal shows none');
});
