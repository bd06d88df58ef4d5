import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applicationRows, outcomeRows } from '../reports/annual-report.js';
import { OUTCOMES } from './application.js';
import { LAPSE_OUTCOMES, OUTCOME_INFO, isOutcome, outcomeCitation, reportRow } from './outcomes.js';

describe('outcome codes', () => {
  const articles: [string, string | null][] = [
    ['disclosed', '第三十六条第二项'],
    ['partially_disclosed', '第三十七条'],
    ['withheld.state_secret', '第十四条'],
    ['withheld.prohibited_by_law', '第十四条'],
    ['withheld.security_stability', '第十四条'],
    ['withheld.third_party_rights', '第十五条'],
    ['withheld.internal_affairs', '第十六条第一款'],
    ['withheld.process_information', '第十六条第二款'],
    ['withheld.enforcement_file', '第十六条第二款'],
    ['withheld.inquiry_matter', '第三十六条第七项'],
    ['unavailable.not_held', '第三十六条第四项'],
    ['unavailable.needs_creation', '第三十八条'],
    ['unavailable.still_unclear', '第三十条'],
    ['not_processed.petition_or_complaint', '第三十九条第一款'],
    ['not_processed.repeated', '第三十六条第六项'],
    ['not_processed.publication', '第三十九条第二款'],
    ['not_processed.excessive', '第三十五条'],
    ['not_processed.confirmation', null],
    ['other.correction_lapsed', '第三十条'],
    ['other.fee_unpaid', '第四十二条'],
    ['other.other', null],
  ];
  it('should rest each outcome on the article its report row maps to', () => {
    assert.deepEqual(
      OUTCOMES.map((o) => [o, OUTCOME_INFO[o].article]),
      articles,
    );
  });

  it('should carry the section 三 row labels and groups', () => {
    assert.equal(OUTCOME_INFO['withheld.state_secret'].label, '1.属于国家秘密');
    assert.equal(OUTCOME_INFO['withheld.state_secret'].groupLabel, '（三）不予公开');
    assert.equal(
      OUTCOME_INFO['other.fee_unpaid'].label,
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    );
    assert.equal(OUTCOME_INFO['unavailable.still_unclear'].group, 'unavailable');
    assert.equal(OUTCOME_INFO.disclosed.groupLabel, '（一）予以公开');
  });

  it('should fold other.* into the single 其他处理 row of the 2019 format', () => {
    assert.equal(reportRow('other.correction_lapsed', '2019'), 'other');
    assert.equal(reportRow('other.fee_unpaid', '2019'), 'other');
    assert.equal(reportRow('other.correction_lapsed', '2021'), 'other.correction_lapsed');
    assert.equal(reportRow('withheld.state_secret', '2019'), 'withheld.state_secret');
  });

  it('should map every outcome to a row that exists in each format', () => {
    for (const format of ['2019', '2021'] as const) {
      const rows = new Set(outcomeRows(format));
      for (const o of OUTCOMES) {
        assert.ok(rows.has(reportRow(o, format)), `${o} ${format}`);
        assert.ok(applicationRows(format).includes(reportRow(o, format)));
      }
    }
  });

  it('should cite for notices, with the fee measures where they apply', () => {
    assert.equal(
      outcomeCitation('unavailable.not_held'),
      '《中华人民共和国政府信息公开条例》第三十六条第四项、第三十六条第五项',
    );
    assert.match(outcomeCitation('other.fee_unpaid') ?? '', /第四十二条和《政府信息公开信息处理费管理办法》/);
    assert.equal(outcomeCitation('other.other'), null);
  });

  it('should know its own codes and the lapse-only ones', () => {
    assert.ok(isOutcome('not_processed.repeated'));
    assert.ok(!isOutcome('refused'));
    assert.deepEqual(LAPSE_OUTCOMES, ['other.correction_lapsed', 'other.fee_unpaid']);
  });
});
