// The integrity check of gongkai's own portal (docs/monitoring-integrity.md): every live item's page is fetched over
// HTTP, the parts its record covers are read back from what the page shows (title, metadata cells, body, the
// attachments downloaded from their links and hashed), and their digests are compared with the ones the audit
// trail recorded when the version went live. A difference is a `tampered` finding naming the field or attachment.
import type { AppContext } from '../context.js';
import type { AuditLog } from '../ports.js';
import type { LiveItem } from '../publications/ports.js';
import type { MonitorFinding } from '../../domain/monitoring/finding.js';
import {
  compareDigests,
  differs,
  INTEGRITY_AUDIT_ACTION,
  INTEGRITY_FORMAT,
  INTEGRITY_METADATA_KEYS,
  parseDigests,
  recordDigests,
  tamperedFinding,
  unmarkedFinding,
  unrecordedFinding,
  type IntegrityDigests,
  type IntegrityRecord,
  type IntegrityTarget,
} from '../../domain/monitoring/integrity.js';
import type { IntegrityFetch, IntegrityPageReader, ServedPage } from './integrity-ports.js';
import { integrityAuditInput } from './integrity-record.js';
import { auditBy } from '../actors.js';

export type { IntegrityFetch, IntegrityPageReader } from './integrity-ports.js';

/** What the check uses: the repositories (live items, audit trail), digests, addresses, HTTP and the page reader. */
export type IntegrityContext = Pick<AppContext, 'repos' | 'crypto' | 'portalUrls'> & {
  integrityFetch: IntegrityFetch;
  integrityPage: IntegrityPageReader;
};

/** Progress: pages checked of the live items counted at the start. */
export type IntegrityProgress = { done: number; total: number; url: string };

/** The check's result: its findings (only `tampered`), the pages fetched and the attachments downloaded. */
export type IntegrityResult = { findings: MonitorFinding[]; pages: number; attachments: number };

/** Audit entries read per query while collecting the recorded digests. */
const AUDIT_PAGE = 500;
/** Live items read per query. */
const ITEM_PAGE = 200;

/**
 * The newest recorded digests of each item: `publication.integrity` entries, newest first, one per published
 * version (entity `publication`) or one per import batch (entity `publication_import`, `after.items`).
 */
export async function recordedDigests(audit: AuditLog): Promise<Map<string, IntegrityDigests>> {
  const out = new Map<string, IntegrityDigests>();
  let beforeSeq: number | undefined;
  for (;;) {
    const page = await audit.list({ action: INTEGRITY_AUDIT_ACTION }, { limit: AUDIT_PAGE, beforeSeq });
    for (const e of page) {
      if (e.entityType === 'publication') {
        const d = parseDigests(e.afterJson);
        if (d && !out.has(e.entityId)) out.set(e.entityId, d);
      } else if (e.entityType === 'publication_import' && e.afterJson !== null) {
        const items = (JSON.parse(e.afterJson) as { items?: Record<string, unknown> }).items ?? {};
        for (const [id, v] of Object.entries(items)) {
          const d = parseDigests(JSON.stringify(v));
          if (d && !out.has(id)) out.set(id, d);
        }
      }
    }
    if (page.length < AUDIT_PAGE) return out;
    beforeSeq = page[page.length - 1]?.seq;
  }
}

/** The record a fetched page shows, its attachments hashed from their served URLs. */
async function servedRecord(
  ctx: IntegrityContext,
  id: string,
  pageUrl: string,
  page: ServedPage,
): Promise<{ record: IntegrityRecord; downloads: number }> {
  const attachments: IntegrityRecord['attachments'] = [];
  for (const a of page.attachments) {
    const file = await ctx.integrityFetch.fileDigest(new URL(a.href, pageUrl).href);
    attachments.push({ name: a.name, sha256: file.status === 200 ? file.sha256 : `http-${file.status}` });
  }
  const metadata = Object.fromEntries(INTEGRITY_METADATA_KEYS.map((k) => [k, page.metadata[k] ?? '']));
  const record: IntegrityRecord = {
    format: INTEGRITY_FORMAT,
    item: id,
    // A block naming another item serves no version of this one.
    version: page.block && page.block.item === id ? page.block.version : -1,
    title: page.title ?? '',
    metadata: metadata as IntegrityRecord['metadata'],
    bodyHtml: page.bodyHtml ?? '',
    attachments,
  };
  return { record, downloads: attachments.length };
}

/** Checks one live item's page; its finding, if any, and the attachments downloaded. */
async function checkItem(
  ctx: IntegrityContext,
  item: LiveItem,
  url: string,
  recorded: IntegrityDigests | undefined,
): Promise<{ finding?: MonitorFinding; downloads: number }> {
  const f = item.live.fields;
  const target: IntegrityTarget = { url, item: item.id, indexNo: f.indexNo, title: f.title };
  if (!recorded) return { finding: unrecordedFinding(target), downloads: 0 };
  const fetched = await ctx.integrityFetch.page(url);
  const page = fetched.status === 200 ? ctx.integrityPage(fetched.text) : undefined;
  if (!page?.block || page.bodyHtml === null) return { finding: unmarkedFinding(target, fetched.status), downloads: 0 };
  const { record, downloads } = await servedRecord(ctx, item.id, url, page);
  const served = recordDigests(record, ctx.crypto.sha256);
  const d = compareDigests(recorded, served);
  return differs(d, recorded, served)
    ? { finding: tamperedFinding(target, d, recorded, served), downloads }
    : { downloads };
}

/**
 * Checks that every live item's page serves what was approved: fetches each page under `baseUrl`, rebuilds its
 * record from what it shows and compares the digests with the ones recorded in the audit trail at publication.
 * Lists, navigation, notices and settings around the marked parts are not covered and may change freely.
 * @param baseUrl where the portal is served (e.g. http://127.0.0.1:8080 or its public address)
 * @returns `tampered` findings (each names the item, URL and what differs), pages and attachments fetched
 */
export async function checkPortalIntegrity(
  ctx: IntegrityContext,
  baseUrl: string,
  onProgress?: (p: IntegrityProgress) => void,
): Promise<IntegrityResult> {
  const recorded = await recordedDigests(ctx.repos.audit);
  const result: IntegrityResult = { findings: [], pages: 0, attachments: 0 };
  let total: number | undefined;
  for (let offset = 0; total === undefined || offset < total; offset += ITEM_PAGE) {
    const page = await ctx.repos.publications.listLive({}, { limit: ITEM_PAGE, offset });
    total = page.total;
    if (page.items.length === 0) break;
    for (const item of page.items) {
      // The portal serves a live version only when it is 主动公开 with a 发布日期 (as its pages do).
      if (item.live.fields.disclosure !== 'proactive' || !item.live.fields.publishedOn) continue;
      const url = new URL(ctx.portalUrls.publication(item.id), baseUrl).href;
      const r = await checkItem(ctx, item, url, recorded.get(item.id));
      result.pages += 1;
      result.attachments += r.downloads;
      if (r.finding) result.findings.push(r.finding);
      onProgress?.({ done: result.pages, total, url });
    }
  }
  return result;
}

/**
 * Records, as they are now, the live items that have no record yet (items made live before records existed, or
 * outside the review chain): one `publication.integrity` entry each, marked `baseline`, by the system. Run once after
 * an upgrade, after a person has looked at what the check reported as unrecorded; items with a record are untouched.
 * @returns the number of items recorded
 */
export async function recordIntegrityBaseline(
  ctx: Pick<AppContext, 'repos' | 'uow' | 'crypto' | 'clock'>,
): Promise<number> {
  const recorded = await recordedDigests(ctx.repos.audit);
  let count = 0;
  let total: number | undefined;
  for (let offset = 0; total === undefined || offset < total; offset += ITEM_PAGE) {
    const page = await ctx.repos.publications.listLive({}, { limit: ITEM_PAGE, offset });
    total = page.total;
    if (page.items.length === 0) break;
    const entries = page.items
      .filter((i) => !recorded.has(i.id))
      .map((i) => integrityAuditInput(i, i.live, ctx.crypto.sha256))
      .filter((e) => e !== undefined);
    if (entries.length === 0) continue;
    const now = ctx.clock.nowIso();
    await ctx.uow.run(async (r) => {
      for (const e of entries) {
        await r.audit.append(auditBy(null, { ...e, after: { ...(e.after as object), baseline: true } }), now);
      }
    });
    count += entries.length;
  }
  return count;
}
