import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { localDate as D } from '../core/local-date.js';
import { RULES_2007, RULES_2019, rulesFor } from './rules.js';

describe('rulesFor', () => {
  it('should pick the 2019 Regulation from 2019-05-15 and the 2007 one before', () => {
    assert.equal(rulesFor(D('2019-05-15')).version, '2019');
    assert.equal(rulesFor(D('2025-10-01')).version, '2019');
    assert.equal(rulesFor(D('2019-05-14')).version, '2007');
    assert.equal(rulesFor(D('2005-01-01')).version, '2007');
  });

  it('should carry the statutory periods', () => {
    assert.deepEqual(
      [
        RULES_2019.replyWorkingDays,
        RULES_2019.maxExtensionWorkingDays,
        RULES_2019.correctionNoticeWorkingDays,
        RULES_2019.consultationWorkingDays,
        RULES_2019.feePaymentWorkingDays,
      ],
      [20, 20, 7, 15, 20],
    );
    assert.deepEqual(
      [RULES_2007.replyWorkingDays, RULES_2007.maxExtensionWorkingDays, RULES_2007.correctionNoticeWorkingDays],
      [15, 15, null],
    );
    assert.equal(RULES_2019.feePeriodStopsClock, true);
  });

  it('should apply office overrides without touching the statutory maxima', () => {
    const rules = rulesFor(D('2025-01-01'), {
      feePeriodStopsClock: false,
      dueSoonWorkingDays: 3,
      consultationWorkingDays: undefined,
    });
    assert.equal(rules.feePeriodStopsClock, false);
    assert.equal(rules.dueSoonWorkingDays, 3);
    assert.equal(rules.consultationWorkingDays, 15);
    assert.equal(RULES_2019.feePeriodStopsClock, true);
    assert.ok(Object.isFrozen(rules));
  });
});
