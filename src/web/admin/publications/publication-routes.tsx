/** @jsxImportSource hono/jsx */
// Back-office pages of 主动公开: the list, drafting and editing (with attachments), the item page
// with its review trail and moves, the moves themselves, attachment downloads, and (from
// catalogue-routes.tsx) the catalogue and publication settings of an organization.
import type { Context, Hono } from 'hono';
import { AppError } from '../../../app/errors.js';
import { createDraft, type AttachmentUpload } from '../../../app/publications/drafts.js';
import { actOnPublication } from '../../../app/publications/act-on-publication.js';
import {
  categoryChoices,
  editDraft,
  listPublicationRows,
  publicationOrgs,
  publicationPage,
} from '../../../app/publications/back-office.js';
import { canEditPublications, canManageCatalogue } from '../../../domain/policies/publication-policy.js';
import type { Actor } from '../../../domain/policies/actor.js';
import {
  PUBLICATION_KINDS,
  PUBLICATION_STATES,
  type PublicationKind,
  type PublicationState,
} from '../../../domain/publications/publication.js';
import {
  ACTION_LABELS,
  PUBLICATION_ACTIONS,
  type PublicationAction,
} from '../../../domain/publications/transition-table.js';
import { ancestry } from '../../../domain/orgs/organization.js';
import type { PublicationRecord } from '../../../app/publications/ports.js';
import { list, requireActor, statusOf, str } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import { officeTimeZone } from '../../common/time.js';
import { AdminLayout } from '../../common/layout.js';
import {
  FIELD_LABELS,
  PublicationFormPage,
  PublicationListPage,
  type PublicationListQuery,
} from './publication-views.js';
import { PublicationCasePage, type FailedMove } from './publication-page-views.js';
import { registerCatalogueRoutes } from './catalogue-routes.js';
import { reassessmentPanel } from '../../../app/publications/reassessment.js';
import type { ReassessFailure } from './publication-reassess-views.js';
import { catalogueRowChoices } from '../../../app/standard-catalogue/link-row.js';

type C = Context<WebEnv>;

const PAGE_SIZE = 20;
const TEXT_FIELDS = Object.keys(FIELD_LABELS).filter((k) => !['keyAreas', 'attachments', 'major'].includes(k));

const isState = (v: string): v is PublicationState => (PUBLICATION_STATES as readonly string[]).includes(v);
const isKind = (v: string): v is PublicationKind => (PUBLICATION_KINDS as readonly string[]).includes(v);
const isAction = (v: string): v is PublicationAction => (PUBLICATION_ACTIONS as readonly string[]).includes(v);

/** The draft form as submitted: typed values (key areas comma-joined), removals and new files. */
type DraftForm = { values: Record<string, string>; remove: string[]; files: File[] };

async function readDraftForm(c: C): Promise<DraftForm> {
  const body = await c.req.parseBody({ all: true });
  const form: Record<string, string | string[]> = {};
  const files: File[] = [];
  for (const [k, v] of Object.entries(body)) {
    const items = Array.isArray(v) ? v : [v];
    if (k === 'attachments') files.push(...items.filter((x): x is File => x instanceof File && x.size > 0));
    else form[k] = items.filter((x): x is string => typeof x === 'string');
  }
  const values = Object.fromEntries(TEXT_FIELDS.map((k) => [k, str(form, k)]));
  values.keyAreas = list(form, 'keyAreas').join(',');
  values.major = str(form, 'major') === 'on' ? 'on' : '';
  return { values, remove: list(form, 'removeAttachment'), files };
}

/** What a file's first bytes say it is (the declared type is not trusted); ZIP containers by extension. */
function sniffMime(name: string, bytes: Uint8Array): string {
  const head = (n: number) => [...bytes.subarray(0, n)].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (head(4) === '25504446') return 'application/pdf';
  if (head(8) === '89504e470d0a1a0a') return 'image/png';
  if (head(3) === 'ffd8ff') return 'image/jpeg';
  if (head(4) === '47494638') return 'image/gif';
  if (head(4) === '504b0304') {
    if (/\.docx$/i.test(name)) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (/\.xlsx$/i.test(name)) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return 'application/zip';
  }
  // Every accepted type has a signature: anything else is refused whatever it claims to be.
  return 'application/octet-stream';
}

async function uploadsOf(files: readonly File[]): Promise<AttachmentUpload[]> {
  return Promise.all(
    files.map(async (f) => {
      const content = new Uint8Array(await f.arrayBuffer());
      return { name: f.name, mime: sniffMime(f.name, content), content };
    }),
  );
}

/** The use-case input of the form's values. */
function draftInput(v: Record<string, string>): Record<string, unknown> {
  return { ...v, keyAreas: (v.keyAreas ?? '').split(',').filter((x) => x !== ''), major: v.major === 'on' };
}

/** A record's fields as form values. */
function valuesOf(pub: PublicationRecord, interpretsIndexNo: string): Record<string, string> {
  return {
    org: pub.orgId,
    title: pub.title,
    category: pub.categoryId,
    kind: pub.kind,
    docNo: pub.docNo,
    writtenOn: pub.writtenOn,
    publisher: pub.publisher,
    topic: pub.topic,
    summary: pub.summary,
    keywords: pub.keywords,
    keyAreas: pub.keyAreas.join(','),
    validity: pub.validity,
    validityOn: pub.validityOn ?? '',
    disclosure: pub.disclosure,
    withheldGround: pub.withheldGround ?? '',
    major: pub.major ? 'on' : '',
    interprets: interpretsIndexNo,
    body: pub.bodyHtml,
    catalogueRow: pub.catalogueRowId ?? '',
  };
}

/**
 * `YYYY-MM-DDTHH:mm` in the office's time zone as an ISO instant (other text passes through for the use case to judge).
 */
function officeLocalToIso(text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text);
  if (!m) return text;
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: officeTimeZone(),
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const shown = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return new Date(guess - (shown - guess)).toISOString();
}

/** Renders the draft form (new or edit) with the organization's choices. */
async function formPage(
  c: C,
  actor: Actor,
  p: {
    orgId: string;
    values: Record<string, string>;
    edit?: { id: string; indexNo: string; attachments: PublicationRecord['attachments'] };
    errors?: Record<string, string>;
    message?: string;
    status?: 200 | 403 | 404 | 409 | 422;
  },
): Promise<Response> {
  const ctx = c.get('ctx');
  const [{ editable }, categories, areas, org] = await Promise.all([
    publicationOrgs(ctx, actor),
    categoryChoices(ctx, p.orgId),
    ctx.repos.standardCatalogue.areas(p.orgId),
    ctx.repos.orgs.byId(p.orgId),
  ]);
  const catalogueRows = await catalogueRowChoices(ctx, p.orgId, p.values.catalogueRow || null);
  const page = (
    <PublicationFormPage
      actor={actor}
      csrf={c.get('csrf')}
      edit={p.edit}
      org={{ id: p.orgId, name: org?.name ?? '' }}
      orgs={editable.map((o) => [o.id, o.name])}
      values={p.values}
      categories={categories}
      keyAreas={areas.map((a) => a.name)}
      catalogueRows={catalogueRows}
      errors={p.errors}
      message={p.message}
    />
  );
  return c.html(page, p.status ?? 200);
}

/** Renders the item page, optionally after a failed move or re-assessment (with its status). */
export async function casePage(
  c: C,
  actor: Actor,
  id: string,
  failed?: FailedMove & { status: 403 | 409 | 422 },
  reassessFailed?: ReassessFailure & { status: 403 | 409 | 422 },
): Promise<Response> {
  const ctx = c.get('ctx');
  const page = await publicationPage(ctx, actor, id);
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const canEdit = page.pub.state === 'draft' && canEditPublications(actor, ancestry(orgs, page.pub.orgId));
  const flashKey = c.req.query('flash') ?? '';
  const flash =
    failed || reassessFailed
      ? undefined
      : flashKey === 'created'
        ? '草稿已保存。'
        : flashKey === 'saved'
          ? '修改已保存。'
          : flashKey === 'reassessed'
            ? '已记录定期评估审查结论。'
            : isAction(flashKey)
              ? `已完成“${ACTION_LABELS[flashKey]}”。`
              : undefined;
  const reassess = {
    panel: await reassessmentPanel(ctx, actor, id),
    today: ctx.clock.today(),
    ...(reassessFailed ? { failed: reassessFailed } : {}),
  };
  const html = (
    <PublicationCasePage
      actor={actor}
      csrf={c.get('csrf')}
      page={page}
      bodyHtml={ctx.sanitizer.html(page.pub.bodyHtml)}
      canEdit={canEdit}
      flash={flash}
      failed={failed}
      reassess={reassess}
    />
  );
  return c.html(html, failed?.status ?? reassessFailed?.status ?? 200);
}

const notFoundOr = (c: C, e: unknown): Response => {
  if (e instanceof AppError && e.code === 'not_found') return c.notFound() as Response;
  throw e;
};

/** Registers the /admin/publications pages and the catalogue pages. */
export function registerPublicationRoutes(app: Hono<WebEnv>): void {
  app.get('/admin/publications', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const ctx = c.get('ctx');
    const q = (k: string) => (c.req.query(k) ?? '').trim();
    const query: PublicationListQuery = {
      q: q('q'),
      state: q('state'),
      kind: q('kind'),
      category: q('category'),
      org: q('org'),
      page: Math.max(1, Math.floor(Number(q('page')) || 1)),
    };
    const { visible, editable } = await publicationOrgs(ctx, actor);
    const orgId = visible.some((o) => o.id === query.org) ? query.org : undefined;
    const filter = {
      ...(orgId ? { orgIds: [orgId] } : {}),
      states:
        query.state === 'review'
          ? (['submitted', 'in_review'] as const)
          : isState(query.state)
            ? [query.state]
            : undefined,
      kind: isKind(query.kind) ? query.kind : undefined,
      categoryId: query.category || undefined,
      query: query.q || undefined,
    };
    const catalogueOrg = orgId ?? (visible.some((o) => o.id === actor.homeOrgId) ? actor.homeOrgId : visible[0]?.id);
    const [{ items, total }, categories] = await Promise.all([
      listPublicationRows(ctx, actor, filter, { limit: PAGE_SIZE, offset: (query.page - 1) * PAGE_SIZE }),
      catalogueOrg ? categoryChoices(ctx, catalogueOrg) : Promise.resolve([]),
    ]);
    const orgs: [string, string][] = visible.map((o) => [o.id, o.name]);
    const manageable = catalogueOrg && canManageCatalogue(actor, ancestry(visible, catalogueOrg)) ? catalogueOrg : null;
    return c.html(
      <PublicationListPage
        actor={actor}
        csrf={c.get('csrf')}
        rows={items}
        total={total}
        pageSize={PAGE_SIZE}
        query={query}
        orgs={orgs}
        categories={categories}
        canDraft={editable.length > 0}
        catalogueOrgId={manageable}
      />,
    );
  });

  app.get('/admin/publications/new', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const { editable } = await publicationOrgs(c.get('ctx'), actor);
    const org =
      editable.find((o) => o.id === c.req.query('org')) ??
      editable.find((o) => o.id === actor.homeOrgId) ??
      editable[0];
    if (!org) {
      const page = (
        <AdminLayout title="起草信息" actor={actor} csrf={c.get('csrf')} path="/admin/publications">
          <p class="notice">您不是任何机构的“信息编辑”，不能起草信息。</p>
        </AdminLayout>
      );
      return c.html(page, 403);
    }
    return formPage(c, actor, {
      orgId: org.id,
      values: {
        kind: 'other_document',
        validity: 'valid',
        disclosure: 'proactive',
        writtenOn: c.get('ctx').clock.today(),
      },
    });
  });

  app.post('/admin/publications/new', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const ctx = c.get('ctx');
    const form = await readDraftForm(c);
    try {
      const r = await createDraft(ctx, actor, { ...draftInput(form.values), attachments: await uploadsOf(form.files) });
      return c.redirect(`/admin/publications/${r.id}?flash=created`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const { editable } = await publicationOrgs(ctx, actor);
      const orgId = editable.find((o) => o.id === form.values.org)?.id ?? editable[0]?.id ?? '';
      const status = statusOf(e);
      return formPage(c, actor, {
        orgId,
        values: form.values,
        errors: attachmentErrors(e.fieldErrors),
        message: e.message,
        status: status === 403 || status === 409 ? status : 422,
      });
    }
  });

  app.get('/admin/publications/:id', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    try {
      return await casePage(c, actor, c.req.param('id'));
    } catch (e) {
      return notFoundOr(c, e);
    }
  });

  app.get('/admin/publications/:id/edit', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    try {
      const { pub, interprets } = await publicationPage(c.get('ctx'), actor, c.req.param('id'));
      const edit = { id: pub.id, indexNo: pub.indexNo, attachments: pub.attachments };
      const editable = (await publicationOrgs(c.get('ctx'), actor)).editable.some((o) => o.id === pub.orgId);
      const [status, message] = !editable
        ? ([403, '需要“信息编辑”角色才能修改信息'] as const)
        : pub.state !== 'draft'
          ? ([409, '只有草稿可以修改；已送审的信息请先退回'] as const)
          : ([200, undefined] as const);
      return formPage(c, actor, {
        orgId: pub.orgId,
        values: valuesOf(pub, interprets?.indexNo ?? ''),
        edit,
        status,
        message,
      });
    } catch (e) {
      return notFoundOr(c, e);
    }
  });

  app.post('/admin/publications/:id/edit', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const ctx = c.get('ctx');
    const id = c.req.param('id');
    const pub = await ctx.repos.publications.byId(id);
    if (!pub) return c.notFound();
    const form = await readDraftForm(c);
    try {
      await editDraft(ctx, actor, id, draftInput(form.values), {
        remove: form.remove,
        added: await uploadsOf(form.files),
      });
      return c.redirect(`/admin/publications/${id}?flash=saved`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'not_found') return c.notFound();
      const status = statusOf(e);
      const edit = { id, indexNo: pub.indexNo, attachments: pub.attachments };
      return formPage(c, actor, {
        orgId: pub.orgId,
        values: form.values,
        edit,
        errors: attachmentErrors(e.fieldErrors),
        message: e.message,
        status: status === 403 || status === 409 ? status : 422,
      });
    }
  });

  app.get('/admin/publications/:id/files/:fileId', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const ctx = c.get('ctx');
    const page = await publicationPage(ctx, actor, c.req.param('id')).catch(() => undefined);
    const att = page?.pub.attachments.find((a) => a.fileId === c.req.param('fileId'));
    const file = att ? await ctx.repos.files.get(att.fileId) : undefined;
    if (!att || !file) return c.notFound();
    c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(att.name)}`);
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(new Uint8Array(file.content), 200, { 'Content-Type': att.mime });
  });

  app.post('/admin/publications/:id/actions', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const values = Object.fromEntries(
      Object.entries(body).filter(([k, v]) => k !== '_csrf' && k !== 'action' && typeof v === 'string'),
    ) as Record<string, string>;
    const action = typeof body.action === 'string' ? body.action : '';
    try {
      if (!isAction(action)) {
        return await casePage(c, actor, id, { action, message: '未知的办理事项', values, status: 422 });
      }
      const at = values.when === 'at' ? (values.at ?? '').trim() : '';
      if (values.when === 'at' && at === '') {
        return await casePage(c, actor, id, { action, message: '请填写定时发布时间', values, status: 422 });
      }
      const params = {
        comment: values.comment ?? '',
        reason: values.reason ?? '',
        acceptFindings: values.acceptFindings === 'true',
        at: officeLocalToIso(at),
      };
      await actOnPublication(c.get('ctx'), actor, id, action, params);
      return c.redirect(`/admin/publications/${id}?flash=${action}`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      if (e.code === 'not_found') return c.notFound();
      const status = statusOf(e);
      const message = [e.message, ...Object.values(e.fieldErrors)].join('：');
      return casePage(c, actor, id, {
        action,
        message,
        values,
        status: status === 403 || status === 409 ? status : 422,
      });
    }
  });

  registerCatalogueRoutes(app);
}

/** Per-file upload errors (`attachments.0` …) folded into the form's one attachments field. */
function attachmentErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) {
    if (k.startsWith('attachments.')) out.attachments = out.attachments ? `${out.attachments}；${v}` : v;
    else out[k] = v;
  }
  return out;
}
