// "从Word导入正文": a Word document (DOCX) read off the main thread into the body of a draft — headings,
// paragraphs, tables and lists as HTML through the same allow-list as a typed body — and its images stored as
// files and placed in the body by their portal address. Nothing of the item changes: the form shows the body
// for the editor to check, and the images become attachments when the draft is saved. The form carries each
// image as a reference signed for the editor who imported it, so a reference cannot be made up to attach a
// file someone else stored.
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { escapeHtml } from '../../domain/core/text.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { canEditPublications } from '../../domain/policies/publication-policy.js';
import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  sniffAttachmentType,
  type AttachmentMime,
} from '../../domain/publications/attachments.js';
import { DocumentRefused } from '../documents/ports.js';
import { AppError, invalid, notFound } from '../errors.js';
import { resolveOrg, type AttachmentUpload } from './drafts.js';

/** What the import uses: the reader, the allow-list, the file store, the portal's addresses and signatures. */
export type WordImportContext = Pick<
  AppContext,
  'repos' | 'uow' | 'clock' | 'crypto' | 'sanitizer' | 'wordBody' | 'portalUrls'
>;

/** An image of the document, stored: its signed reference (what the form sends back), name and size. */
export type ImportedImage = { ref: string; name: string; size: number };

/** The body read from the document, its images, and how many images could not be kept. */
export type WordImport = { body: string; images: ImportedImage[]; skipped: number };

/** The draft the body is imported into: a new one of an organization (id or credit code), or an existing item. */
export type ImportTarget = { org: string } | { publicationId: string };

/** Image types kept (what the portal shows and attachments accept); others (EMF, WMF, TIFF…) are left out. */
const IMAGE_MIMES: readonly AttachmentMime[] = ['image/png', 'image/jpeg', 'image/gif'];

/** The field the form shows import errors under. */
const FIELD = 'word';

async function authorize(ctx: WordImportContext, actor: Actor, target: ImportTarget): Promise<void> {
  if ('org' in target) {
    const { orgIds } = await resolveOrg(ctx, { org: target.org });
    if (canEditPublications(actor, orgIds)) return;
  } else {
    const pub = await ctx.repos.publications.byId(target.publicationId);
    if (!pub) throw notFound('信息');
    const orgs = await ctx.repos.orgs.list({ includeRetired: true });
    if (canEditPublications(actor, ancestry(orgs, pub.orgId))) return;
  }
  throw new AppError('forbidden', '需要“信息编辑”角色才能起草信息');
}

/** What is signed for a stored image: who imported it, and the file as listed. */
const signed = (
  ctx: Pick<AppContext, 'crypto'>,
  actor: Actor,
  fileId: string,
  mime: string,
  size: number,
  name: string,
) => ctx.crypto.sign(`word-image\n${actor.userId}\n${fileId}\n${mime}\n${size}\n${name}`);

/** The name an image of the document is listed under: the document's name and its number (`通知-图1.png`). */
function imageName(docName: string, n: number, mime: AttachmentMime): string {
  const stem =
    docName
      .replace(/\.[^.]*$/, '')
      .trim()
      .slice(0, 60) || 'Word文档';
  return `${stem}-图${n}${ATTACHMENT_TYPES[mime].ext}`;
}

/** Reads the document, or throws the form's Chinese error naming the file. */
async function readWord(ctx: WordImportContext, file: { name: string; content: Uint8Array }) {
  if (file.content.byteLength === 0) throw invalid('请选择要导入的Word文档', { [FIELD]: '请选择DOCX格式的Word文档' });
  try {
    return await ctx.wordBody(file.content);
  } catch (e) {
    const why = e instanceof DocumentRefused ? e.message : '文件无法读取，请确认是有效的Word文档（DOCX）';
    const message = `“${file.name}”${why}`;
    throw invalid(message, { [FIELD]: message });
  }
}

/**
 * Reads a Word document into a draft's body. The images of an accepted type (PNG, JPEG, GIF; at most 20 MB
 * each) are stored and shown in the body at their portal address; they become attachments when the draft is
 * saved with their references ({@link importedUploads}).
 * @throws AppError 'invalid' (no file, not a DOCX, refused by the document limits: the message names the file),
 *   'forbidden' (not an editor of the organization), 'not_found' (no such item)
 */
export async function importWordBody(
  ctx: WordImportContext,
  actor: Actor,
  target: ImportTarget,
  file: { name: string; content: Uint8Array },
): Promise<WordImport> {
  await authorize(ctx, actor, target);
  const read = await readWord(ctx, file);
  const now = ctx.clock.nowIso();
  const kept = read.images.map((image) => {
    const mime = sniffAttachmentType('', image.content);
    const ok = IMAGE_MIMES.some((m) => m === mime) && image.content.byteLength <= MAX_ATTACHMENT_BYTES;
    return ok ? { ...image, mime: mime as AttachmentMime } : undefined;
  });
  const stored = await ctx.uow.run(async (r) => {
    const ids: (string | undefined)[] = [];
    for (const k of kept) ids.push(k ? await r.files.put(k.content, k.mime, now) : undefined);
    return ids;
  });
  const images: ImportedImage[] = [];
  const srcOf = new Map<string, { src: string; name: string }>();
  kept.forEach((k, i) => {
    const fileId = stored[i];
    // The same image twice in the document is stored once (same content, same file): listed once.
    if (!k || !fileId || srcOf.has(fileId)) return;
    const name = imageName(file.name, images.length + 1, k.mime);
    const size = k.content.byteLength;
    const sig = signed(ctx, actor, fileId, k.mime, size, name);
    images.push({ ref: [fileId, k.mime, size, encodeURIComponent(name), sig].join(':'), name, size });
    srcOf.set(fileId, { src: ctx.portalUrls.attachment(fileId), name });
  });
  const html = read.html.replace(/<img\b[^>]*?\ssrc="word-image:(\d+)"[^>]*>/g, (_all, n: string) => {
    const i = Number(n);
    const fileId = stored[i];
    const listed = fileId ? srcOf.get(fileId) : undefined;
    if (!listed) return '';
    const alt = read.images[i]?.alt.trim() || listed.name;
    return `<img src="${escapeHtml(listed.src)}" alt="${escapeHtml(alt)}">`;
  });
  return { body: ctx.sanitizer.html(html), images, skipped: kept.filter((k) => !k).length };
}

/** The references the form sent back that are genuine (signed for this editor), with their names and sizes. */
export function importedImages(
  ctx: Pick<AppContext, 'crypto'>,
  actor: Actor,
  refs: readonly string[],
): ImportedImage[] {
  const out: ImportedImage[] = [];
  for (const ref of refs) {
    const [fileId = '', mime = '', sizeText = '', encoded = '', sig = '', ...rest] = ref.split(':');
    let name: string;
    try {
      name = decodeURIComponent(encoded);
    } catch {
      continue;
    }
    const size = Number(sizeText);
    const genuine =
      rest.length === 0 &&
      /^[0-9a-f]{64}$/.test(fileId) &&
      Number.isSafeInteger(size) &&
      ctx.crypto.equal(sig, signed(ctx, actor, fileId, mime, size, name));
    if (genuine && !out.some((o) => o.ref.startsWith(`${fileId}:`))) out.push({ ref, name, size });
  }
  return out;
}

/**
 * The imported images of a draft being saved, as uploads (the draft's attachments then list them); an image the
 * item edited already lists is not added twice.
 * @param publicationId the item edited, if any
 * @throws AppError 'invalid' when a reference is not genuine (made up, or signed for someone else)
 */
export async function importedUploads(
  ctx: Pick<AppContext, 'crypto' | 'repos'>,
  actor: Actor,
  refs: readonly string[],
  publicationId?: string,
): Promise<AttachmentUpload[]> {
  const images = importedImages(ctx, actor, refs);
  if (images.length < new Set(refs).size) {
    throw invalid('导入的图片有误，请重新导入Word文档', { [FIELD]: '导入的图片有误，请重新导入Word文档' });
  }
  const pub = publicationId === undefined ? undefined : await ctx.repos.publications.byId(publicationId);
  const listed = new Set(pub?.attachments.map((a) => a.fileId));
  const uploads: AttachmentUpload[] = [];
  for (const image of images) {
    const [fileId = '', mime = ''] = image.ref.split(':');
    const file = listed.has(fileId) ? undefined : await ctx.repos.files.get(fileId);
    if (file) uploads.push({ name: image.name, mime, content: file.content });
  }
  return uploads;
}
