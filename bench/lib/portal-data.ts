// bench:portal's data: 200 organizations and N synthetic published items loaded through the same bulk
// path as `gongkai publications import` (importPublications → publicationBulk → search index).
import { creditCodeCheckChar } from '../../src/domain/orgs/credit-code.js';
import { createOrganization } from '../../src/app/orgs/manage-organizations.js';
import { parseOrganizationFields } from '../../src/app/orgs/organization-input.js';
import { importPublications, type ImportSource } from '../../src/app/publications/import-publications.js';
import type { AppContext } from '../../src/app/context.js';
import { syntheticDoc } from './synthetic-text.js';

/** Organizations the items are spread over (200, a province-sized tree of departments). */
export const BENCH_ORGS = 200;

/** Categories for kinds without a default category (news, other), by item number. */
const LEAVES = [
  'meetings',
  'plans',
  'statistics',
  'licensing',
  'penalties',
  'budgets',
  'fees',
  'procurement',
  'projects',
  'emergency',
  'inspections',
  'personnel',
  'proposals',
  'functions',
  'education',
  'health',
  'employment',
];

/** The bench's credit code of organization `i` (region 999902, GB 32100 check character). */
export function benchCreditCode(i: number): string {
  const first17 = `11999902MB${String(1000 + i).padStart(7, '0')}`;
  return first17 + (creditCodeCheckChar(first17) ?? '0');
}

/** Creates the organizations that are missing (the bootstrapped root is the parent of the others). */
export async function ensureBenchOrgs(ctx: AppContext): Promise<string[]> {
  const existing = await ctx.repos.orgs.list();
  const root = existing.find((o) => o.parentId === null);
  if (!root) throw new Error('no root organization');
  const have = new Set(existing.map((o) => o.creditCode));
  const codes: string[] = [];
  for (let i = 0; i < BENCH_ORGS; i++) {
    const code = benchCreditCode(i);
    codes.push(code);
    if (have.has(code)) continue;
    const fields = parseOrganizationFields({
      kind: 'department',
      name: `压测第${i + 1}局`,
      shortName: `压测${i + 1}`,
      creditCode: code,
    });
    await createOrganization(ctx, null, root.id, fields);
  }
  return codes;
}

/** The n-th item as an import line. */
export function benchLine(n: number, codes: readonly string[]): string {
  const s = syntheticDoc(n, { orgs: codes.length });
  const code = codes[s.orgIndex] ?? codes[0] ?? '';
  const indexNo = (k: number) => `${code}/${s.publishedOn.slice(0, 4)}-${String(k).padStart(7, '0')}`;
  const kind = s.kind === 'interpretation' && n === 0 ? 'news' : s.kind;
  const prev = kind === 'interpretation' ? syntheticDoc(n - 1, { orgs: codes.length }) : undefined;
  const interprets =
    kind === 'interpretation' && prev
      ? `${codes[prev.orgIndex] ?? ''}/${prev.publishedOn.slice(0, 4)}-${String(n - 1).padStart(7, '0')}`
      : undefined;
  return JSON.stringify({
    org: code,
    title: s.title,
    kind,
    docNo: s.docNo,
    writtenOn: s.publishedOn,
    publishedOn: s.publishedOn,
    summary: s.summary,
    body: `<p>${s.body}</p>`,
    indexNo: indexNo(n),
    validity: s.validity,
    ...(s.validity !== 'valid' ? { validityOn: s.publishedOn } : {}),
    ...(kind === 'news' || kind === 'other' ? { category: LEAVES[n % LEAVES.length] } : {}),
    ...(interprets ? { interprets } : {}),
  });
}

/** Lines 0…items-1, generated on each read (nothing held in memory). */
export function benchSource(items: number, codes: readonly string[]): ImportSource {
  return async function* lines() {
    for (let n = 0; n < items; n++) yield benchLine(n, codes);
  };
}

/**
 * Builds the data set: organizations, then the items through the import.
 * @returns seconds spent loading
 */
export async function buildBenchData(ctx: AppContext, items: number, log: (s: string) => void): Promise<number> {
  const codes = await ensureBenchOrgs(ctx);
  const t0 = performance.now();
  let lastLog = 0;
  const r = await importPublications(ctx, null, benchSource(items, codes), {
    label: `bench-${items}`,
    batchSize: 2000,
    onProgress: (phase, done, total) => {
      const now = performance.now();
      if (now - lastLog < 10_000 && done !== total) return;
      lastLog = now;
      log(
        `  ${phase === 'check' ? 'checked' : 'loaded'} ${done}${total ? `/${total}` : ''} (${((now - t0) / 1000).toFixed(0)} s)`,
      );
    },
  });
  if (!r.ok) {
    throw new Error(
      `bench data rejected: ${r.errors
        .slice(0, 5)
        .map((e) => `${e.line} ${e.field}: ${e.message}`)
        .join('; ')}`,
    );
  }
  return (performance.now() - t0) / 1000;
}
