// Giving a new 索引号: one series per organization and year, shared by its 主动公开 items and its annual reports
// (domain/publications/index-no.ts), so that no item and no report share one.
import type { Organization } from '../../domain/orgs/organization.js';
import { formatIndexNo, indexNoCounterKey } from '../../domain/publications/index-no.js';
import { conflict } from '../errors.js';
import type { Counters } from './ports.js';

/** What giving a 索引号 reads: the counters, and whether an item or a report already carries a number. */
export type IndexNoRepos = {
  counters: Counters;
  publications: { idByIndexNo(indexNo: string): Promise<string | undefined> };
  annualReports: { indexNoTaken(indexNo: string): Promise<boolean> };
};

/**
 * The next 索引号 of an organization in a year, by its pattern: takes the next serial of the year's counter
 * (inside the caller's transaction).
 * @throws AppError 'conflict' when an item or a report already carries it (a pattern changed to one used before)
 */
export async function nextIndexNo(
  repos: IndexNoRepos,
  pattern: string,
  org: Pick<Organization, 'id' | 'creditCode'>,
  year: number,
): Promise<string> {
  const indexNo = formatIndexNo(pattern, {
    creditCode: org.creditCode,
    year,
    serial: await repos.counters.next(indexNoCounterKey(org.id, year)),
  });
  if ((await repos.publications.idByIndexNo(indexNo)) || (await repos.annualReports.indexNoTaken(indexNo))) {
    throw conflict(`索引号${indexNo}已被使用，请检查索引号格式设置`);
  }
  return indexNo;
}
