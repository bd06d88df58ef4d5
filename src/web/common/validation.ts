// One validation style for forms, API bodies and API query strings: zod schemas with Chinese messages,
// every field reported at once, dates parsed by the domain's own date parser.
import { z } from 'zod';
import { parseLocalDate, type LocalDate } from '../../domain/core/local-date.js';

z.config(z.locales.zhCN());

export { z };

/** A submitted form or query string: text fields, repeated fields as arrays. */
export type FormValues = Record<string, string | string[]>;

/** Per-field messages: the first message of each field, keyed by its dotted path (`applicant.name`). */
export type FieldErrors = Record<string, string>;

/** The messages of a failed parse, one per field (the first), so that a form shows all of them at once. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}

/** The value of a field that may come repeated: its first occurrence, '' when absent. */
const single = (v: unknown): unknown => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** Optional text: trimmed, '' when absent, at most `max` characters. */
export const text = (max = 2000) =>
  z.preprocess(
    single,
    z
      .string()
      .trim()
      .max(max, { error: `不能超过${max}个字符` }),
  );

/** Required text: trimmed, not empty. */
export const required = (message: string, max = 2000) =>
  z.preprocess(
    single,
    z
      .string()
      .trim()
      .min(1, { error: message })
      .max(max, { error: `不能超过${max}个字符` }),
  );

/** A calendar date `YYYY-MM-DD` that exists (2025-02-30 does not), parsed by the domain. */
export const localDate = (message = '请填写有效日期，格式如 2025-03-01') =>
  z.preprocess(
    single,
    z
      .string()
      .trim()
      .transform((s, ctx): LocalDate => {
        const r = parseLocalDate(s);
        if (!r.ok) {
          ctx.addIssue({ code: 'custom', message });
          return z.NEVER;
        }
        return r.value;
      }),
  );

/** An optional date: undefined when left blank, else as {@link localDate}. */
export const optionalLocalDate = (message?: string) =>
  z.preprocess((v) => {
    const s = single(v);
    return typeof s === 'string' && s.trim() === '' ? undefined : s;
  }, localDate(message).optional());

/** A four-digit year within a sane range. */
export const year = (message = '年度应为四位数字，如 2025') =>
  z.preprocess(
    single,
    z
      .string()
      .trim()
      .regex(/^\d{4}$/, { error: message })
      .transform(Number),
  );

/** An optional year: undefined when blank. */
export const optionalYear = (message?: string) =>
  z.preprocess((v) => {
    const s = single(v);
    return typeof s === 'string' && s.trim() === '' ? undefined : s;
  }, year(message).optional());

/** One of the listed values; blank is refused with `message`. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(single, z.enum(values, { error: message }));

/** One of the listed values, or undefined when blank. */
export const optionalOneOf = <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(
    (v) => {
      const s = single(v);
      return s === '' ? undefined : s;
    },
    z.enum(values, { error: message }).optional(),
  );

/** A whole number typed as text (`min`..`max`). */
export const integer = (message: string, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(
    single,
    z
      .string()
      .trim()
      .regex(/^-?\d+$/, { error: message })
      .transform(Number)
      .pipe(z.number().int().min(min, { error: message }).max(max, { error: message })),
  );

/** A checkbox: true when sent as on/1/true/yes. */
export const checkbox = () => z.preprocess((v) => ['on', '1', 'true', 'yes'].includes(String(single(v))), z.boolean());

/** A repeated field as a list of non-empty trimmed strings. */
export const list = () =>
  z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string()).transform((xs) => xs.map((x) => x.trim()).filter((x) => x !== '')),
  );

/**
 * Parses a query string field by field: a malformed field is reported and left out, the others still apply
 * (a list page keeps working with a bad year in its filter).
 */
export function parseQuery<S extends z.ZodRawShape>(
  shape: S,
  raw: FormValues,
): { value: Partial<z.output<z.ZodObject<S>>>; errors: FieldErrors } {
  const value: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const [key, schema] of Object.entries(shape)) {
    const r = (schema as z.ZodType).safeParse(raw[key]);
    if (r.success) value[key] = r.data;
    else errors[key] = r.error.issues[0]?.message ?? '有误';
  }
  return { value: value as Partial<z.output<z.ZodObject<S>>>, errors };
}
