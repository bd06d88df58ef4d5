// The JSON API of 主动公开 (issue 4): the public open-data list `GET /api/v1/publications`
// (`{items, total}`, paged, filterable, `?q=` full text) and the staff moves with a bearer token —
// `POST /api/v1/publications` creates a draft, `POST /api/v1/publications/:id/actions` makes a move
// of the review chain with the back office's rules (403 role, 409 state, 422 parameters).
// Register before `registerApiRoutes` (its `/api/*` 404).
import type { Context, Hono } from 'hono';
import { actorOf } from '../../app/actors.js';
import { AppError } from '../../app/errors.js';
import { createDraft } from '../../app/publications/drafts.js';
import { actOnPublication } from '../../app/publications/act-on-publication.js';
import { MAX_API_LIMIT, publicList, type PublicFilter, type PublicItem } from '../../app/portal/publications-public.js';
import {
  KIND_LABELS,
  PUBLICATION_KINDS,
  VALIDITY_LABELS,
  type PublicationKind,
} from '../../domain/publications/publication.js';
import {
  PUBLICATION_ACTIONS,
  SYSTEM_ACTIONS,
  type PublicationAction,
} from '../../domain/publications/transition-table.js';
import type { Organization } from '../../domain/orgs/organization.js';
import type { WebEnv } from '../common/env.js';
import { statusOf } from '../common/respond.js';
import { apiUser } from './api-routes.js';
import { publicOrigin } from '../common/public-origin.js';

type C = Context<WebEnv>;
type Body = Record<string, unknown>;

/** Moves offered through the API (`release` is the scheduler's). */
export const API_PUBLICATION_ACTIONS: readonly PublicationAction[] = PUBLICATION_ACTIONS.filter(
  (a) => !SYSTEM_ACTIONS.has(a),
);
const DEFAULT_LIMIT = 20;

const failure = (
  c: C,
  status: 400 | 401 | 403 | 404 | 409 | 422 | 423,
  code: string,
  message: string,
  errors: Record<string, string> = {},
) => c.json({ error: code, message, ...(Object.keys(errors).length > 0 ? { errors } : {}) }, status);
const appFailure = (c: C, e: AppError) => failure(c, statusOf(e), e.code, e.message, e.fieldErrors);

async function jsonBody(c: C): Promise<Body | undefined> {
  const value: unknown = await c.req.json().catch(() => undefined);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : undefined;
}

/** Registers GET and POST /api/v1/publications and POST /api/v1/publications/:id/actions. */
export function registerPublicationApi(app: Hono<WebEnv>): void {
  app.get('/api/v1/publications', async (c) => {
    const ctx = c.get('ctx');
    const orgs = await ctx.repos.orgs.list();
    const parsed = parseListQuery(c, orgs);
    if ('errors' in parsed) return failure(c, 422, 'invalid', '查询参数有误', parsed.errors);
    const result = await publicList(ctx, parsed.filter, parsed.page);
    if (!result) return failure(c, 422, 'invalid', '查询参数有误', { q: '检索词至少应有两个汉字（或两个字母、数字）' });
    const origin = await publicOrigin(c);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const names = await categoryNames(c, result.items);
    c.header('Cache-Control', 'no-cache');
    return c.json({
      items: result.items.map((i) => itemJson(i, origin, byId.get(i.orgId), names.get(i.categoryId) ?? '')),
      total: result.total,
      ...(result.totalCapped ? { totalCapped: true } : {}),
      limit: parsed.page.limit,
      offset: parsed.page.offset,
    });
  });

  app.post('/api/v1/publications', async (c) => {
    const user = await apiUser(c);
    if (user instanceof Response) return user;
    const body = await jsonBody(c);
    if (!body) return failure(c, 400, 'bad_request', '请求体应为 JSON 对象');
    // Attachments are not taken over JSON; `orgId` is the back office's field (the API names `org`).
    const { attachments: _a, orgId: _o, ...input } = body;
    try {
      const r = await createDraft(c.get('ctx'), actorOf(user), input);
      return c.json({ id: r.id, indexNo: r.indexNo, state: 'draft' }, 201);
    } catch (e) {
      if (e instanceof AppError) return appFailure(c, e);
      throw e;
    }
  });

  app.post('/api/v1/publications/:id/actions', async (c) => {
    const user = await apiUser(c);
    if (user instanceof Response) return user;
    const body = await jsonBody(c);
    if (!body) return failure(c, 400, 'bad_request', '请求体应为 JSON 对象');
    const { action, ...params } = body;
    if (typeof action !== 'string' || !(API_PUBLICATION_ACTIONS as readonly string[]).includes(action)) {
      return failure(c, 422, 'invalid', '未知的操作', {
        action: `action 应为以下之一：${API_PUBLICATION_ACTIONS.join(', ')}`,
      });
    }
    try {
      const r = await actOnPublication(
        c.get('ctx'),
        actorOf(user),
        c.req.param('id'),
        action as PublicationAction,
        params,
      );
      return c.json({ state: r.state, reviewLevel: r.reviewLevel, findings: r.findings });
    } catch (e) {
      if (e instanceof AppError) return appFailure(c, e);
      throw e;
    }
  });
}

/** Parses the list's query string; every malformed value is reported, none silently ignored. */
function parseListQuery(
  c: C,
  orgs: readonly Organization[],
):
  | { filter: PublicFilter & { q?: string }; page: { limit: number; offset: number } }
  | { errors: Record<string, string> } {
  const q = (k: string) => c.req.query(k)?.trim() ?? '';
  const errors: Record<string, string> = {};
  const int = (k: string, fallback: number, min: number, max: number): number => {
    const v = q(k);
    if (v === '') return fallback;
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) errors[k] = `${k} 应为 ${min} 到 ${max} 之间的整数`;
    return n;
  };
  const orgCode = q('org').toUpperCase();
  const org = orgCode === '' ? undefined : orgs.find((o) => o.creditCode === orgCode);
  if (orgCode !== '' && !org) errors.org = '没有该统一社会信用代码的机构';
  const kind = q('kind');
  if (kind !== '' && !(PUBLICATION_KINDS as readonly string[]).includes(kind)) {
    errors.kind = `kind 应为以下之一：${PUBLICATION_KINDS.join(', ')}`;
  }
  const year = q('year');
  if (year !== '' && !/^\d{4}$/.test(year)) errors.year = 'year 应为四位年份';
  const category = q('category');
  if (category !== '' && !/^[\w-]{1,64}$/.test(category)) errors.category = 'category 应为栏目编号';
  const page = {
    limit: int('limit', DEFAULT_LIMIT, 1, MAX_API_LIMIT),
    offset: int('offset', 0, 0, Number.MAX_SAFE_INTEGER),
  };
  if (Object.keys(errors).length > 0) return { errors };
  const filter: PublicFilter & { q?: string } = {
    ...(org ? { orgIds: [org.id] } : {}),
    ...(category ? { categoryId: category } : {}),
    ...(kind ? { kind: kind as PublicationKind } : {}),
    ...(year ? { year: Number(year) } : {}),
    ...(q('q') ? { q: q('q').slice(0, 100) } : {}),
  };
  return { filter, page };
}

async function categoryNames(c: C, items: readonly PublicItem[]): Promise<Map<string, string>> {
  const ctx = c.get('ctx');
  const out = new Map<string, string>();
  for (const orgId of new Set(items.map((i) => i.orgId))) {
    for (const cat of await ctx.repos.categories.list(orgId, { includeRetired: true })) out.set(cat.id, cat.name);
  }
  return out;
}

/** One item of the open-data list: the metadata table's fields and absolute links. */
function itemJson(i: PublicItem, origin: string, org: Organization | undefined, categoryName: string) {
  return {
    id: i.id,
    url: origin + i.url,
    indexNo: i.indexNo,
    title: i.title,
    publisher: i.publisher,
    org: org ? { creditCode: org.creditCode, name: org.name } : null,
    docNo: i.docNo,
    writtenOn: i.writtenOn,
    publishedOn: i.publishedOn,
    kind: i.kind,
    kindLabel: KIND_LABELS[i.kind],
    category: { id: i.categoryId, name: categoryName },
    topic: i.topic,
    validity: i.validity,
    validityLabel: VALIDITY_LABELS[i.validity],
    validityOn: i.validityOn,
    summary: i.summary,
    keyAreas: i.keyAreas,
    keywords: i.keywords === '' ? [] : i.keywords.split(','),
    attachments: i.attachments.map((a) => ({
      name: a.name,
      mime: a.mime,
      size: a.size,
      url: `${origin}/files/${a.fileId}?pub=${encodeURIComponent(i.id)}`,
    })),
  };
}
