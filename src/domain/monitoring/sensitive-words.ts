/**
 * 错敏词: wrong official names and words official texts must not use, each with its suggestion. The list is data
 * an office edits (stored through a port); this is the default list it starts from. Serious wording errors are
 * a single-veto item of 国办秘函〔2019〕19号 (安全、泄密事故等严重问题 item 1) once a person confirms them.
 */

/** One entry: the word, what to write instead, and why. */
export interface SensitiveWord {
  word: string;
  suggestion: string;
  note?: string;
}

/** The default list: names of bodies changed by the 2018 institutional reform, common misspellings, usages. */
export const DEFAULT_SENSITIVE_WORDS: readonly SensitiveWord[] = [
  { word: '人力资源与社会保障', suggestion: '人力资源和社会保障', note: '机构名称用“和”' },
  { word: '国家发改委员会', suggestion: '国家发展和改革委员会', note: '机构全称' },
  { word: '卫生和计划生育委员会', suggestion: '卫生健康委员会', note: '2018年机构改革后的名称' },
  { word: '卫生计生委', suggestion: '卫生健康委', note: '2018年机构改革后的名称' },
  { word: '国土资源局', suggestion: '自然资源局', note: '2018年机构改革后的名称' },
  { word: '食品药品监督管理局', suggestion: '市场监督管理局', note: '2018年机构改革后的名称' },
  { word: '政府信息公开规定', suggestion: '政府信息公开条例', note: '法规名称' },
  { word: '台湾总统', suggestion: '台湾地区领导人', note: '规范用语' },
  { word: '一带一路战略', suggestion: '“一带一路”倡议', note: '规范用语' },
];

/** One occurrence of a listed word. */
export interface SensitiveHit {
  entry: SensitiveWord;
  offset: number;
  excerpt: string;
}

/** Occurrences of the listed words in a text (with 12 characters of context each side). */
export function findSensitiveWords(text: string, words: readonly SensitiveWord[]): SensitiveHit[] {
  const hits: SensitiveHit[] = [];
  for (const entry of words) {
    if (!entry.word) continue;
    for (let i = text.indexOf(entry.word); i >= 0; i = text.indexOf(entry.word, i + entry.word.length)) {
      // A listed wrong form that is part of the right form (the suggestion) is not a hit.
      const around = text.slice(
        Math.max(0, i - entry.suggestion.length),
        i + entry.suggestion.length + entry.word.length,
      );
      if (entry.suggestion.includes(entry.word) && around.includes(entry.suggestion)) continue;
      const excerpt = text.slice(Math.max(0, i - 12), i + entry.word.length + 12).replace(/\s+/g, ' ');
      hits.push({ entry, offset: i, excerpt });
    }
  }
  return hits.sort((a, b) => a.offset - b.offset);
}

/** A line of an edited list that could not be read (1-based). */
export interface WordListError {
  line: number;
  message: string;
}

/** Most entries an office list may hold (every page is scanned for every word). */
export const MAX_SENSITIVE_WORDS = 2000;

/**
 * Reads an edited list: one entry a line, `错误写法|建议写法|说明` (the note optional); blank lines and lines
 * starting with `#` are skipped. Every line's error is reported at once.
 */
export function parseSensitiveWordList(
  text: string,
): { ok: true; words: SensitiveWord[] } | { ok: false; errors: WordListError[] } {
  const words: SensitiveWord[] = [];
  const errors: WordListError[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [word = '', suggestion = '', ...rest] = line.split('|').map((p) => p.trim());
    const note = rest.join('|').trim();
    if (word === '' || suggestion === '') {
      errors.push({ line: i + 1, message: `第${i + 1}行应写作“错误写法|建议写法|说明”，错误写法和建议写法都不能为空` });
    } else if (word === suggestion) {
      errors.push({ line: i + 1, message: `第${i + 1}行的建议写法与错误写法相同` });
    } else if (seen.has(word)) {
      errors.push({ line: i + 1, message: `第${i + 1}行的“${word}”已在前面列出` });
    } else {
      seen.add(word);
      words.push(note ? { word, suggestion, note } : { word, suggestion });
    }
  });
  if (words.length > MAX_SENSITIVE_WORDS) {
    errors.push({ line: 0, message: `词表最多 ${MAX_SENSITIVE_WORDS} 条，现有 ${words.length} 条` });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, words };
}

/** The list as the text an office edits (the inverse of {@link parseSensitiveWordList}). */
export function formatSensitiveWordList(words: readonly SensitiveWord[]): string {
  return words.map((w) => [w.word, w.suggestion, ...(w.note ? [w.note] : [])].join('|')).join('\n');
}
