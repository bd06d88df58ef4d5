// The supervision facts the narrative's 平台建设 and 监督保障 paragraphs (and a government's section 五) cite, for a
// report's year and organization — a government's over its subtree (《条例》第五十条: a government reports its
// area's work): website checks and 提醒函 from the monitoring records, training sessions and participants,
// 社会评议 and 责任追究 records, and the assessment's results through the port `supervisionFacts.assessment`.
import type { Repos } from '../context.js';
import { subtreeIds, type Organization } from '../../domain/orgs/organization.js';
import { trainingTotals } from '../../domain/training/training.js';
import type { SupervisionFacts } from '../../domain/reports/narrative.js';

/** The repositories the supervision facts are read from. */
export type SupervisionData = Pick<Repos, 'orgs' | 'training' | 'supervisionFacts' | 'oversight'>;

/**
 * Loads the supervision facts of a report (five queries side by side, after the organization tree for a
 * government).
 */
export async function loadSupervisionFacts(
  repos: SupervisionData,
  org: Organization,
  year: number,
): Promise<SupervisionFacts> {
  const government = org.kind === 'government';
  const orgIds = government ? [...subtreeIds(await repos.orgs.list({ includeRetired: true }), org.id)] : [org.id];
  const [monitoring, held, attended, records, assessed] = await Promise.all([
    repos.supervisionFacts.monitoring(orgIds, year),
    repos.training.list({ orgIds, year }),
    repos.training.attended(orgIds, year),
    repos.oversight.list({ orgIds, year }),
    repos.supervisionFacts.assessment(org.id, year),
  ]);
  const other = trainingTotals(attended);
  const oldestFirst = [...records].reverse();
  return {
    government,
    ...monitoring,
    training: trainingTotals(held),
    attended: { sessions: other.sessions, participants: other.participants },
    assessment: assessed,
    socialReviews: oldestFirst.filter((r) => r.kind === 'social_review'),
    accountability: oldestFirst.filter((r) => r.kind === 'accountability'),
  };
}
