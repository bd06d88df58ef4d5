/**
 * Searching a loose pattern without trying it at every position of the text. The heading and
 * row-label patterns have the shape PREFIX GAP KEYWORD…: a short prefix (an ordinal such as
 * `五、` or `1.`: at most `head` characters followed by any number of `tail` characters such as
 * spaces, `、` and `.`), a lazy gap of at most `gap` characters, then a keyword. Tried at every
 * position, the gap makes each attempt cost up to `gap` keyword tests, for every pattern. Instead
 * the keyword alone is found first; no match can start before the earliest position from which
 * that keyword is reachable, so the full pattern is run from there. The result is exactly that of
 * `re.lastIndex = from; re.exec(text)`.
 */
export interface KeyedPattern {
  /** The whole pattern, global. */
  re: RegExp;
  /** The keyword alone, global: every match of `re` contains one, `gap` characters at most after the prefix. */
  keyword: RegExp;
  gap: number;
  /** The characters the prefix can end in, any number of them ... */
  tail: RegExp;
  /** ... and the most characters that can precede them in the prefix. */
  head: number;
}

/** Same result as `p.re.lastIndex = from; p.re.exec(text)`. */
export function execFrom(p: KeyedPattern, text: string, from: number): RegExpExecArray | null {
  p.keyword.lastIndex = from;
  const k = p.keyword.exec(text);
  if (!k) return null; // every match contains the keyword
  // Earliest start of a match whose keyword is at k.index or later (monotone in the keyword's position).
  let at = k.index - p.gap;
  while (at > from && p.tail.test(text[at - 1]!)) at--;
  p.re.lastIndex = Math.max(from, at - p.head);
  return p.re.exec(text);
}
