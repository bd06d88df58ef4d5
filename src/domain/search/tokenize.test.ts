// The CJK bigram tokeniser, the query parser and the highlighter.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { identifierKey, matchPlan, normalize, parseQuery, partialGroups, queryPhrases, tokenize } from './tokenize.js';
import { hasHit, highlight } from './highlight.js';

describe('tokenize', () => {
  it('should cut Han runs into overlapping bigrams', () => {
    assert.deepEqual(tokenize('财政预算'), ['财政', '政预', '预算']);
  });

  it('should keep a one-character Han run as a unigram and split at punctuation', () => {
    assert.deepEqual(tokenize('河长，制'), ['河长', '制']);
  });

  it('should lower-case Latin and digit runs as words and fold full-width ASCII', () => {
    assert.deepEqual(tokenize('ＧＢ３２１００—2021年标准 PDF'), ['gb32100', '2021', '年标', '标准', 'pdf']);
  });

  it('should keep UTF-16 positions when normalising', () => {
    const text = 'ＡＢ Ｃ　ｄ𠀋';
    assert.equal(normalize(text).length, text.length);
    assert.equal(normalize('ＡＢ'), 'ab');
  });

  it('should normalise common text (ASCII, CJK, full-width) exactly as the unit-by-unit fold does', () => {
    // A trailing 'Ä' (outside the fast path's set) sends the same text down the unit-by-unit fold.
    const slow = (t: string) => normalize(`${t}Ä`).slice(0, -1);
    const units: number[] = [];
    for (const [from, to] of [
      [0x20, 0x7e],
      [0x3000, 0x9fff],
      [0xff01, 0xff5e],
    ] as const) {
      for (let u = from; u <= to; u++) units.push(u);
    }
    const all = `\t\n\r${String.fromCharCode(...units)}`;
    assert.equal(normalize(all), slow(all));
    assert.equal(normalize('ＧＢ３２１００　关于Ａbc的通知'), 'gb32100 关于abc的通知');
    assert.equal(slow('ＧＢ３２１００　关于Ａbc的通知'), 'gb32100 关于abc的通知');
  });

  it('should treat characters outside the BMP as one character', () => {
    assert.deepEqual(tokenize('𠀋𠀌'), ['𠀋𠀌']);
  });

  it('should ignore punctuation and symbols entirely', () => {
    assert.deepEqual(tokenize('“”《》、。！？…——（）·'), []);
  });
});

describe('parseQuery', () => {
  it('should make each term the phrase of its bigrams', () => {
    assert.deepEqual(queryPhrases(parseQuery('财政预算 补偿')), [['财政', '政预', '预算'], ['补偿']]);
  });

  it('should keep a two-character query as one token', () => {
    assert.deepEqual(queryPhrases(parseQuery('河长')), [['河长']]);
  });

  it('should keep a quoted phrase as one term', () => {
    const terms = parseQuery('"政府 信息" 公开');
    assert.equal(terms.length, 2);
    assert.deepEqual(terms[0]?.phrases, [['政府', '信息']]);
  });

  it('should join adjacent segments of a 文号 and drop single characters', () => {
    assert.deepEqual(queryPhrases(parseQuery('示政发〔2021〕15号')), [['示政', '政发', '2021', '15']]);
    assert.deepEqual(queryPhrases(parseQuery('2021年3号')), [['2021']]);
  });

  it('should return no terms for an empty, punctuation-only or one-character query', () => {
    assert.deepEqual(parseQuery(''), []);
    assert.deepEqual(parseQuery('  ，。 '), []);
    assert.deepEqual(parseQuery('年'), []);
    assert.deepEqual(parseQuery('a'), []);
  });

  it('should fold full-width and case in queries like in documents', () => {
    assert.deepEqual(queryPhrases(parseQuery('ＧＢ32100')), [['gb32100']]);
  });
});

describe('matchPlan', () => {
  it('should require each token of an unquoted term on its own and rank its chain', () => {
    assert.deepEqual(matchPlan(parseQuery('政务公开要点')), {
      units: [['政务'], ['务公'], ['公开'], ['开要'], ['要点']],
      together: [['政务', '务公', '公开', '开要', '要点']],
    });
  });

  it('should keep a quoted term as a phrase unit and drop repeated units', () => {
    assert.deepEqual(matchPlan(parseQuery('"财政预算" 预算 预算')), {
      units: [['财政', '政预', '预算'], ['预算']],
      together: [],
    });
  });
});

describe('partialGroups', () => {
  const units = [['a1'], ['b2'], ['c3'], ['d4']];

  it('should leave out each unit in turn', () => {
    assert.deepEqual(partialGroups(units, 1), [
      [['a1'], ['b2'], ['c3']],
      [['a1'], ['b2'], ['d4']],
      [['a1'], ['c3'], ['d4']],
      [['b2'], ['c3'], ['d4']],
    ]);
    assert.equal(partialGroups(units, 2)?.length, 6);
  });

  it('should refuse to keep fewer than half the units or to build too many groups', () => {
    assert.equal(partialGroups(units, 3), null);
    assert.equal(partialGroups([['x1']], 1), null);
    const many = Array.from({ length: 20 }, (_, i) => [`t${i}`]);
    assert.equal(partialGroups(many, 1)?.length, 20);
    assert.equal(partialGroups(many, 2), null);
  });
});

describe('identifierKey', () => {
  it('should compare 文号 whatever their brackets and a trailing 号', () => {
    const key = identifierKey('示政发〔2021〕15号');
    assert.equal(key, '示政发202115');
    for (const same of ['示政发[2021]15号', '示政发（2021）15', '示政发［2021］１５号']) {
      assert.equal(identifierKey(same), key, same);
    }
  });

  it('should fold a 索引号 and refuse text without digits', () => {
    assert.equal(identifierKey('11440300MB2C12345X/2021-00042'), '11440300mb2c12345x202100042');
    assert.equal(identifierKey('政务公开'), '');
    assert.equal(identifierKey('15号'), '');
  });
});

describe('highlight', () => {
  it('should mark every occurrence of a term', () => {
    const segs = highlight('关于河长制的通知：河长名单', parseQuery('河长'));
    assert.deepEqual(segs, [
      { text: '关于', hit: false },
      { text: '河长', hit: true },
      { text: '制的通知：', hit: false },
      { text: '河长', hit: true },
      { text: '名单', hit: false },
    ]);
  });

  it('should match full-width and case differences but return the original text', () => {
    const segs = highlight('标准ＧＢ32100实施', parseQuery('gb32100'));
    assert.deepEqual(
      segs.filter((s) => s.hit).map((s) => s.text),
      ['ＧＢ32100'],
    );
  });

  it('should cut a window around the first hit with ellipses', () => {
    const text = `${'甲'.repeat(100)}河长${'乙'.repeat(100)}`;
    const segs = highlight(text, parseQuery('河长'), { maxLength: 40 });
    assert.equal(segs[0]?.text, '…');
    assert.equal(segs[segs.length - 1]?.text, '…');
    assert.ok(hasHit(segs));
    assert.ok(segs.map((s) => s.text).join('').length <= 42);
  });

  it('should return the head of the text without hits', () => {
    const segs = highlight('没有命中的文本内容', parseQuery('河长'), { maxLength: 4 });
    assert.deepEqual(segs, [
      { text: '没有命中', hit: false },
      { text: '…', hit: false },
    ]);
    assert.equal(hasHit(segs), false);
  });

  it('should merge overlapping hits of several terms and collapse whitespace', () => {
    assert.deepEqual(highlight('财政\n\n预算公开', parseQuery('预算')), [
      { text: '财政 ', hit: false },
      { text: '预算', hit: true },
      { text: '公开', hit: false },
    ]);
    assert.deepEqual(highlight('财政预算', parseQuery('政预 预算')), [
      { text: '财', hit: false },
      { text: '政预算', hit: true },
    ]);
  });
});
