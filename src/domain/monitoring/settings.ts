/**
 * Every threshold of the website checks in one settings object, each with its default and its source. The
 * single-veto rules follow 《政府网站与政务新媒体检查指标》 (国办秘函〔2019〕19号); where the 2019 deduction table is
 * not known, the defaults are the values of the 2015 全国政府网站普查评分表 and are settings, not constants.
 */
import type { Severity } from './finding.js';

/** Column kinds of a website (the column's role decides its update interval). */
export const COLUMN_KINDS = ['news', 'notice', 'policy', 'should_update', 'static', 'interaction', 'service'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** Website kinds: 门户 (portal), 部门 (department), 专项 (special). Only portals get a deduction score (19号). */
export const SITE_KINDS = ['portal', 'department', 'special'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** Thresholds and points of the website checks. */
export interface SiteCheckSettings {
  /** 19号 首页不更新: monitor 2 weeks; veto when the home page has no new information. */
  homeStaleDays: number;
  /** Update interval by column kind, in days; null: the kind has no interval. */
  columnIntervalDays: Record<ColumnKind, number | null>;
  /** 19号 栏目不更新 sub-rule 1: stale 动态要闻 + 通知公告/政策文件 columns that make a veto. */
  staleBasicColumnsVeto: number;
  /** 19号 栏目不更新 sub-rule 2: stale columns that should be updated that make a veto. */
  staleShouldUpdateVeto: number;
  /** 19号 栏目不更新 sub-rule 3: 空白栏目 that make a veto. */
  emptyColumnsVeto: number;
  /** 19号 站点无法访问: share of failed probes over the window that makes a veto (5 %). */
  unavailableVetoRatio: number;
  /** Share of failed probes that warns before the veto [U: local practice, "warn long before"]. */
  unavailableWarnRatio: number;
  /** 19号 站点无法访问: probes a day needed for the ratio to count (≥ 20) over a window of days (1 week). */
  unavailableProbesPerDay: number;
  unavailableWindowDays: number;
  /** Severity of the content rules (pii and sensitive_word need a person's confirmation before they count). */
  contentSeverity: { pii: Severity; sensitive_word: Severity; spam: Severity };
  /** Deduction points of a 门户 site (2019 table unknown [U]; 2015 census sheet values as defaults). */
  points: DeductionPoints;
  /** 19号: a portal below this score is 不合格. */
  passScore: number;
}

/** Points taken off per finding, and the cap of each indicator. */
export interface DeductionPoints {
  /** Per stale column by kind (2015 sheet: 动态要闻 −3, 通知公告/政策文件 −4, 人事/规划计划 (should update) −5). */
  staleColumn: Record<ColumnKind, number>;
  /** Per empty column [U: not in the sheets seen; same as the heaviest stale column]. */
  emptyColumn: number;
  /** Cap of the 信息更新 indicator (stale + empty columns) [U]. */
  updateCap: number;
  /** Per dead link on the home page / on other pages [U: the widely repeated −1 / −0.1]. */
  deadLinkHome: number;
  deadLinkOther: number;
  /** Cap of the 链接可用性 indicator [U]. */
  linkCap: number;
}

/** The defaults. */
export const DEFAULT_SITE_CHECK_SETTINGS: SiteCheckSettings = {
  // 国办秘函〔2019〕19号 首页不更新: 2 weeks.
  homeStaleDays: 14,
  columnIntervalDays: {
    // 国办秘函〔2019〕19号 栏目不更新: 动态、要闻类 2 weeks; 通知公告、政策文件类 6 months (180 days).
    news: 14,
    notice: 180,
    policy: 180,
    // 19号 "应更新但长期未更新": the column's own interval; this default is used when a column gives none [U].
    should_update: 180,
    static: null,
    interaction: null,
    service: null,
  },
  // 国办秘函〔2019〕19号 栏目不更新 sub-rules 1–3 (the same numbers in the 2015 census sheet).
  staleBasicColumnsVeto: 5,
  staleShouldUpdateVeto: 10,
  emptyColumnsVeto: 5,
  // 国办秘函〔2019〕19号 站点无法访问: ≥ 20 probes a day for 1 week, 15 s, veto at ≥ 5 % failures.
  unavailableVetoRatio: 0.05,
  unavailableWarnRatio: 0.02,
  unavailableProbesPerDay: 20,
  unavailableWindowDays: 7,
  // 19号 安全、泄密事故等严重问题 item 3 (发布或链接…色情等内容): injected gambling/porn text is a veto;
  // wording errors and personal data are warnings until a person confirms them.
  contentSeverity: { pii: 'warning', sensitive_word: 'warning', spam: 'veto' },
  points: {
    // 2015 全国政府网站普查评分表 (信息更新情况 / 基本信息) as defaults where the 2019 table is unknown [U].
    staleColumn: { news: 3, notice: 4, policy: 4, should_update: 5, static: 0, interaction: 0, service: 0 },
    emptyColumn: 5,
    updateCap: 40,
    // 2015 census sheet 链接可用性 (home page and other pages counted apart); points [U].
    deadLinkHome: 1,
    deadLinkOther: 0.1,
    linkCap: 10,
  },
  // 国办秘函〔2019〕19号: total 100, below 60 不合格.
  passScore: 60,
};
