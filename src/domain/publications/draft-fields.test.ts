// The draft "为本文件起草解读" starts from, and the checks made before an item is submitted.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { localDate } from '../core/local-date.js';
import { interpretationDraft, parseDraft } from './draft-fields.js';
import { interpretationFinding, submitRefusals } from './checks.js';

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

describe('checks before submission', () => {
  test('should refuse a 行政规范性文件 without its 发文字号 or 成文日期, naming the field', () => {
    assert.deepEqual(submitRefusals({ kind: 'normative', docNo: '示政发〔2025〕7号', writtenOn: '2025-10-01' }), {});
    const missing = submitRefusals({ kind: 'normative', docNo: ' ', writtenOn: '' });
    assert.deepEqual(Object.keys(missing).sort(), ['docNo', 'writtenOn']);
    assert.match(missing.docNo ?? '', /三统一.*送审前须填写发文字号$/);
    assert.match(missing.writtenOn ?? '', /成文日期$/);
    assert.deepEqual(submitRefusals({ kind: 'other_document', docNo: '', writtenOn: '2025-10-01' }), {});
  });

  test('should warn, never block, when a policy document has no interpretation', () => {
    for (const kind of ['rule', 'normative'] as const) {
      const f = interpretationFinding(kind, false);
      assert.equal(f?.severity, 'warning');
      assert.match(f?.message ?? '', /尚无已发布的政策解读/);
      assert.equal(interpretationFinding(kind, true), null);
    }
    assert.equal(interpretationFinding('other_document', false), null);
    assert.equal(interpretationFinding('interpretation', false), null);
  });
});
