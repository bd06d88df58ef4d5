// The demo district's monitoring (监督保障): gongkai's own portal and one fictional department site registered with
// their columns, a few 政务新媒体 accounts of demo organizations with posts (one fresh, one stale, one 僵尸号, one
// without 备案, one closed with its announcement), and one past monitoring run whose findings were recorded through
// the runs' use case. The run does not crawl: a demo checker hands the run planted findings (nothing leaves the
// machine), so the dashboard, the findings and the 整改 tasks show the module at work.
import type { LocalDate } from '../../domain/core/local-date.js';
import type { MonitorFinding } from '../../domain/monitoring/finding.js';
import type { MonitoredSite } from '../../domain/monitoring-registry/registry.js';
import { DEFAULT_SITE_CHECK_SETTINGS } from '../../domain/monitoring/settings.js';
import { summarizeSite } from '../../domain/monitoring/verdict.js';
import { registerOwnPortal, saveSite, type SiteInput } from '../monitoring/registry.js';
import { executeRun, requestRun } from '../monitoring/runs.js';
import type { SiteChecker, SiteCheckResult } from '../monitoring/ports.js';
import { addPost, createAccount, recordAccountEvent } from '../media/manage-accounts.js';
import { getPublicBaseUrl } from '../settings/public-base-url.js';
import { daysAgo, type DemoEvent, type DemoWorld } from './demo-timeline.js';
import { demoAccounts } from './demo-staff.js';
import type { Actor } from '../../domain/policies/actor.js';

/**
 * The address the own portal is registered under when no public address is configured at the first start (a
 * reserved name that never resolves: 网站监测 → 登记本门户 brings it in step once the site has its address).
 */
export const DEMO_PORTAL_ORIGIN = 'https://gongkai.example.invalid';

/** The fictional department site (its addresses under the reserved `.invalid` name never resolve). */
export const DEMO_DEPARTMENT_SITE = '示例区教育局网站（示例）';
const DEPT_HOME = 'https://jyj.shiliqu.example.invalid/';

/** The department site's columns: one of each kind the registry knows. */
const DEPT_COLUMNS: SiteInput['columns'] = [
  { name: '教育动态', url: `${DEPT_HOME}jydt/`, kind: 'news', intervalDays: '' },
  { name: '通知公告', url: `${DEPT_HOME}tzgg/`, kind: 'notice', intervalDays: '' },
  { name: '政策文件', url: `${DEPT_HOME}zcwj/`, kind: 'policy', intervalDays: '' },
  { name: '机构职能', url: `${DEPT_HOME}jgzn/`, kind: 'static', intervalDays: '' },
  { name: '招生入学', url: `${DEPT_HOME}zsrx/`, kind: 'should_update', intervalDays: '30' },
  { name: '局长信箱', url: `${DEPT_HOME}jzxx/`, kind: 'interaction', intervalDays: '' },
  { name: '办事服务', url: `${DEPT_HOME}bsfw/`, kind: 'service', intervalDays: '' },
];

/**
 * One demo account: its platform, name, the DEMO_ORGS index of its 主办单位, 备案号 ('' = not filed), the days
 * before today it opened and posted, and (for the closed one) the days before today it was closed.
 */
type DemoMediaAccount = {
  platform: string;
  name: string;
  org: number;
  filingNo: string;
  openedAgo: number;
  postsAgo: readonly number[];
  closedAgo?: number;
};

/**
 * The demo accounts, as of the first start: 示例区发布 fresh; 示例教育 stale (no post in 14 days, 国办秘函〔2019〕19号
 * 内容不更新); 示例财政 a 僵尸号 (over 90 days); 示例镇 without 备案 (国办发〔2018〕123号); 城关街道 closed with its
 * announcement but not cancelled.
 */
export const DEMO_MEDIA: readonly DemoMediaAccount[] = [
  {
    platform: 'wechat',
    name: '示例区发布',
    org: 0,
    filingNo: '示政媒备2023001号',
    openedAgo: 400,
    postsAgo: [30, 9, 4, 1],
  },
  {
    platform: 'weibo',
    name: '示例教育',
    org: 2,
    filingNo: '示政媒备2023002号',
    openedAgo: 390,
    postsAgo: [60, 35, 20],
  },
  { platform: 'douyin', name: '示例财政', org: 3, filingNo: '示政媒备2023003号', openedAgo: 380, postsAgo: [200, 120] },
  { platform: 'toutiao', name: '示例镇', org: 6, filingNo: '', openedAgo: 300, postsAgo: [12, 5, 2] },
  {
    platform: 'kuaishou',
    name: '城关街道',
    org: 7,
    filingNo: '示政媒备2023005号',
    openedAgo: 350,
    postsAgo: [70, 45],
    closedAgo: 40,
  },
];

const POST_TITLES = ['政务公开日活动回顾', '惠民政策一图读懂', '办事指南：社保卡申领', '重要提醒：防范电信诈骗'];

/** Days before today the past run was made on (its 整改 tasks are due within the run's working days). */
const RUN_AGO = 21;
/** Days before today the sites were registered. */
const REGISTERED_AGO = 60;

/** The planted findings of the own portal: a stale column, a dead link on the home page, a suspected ID number. */
function portalFindings(site: MonitoredSite, asOf: LocalDate): MonitorFinding[] {
  const column = site.columns.find((c) => c.kind === 'news') ?? site.columns.find((c) => c.intervalDays !== null);
  const out: MonitorFinding[] = [
    {
      rule: 'dead_link',
      severity: 'deduction',
      url: 'https://old.shiliqu.example.invalid/zwgk/',
      message: '首页链接无法访问（域名无法解析）：https://old.shiliqu.example.invalid/zwgk/',
      evidence: { status: null, error: 'dns', foundOn: site.homeUrl, onHome: true, pages: 1 },
    },
  ];
  if (column) {
    out.push(
      {
        rule: 'column_stale',
        severity: 'deduction',
        url: column.url,
        column: column.name,
        message: `栏目“${column.name}”已 30 天未更新（应 ${column.intervalDays} 天内更新）`,
        evidence: { kind: column.kind, lastDate: null, days: 30, intervalDays: column.intervalDays, asOf },
      },
      {
        rule: 'pii',
        severity: DEFAULT_SITE_CHECK_SETTINGS.contentSeverity.pii,
        url: column.url,
        column: column.name,
        message: '页面中发现 1 处疑似居民身份证号码，请核实是否应当公开',
        evidence: { kind: 'id_card', count: 1, masked: '829901********0017', foundOn: null },
      },
    );
  }
  return out;
}

/** The planted findings of the department site: a stale news column, an empty notice column, a dead link. */
function departmentFindings(site: MonitoredSite): MonitorFinding[] {
  const col = (name: string) => site.columns.find((c) => c.name === name);
  const news = col('教育动态');
  const notice = col('通知公告');
  const out: MonitorFinding[] = [
    {
      rule: 'dead_link',
      severity: 'deduction',
      url: `${DEPT_HOME}zcwj/2019/fj01.doc`,
      message: `页面链接无法访问（HTTP 404）：${DEPT_HOME}zcwj/2019/fj01.doc`,
      evidence: { status: 404, error: null, foundOn: `${DEPT_HOME}zcwj/`, onHome: false, pages: 1 },
    },
  ];
  if (news) {
    out.push({
      rule: 'column_stale',
      severity: 'deduction',
      url: news.url,
      column: news.name,
      message: `栏目“${news.name}”已 26 天未更新（应 14 天内更新）`,
      evidence: { kind: news.kind, lastDate: null, days: 26, intervalDays: 14 },
    });
  }
  if (notice) {
    out.push({
      rule: 'column_empty',
      severity: 'deduction',
      url: notice.url,
      column: notice.name,
      message: `栏目“${notice.name}”无任何信息（空白栏目）`,
      evidence: { kind: notice.kind, items: 0 },
    });
  }
  return out;
}

/** A checker that crawls nothing: it hands the run the planted findings of each demo site. */
const demoChecker: SiteChecker = {
  check(site, asOf): Promise<SiteCheckResult> {
    const findings = site.ownPortal ? portalFindings(site, asOf) : departmentFindings(site);
    return Promise.resolve({
      findings,
      summary: summarizeSite(findings, site.kind, DEFAULT_SITE_CHECK_SETTINGS),
      pages: site.ownPortal ? 312 : 46,
      links: site.ownPortal ? 2480 : 377,
    });
  },
};

/** The root government's monitoring supervisor (a demo account that cannot sign in, see demo-staff.ts). */
async function supervisorOf(w: DemoWorld): Promise<Actor> {
  const root = w.orgs[0]!;
  const staff = await demoAccounts(w.ctx, root.org.id, {
    supervisor: ['demo.gov.supervisor', 'supervisor', '吴监测（示例）'],
  });
  return staff.supervisor;
}

/** Registers the own portal (its columns from the root's catalogue) and the department site. */
async function registerSites(w: DemoWorld, supervisor: Actor): Promise<void> {
  const origin = (await getPublicBaseUrl(w.ctx)) ?? DEMO_PORTAL_ORIGIN;
  await registerOwnPortal(w.ctx, supervisor, origin);
  const education = w.orgs.find((o) => o.index === 2) ?? w.orgs[0]!;
  await saveSite(w.ctx, supervisor, {
    name: DEMO_DEPARTMENT_SITE,
    homeUrl: DEPT_HOME,
    siteCode: '9999000012',
    orgId: education.org.id,
    kind: 'department',
    columns: DEPT_COLUMNS,
  });
}

/** The events of one account: opened, its posts, and (the closed one) its 关停 with the announcement. */
function accountEvents(w: DemoWorld, a: DemoMediaAccount, ids: Map<string, string>): DemoEvent[] {
  const org = w.orgs.find((o) => o.index === a.org) ?? w.orgs[0]!;
  const actor = w.publishing.head;
  const opened = daysAgo(w, a.openedAgo);
  const events: DemoEvent[] = [
    {
      day: opened,
      run: async () => {
        const id = await createAccount(w.ctx, actor, {
          platform: a.platform,
          name: a.name,
          verifiedName: `${org.org.name}（示例）`,
          orgId: org.org.id,
          filingNo: a.filingNo,
          interaction: 'yes',
          ownerContact: org.org.officePhone,
          feedUrl: '',
          openedOn: opened,
        });
        ids.set(a.name, id);
      },
    },
  ];
  a.postsAgo.forEach((ago, i) => {
    const day = daysAgo(w, ago);
    events.push({
      day,
      run: () =>
        addPost(w.ctx, actor, ids.get(a.name)!, {
          postedAt: `${day} ${String(9 + (i % 8)).padStart(2, '0')}:30`,
          title: `${POST_TITLES[i % POST_TITLES.length]}（示例）`,
          url: '',
          comments: String(2 + i),
          answered: String(2 + i),
        }),
    });
  });
  if (a.closedAgo !== undefined) {
    const day = daysAgo(w, a.closedAgo);
    events.push({
      day,
      run: () =>
        recordAccountEvent(w.ctx, actor, ids.get(a.name)!, {
          kind: 'closed',
          on: day,
          announcement: `因机构职能调整，“${a.name}”账号自即日起停止更新，相关信息请关注“示例区发布”。（示例数据）`,
          note: '示例数据',
        }),
    });
  }
  return events;
}

/** The past run over every registered site, its findings recorded through the runs' use case. */
async function pastRun(w: DemoWorld, supervisor: Actor): Promise<void> {
  const run = await requestRun(w.ctx, supervisor, { all: true });
  await executeRun(w.ctx, demoChecker, run.id);
}

/** The events of the demo's monitoring, and how many sites, accounts and runs they make. */
export function monitoringEvents(w: DemoWorld): { events: DemoEvent[]; sites: number; accounts: number } {
  const ids = new Map<string, string>();
  let supervisor: Actor | undefined;
  const events: DemoEvent[] = [
    {
      day: daysAgo(w, REGISTERED_AGO),
      run: async () => {
        supervisor = await supervisorOf(w);
        await registerSites(w, supervisor);
      },
    },
    ...DEMO_MEDIA.flatMap((a) => accountEvents(w, a, ids)),
    { day: daysAgo(w, RUN_AGO), run: () => pastRun(w, supervisor!) },
  ];
  return { events, sites: 2, accounts: DEMO_MEDIA.length };
}
