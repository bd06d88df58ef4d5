/**
 * The website checks as pure functions over what the crawler saw: freshness of the home page and the columns
 * (国办秘函〔2019〕19号 首页不更新、栏目不更新), dead links (2015 census sheet 链接可用性), content (personal data,
 * 错敏词, injected spam) and availability (19号 站点无法访问). Each returns findings; the verdict is in verdict.ts.
 */
import type { MonitorFinding } from './finding.js';
import { datedItems, daysBetween, type ListItem } from './list-dates.js';
import { findPii, PII_LABELS, type PiiKind } from './pii.js';
import { findSensitiveWords, type SensitiveWord } from './sensitive-words.js';
import type { ColumnKind, SiteCheckSettings } from './settings.js';
import { findSpamSpans } from '../report-check/spam.js';

/** A list page as crawled: its items (null when the page could not be read). */
export interface ListPage {
  url: string;
  items: readonly ListItem[] | null;
}

/** A column of the site and its list page. */
export interface CrawledColumn extends ListPage {
  name: string;
  kind: ColumnKind;
  /** The column's own interval (days), for `should_update` columns; overrides the kind's default. */
  intervalDays?: number;
}

/** The newest item date not after `asOf`, and how many items carry no date. */
function newest(items: readonly ListItem[], asOf: string): { last: string | null; undated: number } {
  let last: string | null = null;
  let undated = 0;
  for (const { date } of datedItems(items)) {
    if (!date) undated++;
    else if (date <= asOf && (!last || date > last)) last = date;
  }
  return { last, undated };
}

/**
 * 19号 首页不更新: a veto when no item on the home page is dated within the last `homeStaleDays` days (an undated
 * item counts as not updated, 2015 census sheet). A home page with no list items at all is a navigation entrance:
 * 19号 then judges the second-level pages, so the newest item of the `columns` read counts. Nothing when the home
 * page could not be read (see `unavailable`).
 */
export function homeFreshness(
  home: ListPage,
  asOf: string,
  settings: SiteCheckSettings,
  columns: readonly ListPage[] = [],
): MonitorFinding[] {
  if (!home.items) return [];
  const entrance = home.items.length === 0 && columns.some((c) => c.items && c.items.length > 0);
  const items = entrance ? columns.flatMap((c) => c.items ?? []) : home.items;
  const { last, undated } = newest(items, asOf);
  const days = last ? daysBetween(last, asOf) : null;
  if (days !== null && days <= settings.homeStaleDays) return [];
  const where = entrance ? '首页为导航入口，各栏目' : '首页';
  return [
    {
      rule: 'home_stale',
      severity: 'veto',
      url: home.url,
      message: last
        ? `${where}最近一条信息发布于 ${last}，已 ${days} 天未更新（超过 ${settings.homeStaleDays} 天）`
        : `${where}未找到带日期的信息，视为 ${settings.homeStaleDays} 天内未更新`,
      evidence: { lastDate: last, days, limitDays: settings.homeStaleDays, items: items.length, undated, entrance },
    },
  ];
}

/** The update interval of a column (days), or null when its kind has none. */
export function columnInterval(
  column: Pick<CrawledColumn, 'kind' | 'intervalDays'>,
  s: SiteCheckSettings,
): number | null {
  const byKind = s.columnIntervalDays[column.kind];
  if (byKind === null) return null;
  return column.kind === 'should_update' && column.intervalDays ? column.intervalDays : byKind;
}

/**
 * 19号 栏目不更新 and 空白栏目: a column without items is `column_empty` (and not also stale: no double penalty);
 * a column whose newest dated item is older than its interval is `column_stale`. Both are deductions line by line;
 * the counts that make a veto are in verdict.ts.
 */
export function columnFreshness(
  columns: readonly CrawledColumn[],
  asOf: string,
  settings: SiteCheckSettings,
): MonitorFinding[] {
  const out: MonitorFinding[] = [];
  for (const column of columns) {
    if (!column.items) continue;
    const base = { url: column.url, column: column.name };
    if (column.items.length === 0) {
      out.push({
        ...base,
        rule: 'column_empty',
        severity: 'deduction',
        message: `栏目“${column.name}”没有内容（空白栏目）`,
        evidence: { kind: column.kind, items: 0 },
      });
      continue;
    }
    const interval = columnInterval(column, settings);
    if (interval === null) continue;
    const { last, undated } = newest(column.items, asOf);
    const days = last ? daysBetween(last, asOf) : null;
    if (days !== null && days <= interval) continue;
    out.push({
      ...base,
      rule: 'column_stale',
      severity: 'deduction',
      message: last
        ? `栏目“${column.name}”最近更新于 ${last}，已 ${days} 天未更新（应 ${interval} 天内更新）`
        : `栏目“${column.name}”的信息均无发布日期，视为未更新（应 ${interval} 天内更新）`,
      evidence: {
        kind: column.kind,
        lastDate: last,
        days,
        intervalDays: interval,
        items: column.items.length,
        undated,
      },
    });
  }
  return out;
}

/** The outcome of fetching one linked address. */
export interface LinkOutcome {
  url: string;
  /** HTTP status, or null when no response came. */
  status: number | null;
  /** Why no response came. */
  error: 'dns' | 'timeout' | 'network' | null;
  /** The page the link was first found on. */
  foundOn: string;
  /** Whether the link is on the home page (home-page links are counted apart). */
  onHome: boolean;
  /** Pages it was found on. */
  pages: number;
  column?: string;
}

const ERROR_TEXT = { dns: '域名无法解析', timeout: '访问超时', network: '无法连接' } as const;

/** Whether a link is dead: status ≥ 400, DNS failure, timeout or no connection. */
export const isDead = (l: Pick<LinkOutcome, 'status' | 'error'>): boolean =>
  l.error !== null || (l.status !== null && l.status >= 400);

/** `dead_link`: one finding per dead address, naming the page it was found on (2015 census sheet 链接可用性). */
export function deadLinkFindings(links: readonly LinkOutcome[]): MonitorFinding[] {
  return links.filter(isDead).map((l) => ({
    rule: 'dead_link',
    severity: 'deduction',
    url: l.url,
    ...(l.column ? { column: l.column } : {}),
    message: `${l.onHome ? '首页' : '页面'}链接无法访问（${l.error ? ERROR_TEXT[l.error] : `HTTP ${l.status}`}）：${l.url}`,
    evidence: { status: l.status, error: l.error, foundOn: l.foundOn, onHome: l.onHome, pages: l.pages },
  }));
}

/** Where a text was read: a page or an attachment linked from a page. */
export interface TextSource {
  url: string;
  column?: string;
  /** For an attachment: the page that links to it. */
  foundOn?: string;
}

/** `pii`: one finding per kind of personal data on a page or in an attachment, the values masked. */
export function piiFindings(text: string, src: TextSource, settings: SiteCheckSettings): MonitorFinding[] {
  const byKind = new Map<PiiKind, string[]>();
  for (const hit of findPii(text)) byKind.set(hit.kind, [...(byKind.get(hit.kind) ?? []), hit.masked]);
  return [...byKind].map(([kind, masked]) => ({
    rule: 'pii',
    severity: settings.contentSeverity.pii,
    url: src.url,
    ...(src.column ? { column: src.column } : {}),
    message: `${src.foundOn ? '附件' : '页面'}中发现 ${masked.length} 处疑似${PII_LABELS[kind]}，请核实是否应当公开`,
    evidence: { kind, count: masked.length, masked: masked.slice(0, 5).join('、'), foundOn: src.foundOn ?? null },
  }));
}

/** `sensitive_word`: one finding per listed word on a page, with the suggestion. */
export function sensitiveWordFindings(
  text: string,
  src: TextSource,
  words: readonly SensitiveWord[],
  settings: SiteCheckSettings,
): MonitorFinding[] {
  const byWord = new Map<string, { excerpt: string; suggestion: string; count: number }>();
  for (const hit of findSensitiveWords(text, words)) {
    const seen = byWord.get(hit.entry.word);
    if (seen) seen.count++;
    else byWord.set(hit.entry.word, { excerpt: hit.excerpt, suggestion: hit.entry.suggestion, count: 1 });
  }
  return [...byWord].map(([word, h]) => ({
    rule: 'sensitive_word',
    severity: settings.contentSeverity.sensitive_word,
    url: src.url,
    ...(src.column ? { column: src.column } : {}),
    message: `发现错敏词“${word}”，建议改为“${h.suggestion}”`,
    evidence: { word, suggestion: h.suggestion, excerpt: h.excerpt, count: h.count, foundOn: src.foundOn ?? null },
  }));
}

/** `spam`: injected gambling or pornography text (the report checker's detector). */
export function spamSiteFindings(text: string, src: TextSource, settings: SiteCheckSettings): MonitorFinding[] {
  return findSpamSpans(text).map(({ start, end }) => {
    const excerpt = text.slice(start, end);
    return {
      rule: 'spam',
      severity: settings.contentSeverity.spam,
      url: src.url,
      ...(src.column ? { column: src.column } : {}),
      message: `发现植入的赌博/色情广告文字“${excerpt}”`,
      evidence: { excerpt, offset: start, foundOn: src.foundOn ?? null },
    };
  });
}

/** All content findings of one text. */
export function contentFindings(
  text: string,
  src: TextSource,
  words: readonly SensitiveWord[],
  settings: SiteCheckSettings,
): MonitorFinding[] {
  return [
    ...spamSiteFindings(text, src, settings),
    ...piiFindings(text, src, settings),
    ...sensitiveWordFindings(text, src, words, settings),
  ];
}

/**
 * A one-shot availability probe of the home page: a failure is a `warning` (the veto needs the 7-day ratio of
 * 19号 站点无法访问, see {@link availabilityStatus}).
 */
export function probeFinding(url: string, probe: Pick<LinkOutcome, 'status' | 'error'>): MonitorFinding[] {
  if (!isDead(probe)) return [];
  return [
    {
      rule: 'unavailable',
      severity: 'warning',
      url,
      message: `首页本次访问失败（${probe.error ? ERROR_TEXT[probe.error] : `HTTP ${probe.status}`}）`,
      evidence: { status: probe.status, error: probe.error },
    },
  ];
}

/** One scheduled probe of a home page. */
export interface Probe {
  /** ISO date-time of the probe. */
  at: string;
  ok: boolean;
}

/** The availability of a site over the window ending on `asOf`. */
export interface AvailabilityStatus {
  probes: number;
  failures: number;
  ratio: number;
  /** Days of the window with fewer probes than the rule asks (the ratio then rests on thin evidence). */
  thinDays: number;
  severity: 'veto' | 'warning' | null;
}

/**
 * 19号 站点无法访问: over the last `unavailableWindowDays` days up to `asOf`, veto when failures reach
 * `unavailableVetoRatio` of the probes (≥ 20 a day asked); a warning from `unavailableWarnRatio`.
 */
export function availabilityStatus(probes: readonly Probe[], asOf: string, s: SiteCheckSettings): AvailabilityStatus {
  const perDay = new Map<string, number>();
  let total = 0;
  let failures = 0;
  for (const p of probes) {
    const day = p.at.slice(0, 10);
    const age = daysBetween(day, asOf);
    if (age < 0 || age >= s.unavailableWindowDays) continue;
    total++;
    if (!p.ok) failures++;
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  let thinDays = 0;
  for (let i = 0; i < s.unavailableWindowDays; i++) {
    const day = new Date(Date.parse(`${asOf}T00:00:00Z`) - i * 86_400_000).toISOString().slice(0, 10);
    if ((perDay.get(day) ?? 0) < s.unavailableProbesPerDay) thinDays++;
  }
  const ratio = total ? failures / total : 0;
  const severity =
    total && ratio >= s.unavailableVetoRatio ? 'veto' : total && ratio >= s.unavailableWarnRatio ? 'warning' : null;
  return { probes: total, failures, ratio, thinDays, severity };
}

/** The `unavailable` finding of the 7-day ratio, when it warns or vetoes. */
export function availabilityFinding(url: string, status: AvailabilityStatus): MonitorFinding[] {
  if (!status.severity) return [];
  const pct = (status.ratio * 100).toFixed(1);
  return [
    {
      rule: 'unavailable',
      severity: status.severity,
      url,
      message: `近 7 天首页监测 ${status.probes} 次，失败 ${status.failures} 次（${pct}%）`,
      evidence: { probes: status.probes, failures: status.failures, ratio: status.ratio, thinDays: status.thinDays },
    },
  ];
}
