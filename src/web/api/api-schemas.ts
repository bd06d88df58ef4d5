// What every JSON API module shares: the error body, JSON and query-string reading, and small schema
// pieces. Plain zod (no form preprocessing), Chinese messages; the OpenAPI document is generated from the
// same schemas (openapi.ts).
import type { Context } from 'hono';
import { parseLocalDate } from '../../domain/core/local-date.js';
import { fieldErrors, z, type FieldErrors } from '../common/validation.js';

/** The body of a refused request: a code, a Chinese message, the reason and messages per field. */
export const ErrorBody = z
  .object({
    error: z.string().meta({
      description:
        '错误代码：invalid、not_found、forbidden、conflict、unauthenticated、rate_limited、bad_request、unavailable（503，数据库暂时不可用）',
    }),
    message: z.string().meta({ description: '中文说明' }),
    reason: z
      .string()
      .optional()
      .meta({ description: '领域规则的拒绝原因代码；503 时为数据库不可用的原因：unreachable、read_only、disk_full' }),
    fields: z
      .record(z.string(), z.string())
      .optional()
      .meta({ description: '提交申请（POST /api/v1/applications）时按字段的中文错误，如 applicant.phone' }),
    errors: z.record(z.string(), z.string()).optional().meta({ description: '其他接口按参数或字段的中文错误' }),
  })
  .meta({ id: 'Error' });

/** A documented error response. */
export const failure = (description: string) => ({ description, schema: ErrorBody });

/** The usual refusal of a staff endpoint. */
export const UNAUTHENTICATED = failure('缺少或无效的访问令牌');

/** Documented refusals, each status with what it means there. */
export const refusals = (r: Partial<Record<400 | 401 | 403 | 404 | 409 | 422 | 429, string>>) =>
  Object.fromEntries(Object.entries(r).map(([status, description]) => [status, failure(description)]));

/** A date `YYYY-MM-DD` that exists (2025-02-30 does not), checked by the domain's date parser. */
export const isoDate = (message: string) =>
  z
    .string()
    .refine((s) => parseLocalDate(s).ok, { error: message })
    .meta({ format: 'date' });

/** A documented date (answers only). */
export const dateOut = (description?: string) =>
  z.string().meta({ format: 'date', ...(description ? { description } : {}) });

/** The request's JSON body when it is an object, else undefined (the caller answers 400). */
export async function jsonObject(c: Context): Promise<Record<string, unknown> | undefined> {
  const value: unknown = await c.req.json().catch(() => undefined);
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The query string's values, trimmed; blank ones count as absent. */
export function queryOf(c: Context): Record<string, string> {
  return Object.fromEntries(
    Object.entries(c.req.query())
      .map(([k, v]) => [k, v.trim()])
      .filter(([, v]) => v !== ''),
  );
}

/** A parse's value, or every field's message at once. */
export function parsed<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.output<S> } | { ok: false; errors: FieldErrors } {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: fieldErrors(r.error) };
}

/** The 400 answer to a body that is not a JSON object. */
export const notAnObject = (c: Context) => c.json({ error: 'bad_request', message: '请求体应为 JSON 对象' }, 400);
