// Notice templates (告知书模板) as data: Chinese text with `{{placeholders}}`, editable per organization.
//
// A template is a title, an addressee line and paragraphs. A paragraph may be conditional:
// `{ when: 'x', text }` is kept only when the value `x` is present, `{ unless: 'x', text }` only
// when it is absent. A value containing line breaks becomes several paragraphs (numbered lists).
// Rendering reports unknown placeholders (no such name for this notice) and missing ones (known,
// but no value); a notice is produced only when there are none.

/** One paragraph of a template: plain, or kept only when a value is present / absent. */
export type TemplateParagraph =
  string | { readonly when: string; readonly text: string } | { readonly unless: string; readonly text: string };

/** An editable notice template. */
export type NoticeTemplate = {
  readonly title: string;
  /** The addressee line, e.g. `{{applicantName}}：`. */
  readonly addressee: string;
  readonly paragraphs: readonly TemplateParagraph[];
};

/**
 * Placeholder values for one notice. Every placeholder known for the notice is a key; the value is
 * `undefined` when the notice has no data for it. A name that is not a key is unknown.
 */
export type PlaceholderValues = Readonly<Record<string, string | undefined>>;

/** What {@link renderTemplate} produced and what was wrong. */
export type RenderedText = {
  /** The text; unknown and missing placeholders are left as written. */
  text: string;
  /** Placeholder names the values do not know (typos, or fields of another kind of notice). */
  unknown: string[];
  /** Known placeholders without a value. */
  missing: string[];
  /** Stray `{{` or `}}`, or a placeholder whose name is not a plain identifier. */
  malformed: string[];
};

/** A problem with a template or with rendering it. */
export type TemplateIssue = {
  code:
    | 'unknown_placeholder'
    | 'missing_value'
    | 'malformed_placeholder'
    | 'required_placeholder_absent'
    | 'required_text_absent'
    | 'empty_title'
    | 'no_paragraphs'
    | 'unknown_condition';
  /** The placeholder concerned, where there is one. */
  placeholder?: string;
  /** Where: 'title', 'addressee', 'paragraph 3' (1-based), or a remedy variant. */
  where: string;
  /** Chinese explanation for the editor. */
  message: string;
};

const TOKEN = /\{\{([^{}]*)\}\}/g;
const NAME = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*$/;

/**
 * Substitutes `{{name}}` placeholders (spaces inside the braces allowed).
 * @param template the text
 * @param values the placeholder values (see {@link PlaceholderValues})
 * @returns the text and the unknown, missing and malformed placeholders (each listed once)
 */
export function renderTemplate(template: string, values: PlaceholderValues): RenderedText {
  const unknown = new Set<string>();
  const missing = new Set<string>();
  const malformed = new Set<string>();
  const text = template.replace(TOKEN, (whole, inner: string) => {
    const name = NAME.exec(inner)?.[1];
    if (name === undefined) {
      malformed.add(whole);
      return whole;
    }
    if (!Object.hasOwn(values, name)) {
      unknown.add(name);
      return whole;
    }
    const value = values[name];
    if (value === undefined || value === '') {
      missing.add(name);
      return whole;
    }
    return value;
  });
  for (const stray of template.replace(TOKEN, '').match(/\{\{|\}\}/g) ?? []) {
    malformed.add(stray);
  }
  return { text, unknown: [...unknown], missing: [...missing], malformed: [...malformed] };
}

/**
 * Lists the placeholder names a text uses, in order of first use.
 * @param text template text
 * @returns the names (malformed placeholders are not listed)
 */
export function placeholdersOf(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const name = NAME.exec(match[1] ?? '')?.[1];
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The text of a paragraph, whatever its condition. */
export function paragraphText(p: TemplateParagraph): string {
  return typeof p === 'string' ? p : p.text;
}

/** The name a conditional paragraph depends on, or undefined for a plain one. */
export function paragraphCondition(p: TemplateParagraph): string | undefined {
  if (typeof p === 'string') return undefined;
  return 'when' in p ? p.when : p.unless;
}

/**
 * Is the paragraph kept for these values?
 * @returns true for plain paragraphs; for `when` if the value is present; for `unless` if absent
 */
export function paragraphApplies(p: TemplateParagraph, values: PlaceholderValues): boolean {
  if (typeof p === 'string') return true;
  const present = 'when' in p ? hasValue(values, p.when) : hasValue(values, p.unless);
  return 'when' in p ? present : !present;
}

function hasValue(values: PlaceholderValues, name: string): boolean {
  const v = values[name];
  return v !== undefined && v !== '';
}

/**
 * Checks an edited template against the placeholders a kind of notice knows and requires.
 * @param template the edited template
 * @param known names this kind of notice can fill
 * @param required names that must appear at least once (e.g. the legal basis and remedies of a reply)
 * @returns the problems found; empty when the template can be saved
 */
export function checkTemplate(
  template: NoticeTemplate,
  known: readonly string[],
  required: readonly string[],
): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  if (template.title.trim() === '') issues.push({ code: 'empty_title', where: 'title', message: '标题不能为空' });
  if (template.paragraphs.length === 0) {
    issues.push({ code: 'no_paragraphs', where: 'paragraphs', message: '正文至少需要一段' });
  }
  const parts: [string, string][] = [
    ['title', template.title],
    ['addressee', template.addressee],
    ...template.paragraphs.map((p, i): [string, string] => [`paragraph ${i + 1}`, paragraphText(p)]),
  ];
  const used = new Set<string>();
  for (const [where, text] of parts) issues.push(...checkText(text, known, where, used));
  template.paragraphs.forEach((p, i) => {
    const cond = paragraphCondition(p);
    if (cond !== undefined && !known.includes(cond)) {
      issues.push({
        code: 'unknown_condition',
        placeholder: cond,
        where: `paragraph ${i + 1}`,
        message: `段落条件引用了未知的占位符“${cond}”`,
      });
    }
  });
  for (const name of required) {
    if (!used.has(name)) {
      issues.push({
        code: 'required_placeholder_absent',
        placeholder: name,
        where: 'template',
        message: `模板必须包含占位符 {{${name}}}`,
      });
    }
  }
  return issues;
}

/**
 * Checks one text (e.g. a remedy clause) for unknown and malformed placeholders.
 * @param used collects the names found, for the caller's "required" check
 */
export function checkText(
  text: string,
  known: readonly string[],
  where: string,
  used = new Set<string>(),
): TemplateIssue[] {
  const values = Object.fromEntries(known.map((k) => [k, 'x']));
  const r = renderTemplate(text, values);
  for (const name of placeholdersOf(text)) used.add(name);
  return [
    ...r.unknown.map((name): TemplateIssue => ({
      code: 'unknown_placeholder',
      placeholder: name,
      where,
      message: `未知的占位符 {{${name}}}`,
    })),
    ...r.malformed.map((m): TemplateIssue => ({
      code: 'malformed_placeholder',
      placeholder: m,
      where,
      message: `占位符格式错误：“${m}”（应为 {{英文名称}}）`,
    })),
  ];
}
