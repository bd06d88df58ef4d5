// What gongkai fills in the 政府网站工作年度报表 (国办函〔2018〕12号) from its own records, each value with the
// record it came from: the header from the site registry, 信息发布 from the publications of the year by the kind of
// their column, 解读回应 from the interpretations, 互动交流 from the messages of the site's interaction columns and
// the information requests, 安全防护 from the monitoring runs and findings, 移动新媒体 from the account registry.
import { daysBetween, type LocalDate } from '../core/local-date.js';

/** Where a publication goes in 信息发布: 概况类, 政务动态, or the rest of the 信息公开目录. */
export type PublicationBucket = 'overview' | 'news' | 'catalogue';

/**
 * The 信息发布 bucket of a publication, from its kind and the column it is filed under: news items and news columns
 * (动态、要闻、新闻) are 政务动态; the organization's profile (机构职能、概况、领导) is 概况类; everything else is
 * in the 信息公开目录 (《条例》第二十条).
 */
export function publicationBucket(p: { kind: string; categoryName: string; categorySlug: string }): PublicationBucket {
  if (p.kind === 'news' || /动态|要闻|新闻|工作信息/.test(p.categoryName)) return 'news';
  if (p.categorySlug === 'functions' || /概况|机构职能|机构设置|领导|简介/.test(p.categoryName)) return 'overview';
  return 'catalogue';
}

/** The records the filling reads, for one site and one year. */
export type ReportFacts = {
  year: number;
  site: { name: string; homeUrl: string; sponsor: string; kindLabel: string; siteCode: string };
  /** Which organizations' records count: the whole tree (gongkai's own portal) or the 主办单位 alone. */
  scopeLabel: string;
  /** ICP/公安 filing numbers entered in the previous year's report, when there is one. */
  previous: { year: number; icpNo: string; policeNo: string } | null;
  /** The items published (first published) in the year, with their column. */
  publications: readonly { kind: string; categoryName: string; categorySlug: string }[];
  /** 政策解读 published in the year. */
  interpretations: number;
  /** Whether the site has an interaction column registered (messages are recorded only then). */
  hasInteractionColumns: boolean;
  /** Messages of the site's interaction columns received in the year. */
  messages: readonly { receivedOn: LocalDate; answeredOn: LocalDate | null }[];
  /** Information requests received in the year, and how many of them are closed. */
  applications: { received: number; closed: number };
  /** Completed monitoring checks of the site in the year; findings first seen and closed in the year. */
  security: { checks: number; found: number; fixed: number };
  /** The accounts (not cancelled) of the scope, with their posts in the year. */
  accounts: readonly { platform: string; name: string; posts: number }[];
  /** The day of filling (填报日期). */
  today: LocalDate;
};

/** The filled values and, for each, where it came from. */
export type Filled = { values: Record<string, string>; sources: Record<string, string> };

/** Fills what the records give. Fields gongkai cannot know are left out (entered on the form). */
export function fillReport(facts: ReportFacts): Filled {
  const values: Record<string, string> = {};
  const sources: Record<string, string> = {};
  const put = (id: string, value: string | number, source: string) => {
    values[id] = String(value);
    sources[id] = source;
  };
  const y = facts.year;
  const registry = '网站登记信息';
  put('site_name', facts.site.name, registry);
  put('home_url', facts.site.homeUrl, registry);
  put('sponsor', facts.site.sponsor, `${registry}（主办单位）`);
  put('site_kind', facts.site.kindLabel, registry);
  if (facts.site.siteCode !== '') put('site_code', facts.site.siteCode, registry);
  if (facts.previous) {
    const from = `${facts.previous.year}年度报表`;
    if (facts.previous.icpNo !== '') put('icp_no', facts.previous.icpNo, from);
    if (facts.previous.policeNo !== '') put('police_no', facts.previous.policeNo, from);
  }

  const buckets = { overview: 0, news: 0, catalogue: 0 };
  for (const p of facts.publications) buckets[publicationBucket(p)] += 1;
  const pubs = `本平台${y}年发布的信息（${facts.scopeLabel}）`;
  put('pub_total', facts.publications.length, pubs);
  put('pub_overview', buckets.overview, `${pubs}中机构职能、概况类栏目的信息`);
  put('pub_news', buckets.news, `${pubs}中新闻动态体裁或动态类栏目的信息`);
  put('pub_catalogue', buckets.catalogue, `${pubs}中其余信息公开目录栏目的信息`);
  put('interpretations', facts.interpretations, `本平台${y}年发布的政策解读（${facts.scopeLabel}）`);

  if (facts.hasInteractionColumns) {
    const msgs = `网站互动栏目登记的${y}年收到的留言`;
    const done = facts.messages.filter((m) => m.answeredOn !== null);
    put('messages_received', facts.messages.length, msgs);
    put('messages_done', done.length, `${msgs}中已答复的`);
    if (done.length > 0) {
      const days = done.reduce((s, m) => s + daysBetween(m.receivedOn, m.answeredOn as LocalDate), 0);
      put('messages_avg_days', Math.round((days / done.length) * 10) / 10, `${msgs}中已答复的，自收到至答复的日数平均`);
    }
  }
  const apps = `本平台登记的${y}年收到的政府信息公开申请（${facts.scopeLabel}）`;
  put('applications_received', facts.applications.received, apps);
  put('applications_closed', facts.applications.closed, `${apps}中已办结的`);

  put('security_checks', facts.security.checks, `本平台${y}年对该网站完成的监测检查`);
  put('security_found', facts.security.found, `本平台${y}年监测首次发现的问题`);
  put('security_fixed', facts.security.fixed, `本平台${y}年监测确认已整改（销号）的问题`);

  const registryOf = `政务新媒体账号登记（${facts.scopeLabel}）`;
  const names = (platform: string) =>
    facts.accounts
      .filter((a) => a.platform === platform)
      .map((a) => a.name)
      .join('、');
  const posts = (platform: string) =>
    facts.accounts.filter((a) => a.platform === platform).reduce((s, a) => s + a.posts, 0);
  put('media_any', facts.accounts.length > 0 ? '是' : '否', registryOf);
  for (const [platform, prefix] of [
    ['weibo', 'weibo'],
    ['wechat', 'wechat'],
  ] as const) {
    if (!facts.accounts.some((a) => a.platform === platform)) continue;
    put(`${prefix}_names`, names(platform), registryOf);
    put(`${prefix}_posts`, posts(platform), `登记账号${y}年的发文记录`);
  }
  const others = facts.accounts.filter((a) => a.platform !== 'weibo' && a.platform !== 'wechat');
  if (others.length > 0) put('media_other', others.map((a) => a.name).join('、'), registryOf);
  put('filled_on', facts.today, '填报当日');
  return { values, sources };
}
