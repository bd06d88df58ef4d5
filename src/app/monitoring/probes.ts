// Availability of registered websites (国办秘函〔2019〕19号 单项否决 站点无法访问): the home page of every registered
// site is probed on a schedule — every 30 minutes, 48 times a day, above the 20 a day the rule asks, at times spread
// over the day — with the crawler's 15-second limit; a run then judges the last 7 days: a veto at 5 % failures,
// a warning earlier (settings.ts). Probes are jobs of the job engine, so each happens once however many servers run.
import { addDays, type LocalDate } from '../../domain/core/local-date.js';
import type { MonitorFinding } from '../../domain/monitoring/finding.js';
import { DEFAULT_SITE_CHECK_SETTINGS, type SiteCheckSettings } from '../../domain/monitoring/settings.js';
import {
  availabilityFinding,
  availabilityStatus,
  isDead,
  type AvailabilityStatus,
} from '../../domain/monitoring/site-rules.js';
import type { MonitoredSite } from '../../domain/monitoring-registry/registry.js';
import type { JobEngine } from '../jobs/ports.js';
import type { SiteCheckPorts } from './crawl-ports.js';
import type { MonitoringContext, MonitoringReadContext } from './ports.js';

/** The probes' queue. */
export const PROBE_QUEUE = 'monitoring-probe';
/** Seconds between two probes of every site: 48 a day (19号: at least 20, at spread times). */
export const PROBE_INTERVAL_SECONDS = 1800;
/** Days a probe is kept (the 7-day window, with room to look back). */
const KEEP_DAYS = 30;

/**
 * Probes the home page of every registered site once and records each answer (robots.txt does not apply to a
 * probe of a home page: it is what the public opens). Probes older than 30 days are deleted.
 * @returns the sites probed and how many did not answer
 */
export async function probeSites(
  ctx: Pick<MonitoringContext, 'repos' | 'clock' | 'crypto'>,
  ports: Pick<SiteCheckPorts, 'crawler'>,
): Promise<{ probed: number; failed: number }> {
  const sites = await ctx.repos.monitoring.sites();
  const crawler = ports.crawler({ ignoreRobots: true });
  let failed = 0;
  try {
    for (const site of sites) {
      const probedAt = ctx.clock.nowIso();
      const answer = await crawler.fetch(site.homeUrl, 'probe');
      const ok = !isDead(answer);
      if (!ok) failed++;
      await ctx.repos.monitoring.insertProbe({
        id: ctx.crypto.newId(),
        siteId: site.id,
        probedAt,
        ok,
        status: answer.status,
        error: answer.error,
      });
    }
  } finally {
    await crawler.close();
  }
  await ctx.repos.monitoring.pruneProbes(new Date(ctx.clock.nowMs() - KEEP_DAYS * 86_400_000).toISOString());
  return { probed: sites.length, failed };
}

/** The site's availability over the 7 days up to `asOf`, from its recorded probes (days in the office's zone). */
export async function availabilityOf(
  ctx: MonitoringReadContext,
  siteId: string,
  asOf: LocalDate,
  settings: SiteCheckSettings = DEFAULT_SITE_CHECK_SETTINGS,
): Promise<AvailabilityStatus> {
  const from = addDays(asOf, -settings.unavailableWindowDays);
  const probes = await ctx.repos.monitoring.probesSince(siteId, new Date(`${from}T00:00:00Z`).toISOString());
  return availabilityStatus(
    probes.map((p) => ({ at: ctx.clock.dateOf(p.probedAt), ok: p.ok })),
    asOf,
    settings,
  );
}

/**
 * The run's findings with the 7-day availability judged from the recorded probes: when the probes warn or veto,
 * that finding replaces the run's one-shot probe warning (both are `unavailable` of the home page).
 */
export async function withAvailability(
  ctx: MonitoringReadContext,
  site: MonitoredSite,
  findings: readonly MonitorFinding[],
  asOf: LocalDate,
): Promise<MonitorFinding[]> {
  const judged = availabilityFinding(site.homeUrl, await availabilityOf(ctx, site.id, asOf));
  if (judged.length === 0) return [...findings];
  return [...findings.filter((f) => f.rule !== 'unavailable'), ...judged];
}

/** Registers the probes on a started engine: its handler and its half-hourly recurrence. */
export async function registerAvailabilityProbes(
  ctx: Pick<MonitoringContext, 'repos' | 'clock' | 'crypto'>,
  engine: JobEngine,
  ports: Pick<SiteCheckPorts, 'crawler'>,
): Promise<void> {
  await engine.work(PROBE_QUEUE, () => probeSites(ctx, ports), { retryLimit: 0, retryDelaySeconds: 60 });
  await engine.schedule(PROBE_QUEUE, { everySeconds: PROBE_INTERVAL_SECONDS });
}
