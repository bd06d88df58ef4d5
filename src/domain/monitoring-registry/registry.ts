// The registry of monitored government websites (政府网站) and their columns (栏目), as the checks of
// 《政府网站与政务新媒体检查指标》 (国办秘函〔2019〕19号) see them: a site's kind decides whether it gets a score
// (门户 only), a column's kind decides how long it may go without an update.
import { err, ok, type Result } from '../core/result.js';
import {
  COLUMN_KINDS,
  DEFAULT_SITE_CHECK_SETTINGS,
  SITE_KINDS,
  type ColumnKind,
  type SiteKind,
} from '../monitoring/settings.js';

// The kinds are the checks' own (monitoring/settings.ts); the registry adds their labels.
export { COLUMN_KINDS, SITE_KINDS, type ColumnKind, type SiteKind };
/** Chinese labels of the site kinds. */
export const SITE_KIND_LABELS: Readonly<Record<SiteKind, string>> = {
  portal: '门户网站',
  department: '部门网站',
  special: '专项网站',
};

/** Chinese labels of the column kinds. */
export const COLUMN_KIND_LABELS: Readonly<Record<ColumnKind, string>> = {
  news: '动态要闻类',
  notice: '通知公告类',
  policy: '政策文件类',
  should_update: '应更新类',
  static: '静态类（不要求更新）',
  interaction: '政务咨询类（互动）',
  service: '办事服务类',
};

/**
 * Default update interval per column kind, in days (null: no interval): the checks' own defaults
 * (monitoring/settings.ts, 国办秘函〔2019〕19号 栏目不更新), shown and stored with each registered column.
 */
export const DEFAULT_INTERVAL_DAYS: Readonly<Record<ColumnKind, number | null>> =
  DEFAULT_SITE_CHECK_SETTINGS.columnIntervalDays;

/** What an administrator registers about a website. */
export type SiteFields = {
  name: string;
  homeUrl: string;
  /** 政府网站标识码 (10 characters, letters and digits), blank when not known yet. */
  siteCode: string;
  /** The 主办单位: an organization of the tree. */
  orgId: string;
  kind: SiteKind;
};

/** What an administrator registers about a column. */
export type ColumnFields = {
  name: string;
  url: string;
  kind: ColumnKind;
  /** Update interval in days; null: the kind's default (none for static/interaction/service). */
  intervalDays: number | null;
};

/** A registered website with its columns. */
export type MonitoredSite = SiteFields & {
  id: string;
  /** Whether this is gongkai's own portal (registered and kept in step automatically). */
  ownPortal: boolean;
  columns: MonitoredColumn[];
  createdAt: string;
  updatedAt: string;
};

/** A registered column. */
export type MonitoredColumn = ColumnFields & {
  id: string;
  siteId: string;
  sort: number;
  /** The catalogue category it was taken from (gongkai's own portal), else null. */
  categoryId: string | null;
};

/** Field errors in Chinese, keyed by field name. */
export type FieldErrors = Record<string, string>;

const SITE_CODE = /^[0-9A-Za-z]{10}$/;
const MAX_INTERVAL_DAYS = 3650;

/** Whether a text is an absolute http(s) address. */
export function isWebAddress(text: string): boolean {
  if (!/^https?:\/\//i.test(text)) return false;
  try {
    return new URL(text).hostname.length > 0;
  } catch {
    return false;
  }
}

/** Parses a site kind given as its code or Chinese label (门户/部门/专项). */
export function parseSiteKind(text: string): SiteKind | undefined {
  const t = text.trim();
  return SITE_KINDS.find((k) => k === t || SITE_KIND_LABELS[k] === t || SITE_KIND_LABELS[k].startsWith(t || '—'));
}

/** Parses a column kind given as its code or Chinese label. */
export function parseColumnKind(text: string): ColumnKind | undefined {
  const t = text.trim();
  return COLUMN_KINDS.find((k) => k === t || COLUMN_KIND_LABELS[k] === t);
}

/** Checks a site's fields (all errors at once). `orgExists` tells whether the 主办单位 is an organization. */
export function checkSiteFields(f: SiteFields, orgExists: (id: string) => boolean): Result<SiteFields, FieldErrors> {
  const errors: FieldErrors = {};
  const name = f.name.trim();
  const homeUrl = f.homeUrl.trim();
  const siteCode = f.siteCode.trim().toUpperCase();
  if (name === '') errors.name = '请填写网站名称';
  else if (name.length > 100) errors.name = '网站名称不能超过100个字';
  if (!isWebAddress(homeUrl)) errors.homeUrl = '首页网址应以 http:// 或 https:// 开头';
  // 政府网站标识码: a 10-character code given when the site is filed (全国政府网站信息报送系统).
  if (siteCode !== '' && !SITE_CODE.test(siteCode)) errors.siteCode = '网站标识码应为10位字母或数字';
  if (!orgExists(f.orgId)) errors.orgId = '请选择主办单位';
  if (!(SITE_KINDS as readonly string[]).includes(f.kind)) errors.kind = '请选择网站类型';
  return Object.keys(errors).length > 0 ? err(errors) : ok({ ...f, name, homeUrl, siteCode });
}

/** Checks a column's fields (all errors at once); the interval defaults by kind. */
export function checkColumnFields(f: ColumnFields): Result<ColumnFields, FieldErrors> {
  const errors: FieldErrors = {};
  const name = f.name.trim();
  const url = f.url.trim();
  if (name === '') errors.name = '请填写栏目名称';
  else if (name.length > 100) errors.name = '栏目名称不能超过100个字';
  if (!isWebAddress(url)) errors.url = '栏目网址应以 http:// 或 https:// 开头';
  if (!(COLUMN_KINDS as readonly string[]).includes(f.kind)) errors.kind = '请选择栏目类型';
  const interval = f.intervalDays;
  if (interval !== null && (!Number.isInteger(interval) || interval < 1 || interval > MAX_INTERVAL_DAYS)) {
    errors.intervalDays = `更新周期应为1至${MAX_INTERVAL_DAYS}之间的天数`;
  }
  if (Object.keys(errors).length > 0) return err(errors);
  return ok({ name, url, kind: f.kind, intervalDays: interval ?? DEFAULT_INTERVAL_DAYS[f.kind] });
}

/**
 * The column kind a catalogue category of gongkai's own portal maps to, by its name: 动态/要闻/新闻 → news,
 * 通知/公告 → notice, 政策/文件/法规/规章/规范性 → policy, 咨询/留言/信箱/互动 → interaction, 办事/服务 → service,
 * statutory pages (指南, 制度, 机构信息) → static; anything else should be updated (default interval).
 */
export function columnKindOfCategory(c: { name: string; statutoryKey: string | null }): ColumnKind {
  const n = c.name;
  if (/动态|要闻|新闻|工作信息/.test(n)) return 'news';
  if (/通知|公告|公示/.test(n)) return 'notice';
  if (/政策|文件|法规|规章|规范性/.test(n)) return 'policy';
  if (/咨询|留言|信箱|互动/.test(n)) return 'interaction';
  if (/办事|服务/.test(n)) return 'service';
  if (c.statutoryKey === 'guide' || c.statutoryKey === 'rules' || /指南|制度|机构/.test(n)) return 'static';
  return 'should_update';
}

/** The interval a column is checked against, in days (its own, else its kind's default), or null. */
export function effectiveInterval(c: Pick<ColumnFields, 'kind' | 'intervalDays'>): number | null {
  return c.intervalDays ?? DEFAULT_INTERVAL_DAYS[c.kind];
}
