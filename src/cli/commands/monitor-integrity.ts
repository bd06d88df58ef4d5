// `gongkai monitor integrity [--base URL] [--json] [--record-missing]`: fetches every live item's page of this portal
// and compares what it serves with the content digests recorded in the audit trail at publication
// (docs/monitoring-integrity.md). Without --json, one Chinese line per finding and a summary line; with --json, JSON
// Lines: one finding per line (the `monitor check` line format), then
// `{ "summary": true, "pages", "attachments", "tampered" }`. Exit 0 when the check ran (findings or not), 2 without a
// usable address. `--record-missing` first records the live items that have no record yet, as they are now (after an
// upgrade, once a person has looked at them).
import { checkPortalIntegrity, recordIntegrityBaseline } from '../../app/monitoring/integrity.js';
import { getPublicBaseUrl } from '../../app/settings/public-base-url.js';
import { withRuntime, type CliDeps } from '../deps.js';
import { lazyProgress } from '../progress.js';

/** Options of `monitor integrity`. */
export type MonitorIntegrityOptions = { base?: string; json?: boolean; recordMissing?: boolean };

/** An http(s) address, or undefined. */
function httpBase(s: string): string | undefined {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Runs the integrity check of the portal served at `--base` (default: the site's public address setting). */
export async function monitorIntegrity(deps: CliDeps, opts: MonitorIntegrityOptions): Promise<number> {
  return withRuntime(deps, async ({ ctx }) => {
    const given = opts.base ?? (await getPublicBaseUrl(ctx)) ?? '';
    const base = httpBase(given);
    if (!base) {
      deps.err(
        given === ''
          ? '请用 --base 指定门户地址（或在网站设置中填写公开网址） / give the portal address with --base'
          : `门户地址有误 / invalid address: ${given}`,
      );
      return 2;
    }
    if (opts.recordMissing) {
      const n = await recordIntegrityBaseline(ctx);
      deps.err(`已为 ${n} 条没有记录的已发布信息记录当前内容指纹 / recorded ${n} unrecorded live items as they are`);
    }
    const adapters = await deps.integrityAdapters();
    const progress = lazyProgress(deps, '核对 / checking');
    const r = await checkPortalIntegrity({ ...ctx, ...adapters }, base, (p) =>
      progress.onProgress(p.done, p.total),
    ).finally(progress.stop);
    for (const f of r.findings) {
      deps.out(opts.json ? JSON.stringify(f) : `篡改 / tampered  ${f.url ?? ''}  ${f.message}`);
    }
    const summary = { summary: true, pages: r.pages, attachments: r.attachments, tampered: r.findings.length };
    deps.out(
      opts.json
        ? JSON.stringify(summary)
        : `已核对 ${r.pages} 个页面、${r.attachments} 个附件，发现 ${r.findings.length} 处不一致 / ` +
            `checked ${r.pages} pages, ${r.attachments} attachments: ${r.findings.length} tampered`,
    );
    return 0;
  });
}
