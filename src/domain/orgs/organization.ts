// Organizations (行政机关): the tree of bodies that disclose, and its pure rules.

/** Kinds of organization in a district tree. Stored values; never rename. */
export const ORG_KINDS = ['government', 'department', 'township', 'street', 'other'] as const;
/** One kind of organization. */
export type OrgKind = (typeof ORG_KINDS)[number];

/** Chinese labels of the kinds, for the UI. */
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  government: '人民政府',
  department: '政府部门',
  township: '乡镇',
  street: '街道',
  other: '其他单位',
};

/** The fields an admin edits; the seed report's header shows what is published (address, postcode, phone). */
export type OrganizationFields = {
  kind: OrgKind;
  name: string;
  shortName: string;
  creditCode: string;
  address: string;
  postcode: string;
  phone: string;
  officeHours: string;
  officeName: string;
  officeAddress: string;
  officePhone: string;
  /** The office's fax number (art. 12: the 指南 lists how to reach the office); '' when none. */
  officeFax: string;
  officeEmail: string;
  functions: string;
  leadership: string;
  internalUnits: string;
};

/** Chinese labels of the fields an admin edits, and of the parent (the form's labels and error summary). */
export const ORG_FIELD_LABELS: Record<keyof OrganizationFields | 'parentId', string> = {
  kind: '机构类型',
  name: '机构全称',
  shortName: '简称',
  creditCode: '统一社会信用代码',
  parentId: '上级机构',
  address: '办公地址',
  postcode: '邮政编码',
  phone: '联系电话',
  officeHours: '办公时间',
  officeName: '政府信息公开工作机构名称',
  officeAddress: '政府信息公开工作机构地址',
  officePhone: '政府信息公开工作机构电话',
  officeFax: '政府信息公开工作机构传真',
  officeEmail: '政府信息公开工作机构电子邮箱',
  functions: '机构职能',
  leadership: '领导信息',
  internalUnits: '内设机构',
};

/** An organization as stored. */
export type Organization = OrganizationFields & {
  id: string;
  parentId: string | null;
  sortOrder: number;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
};

/** An organization placed in its tree, for lists. */
export type OrgNode = Organization & { depth: number; path: string[] };

/**
 * The organizations a choice list offers (the search page's 发布机构): all of them while the tree has at most `max`;
 * in a larger tree (a province of thousands) the roots and their children, and the tree opened along `chosen` —
 * the children of each organization on its path, its own included — so that a visitor reaches any organization
 * level by level without a page that lists thousands.
 * @param tree the tree in tree order ({@link orderTree})
 * @returns a part of `tree`, in tree order
 */
export function choicesAlong(tree: readonly OrgNode[], chosen: OrgNode | undefined, max: number): OrgNode[] {
  if (tree.length <= max) return [...tree];
  const open = new Set(chosen?.path ?? []);
  return tree.filter((o) => o.depth <= 1 || (o.parentId !== null && open.has(o.parentId)));
}

/**
 * Orders organizations depth-first (roots first, siblings by sortOrder then name).
 * @param orgs all organizations (any order)
 * @returns the same organizations in tree order with depth and id path
 */
export function orderTree(orgs: readonly Organization[]): OrgNode[] {
  const byParent = new Map<string | null, Organization[]>();
  const ids = new Set(orgs.map((o) => o.id));
  for (const o of orgs) {
    const key = o.parentId !== null && ids.has(o.parentId) ? o.parentId : null;
    const list = byParent.get(key) ?? [];
    list.push(o);
    byParent.set(key, list);
  }
  const out: OrgNode[] = [];
  const visit = (parent: string | null, depth: number, path: string[]): void => {
    const children = (byParent.get(parent) ?? []).sort(
      (a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'),
    );
    for (const c of children) {
      const p = [...path, c.id];
      out.push({ ...c, depth, path: p });
      visit(c.id, depth + 1, p);
    }
  };
  visit(null, 0, []);
  return out;
}

/**
 * Lists the ids from the root down to the organization (inclusive).
 * @returns the path, or [] if the id is unknown
 */
export function ancestry(orgs: readonly Organization[], id: string): string[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const path: string[] = [];
  let cur = byId.get(id);
  const seen = new Set<string>();
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    path.unshift(cur.id);
    cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
  }
  return path;
}

/**
 * Tells whether moving `id` under `newParentId` would make it its own ancestor.
 * @returns true for a move that would create a cycle (including onto itself)
 */
export function wouldCreateCycle(orgs: readonly Organization[], id: string, newParentId: string | null): boolean {
  if (newParentId === null) {
    return false;
  }
  return ancestry(orgs, newParentId).includes(id);
}

/**
 * Ids of the organization and all its descendants.
 */
export function subtreeIds(orgs: readonly Organization[], rootId: string): Set<string> {
  const result = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const o of orgs) {
      if (o.parentId !== null && result.has(o.parentId) && !result.has(o.id)) {
        result.add(o.id);
        grew = true;
      }
    }
  }
  return result;
}
