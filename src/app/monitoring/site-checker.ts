// The site checker the runs call (ports.ts `SiteChecker`), made of the website checks (check-site.ts): a registered
// site becomes the description the checks read, the run's progress callback receives each request, and a cancel
// thrown by that callback stops the crawl.
import type { SensitiveWord } from '../../domain/monitoring/sensitive-words.js';
import type { SiteDescription } from '../../domain/monitoring/site-description.js';
import type { MonitoredSite } from '../../domain/monitoring-registry/registry.js';
import { checkSite } from './check-site.js';
import type { SiteCheckPorts } from './crawl-ports.js';
import type { SiteChecker } from './ports.js';

/** Marks gongkai's own portal as run by the checker's own office, so its robots.txt does not hide pages from it. */
const OWN_OFFICE = 'gongkai:own-portal';

/** The registered site as the checks see it. */
export function describeSite(site: MonitoredSite): SiteDescription {
  return {
    name: site.name,
    url: site.homeUrl,
    kind: site.kind,
    ...(site.ownPortal ? { org: OWN_OFFICE } : {}),
    columns: site.columns.map((c) => ({
      name: c.name,
      url: c.url,
      kind: c.kind,
      ...(c.intervalDays === null ? {} : { intervalDays: c.intervalDays }),
    })),
  };
}

/**
 * The checker of registered sites over the crawler's ports. robots.txt is respected on every site but gongkai's own
 * portal, which the office runs itself. `budget` caps the requests of one site (default the checks' 500); `words`
 * gives the office's 错敏词 list (sensitive-words.ts), read at each check.
 */
export function siteCheckerOf(
  ports: SiteCheckPorts,
  options: { budget?: number; words?: () => Promise<readonly SensitiveWord[]> } = {},
): SiteChecker {
  return {
    async check(site, asOf, onProgress) {
      const result = await checkSite(ports, describeSite(site), {
        asOf,
        ownOrg: OWN_OFFICE,
        ...(options.words ? { words: await options.words() } : {}),
        ...(options.budget ? { budget: options.budget } : {}),
        ...(onProgress ? { onProgress: (done, budget) => onProgress({ pages: done, total: budget }) } : {}),
      });
      return { findings: result.findings, summary: result.summary, pages: result.pages, links: result.links };
    },
  };
}
