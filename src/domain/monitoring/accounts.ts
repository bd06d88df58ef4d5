// 政务新媒体 accounts: the registry's record, its lifecycle, and the checks that make an account 不合格.
// Pure: today's date and the thresholds are parameters.
//
// Sources: 国办发〔2018〕123号《关于推进政务新媒体健康有序发展的意见》 (分级备案 of 开设、变更、关停、注销; a closure or a
// change of 主办单位 announced publicly; accounts that cannot be kept up are closed) and 国办秘函〔2019〕19号
// 《政府网站与政务新媒体检查指标》 (single-veto items of new media: 内容不更新 — no update in the 2 weeks before the
// monitoring point —, 互动回应差 — no effective interaction function).
import { addDays, daysBetween, type LocalDate } from '../core/local-date.js';
import type { MonitorFinding, MonitorRule, MonitorSummary } from './finding.js';

/** Platform codes (contracts of the import files and the `account` key `"<platform>:<name>"`). */
export const PLATFORMS = [
  'wechat',
  'weibo',
  'douyin',
  'toutiao',
  'kuaishou',
  'channels',
  'app',
  'miniprogram',
  'other',
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Chinese names of the platforms. */
export const PLATFORM_LABELS: Readonly<Record<Platform, string>> = {
  wechat: '微信公众号',
  weibo: '微博',
  douyin: '抖音',
  toutiao: '头条号',
  kuaishou: '快手',
  channels: '视频号',
  app: '移动客户端',
  miniprogram: '小程序',
  other: '其他',
};

/**
 * Where an account is in its life. 123号 names four filed steps (开设、变更、关停、注销); `suspended` (暂停更新) is
 * an account that stopped publishing without being closed yet.
 */
export const ACCOUNT_STATUSES = ['open', 'changed', 'suspended', 'closed', 'cancelled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** Chinese labels of the statuses (as a state). */
export const ACCOUNT_STATUS_LABELS: Readonly<Record<AccountStatus, string>> = {
  open: '运营中',
  changed: '已变更',
  suspended: '暂停更新',
  closed: '已关停',
  cancelled: '已注销',
};

/** Chinese labels of the lifecycle events that lead to each status. */
export const EVENT_LABELS: Readonly<Record<AccountStatus, string>> = {
  open: '开设',
  changed: '变更',
  suspended: '暂停更新',
  closed: '关停',
  cancelled: '注销',
};

/** Events that must be announced publicly (123号: 关停、注销 are filed and announced). */
export const ANNOUNCED_EVENTS: ReadonlySet<AccountStatus> = new Set<AccountStatus>(['closed', 'cancelled']);

/** Statuses of an account still publishing (checked for updates and interaction). */
export const RUNNING_STATUSES: ReadonlySet<AccountStatus> = new Set<AccountStatus>(['open', 'changed']);

/** The fields of an account an officer enters (or an import gives). */
export type AccountFields = {
  platform: Platform;
  name: string;
  /** The name the platform verified (认证主体/认证名称); '' when not verified. */
  verifiedName: string;
  orgId: string;
  /** 备案号 in the 全国政务新媒体信息报送系统; '' = not filed. */
  filingNo: string;
  /** Whether the account offers an interaction function (留言、评论、私信). */
  interaction: boolean;
  /** The person in charge and how to reach them (never shown on the portal). */
  ownerContact: string;
  /** An RSS or Atom feed of the account's posts; '' when none. */
  feedUrl: string;
  openedOn: LocalDate | null;
};

/** An account as stored. */
export type MediaAccount = AccountFields & {
  id: string;
  status: AccountStatus;
  createdAt: string;
  updatedAt: string;
};

/** A lifecycle event (开设/变更/暂停/关停/注销) with its date and, for 关停/注销, the public announcement. */
export type AccountEvent = {
  id: string;
  accountId: string;
  kind: AccountStatus;
  on: LocalDate;
  /** The announcement's text (required for 关停 and 注销); '' otherwise. */
  announcement: string;
  note: string;
  actorLabel: string;
  createdAt: string;
};

/** A post of an account. `postedAt` is the office's local time, `YYYY-MM-DDTHH:mm`. */
export type MediaPost = {
  id: string;
  accountId: string;
  postedAt: string;
  title: string;
  url: string;
  /** Public comments/messages under the post, and how many of them the account answered. */
  comments: number;
  answered: number;
  source: PostSource;
  createdAt: string;
};

/** How a post was recorded. */
export type PostSource = 'import' | 'manual' | 'feed';

/**
 * Thresholds of the checks, in days. Each is a setting; the defaults and their sources:
 * - `staleDays` 14: 19号 内容不更新, "no update in the 2 weeks before the monitoring point" (single veto).
 * - `warnDays` 10: an earlier warning; provinces set stricter internal targets (e.g. publish at least every
 *   10 days), not a national rule [unconfirmed, configurable].
 * - `zombieDays` 90: accounts not updated for over 3 months are listed as 僵尸账号 to be cleaned up in provincial
 *   通报 (123号 names 僵尸、睡眠 accounts and orders them closed or merged) [configurable].
 */
export type AccountThresholds = { staleDays: number; warnDays: number; zombieDays: number };

/** The default thresholds (see {@link AccountThresholds}). */
export const DEFAULT_ACCOUNT_THRESHOLDS: AccountThresholds = { staleDays: 14, warnDays: 10, zombieDays: 90 };

/** The account's key in command output and findings: `"<platform>:<name>"`. */
export const accountKey = (a: { platform: Platform; name: string }): string => `${a.platform}:${a.name}`;

/** What the checks of one account read. */
export type AccountCheckInput = {
  account: MediaAccount;
  /** The date of its latest post on or before `asOf`, or null when none. */
  lastPostOn: LocalDate | null;
  /** The date of the event that closed or suspended it (when its status is one of those). */
  stoppedOn?: LocalDate | null;
};

/**
 * The findings of one account as of a day. Cancelled accounts have none. Running accounts (open, changed) are
 * checked for updates and interaction; all are checked for 备案 and for a closure not followed by 注销.
 * Days since the last post count from the post's date to `asOf` (a post today is 0 days old); an account
 * without posts counts from its opening date, and without one it has never been updated.
 */
export function checkAccount(
  input: AccountCheckInput,
  asOf: LocalDate,
  t: AccountThresholds = DEFAULT_ACCOUNT_THRESHOLDS,
): MonitorFinding[] {
  const { account: a } = input;
  if (a.status === 'cancelled') return [];
  const key = accountKey(a);
  const out: MonitorFinding[] = [];
  if (RUNNING_STATUSES.has(a.status)) {
    out.push(...freshness(input, asOf, t, key));
    if (!a.interaction) {
      // 19号 互动回应差: "未提供有效互动功能" is a single-veto failure reason in the checks.
      out.push({
        rule: 'account_no_interaction',
        severity: 'veto',
        account: key,
        message: '未提供有效互动功能（互动回应差）',
        evidence: { interaction: false },
      });
    }
  }
  if (a.filingNo.trim() === '') {
    // 123号: 开设、变更、关停、注销 are filed (分级备案) with the 主管单位.
    out.push({
      rule: 'account_unfiled',
      severity: 'warning',
      account: key,
      message: '未在政务新媒体信息报送系统备案（未填写备案号）',
      evidence: { filingNo: '' },
    });
  }
  if (a.status === 'closed' || a.status === 'suspended') {
    // 123号: accounts that cannot be kept up are closed and, by procedure, cancelled (注销) and filed.
    out.push({
      rule: 'account_closed_not_cancelled',
      severity: 'warning',
      account: key,
      message: `账号${ACCOUNT_STATUS_LABELS[a.status]}但未注销`,
      evidence: { status: a.status, stoppedOn: input.stoppedOn ?? null },
    });
  }
  return out;
}

function freshness(input: AccountCheckInput, asOf: LocalDate, t: AccountThresholds, key: string): MonitorFinding[] {
  const since = input.lastPostOn ?? input.account.openedOn;
  const days = since === null ? null : daysBetween(since, asOf);
  const evidence = { lastPostOn: input.lastPostOn, days, asOf };
  const out: MonitorFinding[] = [];
  const never = input.lastPostOn === null ? '无发布记录' : `最近发布于${input.lastPostOn}`;
  if (days === null || days >= t.staleDays) {
    out.push({
      rule: 'account_stale',
      severity: 'veto',
      account: key,
      message: `${t.staleDays}天内无更新（内容不更新），${never}`,
      evidence,
    });
  } else if (days >= t.warnDays) {
    out.push({
      rule: 'account_stale',
      severity: 'warning',
      account: key,
      message: `已${days}天无更新，${t.staleDays}天无更新即为不合格`,
      evidence: { ...evidence, vetoOn: addDays(since as LocalDate, t.staleDays) },
    });
  }
  if (days === null || days >= t.zombieDays) {
    out.push({
      rule: 'account_zombie',
      severity: 'veto',
      account: key,
      message: `${t.zombieDays}天以上无更新（僵尸账号），应整改或关停、注销`,
      evidence,
    });
  }
  return out;
}

/** The account's verdict: any single-veto finding → 不合格 (accounts have no deduction score). */
export function accountVerdict(findings: readonly MonitorFinding[]): MonitorSummary {
  const vetoes = [...new Set(findings.filter((f) => f.severity === 'veto').map((f) => f.rule))] as MonitorRule[];
  return { verdict: vetoes.length > 0 ? '不合格' : '合格', score: null, vetoes };
}

/** Traffic light of an account for lists: red 不合格, amber warnings only, green clean. */
export function trafficLight(findings: readonly MonitorFinding[]): 'red' | 'amber' | 'green' {
  if (findings.some((f) => f.severity === 'veto')) return 'red';
  return findings.length > 0 ? 'amber' : 'green';
}

/** Field errors of an account's fields (Chinese), empty when valid. */
export function accountFieldErrors(f: AccountFields): Record<string, string> {
  const e: Record<string, string> = {};
  if (!(PLATFORMS as readonly string[]).includes(f.platform)) e.platform = '请选择平台';
  if (f.name.trim() === '') e.name = '请填写账号名称';
  else if (f.name.length > 100) e.name = '账号名称不能超过100字';
  if (f.verifiedName.length > 200) e.verifiedName = '认证名称不能超过200字';
  if (f.orgId === '') e.orgId = '请选择主办单位';
  if (f.filingNo.length > 100) e.filingNo = '备案号不能超过100字';
  if (f.feedUrl !== '' && !/^https?:\/\/\S+$/i.test(f.feedUrl)) e.feedUrl = '订阅地址应以 http:// 或 https:// 开头';
  if (f.ownerContact.length > 200) e.ownerContact = '负责人联系方式不能超过200字';
  return e;
}

/**
 * Why a lifecycle event cannot be recorded, or undefined. 关停/注销 need the public announcement (123号); a
 * cancelled account has ended; an event cannot predate the opening.
 */
export function eventError(
  account: MediaAccount,
  e: { kind: AccountStatus; on: LocalDate; announcement: string },
): { field: string; message: string } | undefined {
  if (account.status === 'cancelled') return { field: 'kind', message: '账号已注销，不能再登记其他事项' };
  if (e.kind === 'open' && account.status !== 'suspended' && account.status !== 'closed') {
    return { field: 'kind', message: '账号已开设；恢复运营只适用于暂停更新或关停的账号' };
  }
  if (ANNOUNCED_EVENTS.has(e.kind) && e.announcement.trim() === '') {
    return { field: 'announcement', message: `${EVENT_LABELS[e.kind]}须向社会公告，请填写公告内容` };
  }
  if (account.openedOn && e.on < account.openedOn) return { field: 'on', message: '日期不能早于开设日期' };
  return undefined;
}
