// What the applicant downloads on the track page (/track) after a reply served 网上获取 (request.delivery
// 'online'): the reply notice and the files released with it, only to the holder of a valid pass for that case
// (track.ts), never by tracking code alone.
import type { ApplicationContext } from './ports.js';
import type { ApplicationSnapshot } from '../../domain/applications/application.js';
import { notFound } from '../errors.js';
import { readTrackPass, type PassRefusal } from './track.js';
import { fileDownload } from './reply-files.js';

/** The downloads of a replied case: its reply notice and the released files. */
export type TrackDownloads = {
  /** The 答复告知书, viewed at /track/notices/:id. */
  replyNotice: { id: string; title: string; docNo: string } | null;
  files: { id: string; name: string; mime: string; size: number }[];
};

/** Whether a case offers its reply online: answered (or filed after it) and asked to be obtained online. */
const offersOnline = (app: Pick<ApplicationSnapshot, 'state' | 'request'>): boolean =>
  (app.state === 'replied' || app.state === 'archived') && app.request.delivery === 'online';

/**
 * The downloads the pass's case page offers.
 * @returns null when the pass opens nothing or the case offers nothing online
 */
export async function trackDownloads(ctx: ApplicationContext, token: string): Promise<TrackDownloads | null> {
  const pass = readTrackPass(ctx, token);
  if (!pass.ok) return null;
  const app = await ctx.repos.applications.byId(pass.caseId);
  if (!app || !offersOnline(app)) return null;
  const [notices, files] = await Promise.all([
    ctx.repos.notices.forApplication(app.id),
    ctx.repos.replyFiles.forApplication(app.id),
  ]);
  const reply = notices.findLast((n) => n.kind === 'reply');
  return {
    replyNotice: reply ? { id: reply.id, title: (reply.body as { title: string }).title, docNo: reply.docNo } : null,
    files: files.map(({ id, name, mime, size }) => ({ id, name, mime, size })),
  };
}

/**
 * One released file, to the holder of a valid pass for its case.
 * @returns the download, or why the pass opens nothing
 * @throws AppError 'not_found' for a file of another case, or a case that offers nothing online
 */
export async function trackReleasedFile(
  ctx: ApplicationContext,
  token: string,
  fileId: string,
): Promise<
  { ok: true; file: { bytes: Uint8Array; mime: string; name: string } } | { ok: false; refusal: PassRefusal }
> {
  const pass = readTrackPass(ctx, token);
  if (!pass.ok) return pass;
  const app = await ctx.repos.applications.byId(pass.caseId);
  const file =
    app && offersOnline(app)
      ? (await ctx.repos.replyFiles.forApplication(app.id)).find((f) => f.id === fileId)
      : undefined;
  if (!file) throw notFound('文件');
  return { ok: true, file: await fileDownload(ctx.repos, file) };
}
