// The draft "为本文件起草解读" starts from, and the checks made before an item is submitted.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate } from '../core/local-date.js';
import { interpretationDraft, parseDraft } from './draft-fields.js';

const doc = {
  orgId: 'org-1',
  indexNo: '11100000MB0000001X/2025-00007',
  title: '示例区河长制工作实施办法<试行>',
  docNo: '示政发〔2025〕7号',
  kind: 'normative' as const,
  topic: '生态环境',
  keywords: '河长制',
  keyAreas: ['生态环境'],
};

describe('interpretation draft', () => {
  test('should link the document by its 索引号 and name it, escaped, in a body that passes validation', () => {
    const today = localDate('2025-10-09');
    const input = interpretationDraft(doc, today);
    assert.equal(input.kind, 'interpretation');
    assert.equal(input.interprets, doc.indexNo);
    assert.equal(input.org, 'org-1');
    assert.equal(input.title, '《示例区河长制工作实施办法<试行>》政策解读');
    assert.equal(input.body, '<p>现就《示例区河长制工作实施办法&lt;试行&gt;》（示政发〔2025〕7号）解读如下。</p>');
    const parsed = parseDraft(input, today);
    assert.ok(parsed.ok, JSON.stringify(parsed));
    assert.deepEqual(
      [parsed.value.writtenOn, parsed.value.topic, parsed.value.keyAreas],
      [today, '生态环境', ['生态环境']],
    );
    assert.equal(
      interpretationDraft({ ...doc, docNo: '' }, today).summary,
      '对《示例区河长制工作实施办法<试行>》的解读。',
    );
  });
});
