// Demo data: the fictional district 示例区 with its government, departments, a township and a street.
import type { OrgKind, OrganizationFields } from '../../domain/orgs/organization.js';
import { creditCodeCheckChar } from '../../domain/orgs/credit-code.js';

/**
 * A demo organization; `parent` is the index of its parent in DEMO_ORGS, `abbr` the 发文机关代字 its documents'
 * 发文字号 start with (GB/T 9704-2012 7.2.4: 发文机关代字、年份、发文顺序号).
 */
export type DemoOrg = { parent: number | null; abbr: string; fields: OrganizationFields };

// Fictional codes: registration authority 1 (机构编制), type 1 (机关), region 999901 (no real region),
// then a 9-character organization code; the 18th character is computed per GB 32100-2015.
const code = (serial: number): string => {
  const first17 = `11999901MB${String(serial).padStart(7, '0')}`;
  return first17 + (creditCodeCheckChar(first17) ?? '0');
};

const org = (
  kind: OrgKind,
  name: string,
  shortName: string,
  serial: number,
  extra: Partial<OrganizationFields> = {},
): OrganizationFields => ({
  kind,
  name,
  shortName,
  creditCode: code(serial),
  address: `示例区人民路${serial}号`,
  postcode: '999001',
  phone: `0999-8800${String(serial).padStart(4, '0')}`,
  officeHours: '工作日 上午8:30—12:00，下午14:30—17:30（法定节假日除外）',
  officeName: `${shortName}政府信息公开工作机构`,
  officeAddress: `示例区人民路${serial}号`,
  officePhone: `0999-8801${String(serial).padStart(4, '0')}`,
  officeFax: `0999-8802${String(serial).padStart(4, '0')}`,
  officeEmail: `gk${serial}@example.gov.cn`,
  functions: '',
  leadership: '',
  internalUnits: '',
  ...extra,
});

/** The demo tree, root first. */
export const DEMO_ORGS: DemoOrg[] = [
  {
    parent: null,
    abbr: '示政',
    fields: org('government', '示例区人民政府', '区政府', 1, {
      officeName: '示例区人民政府办公室（区政务公开办）',
      functions:
        '执行区人民代表大会及其常务委员会的决议和上级国家行政机关的决定和命令，规定行政措施，发布决定和命令；领导所属各工作部门和乡镇人民政府、街道办事处的工作。',
      leadership:
        '区长：张示例（主持区政府全面工作）\n副区长：李示范（负责发展改革、财政、审计等方面工作）\n副区长：王样本（负责教育、卫生健康、民政等方面工作）',
      internalUnits: '区政府办公室、区发展和改革局、区教育局、区财政局、区司法局、区自然资源和规划局',
    }),
  },
  {
    parent: 0,
    abbr: '示发改',
    fields: org('department', '示例区发展和改革局', '区发改局', 11, {
      functions: '拟订并组织实施全区国民经济和社会发展规划。',
      internalUnits: '办公室、规划科、投资科、价格科',
    }),
  },
  {
    parent: 0,
    abbr: '示教',
    fields: org('department', '示例区教育局', '区教育局', 12, {
      functions: '贯彻执行教育方针政策，统筹管理全区各类教育。',
      internalUnits: '办公室、基础教育科、人事科',
    }),
  },
  {
    parent: 0,
    abbr: '示财',
    fields: org('department', '示例区财政局', '区财政局', 13, {
      functions: '负责全区财政收支管理，编制预决算草案。',
      internalUnits: '办公室、预算科、国库科',
    }),
  },
  {
    parent: 0,
    abbr: '示司',
    fields: org('department', '示例区司法局', '区司法局', 14, {
      functions: '负责全区法治政府建设，承担行政规范性文件和政府信息公开答复的合法性审查。',
      internalUnits: '办公室、法治督察科、行政复议科',
    }),
  },
  {
    parent: 0,
    abbr: '示自然资源',
    fields: org('department', '示例区自然资源和规划局', '区自然资源局', 15, {
      functions: '负责全区自然资源调查、确权登记和国土空间规划。',
      internalUnits: '办公室、规划科、不动产登记中心',
    }),
  },
  {
    parent: 0,
    abbr: '示镇',
    fields: org('township', '示例区示例镇人民政府', '示例镇', 21, {
      functions: '执行本级人民代表大会的决议和上级国家行政机关的决定和命令，管理本镇行政工作。',
    }),
  },
  {
    parent: 0,
    abbr: '城关街',
    fields: org('street', '示例区城关街道办事处', '城关街道', 31, {
      functions: '履行区人民政府派出机关职责，管理本辖区公共服务和社会治理工作。',
    }),
  },
];

/** The 行政复议机关 of the demo root government: the (fictional) city government one level up. */
export const DEMO_ROOT_REVIEW_BODY = '示例市人民政府';

/** Demo footer marks (fictional values). */
export const DEMO_FOOTER = {
  siteName: '示例区人民政府门户网站',
  sponsor: '示例区人民政府办公室',
  operator: '示例区大数据管理中心',
  siteCode: '9999000001',
  icp: '示ICP备00000000号',
  publicSecurityRecord: '示公网安备 99990102000001号',
  contact: '0999-88000001',
  showPartyGovMark: true,
  notice: '演示站点：本站的机构、信息、申请和案件均为虚构的示例数据，不具有任何效力。',
};
