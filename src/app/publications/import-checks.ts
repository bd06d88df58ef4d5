// The publications import's first pass: every line of the file checked before anything is written —
// its own fields (domain/publications/import-line.ts), the organization and category, duplicate
// 索引号 within the file and against the database, and the interpreted document (art. 26 practice:
// an interpretation links the document it explains, which must be in the system or earlier in the file).
import type { AppContext, Repos } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { canEditPublications } from '../../domain/policies/publication-policy.js';
import { ancestry, type Organization } from '../../domain/orgs/organization.js';
import { defaultCatalogue, flattenCatalogue } from '../../domain/publications/catalogue.js';
import {
  parseImportLine,
  resolveImportCategory,
  type ImportCategory,
  type ImportLine,
  type ImportLineError,
} from '../../domain/publications/import-line.js';
import type { LocalDate } from '../../domain/core/local-date.js';

/** Lines of a file, read again for each pass (numbered from 1, blank lines included). */
export type ImportSource = () => AsyncIterable<string>;

/** At most this many errors are kept for the report (all are counted). */
export const MAX_REPORTED_ERRORS = 500;
/** 索引号 looked up in the database per query. */
const LOOKUP_BATCH = 500;

/** What the first pass found. */
export type CheckedFile = { items: number; errors: ImportLineError[]; errorCount: number; orgIds: Set<string> };

/** The organizations a file may name (active ones), and their catalogues as the import resolves them. */
export class ImportTargets {
  private readonly byCode: Map<string, Organization>;
  private readonly catalogues = new Map<string, ImportCategory[]>();

  constructor(
    private readonly repos: Repos,
    readonly orgs: readonly Organization[],
  ) {
    this.byCode = new Map(orgs.map((o) => [o.creditCode, o]));
  }

  /** The active organization with this credit code. */
  org(creditCode: string): Organization | undefined {
    return this.byCode.get(creditCode);
  }

  /**
   * The organization's active categories; the default tree of its kind (ids not yet assigned) when it has no
   * catalogue yet, as ensureCatalogue will create it.
   */
  async categories(orgId: string): Promise<ImportCategory[]> {
    const cached = this.catalogues.get(orgId);
    if (cached) return cached;
    const all = await this.repos.categories.list(orgId, { includeRetired: true });
    const list: ImportCategory[] =
      all.length > 0
        ? all
            .filter((c) => c.retiredAt === null)
            .map((c) => ({ id: c.id, slug: c.slug, kind: c.kind, statutoryKey: c.statutoryKey }))
        : flattenCatalogue(defaultCatalogue(this.orgs.find((o) => o.id === orgId)?.kind)).map(({ node }) => ({
            id: null,
            slug: node.slug,
            kind: node.kind,
            statutoryKey: node.statutoryKey,
          }));
    this.catalogues.set(orgId, list);
    return list;
  }

  /** Forgets the cached catalogues (after the default ones were created). */
  reset(): void {
    this.catalogues.clear();
  }
}

/** Collects errors: all counted, the first MAX_REPORTED_ERRORS kept. */
class ErrorList {
  readonly kept: ImportLineError[] = [];
  count = 0;
  add(e: ImportLineError): void {
    this.count += 1;
    if (this.kept.length < MAX_REPORTED_ERRORS) this.kept.push(e);
  }
}

type Pending = { indexNo: string; line: number };

/**
 * Checks a line against the organizations and catalogues (no database writes).
 * @returns the line's organization, or undefined after adding errors
 */
async function checkTargets(
  t: ImportTargets,
  actor: Actor | null,
  item: ImportLine,
  errors: ErrorList,
): Promise<Organization | undefined> {
  const org = t.org(item.org);
  if (!org) {
    errors.add({ line: item.line, field: 'org', message: `系统中没有统一社会信用代码为“${item.org}”的机关` });
    return undefined;
  }
  if (actor !== null && !canEditPublications(actor, ancestry(t.orgs, org.id))) {
    errors.add({ line: item.line, field: 'org', message: `需要“${org.name}”的“信息编辑”角色才能导入其信息` });
    return undefined;
  }
  const cat = resolveImportCategory(await t.categories(org.id), item.draft.category, item.draft.kind);
  if (!cat.ok) errors.add({ line: item.line, field: 'category', message: cat.error });
  return org;
}

/**
 * The first pass: reads every line and reports every problem, writing nothing.
 * @param onLine called after each line with the number of lines read so far
 */
export async function checkImportFile(
  ctx: AppContext,
  actor: Actor | null,
  t: ImportTargets,
  source: ImportSource,
  today: LocalDate,
  onLine?: (items: number) => void,
): Promise<CheckedFile> {
  const errors = new ErrorList();
  const seen = new Map<string, number>();
  const orgIds = new Set<string>();
  let dupChecks: Pending[] = [];
  let refChecks: Pending[] = [];
  let items = 0;
  const flushDuplicates = async () => {
    const taken = await ctx.repos.publicationBulk.existingIndexNos(dupChecks.map((p) => p.indexNo));
    for (const p of dupChecks) {
      if (taken.has(p.indexNo)) {
        errors.add({ line: p.line, field: 'indexNo', message: `索引号“${p.indexNo}”已存在（已导入或已在系统中发布）` });
      }
    }
    dupChecks = [];
  };
  // After the whole file, so a document further down can be named in the message.
  const flushRefs = async () => {
    const found = new Set<string>();
    for (let i = 0; i < refChecks.length; i += LOOKUP_BATCH) {
      for (const k of await ctx.repos.publicationBulk.existingIndexNos(
        refChecks.slice(i, i + LOOKUP_BATCH).map((p) => p.indexNo),
      )) {
        found.add(k);
      }
    }
    for (const p of refChecks) {
      if (found.has(p.indexNo)) continue;
      const later = seen.get(p.indexNo);
      const message =
        later !== undefined
          ? `所解读的文件（索引号“${p.indexNo}”）在第${later}行，应排在本行之前`
          : `没有索引号为“${p.indexNo}”的信息`;
      errors.add({ line: p.line, field: 'interprets', message });
    }
    refChecks = [];
  };
  let line = 0;
  for await (const raw of source()) {
    line += 1;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') {
      onLine?.(line);
      continue;
    }
    items += 1;
    const parsed = parseImportLine(text, line, today, (html) => ctx.sanitizer.html(html));
    if (!parsed.ok) {
      for (const e of parsed.error) errors.add(e);
    } else {
      const item = parsed.value;
      const org = await checkTargets(t, actor, item, errors);
      if (org) orgIds.add(org.id);
      const first = seen.get(item.indexNo);
      if (first !== undefined) {
        errors.add({ line, field: 'indexNo', message: `索引号“${item.indexNo}”与第${first}行重复` });
      } else {
        seen.set(item.indexNo, line);
        dupChecks.push({ indexNo: item.indexNo, line });
      }
      const target = item.draft.interprets;
      if (target === item.indexNo) errors.add({ line, field: 'interprets', message: '政策解读不能解读其本身' });
      else if (target !== '' && !seen.has(target)) refChecks.push({ indexNo: target, line });
      if (dupChecks.length >= LOOKUP_BATCH) await flushDuplicates();
    }
    onLine?.(line);
  }
  await flushDuplicates();
  await flushRefs();
  const sorted = errors.kept.sort((a, b) => a.line - b.line);
  return { items, errors: sorted, errorCount: errors.count, orgIds };
}
