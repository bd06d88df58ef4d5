// The checks of 政务新媒体 accounts as of a day (国办秘函〔2019〕19号 single-veto items 内容不更新 and 互动回应差, and
// the 备案 and closure rules of 国办发〔2018〕123号), with the thresholds the office configured.
import { z } from 'zod';
import type { Actor } from '../../domain/policies/actor.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import type { MonitorFinding, MonitorSummary } from '../../domain/monitoring/finding.js';
import {
  DEFAULT_ACCOUNT_THRESHOLDS,
  accountKey,
  accountVerdict,
  checkAccount,
  trafficLight,
  type AccountThresholds,
  type MediaAccount,
} from '../../domain/monitoring/accounts.js';
import type { Organization } from '../../domain/orgs/organization.js';
import type { SettingsRepos } from '../settings/ports.js';
import type { MediaReadContext } from './ports.js';
import { mayMedia } from './manage-accounts.js';
import type { AppContext } from '../context.js';
import { forbidden, invalid } from '../errors.js';
import { mayChangeSettings } from '../settings/site-settings.js';
import { writeSetting } from '../settings/write-setting.js';

/** The settings key of the thresholds. */
export const THRESHOLDS_KEY = 'media.thresholds';

const thresholdsSchema = z
  .object({
    staleDays: z.number().int().min(1).max(365).default(DEFAULT_ACCOUNT_THRESHOLDS.staleDays),
    warnDays: z.number().int().min(1).max(365).default(DEFAULT_ACCOUNT_THRESHOLDS.warnDays),
    zombieDays: z.number().int().min(1).max(3650).default(DEFAULT_ACCOUNT_THRESHOLDS.zombieDays),
  })
  .refine((t) => t.warnDays < t.staleDays && t.staleDays <= t.zombieDays);

/** The configured thresholds (the defaults of 19号 and provincial practice when never set or invalid). */
export async function accountThresholds(ctx: { repos: SettingsRepos }): Promise<AccountThresholds> {
  const r = thresholdsSchema.safeParse((await ctx.repos.settings.get(THRESHOLDS_KEY)) ?? {});
  return r.success ? r.data : DEFAULT_ACCOUNT_THRESHOLDS;
}

/** One checked account. */
export type AccountCheck = {
  account: MediaAccount;
  key: string;
  org: Organization | undefined;
  lastPostOn: LocalDate | null;
  findings: MonitorFinding[];
  summary: MonitorSummary;
  light: 'red' | 'amber' | 'green';
};

/** A check round over the registry. */
export type AccountCheckRun = {
  asOf: LocalDate;
  thresholds: AccountThresholds;
  /** Every account the actor may read, cancelled ones included (they have no findings). */
  accounts: AccountCheck[];
};

/**
 * Checks every account the actor may read (all for the CLI) as of a day; posts after that day do not count.
 * @param asOf "today" for the checks (default: the office's today)
 */
export async function checkAccounts(
  ctx: MediaReadContext,
  actor: Actor | null,
  asOf: LocalDate = ctx.clock.today(),
): Promise<AccountCheckRun> {
  const [orgs, all, last, thresholds] = await Promise.all([
    ctx.repos.orgs.list({ includeRetired: true }),
    ctx.repos.media.accounts(),
    ctx.repos.media.lastPostDates(asOf),
    accountThresholds(ctx),
  ]);
  const visible = all.filter((a) => mayMedia(actor, 'media.read', orgs, a.orgId));
  const events = await ctx.repos.media.events(visible.map((a) => a.id));
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const accounts = visible.map((account): AccountCheck => {
    const stopped = events.filter((e) => e.accountId === account.id && e.kind === account.status).at(-1);
    const lastPostOn = last.get(account.id) ?? null;
    const findings = checkAccount({ account, lastPostOn, stoppedOn: stopped?.on ?? null }, asOf, thresholds);
    return {
      account,
      key: accountKey(account),
      org: byId.get(account.orgId),
      lastPostOn,
      findings,
      summary: accountVerdict(findings),
      light: trafficLight(findings),
    };
  });
  return { asOf, thresholds, accounts };
}

/** The counts of a run: accounts checked (not cancelled), 合格, 不合格, and the findings by severity. */
export function runCounts(run: AccountCheckRun) {
  const checked = run.accounts.filter((a) => a.account.status !== 'cancelled');
  const failing = checked.filter((a) => a.summary.verdict === '不合格');
  const findings = checked.flatMap((a) => a.findings);
  const by = (s: string) => findings.filter((f) => f.severity === s).length;
  return {
    accounts: checked.length,
    passed: checked.length - failing.length,
    failed: failing.length,
    vetoes: by('veto'),
    warnings: by('warning'),
    failing: failing.map((a) => ({ account: a.key, vetoes: a.summary.vetoes })),
  };
}

/**
 * Saves the thresholds (a root organization's administrator only), each a whole number of days with
 * `warnDays < staleDays ≤ zombieDays`.
 * @throws AppError 'invalid' with field errors, 'forbidden'
 */
export async function saveAccountThresholds(
  ctx: Pick<AppContext, 'uow' | 'clock' | 'repos'>,
  actor: Actor | null,
  values: Record<string, string>,
): Promise<AccountThresholds> {
  if (!(await mayChangeSettings(ctx, actor))) throw forbidden();
  const errors: Record<string, string> = {};
  const day = (k: keyof AccountThresholds, max: number) => {
    const raw = (values[k] ?? '').trim();
    if (!/^\d{1,4}$/.test(raw) || Number(raw) < 1 || Number(raw) > max) errors[k] = `应为1至${max}的整数天数`;
    return Number(raw);
  };
  const t = { staleDays: day('staleDays', 365), warnDays: day('warnDays', 365), zombieDays: day('zombieDays', 3650) };
  if (!errors.warnDays && !errors.staleDays && t.warnDays >= t.staleDays) errors.warnDays = '预警天数应小于不更新天数';
  if (!errors.zombieDays && !errors.staleDays && t.zombieDays < t.staleDays) {
    errors.zombieDays = '僵尸账号天数不应小于不更新天数';
  }
  if (Object.keys(errors).length > 0) throw invalid('检查阈值有误，请按提示更正', errors);
  await writeSetting(ctx, actor, THRESHOLDS_KEY, { before: await accountThresholds(ctx), after: t });
  return t;
}
