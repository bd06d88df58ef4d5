// The JSON API of 主动公开: the public open-data list `GET /api/v1/publications` (`{items, total}`, paged,
// filterable, `?q=` full text) and, on the staff API behind a bearer token, `POST /api/v1/publications`
// (a draft) and `POST /api/v1/publications/:id/actions` (a move of the review chain, with the back office's
// rules: 403 role, 409 state, 422 parameters). Bodies and query strings are read with the zod schemas below,
// which PUBLICATION_API_OPERATIONS also turns into the OpenAPI document; the values themselves are judged by
// the domain (every field at once). Refusals answer `{ error, message, errors? }` (pipeline.tsx).
// Register before `registerApiRoutes` (its `/api/*` 404).
import { Hono, type Context } from 'hono';
import { createDraft } from '../../app/publications/drafts.js';
import { actOnPublication } from '../../app/publications/act-on-publication.js';
import { MAX_API_LIMIT, openDataList, type OpenDataItem } from '../../app/portal/publications-public.js';
import {
  PUBLICATION_STATES,
  DISCLOSURES,
  VALIDITIES,
  WITHHELD_GROUNDS,
} from '../../domain/publications/publication.js';
import { KIND_LABELS, PUBLICATION_KINDS, VALIDITY_LABELS } from '../../domain/publications/publication.js';
import {
  ACTION_LABELS,
  ACTION_ROLES,
  PUBLICATION_ACTIONS,
  SYSTEM_ACTIONS,
  type PublicationAction,
} from '../../domain/publications/transition-table.js';
import type { StaffEnv, WebEnv } from '../common/env.js';
import { errorBody, requireApiUser } from '../common/pipeline.js';
import { dateOut, failure, jsonObject, notAnObject, parsed, queryOf, UNAUTHENTICATED } from './api-schemas.js';
import { publicOrigin } from '../common/public-origin.js';
import { z } from '../common/validation.js';
import { portalUrls } from '../public/portal/portal-urls.js';
import type { ApiOperation } from './openapi-kit.js';

/** Moves offered through the API (`release` is the scheduler's). */
export const API_PUBLICATION_ACTIONS = PUBLICATION_ACTIONS.filter((a) => !SYSTEM_ACTIONS.has(a)) as [
  PublicationAction,
  ...PublicationAction[],
];
const DEFAULT_LIMIT = 20;

/** A whole number within bounds, typed in the query string. */
const whole = (name: string, min: number, max: number, description: string) => {
  const message = `${name} 应为 ${min} 到 ${max} 之间的整数`;
  return z
    .string()
    .trim()
    .regex(/^\d+$/, { error: message })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: message }).max(max, { error: message }))
    .optional()
    .describe(description);
};

/** The open-data list's query string: every malformed value is reported, none silently ignored. */
const listQuery = z.object({
  org: z.string().trim().optional().describe('发布机关的统一社会信用代码'),
  category: z
    .string()
    .trim()
    .regex(/^[\w-]{1,64}$/, { error: 'category 应为栏目编号' })
    .optional()
    .describe('栏目编号（含下级栏目；全文检索时仅本栏目）'),
  kind: z
    .enum(PUBLICATION_KINDS, { error: `kind 应为以下之一：${PUBLICATION_KINDS.join(', ')}` })
    .optional()
    .describe('体裁'),
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, { error: 'year 应为四位年份' })
    .transform(Number)
    .optional()
    .describe('发布年份'),
  q: z
    .string()
    .trim()
    .optional()
    .describe(
      '全文检索词（标题、内容概述、正文、发文字号，至少两个字；以空格分隔多个词，加引号为短语；' +
        '索引号或发文字号精确匹配的信息排在最前）',
    ),
  sort: z
    .enum(['relevance', 'date'], { error: 'sort 应为 relevance 或 date' })
    .optional()
    .describe('全文检索结果的排序：relevance 相关度（默认），date 时间（新的在前）'),
  limit: whole('limit', 1, MAX_API_LIMIT, `每页条数（默认${DEFAULT_LIMIT}）`),
  offset: whole('offset', 0, Number.MAX_SAFE_INTEGER, '跳过条数'),
});

const oneOf = (values: readonly string[], description: string) => z.string().meta({ description, enum: [...values] });
const words = (description: string) =>
  z
    .union([z.array(z.string()), z.string()])
    .optional()
    .describe(description);

/** A draft as the API takes it (attachments are uploaded in the back office). */
const draftBody = z
  .object({
    org: z.string({ error: '请填写发布机关的统一社会信用代码' }).describe('发布机关的统一社会信用代码'),
    title: z.string({ error: '请填写名称' }).describe('名称（不超过200字）'),
    kind: oneOf(PUBLICATION_KINDS, '体裁'),
    category: z.string().optional().describe('栏目编号或代码；不填时按体裁归入政策文件的相应栏目'),
    docNo: z.string().optional().describe('发文字号（不超过60字）'),
    writtenOn: dateOut('成文日期（不晚于今天）'),
    summary: z.string().optional().describe('内容概述'),
    body: z
      .string()
      .optional()
      .describe(
        '正文：以HTML标签开头的按HTML（按白名单清理），否则按纯文本（空行分段、换行保留）；不予公开的信息可不填',
      ),
    publisher: z.string().optional().describe('发布机构（不填为本机关名称）'),
    topic: z.string().optional().describe('主题分类'),
    keyAreas: words('重点领域'),
    keywords: words('关键词'),
    interprets: z.string().optional().describe('政策解读所解读文件的索引号（kind 为 interpretation 时必填）'),
    catalogueRow: z.string().optional().describe('对应的基层政务公开标准目录事项编号（本机关未停用的目录事项）'),
    validity: oneOf(VALIDITIES, '有效性（默认 valid）').optional(),
    validityOn: dateOut('失效或废止日期').optional(),
    disclosure: oneOf(DISCLOSURES, '公开属性（默认 proactive）').optional(),
    withheldGround: oneOf(WITHHELD_GROUNDS, '不予公开的理由').optional(),
    major: z.boolean().optional().describe('重大信息（须由主要负责同志签发）'),
  })
  .meta({ id: 'PublicationDraftInput' });

/** A move of the review chain. */
const actionBody = z
  .object({
    action: z.enum(API_PUBLICATION_ACTIONS, { error: `action 应为以下之一：${API_PUBLICATION_ACTIONS.join(', ')}` }),
    comment: z.string().optional().describe('意见；reject 时必填（也可写作 note）'),
    note: z.string().optional().describe('同 comment'),
    reason: z.string().optional().describe('撤稿理由；withdraw 时必填'),
    at: z.string().optional().meta({ description: 'publish：定时发布的时间（不填为立即发布）', format: 'date-time' }),
    acceptFindings: z.boolean().optional().describe('approve：已核实发布前检查发现的问题'),
    interpretations: z
      .array(z.string())
      .optional()
      .describe('withdraw：一并撤稿的本文件政策解读（id），在同一事务中办理并各自记入审计'),
  })
  .meta({
    id: 'PublicationActionRequest',
    description: API_PUBLICATION_ACTIONS.map((a) => `${a}：${ACTION_LABELS[a]}（${ACTION_ROLES[a].join('、')}）`).join(
      '；',
    ),
  });

/** One item of the open-data list: the metadata table's fields and absolute links. */
const publicationItem = z
  .object({
    id: z.string().describe('信息编号（工作人员接口使用的 id）'),
    url: z.string().meta({ description: '门户网站上的信息页面', format: 'uri' }),
    indexNo: z.string().describe('索引号'),
    title: z.string().describe('名称'),
    publisher: z.string().describe('发布机构'),
    org: z.object({ creditCode: z.string().describe('统一社会信用代码'), name: z.string() }).nullable(),
    docNo: z.string().describe('发文字号（无则为空字符串）'),
    writtenOn: dateOut('成文日期'),
    publishedOn: dateOut('发布日期'),
    kind: z.enum(PUBLICATION_KINDS).describe('体裁'),
    kindLabel: z.string(),
    category: z.object({ id: z.string(), name: z.string() }).describe('栏目'),
    topic: z.string().describe('主题分类'),
    validity: z.enum(VALIDITIES).describe('有效性'),
    validityLabel: z.string(),
    validityOn: z.string().nullable().meta({ description: '失效或废止日期', format: 'date' }),
    summary: z.string().describe('内容概述'),
    keyAreas: z.array(z.string()).describe('重点领域'),
    keywords: z.array(z.string()),
    attachments: z.array(
      z.object({
        name: z.string(),
        mime: z.string(),
        size: z.number().int(),
        url: z.string().meta({ format: 'uri' }),
      }),
    ),
  })
  .meta({ id: 'PublicationItem', description: '已发布的主动公开信息（现行版本）：信息属性表的各项与链接' });

const publicationList = z
  .object({
    items: z.array(publicationItem),
    total: z.number().int().describe('符合条件的条数；totalCapped 为 true 时为计数上限（实际更多）'),
    totalCapped: z.boolean().optional(),
    partial: z.boolean().optional().describe('为 true 时没有同时包含全部检索词的信息，结果为包含最多检索词的部分匹配'),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: 'PublicationList' });

const draftReceipt = z
  .object({ id: z.string(), indexNo: z.string().describe('索引号'), state: z.literal('draft') })
  .meta({ id: 'PublicationDraftReceipt' });

const actionResult = z.object({
  state: z.enum(PUBLICATION_STATES),
  reviewLevel: z.number().int().nullable(),
  findings: z.array(z.object({}).loose()).describe('发布前检查的发现'),
});

type Item = z.output<typeof publicationItem>;

/** One item of the open-data list, its links absolute. */
function itemJson(i: OpenDataItem, origin: string): Item {
  return {
    id: i.id,
    url: origin + portalUrls.publication(i.id),
    indexNo: i.indexNo,
    title: i.title,
    publisher: i.publisher,
    org: i.org,
    docNo: i.docNo,
    writtenOn: i.writtenOn,
    publishedOn: i.publishedOn,
    kind: i.kind,
    kindLabel: KIND_LABELS[i.kind],
    category: { id: i.categoryId, name: i.categoryName },
    topic: i.topic,
    validity: i.validity,
    validityLabel: VALIDITY_LABELS[i.validity],
    validityOn: i.validityOn,
    summary: i.summary,
    keyAreas: [...i.keyAreas],
    keywords: i.keywords === '' ? [] : i.keywords.split(','),
    attachments: i.attachments.map((a) => ({
      name: a.name,
      mime: a.mime,
      size: a.size,
      url: origin + portalUrls.attachment(a.fileId, i.id),
    })),
  };
}

/** A JSON body read with its schema: the value, or the answer (400 when not a JSON object, 422 with every field). */
async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S> | Response> {
  const body = await jsonObject(c);
  if (!body) return notAnObject(c);
  const r = parsed(schema, body);
  return r.ok ? r.value : c.json(errorBody('invalid', '请求内容有误', r.errors), 422);
}

/** Registers GET and POST /api/v1/publications and POST /api/v1/publications/:id/actions. */
export function registerPublicationApi(app: Hono<WebEnv>): void {
  app.get('/api/v1/publications', async (c) => {
    const query = parsed(listQuery, queryOf(c));
    if (!query.ok) return c.json(errorBody('invalid', '查询参数有误', query.errors), 422);
    const { category, limit, offset, ...filter } = query.value;
    const page = { limit: limit ?? DEFAULT_LIMIT, offset: offset ?? 0 };
    const result = await openDataList(c.get('ctx'), { ...filter, categoryId: category, ...page });
    const origin = await publicOrigin(c);
    c.header('Cache-Control', 'no-cache');
    return c.json({
      items: result.items.map((i) => itemJson(i, origin)),
      total: result.total,
      ...(result.totalCapped ? { totalCapped: true } : {}),
      ...(result.partial ? { partial: true } : {}),
      ...page,
    });
  });

  const staff = new Hono<StaffEnv>();
  staff.post('/api/v1/publications', requireApiUser(), async (c) => {
    const body = await readBody(c, draftBody);
    if (body instanceof Response) return body;
    const r = await createDraft(c.get('ctx'), c.get('actor'), body);
    return c.json({ id: r.id, indexNo: r.indexNo, state: 'draft' as const }, 201);
  });
  staff.post('/api/v1/publications/:id/actions', requireApiUser(), async (c) => {
    const body = await readBody(c, actionBody);
    if (body instanceof Response) return body;
    const { action, ...params } = body;
    const r = await actOnPublication(c.get('ctx'), c.get('actor'), c.req.param('id'), action, params);
    return c.json({ state: r.state, reviewLevel: r.reviewLevel, findings: r.findings });
  });
  app.route('/', staff);
}

/** What a staff endpoint answers to a body that is not JSON and to a missing token. */
const STAFF_REFUSALS = { 400: failure('请求体不是 JSON 对象'), 401: UNAUTHENTICATED };
const TAGS = ['主动公开'];

/** The publication endpoints as OpenAPI operations (openapi-kit.ts). */
export const PUBLICATION_API_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/publications',
    summary: '已发布的主动公开信息（开放数据，无需令牌）',
    description:
      '按发布日期由新到旧排列；带 q 时为全文检索（标题、内容概述、正文、发文字号，至少两个字），结果按相关度排列，匹配很多时按日期排列。',
    tags: TAGS,
    auth: 'none',
    query: listQuery,
    responses: {
      200: { description: '{items, total}', schema: publicationList },
      422: failure('查询参数有误，errors 按参数列出'),
    },
  },
  {
    method: 'post',
    path: '/api/v1/publications',
    summary: '起草一条信息（工作人员：信息编辑）',
    description: '生成索引号，状态为草稿；附件请在管理后台上传。',
    tags: TAGS,
    auth: 'bearer',
    body: { schema: draftBody },
    responses: {
      201: { description: '已创建草稿', schema: draftReceipt },
      ...STAFF_REFUSALS,
      403: failure('不是该机关的信息编辑'),
      422: failure('内容有误，errors 按字段列出'),
    },
  },
  {
    method: 'post',
    path: '/api/v1/publications/{id}/actions',
    summary: '审核发布流程的一步（工作人员）',
    description:
      '与管理后台规则相同：先检查角色（403，如编辑审核自己起草的信息），再检查状态（409），再检查参数（422）；编审分离。出错时不作任何改动。',
    tags: TAGS,
    auth: 'bearer',
    params: z.object({ id: z.string().describe('信息编号') }),
    body: { schema: actionBody },
    responses: {
      200: { description: '操作后的状态', schema: actionResult },
      ...STAFF_REFUSALS,
      403: failure('没有执行该操作的角色，或违反编审分离'),
      404: failure('信息不存在或无权查看'),
      409: failure('当前状态不允许该操作'),
      422: failure('参数有误'),
    },
  },
];
