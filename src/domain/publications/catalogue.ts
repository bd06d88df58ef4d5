// The default catalogue (政府信息公开目录) of every organization: the four national first-level
// directories of 国办公开办函〔2019〕61号 plus 申请公开政府信息, and the thematic
// categories of 法定主动公开内容 after arts. 20–21.
import type { OrgKind } from '../orgs/organization.js';

/** Node kinds: a directory (一级目录) holds categories; a category holds items. */
export type CategoryKind = 'directory' | 'category';

/** Chinese node-kind labels. */
export const CATEGORY_KIND_LABELS: Readonly<Record<CategoryKind, string>> = { directory: '目录', category: '栏目' };

/** Chinese names of the catalogue's and the publication settings' fields, for messages. */
export const CATALOGUE_FIELD_LABELS = {
  name: '栏目名称',
  slug: '栏目代码',
  parentId: '上级目录',
  kind: '类型',
  indexPattern: '索引号格式',
  levels: '审核层级',
} as const satisfies Readonly<Record<string, string>>;

/** Stable keys of the statutory nodes, so code can find them whatever admins rename them to. */
export const STATUTORY_KEYS = ['guide', 'rules', 'statutory', 'annual-reports', 'apply'] as const;

/** A node of the default tree. */
export type CatalogueNode = {
  slug: string;
  name: string;
  kind: CategoryKind;
  statutoryKey: string | null;
  /** The article the node follows, for the back office. */
  basis?: string;
  children: CatalogueNode[];
};

const leaf = (slug: string, name: string, basis?: string, statutoryKey: string | null = null): CatalogueNode => ({
  slug,
  name,
  kind: 'category',
  statutoryKey,
  basis,
  children: [],
});
const dir = (
  slug: string,
  name: string,
  statutoryKey: string | null,
  children: CatalogueNode[],
  basis?: string,
): CatalogueNode => ({
  slug,
  name,
  kind: children.length > 0 ? 'directory' : 'category',
  statutoryKey,
  basis,
  children,
});

/**
 * Art. 21: "设区的市级、县级人民政府及其部门还应当根据本地方的具体情况，主动公开涉及市政建设、公共服务、公益事业、
 * 土地征收、房屋征收、治安管理、社会救助等方面的政府信息；乡（镇）人民政府还应当根据本地方的具体情况，主动公开
 * 贫困救助、集体经济、土地流转、土地征收、宅基地审批等方面的政府信息。" Governments and their departments get the
 * first list, townships the second; streets and other bodies add what they publish themselves.
 */
const COUNTY_ART21: readonly [slug: string, name: string][] = [
  ['municipal', '市政建设'],
  ['public-services', '公共服务'],
  ['public-welfare', '公益事业'],
  ['land-expropriation', '土地征收'],
  ['housing-expropriation', '房屋征收'],
  ['public-security', '治安管理'],
  ['social-assistance', '社会救助'],
];
const TOWNSHIP_ART21: readonly [slug: string, name: string][] = [
  ['poverty-relief', '贫困救助'],
  ['collective-economy', '集体经济'],
  ['land-transfer', '土地流转'],
  ['land-expropriation', '土地征收'],
  ['homestead', '宅基地审批'],
];
const ART21: Partial<Record<OrgKind, readonly [string, string][]>> = {
  government: COUNTY_ART21,
  department: COUNTY_ART21,
  township: TOWNSHIP_ART21,
};

function localCategories(kind: OrgKind): CatalogueNode[] {
  return (ART21[kind] ?? []).map(([slug, name]) => leaf(slug, name, '第二十一条'));
}

/**
 * The default tree of an organization of this kind, in display order. Slugs are unique within an
 * organization; the kinds of publication usually filed under 政策文件 carry statutory keys `policy-rule` etc.
 */
export function defaultCatalogue(kind: OrgKind = 'government'): CatalogueNode[] {
  const local = localCategories(kind);
  return [
    dir('guide', '政府信息公开指南', 'guide', [], '第十二条'),
    dir('rules', '政府信息公开制度', 'rules', []),
    dir(
      'statutory',
      '法定主动公开内容',
      'statutory',
      [
        leaf('functions', '机构职能', '第二十条第（二）项'),
        dir('policy', '政策文件', 'policy', [
          leaf('policy-rules', '规章', '第二十条第（一）项', 'policy-rule'),
          leaf('policy-normative', '行政规范性文件', '第二十条第（一）项', 'policy-normative'),
          leaf('policy-other', '其他文件', '第二十条第（一）项', 'policy-other'),
          leaf('policy-interpretation', '政策解读', undefined, 'policy-interpretation'),
        ]),
        leaf('meetings', '政府会议'),
        leaf('plans', '规划计划', '第二十条第（三）项'),
        leaf('statistics', '统计信息', '第二十条第（四）项'),
        leaf('licensing', '行政许可', '第二十条第（五）项'),
        leaf('penalties', '行政处罚和行政强制', '第二十条第（六）项'),
        leaf('budgets', '财政预决算', '第二十条第（七）项'),
        leaf('fees', '行政事业性收费', '第二十条第（八）项'),
        leaf('procurement', '政府采购', '第二十条第（九）项'),
        leaf('projects', '重大建设项目', '第二十条第（十）项'),
        dir('livelihood', '民生', null, [
          leaf('poverty', '扶贫', '第二十条第（十一）项'),
          leaf('education', '教育', '第二十条第（十一）项'),
          leaf('health', '医疗', '第二十条第（十一）项'),
          leaf('social-security', '社保', '第二十条第（十一）项'),
          leaf('employment', '就业', '第二十条第（十一）项'),
        ]),
        leaf('emergency', '应急管理', '第二十条第（十二）项'),
        leaf('inspections', '监督检查', '第二十条第（十三）项'),
        leaf('personnel', '人事信息', '第二十条第（十四）项'),
        leaf('proposals', '建议提案办理'),
        ...(local.length > 0 ? [dir('local', '本地重点领域信息', null, local, '第二十一条')] : []),
      ],
      '第二十条、第二十一条',
    ),
    dir('annual-reports', '政府信息公开年报', 'annual-reports', [], '第四十九条、第五十条'),
    dir('apply', '申请公开政府信息', 'apply', [], '第二十七条'),
  ];
}

/** The nodes of a tree, parents before children, with their parent's slug and sibling order. */
export function flattenCatalogue(
  nodes: readonly CatalogueNode[],
  parentSlug: string | null = null,
): { node: CatalogueNode; parentSlug: string | null; sortOrder: number }[] {
  return nodes.flatMap((node, i) => [
    { node, parentSlug, sortOrder: i },
    ...flattenCatalogue(node.children, node.slug),
  ]);
}

/** Checks a category slug: lower-case letters, digits and hyphens, 1–40 characters. */
export function isValidSlug(slug: string): boolean {
  return /^[a-z0-9][a-z0-9-]{0,39}$/.test(slug);
}
