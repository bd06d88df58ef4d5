// The site description of `monitor check`, and the 错敏词 list matching.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSiteDescription } from './site-description.js';
import { DEFAULT_SENSITIVE_WORDS, findSensitiveWords } from './sensitive-words.js';

describe('parseSiteDescription', () => {
  it('defaults the kind to portal and keeps the columns', () => {
    const r = parseSiteDescription({
      name: ' 示例区 ',
      url: 'https://x.gov.cn/',
      columns: [{ name: '人事', url: 'https://x.gov.cn/rs/', kind: 'should_update', intervalDays: 30 }],
    });
    assert.deepEqual(r, {
      ok: true,
      site: {
        name: '示例区',
        url: 'https://x.gov.cn/',
        kind: 'portal',
        columns: [{ name: '人事', url: 'https://x.gov.cn/rs/', kind: 'should_update', intervalDays: 30 }],
      },
    });
  });
  it('lists every reason in Chinese', () => {
    const r = parseSiteDescription({
      url: 'x',
      kind: 'blog',
      columns: [{ url: 'http://x/', kind: 'news', intervalDays: 0 }],
    });
    assert.equal(r.ok, false);
    assert.deepEqual(!r.ok && r.errors, [
      'name（网站名称）不能为空',
      'url（首页地址）应为 http 或 https 网址',
      'kind（网站类型）应为 portal、department、special 之一',
      'columns[0].name（栏目名称）不能为空',
      'columns[0].intervalDays（更新周期天数）应为正整数',
    ]);
    assert.deepEqual(parseSiteDescription([]), { ok: false, errors: ['网站描述应为 JSON 对象'] });
  });
});

describe('findSensitiveWords', () => {
  it('finds the listed wrong forms with their suggestion, not the right form', () => {
    const hits = findSensitiveWords('区人力资源与社会保障局和区卫生计生委联合发文', DEFAULT_SENSITIVE_WORDS);
    assert.deepEqual(
      hits.map((h) => [h.entry.word, h.entry.suggestion]),
      [
        ['人力资源与社会保障', '人力资源和社会保障'],
        ['卫生计生委', '卫生健康委'],
      ],
    );
    assert.deepEqual(findSensitiveWords('区人力资源和社会保障局', DEFAULT_SENSITIVE_WORDS), []);
  });
  it('uses the list it is given (an office edits it)', () => {
    assert.equal(findSensitiveWords('某某公司', [{ word: '某某', suggestion: '具体名称' }]).length, 1);
  });
});
