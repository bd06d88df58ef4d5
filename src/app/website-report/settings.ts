// The settings of the 政府网站工作年度报表: the field list (the believed list of 国办函〔2018〕12号's format unless an
// office stores its own, a JSON list under `websiteReport.fields`) and the filing deadline's month and day
// (`websiteReport.dueMonthDay`, default 01-31: by 31 January of the next year).
import type { Actor } from '../../domain/policies/actor.js';
import { DEFAULT_REPORT_FIELDS, parseFieldList, type ReportField } from '../../domain/website-report/fields.js';
import { DEFAULT_DUE_MONTH_DAY, isDueMonthDay } from '../../domain/website-report/report.js';
import type { SettingsRepos } from '../settings/ports.js';
import type { AppContext } from '../context.js';
import { mayChangeSettings } from '../settings/site-settings.js';
import { writeSetting } from '../settings/write-setting.js';
import { forbidden, invalid } from '../errors.js';

/** The setting holding an office's own field list (a JSON array of `{ id, label, group, unit, filled }`). */
export const FIELDS_KEY = 'websiteReport.fields';
/** The setting holding the deadline's month and day in the next year (MM-DD). */
export const DUE_KEY = 'websiteReport.dueMonthDay';

/** The field list in use, and whether it is the office's own. */
export async function reportFields(ctx: { repos: SettingsRepos }): Promise<{ fields: ReportField[]; own: boolean }> {
  const stored = await ctx.repos.settings.get(FIELDS_KEY);
  if (stored !== undefined) {
    const parsed = parseFieldList(stored);
    if (parsed.ok) return { fields: parsed.fields, own: true };
  }
  return { fields: [...DEFAULT_REPORT_FIELDS], own: false };
}

/** The deadline's month and day in the next year. */
export async function dueMonthDay(ctx: { repos: SettingsRepos }): Promise<string> {
  const stored = await ctx.repos.settings.get(DUE_KEY);
  return typeof stored === 'string' && isDueMonthDay(stored) ? stored : DEFAULT_DUE_MONTH_DAY;
}

/** What the settings form shows. */
export type ReportSettingsPage = { fieldsJson: string; own: boolean; dueMonthDay: string; canEdit: boolean };

/** The settings page. */
export async function reportSettingsPage(
  ctx: Pick<AppContext, 'repos'>,
  actor: Actor | null,
): Promise<ReportSettingsPage> {
  const { fields, own } = await reportFields(ctx);
  return {
    fieldsJson: JSON.stringify(fields, null, 1),
    own,
    dueMonthDay: await dueMonthDay(ctx),
    canEdit: await mayChangeSettings(ctx, actor),
  };
}

/**
 * Saves the field list (blank: back to the default list) and the deadline. Root administrators only.
 * @throws AppError 'forbidden', or 'invalid' with every problem (fields `fieldsJson`, `dueMonthDay`)
 */
export async function saveReportSettings(
  ctx: Pick<AppContext, 'repos' | 'uow' | 'clock'>,
  actor: Actor | null,
  input: { fieldsJson: string; dueMonthDay: string },
): Promise<void> {
  if (!(await mayChangeSettings(ctx, actor))) throw forbidden('只有系统管理员可以修改网站年度报表设置');
  const errors: Record<string, string> = {};
  let list: ReportField[] | null = null;
  const text = input.fieldsJson.trim();
  if (text !== '') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      errors.fieldsJson = '栏目列表不是有效的 JSON';
    }
    if (!errors.fieldsJson) {
      const parsed = parseFieldList(value);
      if (parsed.ok) list = parsed.fields;
      else errors.fieldsJson = parsed.errors.join('；');
    }
  }
  const due = input.dueMonthDay.trim() || DEFAULT_DUE_MONTH_DAY;
  if (!isDueMonthDay(due)) errors.dueMonthDay = '报送期限应为 MM-DD 格式（如 01-31）';
  if (Object.keys(errors).length > 0) throw invalid('请修改标出的内容', errors);
  // null (the default list) or the office's own list; the audit entry keeps both.
  const before = (await ctx.repos.settings.get(FIELDS_KEY)) ?? null;
  const isDefault = list === null || JSON.stringify(list) === JSON.stringify(DEFAULT_REPORT_FIELDS);
  await writeSetting(ctx, actor, FIELDS_KEY, { before, after: isDefault ? null : list });
  await writeSetting(ctx, actor, DUE_KEY, { before: await dueMonthDay(ctx), after: due });
}
