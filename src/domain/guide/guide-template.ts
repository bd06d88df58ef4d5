// The default 政府信息公开指南 of an organization, filled from its current data. 《条例》第十二条:
// "政府信息公开指南包括政府信息的分类、编排体系、获取方式和政府信息公开工作机构的名称、办公地址、办公时间、
// 联系电话、传真号码、互联网联系方式等内容", kept current ("应当及时更新"): an organization that has not written
// its own guide shows this one, rebuilt from its data on every request, so it never falls behind.
// The text is HTML within the rich-text allow-list (headings, paragraphs, lists, tables, links), so an
// organization can start editing from it and the sanitiser keeps it whole. Addresses come in as parameters:
// the domain knows no URLs.
import { pageRate, pieceRate, FREE_PAGES, FREE_PIECES } from '../applications/fees.js';
import { RULES_2019 } from '../applications/rules.js';
import { escapeHtml as x } from '../core/text.js';
import type { Organization } from '../orgs/organization.js';
import { PUBLICATION_WORKING_DAYS } from '../publications/deadlines.js';

/** The portal addresses the guide links to (site-relative or absolute). */
export type GuideLinks = {
  column: string;
  guide: string;
  rules: string;
  statutory: string;
  annualReports: string;
  standardCatalogue: string;
  apply: string;
  track: string;
  search: string;
  feed: string;
  info: string;
};

/** What the guide is filled from. */
export type GuideFacts = {
  org: Organization;
  links: GuideLinks;
  /** The top-level categories of 法定主动公开内容, with their pages. */
  categories: readonly { name: string; href: string }[];
  /** The 行政复议机关 of the organization's acts (domain/notices/review-body.ts); undefined when not known. */
  reviewBody: string | undefined;
  /** The court notices name (告知书设置; by default 有管辖权的人民法院). */
  court: string;
};

const link = (href: string, text: string) => `<a href="${x(href)}">${x(text)}</a>`;
/** A list, an item a line (the editor shows the text as written). */
const ul = (items: readonly string[]) => `<ul>\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</ul>`;

/** The office's contact lines that are filled in: label and (escaped) value. */
export function officeContactLines(o: Organization): [string, string][] {
  const lines: [string, string][] = [
    ['名称', x(o.officeName || o.name)],
    ['办公地址', x(o.officeAddress || o.address)],
    ['邮政编码', x(o.postcode)],
    ['办公时间', x(o.officeHours)],
    ['联系电话', x(o.officePhone || o.phone)],
    ['传真号码', x(o.officeFax)],
    ['电子邮箱', o.officeEmail ? link(`mailto:${o.officeEmail}`, o.officeEmail) : ''],
  ];
  return lines.filter(([, v]) => v !== '');
}

/** The fee bands of 国办函〔2020〕109号, from the rates coded in domain/applications/fees.ts. */
function feeTable(): string {
  /** One basis: its name heading its rows (a row group), each row a quantity and its rate. */
  const group = (basis: string, rows: [string, string][]) =>
    `<tbody>${rows
      .map(
        ([quantity, rate], i) =>
          `<tr>${i === 0 ? `<th scope="rowgroup" rowspan="${rows.length}">${basis}</th>` : ''}` +
          `<td>${quantity}</td><td>${rate}</td></tr>`,
      )
      .join('')}</tbody>`;
  const pieces = group('按件计收', [
    [`同一申请人一个自然月内累计申请${FREE_PIECES}件以下（含${FREE_PIECES}件）`, '不收费'],
    [`${FREE_PIECES + 1}—30件的部分`, `${pieceRate(FREE_PIECES + 1)}元/件`],
    [
      '31件以上的部分',
      `每增加10件，收费标准提高${pieceRate(41) - pieceRate(31)}元/件（31—40件${pieceRate(31)}元/件，以此类推）`,
    ],
  ]);
  const pages = group('按量计收', [
    [`${FREE_PAGES}页以下（含${FREE_PAGES}页）`, '不收费'],
    [`${FREE_PAGES + 1}—100页的部分`, `${pageRate(FREE_PAGES + 1)}元/页`],
    ['101—200页的部分', `${pageRate(101)}元/页`],
    ['201页以上的部分', `${pageRate(201)}元/页`],
  ]);
  return (
    '<table><caption>信息处理费收费标准（国办函〔2020〕109号）</caption>' +
    '<thead><tr><th scope="col">计收方式</th><th scope="col">数量</th><th scope="col">收费标准</th></tr></thead>' +
    `${pieces}${pages}</table>`
  );
}

/**
 * The default 政府信息公开指南 (《条例》第十二条), filled from the organization's current data.
 * @returns HTML within the rich-text allow-list, every value escaped
 */
export function guideTemplateHtml(f: GuideFacts): string {
  const o = f.org;
  const L = f.links;
  const office = x(o.officeName || o.name);
  const address = x(o.officeAddress || o.address);
  const r = RULES_2019;
  const categories =
    f.categories.length > 0 ? `，下设${f.categories.map((c) => link(c.href, c.name)).join('、')}等栏目` : '';
  const sections = [
    `<p>为保障公民、法人和其他组织依法获取政府信息，根据《中华人民共和国政府信息公开条例》（以下简称《条例》），` +
      `编制${x(o.name)}政府信息公开指南。需要获取本机关政府信息公开服务的公民、法人和其他组织，可以阅读本指南。</p>`,
    '<h2>一、主动公开</h2>',
    '<h3>（一）公开范围</h3>',
    `<p>本机关依照《条例》第十九条、第二十条的规定，主动公开涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的` +
      `政府信息，包括机构职能、规章和行政规范性文件、规划计划、行政许可和行政处罚等事项的依据和结果、财政预算决算、` +
      `政府信息公开工作年度报告等。本机关的机构职能、办公地址和联系方式见${link(L.info, '机构信息')}。</p>`,
    '<h3>（二）分类和编排体系</h3>',
    `<p>本机关政府信息公开专栏（${link(L.column, o.name)}）设以下栏目：</p>`,
    ul([
      `${link(L.guide, '政府信息公开指南')}：本指南；`,
      `${link(L.rules, '政府信息公开制度')}：本机关政府信息公开工作制度；`,
      `${link(L.statutory, '法定主动公开内容')}：按主题分类编排的主动公开政府信息${categories}；`,
      `${link(L.annualReports, '政府信息公开年报')}：本机关历年政府信息公开工作年度报告（《条例》第四十九条）；`,
      `${link(L.standardCatalogue, '基层政务公开标准目录')}：按重点领域列出应当公开的事项、公开时限和公开渠道。`,
    ]),
    `<p>每条主动公开的政府信息都标注索引号、主题分类、发布机构、成文日期、名称、发文字号、发布日期和有效性。` +
      `索引号以本机关的统一社会信用代码（${x(o.creditCode)}）开头，加年份和流水号，一经确定不再改变。` +
      '各栏目中的信息按发布日期由新到旧排列。</p>',
    '<h3>（三）获取方式</h3>',
    ul([
      `本机关门户网站政府信息公开专栏；可以使用${link(L.search, '站内搜索')}按标题、正文、文号和索引号查找，` +
        `也可以${link(L.feed, '订阅本机关最新信息（Atom）')}；`,
      '政府公报、新闻发布会以及报刊、广播、电视等途径（《条例》第二十三条、第二十四条）；',
      '国家档案馆、公共图书馆、政务服务场所设置的政府信息查阅场所（《条例》第二十五条）。',
    ]),
    '<h3>（四）公开时限</h3>',
    `<p>属于主动公开范围的政府信息，自该政府信息形成或者变更之日起${PUBLICATION_WORKING_DAYS}个工作日内予以公开；` +
      '法律、法规对公开的期限另有规定的，从其规定（《条例》第二十六条）。</p>',
    '<h2>二、依申请公开</h2>',
    '<h3>（一）受理机构</h3>',
    `<p>本机关依申请公开政府信息的受理机构为${office}，办公地址、办公时间和联系方式见本指南第三部分。</p>`,
    '<h3>（二）申请方式</h3>',
    '<p>申请获取政府信息，应当采用包括信件、数据电文在内的书面形式；采用书面形式确有困难的，可以口头提出，' +
      `由${office}代为填写政府信息公开申请（《条例》第二十九条第一款）。</p>`,
    ul([
      `在线申请：在本网站${link(L.apply, '在线申请')}页面填写并提交申请。提交后获得查询码，` +
        `可以在${link(L.track, '申请查询')}页面查看办理进度、补正告知和答复。`,
      `信函申请：将申请书邮寄至${address}${o.postcode ? `（邮政编码${x(o.postcode)}）` : ''}，` +
        '请在信封上注明“政府信息公开申请”字样。',
      `当面申请：在办公时间${o.officeHours ? `（${x(o.officeHours)}）` : ''}到${address}提交书面申请。`,
      ...(o.officeFax ? [`传真申请：将申请书传真至${x(o.officeFax)}。`] : []),
      ...(o.officeEmail ? [`电子邮件申请：将申请书发送至${link(`mailto:${o.officeEmail}`, o.officeEmail)}。`] : []),
    ]),
    '<h3>（三）申请表和申请内容</h3>',
    `<p>本网站${link(L.apply, '在线申请')}页面即为本机关的政府信息公开申请表；以信函、当面等方式申请的，` +
      `可以向${office}领取申请表，也可以自行书写申请书。申请书应当包括下列内容（《条例》第二十九条第二款）：</p>`,
    ul([
      '申请人的姓名或者名称、身份证明、联系方式；',
      '申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述；',
      '申请公开的政府信息的形式要求，包括获取信息的方式、途径。',
    ]),
    `<p>申请内容不明确的，本机关自收到申请之日起${r.correctionNoticeWorkingDays}个工作日内一次性告知申请人作出补正，` +
      '说明需要补正的事项和合理的补正期限；答复期限自收到补正的申请之日起计算（《条例》第三十条）。</p>',
    '<h3>（四）办理时限</h3>',
    `<p>本机关收到政府信息公开申请，能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起` +
      `${r.replyWorkingDays}个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，` +
      `延长的期限最长不超过${r.maxExtensionWorkingDays}个工作日。征求第三方和其他机关意见所需时间不计算在上述期限内` +
      '（《条例》第三十三条）。</p>',
    '<p>收到申请的时间：当面提交的，以提交之日为收到申请之日；以邮寄方式提交的，以本机关签收之日为收到申请之日' +
      '（以平常信函等无需签收的方式邮寄的，以本机关与申请人确认之日为收到申请之日）；通过互联网渠道或者传真提交的，' +
      '以双方确认之日为收到申请之日（《条例》第三十一条）。</p>',
    '<h3>（五）收费</h3>',
    '<p>本机关依申请提供政府信息，不收取费用。但是，申请人申请公开政府信息的数量、频次明显超过合理范围的，' +
      '可以收取信息处理费（《条例》第四十二条）。信息处理费按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）' +
      '的标准，按件计收或者按量计收，对一件申请只按其中一种方式计收：</p>',
    feeTable(),
    `<p>需要收费的，本机关向申请人出具收费通知，申请人应当自收到通知之次日起${r.feePaymentWorkingDays}个工作日内缴纳费用；` +
      '逾期未缴纳的，视为放弃申请。</p>',
    '<h2>三、政府信息公开工作机构</h2>',
    ul([
      ...officeContactLines(o).map(([k, v]) => `${k}：${v}`),
      `互联网联系方式：本网站${link(L.apply, '在线申请')}和${link(L.track, '申请查询')}页面`,
    ]),
    '<h2>四、监督和救济</h2>',
    '<p>公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开' +
      '工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。</p>',
    ul([
      `行政复议：自知道或者应当知道该行政行为之日起60日内，向${
        f.reviewBody ? x(f.reviewBody) : '依法负责复议的行政复议机关'
      }申请行政复议（《中华人民共和国行政复议法》第二十条）。`,
      `行政诉讼：自知道或者应当知道作出行政行为之日起6个月内，向${x(f.court || '有管辖权的人民法院')}提起行政诉讼` +
        '（《中华人民共和国行政诉讼法》第四十六条）。',
    ]),
  ];
  return sections.join('\n');
}
