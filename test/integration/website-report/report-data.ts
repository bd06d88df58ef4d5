// A known set of records for the 政府网站工作年度报表 of 2025 (教育局's website), each counted by hand in the
// comments: publications, interpretations, requests, messages, monitoring checks and findings, accounts and posts.
import type { TestRuntime } from '../../support/runtime.js';
import { demoOrgs } from '../../factories/orgs.js';
import { publishingStaff } from '../../factories/staff.js';
import { caseStaff, makeApplication } from '../../factories/applications.js';
import { draftFields, moveAlongChain } from '../../factories/publications.js';
import { createDraft } from '../../../src/app/publications/drafts.js';
import { registerMessages, saveSite } from '../../../src/app/monitoring/registry.js';
import { executeRun, requestRun } from '../../../src/app/monitoring/runs.js';
import { addPost, createAccount, recordAccountEvent } from '../../../src/app/media/manage-accounts.js';
import type { SiteChecker } from '../../../src/app/monitoring/ports.js';

/** The figures the filling must give for 2025, counted by hand from what `recordYear` writes. */
export const EXPECTED_2025 = {
  pub_total: '4', // normative, interpretation, news, 机构职能 item (2024's, the draft and the root's left out)
  pub_overview: '1', // the 机构职能 item
  pub_news: '1', // the news item
  pub_catalogue: '2', // the normative document and its interpretation
  interpretations: '1',
  messages_received: '3', // 2025-03-01, 2025-06-01, 2025-12-30 (2024-12-01 left out)
  messages_done: '2',
  messages_avg_days: '3', // (4 + 2) / 2
  applications_received: '2', // two in 2025 (the 2024 one left out)
  applications_closed: '1', // the one replied
  security_checks: '2', // two completed checks as of 2025 days (2024's left out; the other site's left out)
  security_found: '2', // dead link and stale home page, first seen in 2025
  security_fixed: '1', // the stale home page, gone at the second check
  media_any: '是',
  weibo_names: '示例区教育微博',
  weibo_posts: '2', // 2025-02-01, 2025-08-01 (2024-12-31 left out)
  wechat_names: '示例区教育发布',
  wechat_posts: '1',
  media_other: '示例区教育抖音', // the cancelled account left out; the root's account left out
} as const;

const DEAD = { rule: 'dead_link', severity: 'deduction', message: '链接无法访问', evidence: {} } as const;
const STALE = { rule: 'home_stale', severity: 'veto', message: '首页超过14天未更新', evidence: {} } as const;

/**
 * Writes the records: 教育局's website (with an interaction column) and 财政局's (no report), and returns their ids.
 * The clock is moved through 2024 and 2025 and left at 2026-01-10 10:00 Beijing time.
 */
export async function recordYear(rt: TestRuntime): Promise<{ siteId: string; otherSiteId: string }> {
  const { root, named } = await demoOrgs(rt);
  const edu = named('示例区教育局');
  const at = (day: string) => rt.clock.set(`${day}T02:00:00Z`);
  at('2024-06-01');
  const siteId = await saveSite(rt.ctx, null, {
    name: '示例区教育局网站',
    homeUrl: 'http://edu.example.test/',
    siteCode: '1101020011',
    orgId: edu.id,
    kind: 'department',
    columns: [
      { name: '工作动态', url: 'http://edu.example.test/gzdt/', kind: 'news', intervalDays: '' },
      { name: '局长信箱', url: 'http://edu.example.test/mail/', kind: 'interaction', intervalDays: '' },
    ],
  });
  const otherSiteId = await saveSite(rt.ctx, null, {
    name: '示例区财政局网站',
    homeUrl: 'http://fin.example.test/',
    siteCode: '',
    orgId: named('示例区财政局').id,
    kind: 'department',
    columns: [],
  });

  // Publications.
  const staff = await publishingStaff(rt, { orgId: edu.id, prefix: 'wr' });
  const rootStaff = await publishingStaff(rt, { orgId: root.id, prefix: 'wrroot' });
  const publish = async (s: typeof staff, org: string, day: string, over: Record<string, unknown>) => {
    at(day);
    const made = await createDraft(rt.ctx, s.editor, draftFields(org, { writtenOn: day, ...over }));
    await moveAlongChain(rt, s, made.id, 'published', { approve: { acceptFindings: true } });
    return made;
  };
  await publish(staff, edu.creditCode, '2024-11-01', { title: '示例区教育局2024年通知', docNo: '示教发〔2024〕9号' });
  const normative = await publish(staff, edu.creditCode, '2025-03-03', {
    title: '示例区教育局关于规范校外培训的通知',
    docNo: '示教发〔2025〕3号',
  });
  await publish(staff, edu.creditCode, '2025-03-10', {
    title: '《关于规范校外培训的通知》政策解读',
    kind: 'interpretation',
    docNo: '',
    interprets: normative.indexNo,
  });
  await publish(staff, edu.creditCode, '2025-05-06', {
    title: '区教育局召开全区教育工作会议',
    kind: 'news',
    docNo: '',
    category: 'functions',
  });
  await publish(staff, edu.creditCode, '2025-07-01', {
    title: '示例区教育局主要职责',
    kind: 'other_document',
    docNo: '',
    category: 'functions',
  });
  at('2025-08-01');
  await createDraft(
    rt.ctx,
    staff.editor,
    draftFields(edu.creditCode, { title: '未发布的草稿', writtenOn: '2025-08-01' }),
  );
  await publish(rootStaff, root.creditCode, '2025-04-01', { title: '区政府的通知', docNo: '示政发〔2025〕4号' });

  // Requests.
  at('2024-12-20');
  await makeApplication(rt, { org: edu.creditCode });
  at('2025-04-01');
  await makeApplication(rt, { org: edu.creditCode });
  await makeApplication(rt, {
    org: edu.creditCode,
    state: 'replied',
    staff: await caseStaff(rt, { orgId: edu.id, prefix: 'wr' }),
  });

  // Messages of the interaction column.
  at('2025-12-31');
  const site = await rt.ctx.repos.monitoring.siteById(siteId);
  const mail = site?.columns.find((c) => c.kind === 'interaction')?.id ?? '';
  await registerMessages(rt.ctx, null, siteId, mail, [
    { receivedOn: '2024-12-01', answeredOn: '2024-12-02', subject: '去年的留言' },
    { receivedOn: '2025-03-01', answeredOn: '2025-03-05', subject: '入学咨询' },
    { receivedOn: '2025-06-01', answeredOn: '2025-06-03', subject: '招生咨询' },
    { receivedOn: '2025-12-30', answeredOn: '', subject: '未答复的留言' },
  ]);

  // Monitoring: a 2024 check (stale home page), then two 2025 checks of the site, and one of the other site.
  const findings: Record<string, (typeof DEAD | typeof STALE)[]> = {};
  const checker: SiteChecker = {
    check: (s) =>
      Promise.resolve({
        findings: [...(findings[s.id] ?? [])],
        summary: { verdict: '合格', score: 95, vetoes: [] },
        pages: 1,
        links: 1,
      }),
  };
  const check = async (id: string, day: string) => {
    at(day);
    const run = await requestRun(rt.ctx, null, { siteId: id, asOf: day });
    await executeRun(rt.ctx, checker, run.id);
  };
  findings[siteId] = [];
  await check(siteId, '2024-10-01');
  findings[siteId] = [DEAD, STALE];
  await check(siteId, '2025-03-01');
  findings[siteId] = [DEAD];
  await check(siteId, '2025-09-01');
  findings[otherSiteId] = [DEAD];
  await check(otherSiteId, '2025-09-02');

  // Accounts.
  at('2024-12-31');
  const account = async (platform: string, name: string, orgId: string) =>
    createAccount(rt.ctx, null, {
      platform,
      name,
      verifiedName: name,
      orgId,
      filingNo: '',
      interaction: '0',
      openedOn: '2024-01-05',
    });
  const weibo = await account('weibo', '示例区教育微博', edu.id);
  await addPost(rt.ctx, null, weibo, { postedAt: '2024-12-31 09:00', title: '去年', url: '' });
  const wechat = await account('wechat', '示例区教育发布', edu.id);
  await account('douyin', '示例区教育抖音', edu.id);
  const gone = await account('weibo', '已注销的教育微博', edu.id);
  await account('weibo', '示例区政府微博', root.id);
  at('2025-12-31');
  await addPost(rt.ctx, null, weibo, { postedAt: '2025-02-01 09:00', title: '一', url: '' });
  await addPost(rt.ctx, null, weibo, { postedAt: '2025-08-01 09:00', title: '二', url: '' });
  await addPost(rt.ctx, null, wechat, { postedAt: '2025-05-01 09:00', title: '三', url: '' });
  await addPost(rt.ctx, null, gone, { postedAt: '2025-05-01 09:00', title: '注销前', url: '' });
  await recordAccountEvent(rt.ctx, null, gone, { kind: 'cancelled', on: '2025-06-01', announcement: '本账号已注销。' });

  at('2026-01-10');
  return { siteId, otherSiteId };
}
