// The 通报 (circular) of a check round: the websites and 政务新媒体 accounts checked, the pass rates, and the failing
// ones named with their problems and the deadline to fix. 国办秘函〔2019〕19号 asks the bodies running the checks to
// publish what they find (检查情况通报); the circular is published on the portal through the review chain.
import { formatChineseDate, yearOf, type LocalDate } from '../core/local-date.js';
import { escapeHtml } from '../core/text.js';
import type { MonitorRule } from '../monitoring/finding.js';

/** Chinese labels of the rules, as the 19号 indicators name them. */
export const MONITOR_RULE_LABELS: Readonly<Record<MonitorRule, string>> = {
  unavailable: '站点无法访问',
  home_stale: '首页不更新',
  column_stale: '栏目不更新',
  column_empty: '空白栏目',
  dead_link: '链接不可用',
  sensitive_word: '严重错别字（错敏词）',
  pii: '泄露个人信息',
  spam: '被植入违法有害信息',
  interaction_unanswered: '互动回应差',
  tampered: '页面内容被篡改',
  account_stale: '内容不更新',
  account_zombie: '僵尸账号',
  account_no_interaction: '无互动功能',
  account_unfiled: '未备案',
  account_closed_not_cancelled: '关停后未注销',
};

/** One failing website or account as the circular names it. */
export type CircularItem = {
  /** 网站 or the platform of an account (微信公众号 …). */
  type: string;
  name: string;
  /** The 主办单位. */
  unit: string;
  rules: readonly MonitorRule[];
  deadlineOn: LocalDate;
};

/** What a circular says. */
export type CircularModel = {
  /** The organization publishing it (the one running the check). */
  issuerName: string;
  /** The day the check was made as of. */
  checkedOn: LocalDate;
  issuedOn: LocalDate;
  sites: { checked: number; passed: number };
  accounts: { checked: number; passed: number };
  failing: readonly CircularItem[];
};

const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'] as const;

/** The quarter of a day in Chinese, e.g. 2026年第四季度. */
export function quarterLabel(d: LocalDate): string {
  const month = Number(d.slice(5, 7));
  return `${yearOf(d)}年${QUARTERS[Math.floor((month - 1) / 3)]}`;
}

/** The circular's title, by the quarter of the check. */
export function circularTitle(checkedOn: LocalDate): string {
  return `关于${quarterLabel(checkedOn)}政府网站与政务新媒体检查情况的通报`;
}

/** The pass rate in percent with one decimal ("—" when nothing was checked). */
export function passRate(c: { checked: number; passed: number }): string {
  return c.checked === 0 ? '—' : `${((c.passed * 100) / c.checked).toFixed(1).replace(/\.0$/, '')}%`;
}

const problemsOf = (rules: readonly MonitorRule[]) =>
  rules.length === 0 ? '总分低于60分' : rules.map((r) => MONITOR_RULE_LABELS[r] ?? r).join('、');

/**
 * The circular's body as HTML (every name and text escaped; only p, table, thead, tbody, tr, th, td): the scope
 * and day of the check, the counts and pass rates, a table of the failing websites and accounts with their problems
 * and deadlines, what is asked of the units, and the basis (国办秘函〔2019〕19号).
 */
export function circularHtml(m: CircularModel): string {
  const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
  const failedSites = m.sites.checked - m.sites.passed;
  const failedAccounts = m.accounts.checked - m.accounts.passed;
  const rows = m.failing.map(
    (it, i) =>
      `<tr><td>${i + 1}</td><td>${escapeHtml(it.type)}</td><td>${escapeHtml(it.name)}</td>` +
      `<td>${escapeHtml(it.unit)}</td><td>${escapeHtml(problemsOf(it.rules))}</td>` +
      `<td>${escapeHtml(formatChineseDate(it.deadlineOn))}</td></tr>`,
  );
  const table =
    m.failing.length === 0
      ? [p('本次检查未发现不合格的政府网站和政务新媒体。')]
      : [
          p('二、不合格的政府网站和政务新媒体'),
          '<table><thead><tr><th>序号</th><th>类型</th><th>名称</th><th>主办单位</th><th>主要问题</th>' +
            '<th>整改期限</th></tr></thead>',
          `<tbody>${rows.join('')}</tbody></table>`,
        ];
  return [
    p(
      `根据《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）和《国务院办公厅关于推进政务新媒体健康有序发展的意见》` +
        `（国办发〔2018〕123号）的要求，${m.issuerName}以${formatChineseDate(m.checkedOn)}为检查时点，` +
        `对本地区政府网站和政务新媒体进行了检查。现将有关情况通报如下。`,
    ),
    p('一、总体情况'),
    p(
      `本次共检查政府网站${m.sites.checked}个，合格${m.sites.passed}个，不合格${failedSites}个，` +
        `合格率${passRate(m.sites)}；检查政务新媒体${m.accounts.checked}个，合格${m.accounts.passed}个，` +
        `不合格${failedAccounts}个，合格率${passRate(m.accounts)}。`,
    ),
    ...table,
    p(
      `${m.failing.length === 0 ? '二' : '三'}、有关要求：请各主办单位对照检查发现的问题，在整改期限前完成整改，` +
        '并在政务公开平台的整改任务中逐项说明整改情况。逾期未整改的，将在下次检查情况通报中予以通报。',
    ),
    p('特此通报。'),
    p(m.issuerName),
    p(formatChineseDate(m.issuedOn)),
  ].join('\n');
}
