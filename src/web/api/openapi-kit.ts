// The OpenAPI 3.1 document is generated from the same zod schemas the API validates with: each API module
// lists its operations (ApiOperation), and openApiDocument turns the list into the document.
import { z } from '../common/validation.js';

/** One operation of the JSON API, described by the schemas its handler parses and answers with. */
export type ApiOperation = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The OpenAPI path, parameters in braces: `/api/v1/applications/{id}`. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** `bearer`: a staff API token (`gongkai user token`); `none`: public. */
  auth: 'bearer' | 'none';
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: { schema: z.ZodType; media?: 'application/json' | 'multipart/form-data' };
  responses: Record<number, { description: string; schema?: z.ZodType }>;
};

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' });

/** The parameters of a path or query schema, each with its own JSON Schema and description. */
function parameters(schema: z.ZodObject | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const s = jsonSchema(field as z.ZodType, 'input') as Record<string, unknown>;
    const { description, ...rest } = s;
    return {
      name,
      in: where,
      required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

/** The staff API's tokens (docs/security/accounts.md): a read-only token may only GET and HEAD (else 403). */
const BEARER = {
  type: 'http',
  scheme: 'bearer',
  description:
    '接口令牌（后台“接口令牌”页或 gongkai user token 签发）。只读令牌只能调用 GET/HEAD，其余请求答复 403；' +
    '令牌到期、被撤销或账号密码被重置后答复 401。',
};

/** The OpenAPI 3.1 document of the operations. */
export function openApiDocument(info: { title: string; version: string; description: string }, ops: ApiOperation[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ops) {
    const entry = {
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: op.tags,
      ...(op.auth === 'bearer' ? { security: [{ bearer: [] }] } : { security: [] }),
      parameters: [...parameters(op.params, 'path'), ...parameters(op.query, 'query')],
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { [op.body.media ?? 'application/json']: { schema: jsonSchema(op.body.schema, 'input') } },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(op.responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(r.schema ? { content: { 'application/json': { schema: jsonSchema(r.schema, 'output') } } } : {}),
          },
        ]),
      ),
    };
    paths[op.path] = { ...paths[op.path], [op.method]: entry };
  }
  return {
    openapi: '3.1.0',
    info,
    components: { securitySchemes: { bearer: BEARER } },
    paths,
  };
}
