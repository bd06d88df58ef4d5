// Creating and editing drafts: validation with Chinese field errors, the catalogue category, the
// interpreted document (by 索引号), attachments stored by content hash, and the generated 索引号.
import type { AppContext, Repos } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import {
  INTERPRETABLE_KINDS,
  interpretationDraft,
  parseDraft,
  type DraftInput,
  type ParsedDraft,
} from '../../domain/publications/draft-fields.js';
import { nextIndexNo } from '../numbering/index-no.js';
import { bodyHtmlOf } from '../../domain/publications/body-text.js';
import { reassessmentDueOn } from '../../domain/publications/deadlines.js';
import type { PublicationFields, PublicationKind, ReviewEntry } from '../../domain/publications/publication.js';
import { canEditPublications, canViewPublications } from '../../domain/policies/publication-policy.js';
import { ancestry, type Organization } from '../../domain/orgs/organization.js';
import { localDate, yearOf, type LocalDate } from '../../domain/core/local-date.js';
import { auditBy } from '../actors.js';
import { AppError, conflict, invalid, notFound } from '../errors.js';
import { ensureCatalogue, loadPublicationConfig } from './catalogue.js';
import type { PublicationAttachment, PublicationRecord } from './ports.js';
import { isAttachmentMime, MAX_ATTACHMENT_BYTES } from '../../domain/publications/attachments.js';
import { resolveCatalogueRow } from '../standard-catalogue/link-row.js';

/** What drafting uses: the repositories, a transaction, the clock, ids and the HTML allow-list. */
export type DraftContext = Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto' | 'sanitizer'>;

/** An uploaded attachment. */
export type AttachmentUpload = { name: string; mime: string; content: Uint8Array };

/** Default category of each kind when none is given (by statutory key). */
const KIND_CATEGORY: Partial<Record<PublicationKind, string>> = {
  rule: 'policy-rule',
  normative: 'policy-normative',
  other_document: 'policy-other',
  interpretation: 'policy-interpretation',
};

/** A draft's organization: by id or 统一社会信用代码 (`org`), with its ancestry. */
export async function resolveOrg(
  ctx: Pick<AppContext, 'repos'>,
  input: DraftInput,
): Promise<{ org: Organization; orgIds: string[] }> {
  const key = typeof input.org === 'string' ? input.org.trim() : typeof input.orgId === 'string' ? input.orgId : '';
  const orgs = await ctx.repos.orgs.list();
  const org = orgs.find((o) => o.id === key || o.creditCode === key.toUpperCase());
  if (!org) throw invalid('发布机关有误', { org: '请选择本系统内的机关' });
  return { org, orgIds: ancestry(orgs, org.id) };
}

/** Resolves the category (id or slug) and the interpreted document (索引号) of a parsed draft. */
async function resolveRefs(
  repos: Repos,
  orgId: string,
  d: ParsedDraft,
): Promise<{ categoryId: string; interpretsId: string | null }> {
  const cats = await repos.categories.list(orgId);
  const cat =
    d.category !== ''
      ? cats.find((c) => c.id === d.category || c.slug === d.category)
      : cats.find((c) => c.statutoryKey === KIND_CATEGORY[d.kind]);
  const errors: Record<string, string> = {};
  if (!cat || cat.kind !== 'category') {
    errors.category = d.category === '' ? '请选择栏目' : '栏目不存在或不能直接发布信息';
  }
  const interpretsId = d.interprets === '' ? null : ((await repos.publications.idByIndexNo(d.interprets)) ?? null);
  if (d.interprets !== '' && interpretsId === null) errors.interprets = `没有索引号为“${d.interprets}”的信息`;
  if (Object.keys(errors).length > 0 || !cat) throw invalid('信息填写有误', errors);
  return { categoryId: cat.id, interpretsId };
}

/** The next ledger number of an item. */
export const nextSeq = (pub: Pick<PublicationRecord, 'reviews'>): number => (pub.reviews.at(-1)?.seq ?? 0) + 1;

/** A ledger row of a staff member's step outside the review levels (creating, editing, re-assessing). */
export function ledgerEntry(seq: number, action: string, actor: Actor, at: string, comment = ''): ReviewEntry {
  return { seq, level: null, action, actorId: actor.userId, actorLabel: actor.username, at, comment, findings: [] };
}

function checkUploads(files: readonly AttachmentUpload[]): void {
  const errors: Record<string, string> = {};
  files.forEach((f, i) => {
    if (!isAttachmentMime(f.mime)) {
      errors[`attachments.${i}`] = `附件“${f.name}”的类型不支持，可上传PDF、DOCX、XLSX或图片`;
    } else if (f.content.byteLength > MAX_ATTACHMENT_BYTES) errors[`attachments.${i}`] = `附件“${f.name}”超过20MB`;
    else if (f.name.trim() === '') errors[`attachments.${i}`] = '附件应有名称';
  });
  if (Object.keys(errors).length > 0) throw invalid('附件有误', errors);
}

async function storeUploads(
  r: Repos,
  files: readonly AttachmentUpload[],
  at: string,
): Promise<PublicationAttachment[]> {
  const out: PublicationAttachment[] = [];
  for (const f of files) {
    out.push({
      fileId: await r.files.put(f.content, f.mime, at),
      name: f.name.trim(),
      mime: f.mime,
      size: f.content.byteLength,
    });
  }
  return out;
}

/**
 * The input with its body as HTML (plain text made paragraphs: domain/publications/body-text.ts) through the
 * HTML allow-list, before validation (a body of nothing but scripts is empty).
 */
function withCleanBody(ctx: Pick<AppContext, 'sanitizer'>, input: DraftInput): DraftInput {
  const body =
    typeof input.body === 'string' ? input.body : typeof input.bodyHtml === 'string' ? input.bodyHtml : undefined;
  return body === undefined ? input : { ...input, body: ctx.sanitizer.html(bodyHtmlOf(body)) };
}

function parseOrThrow(input: DraftInput, today: LocalDate): ParsedDraft {
  const parsed = parseDraft(input, today);
  if (!parsed.ok) throw invalid('信息填写有误', parsed.error);
  return parsed.value;
}

function toFields(
  d: ParsedDraft,
  refs: { categoryId: string; interpretsId: string | null },
  org: Organization,
): PublicationFields {
  const { category: _c, interprets: _i, ...rest } = d;
  return { ...rest, publisher: rest.publisher || org.name, ...refs };
}

/**
 * Creates a draft with a new 索引号.
 * @param input the draft fields plus `org` (credit code or id) and optional `attachments`
 * @returns the new item's id and 索引号
 * @throws AppError 'forbidden' (not an editor of the organization), 'invalid' with field messages
 */
export async function createDraft(
  ctx: DraftContext,
  actor: Actor,
  input: DraftInput & { attachments?: readonly AttachmentUpload[] },
): Promise<{ id: string; indexNo: string }> {
  const { org, orgIds } = await resolveOrg(ctx, input);
  if (!canEditPublications(actor, orgIds)) throw new AppError('forbidden', '需要“信息编辑”角色才能起草信息');
  const today = localDate(ctx.clock.today());
  const draft = parseOrThrow(withCleanBody(ctx, input), today);
  await ensureCatalogue(ctx, org.id);
  const fields = toFields(draft, await resolveRefs(ctx.repos, org.id, draft), org);
  fields.catalogueRowId = await resolveCatalogueRow(ctx.repos, org.id, input.catalogueRow);
  const uploads = input.attachments ?? [];
  checkUploads(uploads);
  const config = await loadPublicationConfig(ctx.repos, org.id);
  const now = ctx.clock.nowIso();
  const id = ctx.crypto.newId();
  return ctx.uow.run(async (r) => {
    const year = yearOf(today);
    const indexNo = await nextIndexNo(r, config.indexPattern, org, year);
    const attachments = await storeUploads(r, uploads, now);
    const reassessOn = fields.disclosure === 'withheld' ? reassessmentDueOn(today) : null;
    await r.publications.insert({
      ...fields,
      id,
      orgId: org.id,
      indexNo,
      state: 'draft',
      reviewLevel: null,
      scheduledAt: null,
      currentVersion: null,
      publishedOn: null,
      reassessOn,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      withdrawnAt: null,
      withdrawReason: null,
      attachments,
    });
    await r.publications.appendReview(id, ledgerEntry(1, 'create', actor, now));
    await r.audit.append(
      auditBy(actor, {
        action: 'publication.created',
        entityType: 'publication',
        entityId: id,
        orgId: org.id,
        before: null,
        after: { indexNo, title: fields.title, kind: fields.kind, disclosure: fields.disclosure },
      }),
      now,
    );
    return { id, indexNo };
  });
}

/**
 * "为本文件起草解读": creates the interpretation draft of a 规章, 行政规范性文件 or 其他文件, already linked to it
 * (kind interpretation, interprets = its 索引号), in its organization.
 * @returns the new draft's id and 索引号
 * @throws AppError 'not_found' (also a document the actor may not see), 'conflict' (a kind that is not
 *   interpreted, or a withdrawn document), 'forbidden' (not an editor of its organization)
 */
export async function draftInterpretation(
  ctx: DraftContext,
  actor: Actor,
  documentId: string,
): Promise<{ id: string; indexNo: string }> {
  const doc = await ctx.repos.publications.byId(documentId);
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  if (!doc || !canViewPublications(actor, ancestry(orgs, doc.orgId))) throw notFound('信息');
  if (!INTERPRETABLE_KINDS.includes(doc.kind)) throw conflict('只有规章、行政规范性文件和其他文件可以起草政策解读');
  if (doc.state === 'withdrawn') throw conflict('该文件已撤稿，不能为其起草解读');
  return createDraft(ctx, actor, interpretationDraft(doc, localDate(ctx.clock.today())));
}

/**
 * Edits a draft (state `draft`: new, rejected, or a revision of a published item).
 * @param input the full set of draft fields; `attachments` replaces the list when given
 * @throws AppError 'not_found', 'forbidden', 'conflict' (not a draft), 'invalid'
 */
export async function updateDraft(
  ctx: DraftContext,
  actor: Actor,
  id: string,
  input: DraftInput & { attachments?: readonly AttachmentUpload[]; keepAttachments?: boolean },
): Promise<void> {
  const pub = await ctx.repos.publications.byId(id);
  if (!pub) throw notFound('信息');
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const org = orgs.find((o) => o.id === pub.orgId);
  if (!org || !canEditPublications(actor, ancestry(orgs, pub.orgId))) {
    throw new AppError('forbidden', '需要“信息编辑”角色才能修改信息');
  }
  if (pub.state !== 'draft') throw conflict('只有草稿可以修改；已送审的信息请先退回');
  const today = localDate(ctx.clock.today());
  const draft = parseOrThrow(withCleanBody(ctx, input), today);
  const fields = toFields(draft, await resolveRefs(ctx.repos, pub.orgId, draft), org);
  fields.catalogueRowId = await resolveCatalogueRow(
    ctx.repos,
    pub.orgId,
    input.catalogueRow,
    pub.catalogueRowId ?? null,
  );
  if (fields.interpretsId === id) throw invalid('信息填写有误', { interprets: '政策解读不能解读其本身' });
  const uploads = input.attachments ?? [];
  checkUploads(uploads);
  const now = ctx.clock.nowIso();
  const reassessOn = fields.disclosure !== 'withheld' ? null : (pub.reassessOn ?? reassessmentDueOn(today));
  await ctx.uow.run(async (r) => {
    await r.publications.updateFields(id, fields, reassessOn, now);
    if (input.attachments !== undefined || input.keepAttachments === false) {
      await r.publications.setAttachments(id, await storeUploads(r, uploads, now));
    }
    await r.publications.appendReview(id, ledgerEntry(nextSeq(pub), 'edit', actor, now));
    await r.audit.append(
      auditBy(actor, {
        action: 'publication.edited',
        entityType: 'publication',
        entityId: id,
        orgId: pub.orgId,
        before: { title: pub.title, kind: pub.kind },
        after: { title: fields.title, kind: fields.kind },
      }),
      now,
    );
  });
}
