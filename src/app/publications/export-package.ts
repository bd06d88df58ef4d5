// The archive package of a period's published items (Regulation art. 25): one organization
// (optionally with its subtree), a period and optional kinds → a ZIP with manifest.json,
// manifest.csv, index.html, one HTML page per item and each attachment once (by content hash).
// Which items and versions belong is decided in domain/publications/export-manifest.ts.
//
// Memory: only version stamps and the manifest's metadata are held for the whole period; bodies
// and files are read in chunks of EXPORT_CHUNK items and written straight to the package, which
// streams to its sink (the ZIP writer keeps only its directory).
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { ancestry, subtreeIds, type Organization } from '../../domain/orgs/organization.js';
import { canViewPublications } from '../../domain/policies/publication-policy.js';
import {
  attachmentPath,
  isCompressedType,
  itemPath,
  manifestCsv,
  manifestJson,
  parseExportRequest,
  pickExportVersion,
  versionWithdrawnOn,
  type ExportAttachment,
  type ExportEntry,
  type ExportMeta,
  type ExportRequest,
  type ExportVersionStamp,
} from '../../domain/publications/export-manifest.js';
import { indexHtml, itemPageHtml } from '../../domain/publications/export-html.js';
import { publicMetadata } from '../../domain/publications/publication.js';
import { auditBy } from '../actors.js';
import { AppError, invalid } from '../errors.js';
import { getPublicBaseUrl } from '../settings/public-base-url.js';
import type { ExportCandidate } from './archive-ports.js';
import { publicationOrgs } from './back-office.js';
import type { ReadContext } from './publication-queries.js';
import { localDate, yearOf, type LocalDate } from '../../domain/core/local-date.js';
import type { LiveVersion } from './ports.js';

/** Items whose bodies and files are read at once. */
export const EXPORT_CHUNK = 100;

/** An export as typed in the form or on the command line. */
export type ExportInput = {
  org: string;
  includeSubtree?: boolean;
  from: string;
  to: string;
  kinds?: readonly string[];
};

/** A validated, authorised export, ready to write. */
export type ExportPlan = {
  actor: Actor | null;
  org: Organization;
  orgIds: string[];
  includeSubtree: boolean;
  request: ExportRequest;
};

/** What was written. */
export type ExportSummary = { items: number; withdrawn: number; attachments: number; bytes: number };

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * Validates and authorises an export before anything is written (so a form can show the errors).
 * @param actor null for the CLI (the operator of the installation)
 * @throws AppError 'invalid' (field messages: org, from, to, kinds), 'forbidden'
 */
export async function planExport(
  ctx: Pick<AppContext, 'repos'>,
  actor: Actor | null,
  input: ExportInput,
): Promise<ExportPlan> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const key = input.org.trim();
  const org = orgs.find((o) => o.id === key || o.creditCode === key.toUpperCase());
  const parsed = parseExportRequest({ from: input.from, to: input.to, kinds: input.kinds ?? [] });
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.error };
  if (!org) errors.org = key === '' ? '请选择机关' : `没有统一社会信用代码为“${key}”的机关`;
  if (!org || !parsed.ok) throw invalid('导出条件有误', errors);
  if (actor !== null && !canViewPublications(actor, ancestry(orgs, org.id))) {
    throw new AppError('forbidden', '您不能导出该机关的信息');
  }
  const includeSubtree = input.includeSubtree === true;
  const orgIds = includeSubtree ? [...subtreeIds(orgs, org.id)] : [org.id];
  return { actor, org, orgIds, includeSubtree, request: parsed.value };
}

/** An item to pack: its version, and the day of its withdrawal in the office's time zone (GONGKAI_TZ). */
type Picked = { candidate: ExportCandidate; version: ExportVersionStamp; withdrawnOn: LocalDate | null };

/** The items of the plan with the version to pack, oldest 发布日期 first. */
async function pickItems(ctx: Pick<AppContext, 'repos' | 'clock'>, plan: ExportPlan): Promise<Picked[]> {
  const { period, kinds } = plan.request;
  const candidates = await ctx.repos.publicationArchive.exportCandidates({ orgIds: plan.orgIds, to: period.to });
  const picked: Picked[] = [];
  for (const candidate of candidates) {
    // Every withdrawal ends the version it took down: an item withdrawn, revised and published again
    // (修订后重新发布) was off the portal between the two.
    const withdrawals = candidate.withdrawals.map((at) => ctx.clock.dateOf(at));
    const version = pickExportVersion(candidate.versions, withdrawals, period);
    if (version && (kinds.length === 0 || kinds.includes(version.kind))) {
      picked.push({
        candidate,
        version,
        withdrawnOn: versionWithdrawnOn(candidate.versions, withdrawals, version.version),
      });
    }
  }
  return picked.sort(
    (a, b) =>
      (a.version.publishedOn ?? '').localeCompare(b.version.publishedOn ?? '') ||
      a.candidate.id.localeCompare(b.candidate.id),
  );
}

/** Names the entries show: organizations and categories (retired ones too). */
async function nameLookup(
  ctx: Pick<AppContext, 'repos'>,
  orgIds: readonly string[],
): Promise<{ org: Map<string, string>; category: Map<string, string> }> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const category = new Map<string, string>();
  for (const id of orgIds) {
    for (const c of await ctx.repos.categories.list(id, { includeRetired: true })) category.set(c.id, c.name);
  }
  return { org: new Map(orgs.map((o) => [o.id, o.name])), category };
}

type Fields = LiveVersion['fields'];

function entryOf(
  p: Picked,
  f: Fields,
  env: {
    names: Awaited<ReturnType<typeof nameLookup>>;
    /** The item page's address (the portal's public base URL, and the page's path). */
    pageUrl: (id: string) => string;
    taken: Set<string>;
    attachments: ExportAttachment[];
  },
): ExportEntry {
  const id = p.candidate.id;
  return {
    id,
    ...publicMetadata(f, p.version.publishedOn ?? f.writtenOn),
    categoryName: env.names.category.get(f.categoryId) ?? '',
    orgName: env.names.org.get(p.candidate.orgId) ?? '',
    url: env.pageUrl(id),
    version: p.version.version,
    withdrawnOn: p.withdrawnOn,
    file: itemPath(f.indexNo, env.taken),
    attachments: env.attachments,
  };
}

/**
 * Writes the package of a plan to a sink.
 * @param sink receives the ZIP's bytes in order (awaited: back-pressure)
 * @param onProgress called with (items done, items in total) after each item
 * @throws AppError 'invalid' when no package writer is configured
 */
export async function writeExportPackage(
  ctx: Pick<AppContext, 'repos' | 'uow' | 'clock' | 'sanitizer' | 'packageWriter' | 'portalUrls'>,
  plan: ExportPlan,
  sink: (chunk: Uint8Array) => Promise<void>,
  onProgress?: (done: number, total: number) => void,
): Promise<ExportSummary> {
  const factory = ctx.packageWriter;
  const now = ctx.clock.nowIso();
  const items = await pickItems(ctx, plan);
  const names = await nameLookup(ctx, plan.orgIds);
  const baseUrl = await getPublicBaseUrl(ctx);
  const writer = factory(sink, { modifiedAt: now });
  const entries: ExportEntry[] = [];
  const written = new Set<string>();
  const taken = new Set<string>();
  onProgress?.(0, items.length);
  for (let i = 0; i < items.length; i += EXPORT_CHUNK) {
    const chunk = items.slice(i, i + EXPORT_CHUNK);
    const fields = await ctx.repos.publicationArchive.versionFields(
      chunk.map((p) => ({ id: p.candidate.id, version: p.version.version })),
    );
    for (const p of chunk) {
      const f = fields.get(`${p.candidate.id}#${p.version.version}`);
      if (!f) continue;
      const attachments: ExportAttachment[] = [];
      for (const a of f.attachments ?? []) {
        const path = attachmentPath(a.fileId, a.mime);
        if (!written.has(path)) {
          const file = await ctx.repos.files.get(a.fileId);
          if (!file) continue;
          await writer.add(path, file.content, { compress: !isCompressedType(a.mime) });
          written.add(path);
        }
        attachments.push({ name: a.name, mime: a.mime, size: a.size, path });
      }
      const pageUrl = (id: string) => `${baseUrl ?? ''}${ctx.portalUrls.publication(id)}`;
      const entry = entryOf(p, f, { names, pageUrl, taken, attachments });
      await writer.add(entry.file, utf8(itemPageHtml(entry, ctx.sanitizer.html(f.bodyHtml))), {
        modifiedAt: p.version.publishedAt,
      });
      entries.push(entry);
      onProgress?.(entries.length, items.length);
    }
  }
  const meta: ExportMeta = {
    organization: { name: plan.org.name, creditCode: plan.org.creditCode },
    includeSubtree: plan.includeSubtree,
    period: plan.request.period,
    kinds: plan.request.kinds,
    generatedAt: now,
  };
  await writer.add('index.html', utf8(indexHtml(meta, entries)));
  await writer.add('manifest.json', utf8(manifestJson(meta, entries)));
  await writer.add('manifest.csv', utf8(manifestCsv(entries)));
  const { bytes } = await writer.finish();
  const summary: ExportSummary = {
    items: entries.length,
    withdrawn: entries.filter((e) => e.withdrawnOn !== null).length,
    attachments: written.size,
    bytes,
  };
  await ctx.uow.run((r) =>
    r.audit.append(
      auditBy(plan.actor, {
        action: 'publication.exported',
        entityType: 'organization',
        entityId: plan.org.id,
        orgId: plan.org.id,
        before: null,
        after: { ...meta.period, includeSubtree: plan.includeSubtree, kinds: meta.kinds, ...summary },
      }),
      now,
    ),
  );
  return summary;
}

/** The export form's choices: the organizations whose items the actor may export, and last year as the period. */
export type ExportChoices = {
  /** [credit code, name] of the organizations. */
  orgs: [string, string][];
  /** The actor's own organization (else the first) and last year. */
  defaults: { org: string; from: LocalDate; to: LocalDate };
};

/** The export form's choices for the actor. */
export async function exportChoices(ctx: ReadContext, actor: Actor): Promise<ExportChoices> {
  const { visible } = await publicationOrgs(ctx, actor);
  const home = visible.find((o) => o.id === actor.homeOrgId) ?? visible[0];
  const year = yearOf(localDate(ctx.clock.today())) - 1;
  return {
    orgs: visible.map((o) => [o.creditCode, o.name]),
    defaults: { org: home?.creditCode ?? '', from: localDate(`${year}-01-01`), to: localDate(`${year}-12-31`) },
  };
}

/** The download's file name: `<creditCode>_<from>_<to>.zip`. */
export function exportFileName(plan: ExportPlan): string {
  return `${plan.org.creditCode}_${plan.request.period.from}_${plan.request.period.to}.zip`;
}
