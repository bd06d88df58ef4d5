// 互动回应差: messages left unanswered for more than 3 months within the year before the monitoring point.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { interactionFindings } from './interaction.js';

const column = { name: '咨询投诉', url: 'http://x/zx/' };

describe('interactionFindings', () => {
  it('reports messages unanswered or answered after more than 90 days, within the year', () => {
    const [f] = interactionFindings(
      column,
      [
        { receivedOn: '2026-08-01', answeredOn: null },
        { receivedOn: '2026-03-01', answeredOn: '2026-06-10' },
        { receivedOn: '2026-09-10', answeredOn: null },
        { receivedOn: '2025-11-01', answeredOn: null },
        { receivedOn: '2026-01-01', answeredOn: null, valid: false },
      ],
      '2026-12-01',
    );
    assert.deepEqual(
      [f?.rule, f?.severity, f?.evidence.late, f?.evidence.oldestReceivedOn],
      ['interaction_unanswered', 'veto', 2, '2026-03-01'],
    );
  });
  it('nothing when every message was answered in time', () => {
    assert.deepEqual(interactionFindings(column, [{ receivedOn: '2026-11-01', answeredOn: null }], '2026-12-01'), []);
  });
});
