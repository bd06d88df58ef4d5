// Giving a new 索引号: one series per organization and year, shared by its 主动公开 items and its annual reports
// (domain/publications/index-no.ts), so that no item and no report share one.
import type { Organization } from '../../domain/orgs/organization.js';
import { formatIndexNo, indexNoCounterKey } from '../../domain/publications/index-no.js';
import type { Counters } from './ports.js';

/**
 * The next 索引号 of an organization in a year, by its pattern: takes the next serial of the year's counter
 * (inside the caller's transaction). The caller checks the number is not taken (a pattern changed to one used).
 */
export async function nextIndexNo(
  counters: Counters,
  pattern: string,
  org: Pick<Organization, 'id' | 'creditCode'>,
  year: number,
): Promise<string> {
  return formatIndexNo(pattern, {
    creditCode: org.creditCode,
    year,
    serial: await counters.next(indexNoCounterKey(org.id, year)),
  });
}
