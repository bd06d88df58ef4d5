// The key areas (重点领域) of the standard catalogue: the 26 national pilot areas and local additions.
//
// Source: the 26 pilot areas (试点领域) of 《开展基层政务公开标准化规范化试点工作方案》(国办发〔2017〕42号)
// and the 26 ministry guidelines (《XX领域基层政务公开标准指引》, mostly mid-2019). The count of 26 is
// settled; the order is not prescribed, so it is only a default sort and localities renumber freely.

/** A key area as stored: national defaults have no organization; local areas belong to one. */
export type KeyArea = {
  id: string;
  /** null for a national default area. */
  orgId: string | null;
  /** Stable code: `n01`…`n26` for national areas, `local-…` for local ones. */
  code: string;
  name: string;
  national: boolean;
  sort: number;
};

/** An organization's statement that an area does not concern it (未涉及领域事项说明, as local catalogues publish it). */
export type KeyAreaExclusion = {
  orgId: string;
  keyAreaId: string;
  reason: string;
  createdAt: string;
};

/** One national area: code, official name as the evidence gives it, and names seen in local catalogues. */
export type NationalArea = { code: string; name: string; aliases: readonly string[] };

/** The 26 national pilot areas, verbatim names of 国办发〔2017〕42号 (a default order; see the header). */
export const NATIONAL_KEY_AREAS: readonly NationalArea[] = [
  { code: 'n01', name: '城乡规划', aliases: [] },
  { code: 'n02', name: '重大建设项目', aliases: [] },
  { code: 'n03', name: '公共资源交易', aliases: [] },
  { code: 'n04', name: '财政预决算', aliases: [] },
  { code: 'n05', name: '安全生产', aliases: [] },
  { code: 'n06', name: '税收管理', aliases: [] },
  { code: 'n07', name: '征地补偿', aliases: [] },
  { code: 'n08', name: '国有土地上房屋征收与补偿', aliases: [] },
  { code: 'n09', name: '农村危房改造', aliases: [] },
  { code: 'n10', name: '扶贫', aliases: [] },
  // One published catalogue prints "救灾生产" (a typo for 救灾).
  { code: 'n11', name: '救灾', aliases: ['救灾生产'] },
  { code: 'n12', name: '社会救助', aliases: [] },
  { code: 'n13', name: '养老服务', aliases: [] },
  { code: 'n14', name: '户籍管理', aliases: [] },
  { code: 'n15', name: '涉农补贴', aliases: [] },
  // The ministry guideline is titled 生态环境领域 (环办厅函〔2019〕672号); local catalogues follow it.
  { code: 'n16', name: '环境保护', aliases: ['生态环境'] },
  { code: 'n17', name: '公共文化服务', aliases: [] },
  { code: 'n18', name: '公共法律服务', aliases: [] },
  // One locality titles its catalogue 卫生健康领域.
  { code: 'n19', name: '医疗卫生', aliases: ['卫生健康'] },
  { code: 'n20', name: '食品药品监管', aliases: [] },
  { code: 'n21', name: '城市综合执法', aliases: [] },
  { code: 'n22', name: '就业', aliases: [] },
  { code: 'n23', name: '社会保险', aliases: [] },
  { code: 'n24', name: '义务教育', aliases: [] },
  { code: 'n25', name: '保障性住房', aliases: [] },
  { code: 'n26', name: '市政服务', aliases: [] },
];

/** Suffixes that sheet names and titles add to an area's name ("社会救助领域基层政务公开标准目录"). */
const DECORATION = /(领域)?(基层)?(政务公开)?(标准)?(目录)?$/;

/**
 * The area's bare name from a sheet name or title: trims, drops a leading "(一)"/"一、"-style number and
 * the usual suffixes.
 * @param text a sheet name or title
 * @returns the bare name, e.g. "社会救助" for "（十二）社会救助领域基层政务公开标准目录"
 */
export function bareAreaName(text: string): string {
  const trimmed = text
    .replace(/\s+/g, '')
    .replace(/^[（(][一二三四五六七八九十\d]+[)）]|^[一二三四五六七八九十\d]+[、.．]/, '');
  return trimmed.replace(DECORATION, '') || trimmed;
}

/**
 * Finds the area a sheet name or title refers to, by exact bare name or alias, then by containment.
 * @param text a sheet name or title
 * @param areas the areas known to the organization (national and local)
 * @returns the matching area, or undefined for a new local area
 */
export function matchKeyArea<T extends { name: string; code: string }>(
  text: string,
  areas: readonly T[],
): T | undefined {
  const bare = bareAreaName(text);
  const aliasesOf = (a: T) => [a.name, ...(NATIONAL_KEY_AREAS.find((n) => n.code === a.code)?.aliases ?? [])];
  return (
    areas.find((a) => aliasesOf(a).includes(bare)) ?? areas.find((a) => aliasesOf(a).some((n) => bare.includes(n)))
  );
}
