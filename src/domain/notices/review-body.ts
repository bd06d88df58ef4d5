// The 行政复议机关 a notice names, computed from the organization tree.
//
// 《中华人民共和国行政复议法》(2023年修订, in force 2024-01-01):
// - art. 24 ¶1: 县级以上地方各级人民政府 handles reconsideration of acts of (1) its own working departments
//   (本级人民政府工作部门), (2) the government one level below (下一级人民政府), (3) the 派出机关 it set up
//   (a 街道办事处 is the 派出机关 of the district or county government), (4) organizations authorized by law
//   that it or its departments manage;
// - art. 24 ¶4: a 派出机构 of a department acting in its own name → 本级人民政府;
// - art. 25 (State Council departments) and art. 27 (vertically managed bodies: 海关、金融、外汇管理、税务、
//   国家安全 → 上一级主管部门) are outside a district tree: such an organization sets the body by hand.
// So every organization below a government is reviewed by the nearest government above it, named. The
// government at the root is reviewed by the government one level up, which the tree does not hold: its name
// is a setting, by default read from the root's own name when it carries its city (示例市示例区人民政府 →
// 示例市人民政府); otherwise there is no default and a notice naming it cannot be generated until it is set.
// A notice never prints the literal "上一级人民政府".
import type { Organization } from '../orgs/organization.js';

/** Where the review body of an organization comes from. */
export type ReviewBodySource = 'setting' | 'tree' | 'root_name' | 'none';

/** The review body of an organization, with the article it rests on. */
export type ReviewBody = {
  /** The body's name; undefined when it must be set by hand (the root, nothing derivable). */
  name: string | undefined;
  source: ReviewBodySource;
  /** The rule in Chinese, for the settings page, e.g. 《行政复议法》第二十四条第一款第（一）项：本级人民政府. */
  basis: string;
};

const LAW = '《中华人民共和国行政复议法》';

/** The words of a setting that name no body; treated as unset (a value saved by older versions). */
const PLACEHOLDERS = new Set(['上一级人民政府', '本级人民政府', '上级人民政府']);

/**
 * The 行政复议机关 of an organization's acts.
 * @param orgs the whole organization tree
 * @param orgId the organization that issues the notice
 * @param setting the organization's own setting (blank or a placeholder: computed)
 * @returns the body by name, or `name: undefined` when it has to be set
 */
export function reviewBodyFor(orgs: readonly Organization[], orgId: string, setting = ''): ReviewBody {
  const own = setting.trim();
  const org = orgs.find((o) => o.id === orgId);
  if (own !== '' && !PLACEHOLDERS.has(own)) return { name: own, source: 'setting', basis: '本机构告知书设置' };
  if (!org) return { name: undefined, source: 'none', basis: '机构不存在' };
  const government = nearestGovernmentAbove(orgs, org);
  if (government) return { name: government.name, source: 'tree', basis: treeBasis(org) };
  const fromName = cityGovernmentOf(org.name);
  if (fromName) {
    return {
      name: fromName,
      source: 'root_name',
      basis: `${LAW}第二十四条第一款第（二）项：上一级人民政府（按本机关名称推定）`,
    };
  }
  return {
    name: undefined,
    source: 'none',
    basis: `${LAW}第二十四条第一款第（二）项：请在告知书设置中填写本机关的行政复议机关名称`,
  };
}

function nearestGovernmentAbove(orgs: readonly Organization[], org: Organization): Organization | undefined {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const seen = new Set<string>([org.id]);
  let cur = org.parentId === null ? undefined : byId.get(org.parentId);
  while (cur && !seen.has(cur.id)) {
    if (cur.kind === 'government') return cur;
    seen.add(cur.id);
    cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
  }
  return undefined;
}

function treeBasis(org: Organization): string {
  switch (org.kind) {
    case 'department':
      return `${LAW}第二十四条第一款第（一）项：本级人民政府工作部门的行为由本级人民政府管辖`;
    case 'township':
    case 'government':
      return `${LAW}第二十四条第一款第（二）项：下一级人民政府的行为由上一级人民政府管辖`;
    case 'street':
      return `${LAW}第二十四条第一款第（三）项：人民政府派出机关的行为由设立它的人民政府管辖`;
    case 'other':
      return `${LAW}第二十四条第一款第（四）项、第四款：由所属的本级人民政府管辖`;
  }
}

/**
 * The city government named in a county-level government's name, e.g. 示例市示例区人民政府 → 示例市人民政府.
 * @returns undefined when the name carries no city
 */
export function cityGovernmentOf(name: string): string | undefined {
  const m = /^(.{1,20}?(?:市|自治州|州|盟|地区))(.{1,20}?(?:区|县|旗|市))人民政府$/u.exec(name.trim());
  return m?.[1] ? `${m[1]}人民政府` : undefined;
}
