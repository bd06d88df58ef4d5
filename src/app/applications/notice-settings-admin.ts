// Use cases of the back-office notice-settings page (告知书设置): who may see it, the general
// fields, the seal image, and editing one template (or remedy clause) at a time. Saving goes
// through saveNoticeSettings, which checks the role again and writes the audit entry.
import type { ApplicationContext } from './ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { Organization } from '../../domain/orgs/organization.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { holdsOver } from '../../domain/policies/actor.js';
import { canViewPersonalData } from '../../domain/policies/application-policy.js';
import { validateDocNoPattern } from '../../domain/notices/doc-no.js';
import { reviewBodyFor, type ReviewBody } from '../../domain/notices/review-body.js';
import type { NoticeTemplate, TemplateIssue } from '../../domain/notices/notice-template.js';
import {
  REMEDY_VARIANTS,
  REVIEW_ROUTE_DEFAULTS,
  REVIEW_ROUTE_GROUPS,
  SETTABLE_REVIEW_ROUTES,
  type RemedyVariant,
  type ReviewRoutes,
} from '../../domain/notices/reply-outcomes.js';
import {
  DEFAULT_REMEDIES,
  TEMPLATE_KEYS,
  defaultTemplate,
  kindOfKey,
  validateNoticeTemplate,
  validateRemedyTemplate,
  type OrgNoticeTemplates,
  type TemplateKey,
} from '../../domain/notices/templates.js';
import {
  PLACEHOLDER_LABELS,
  REMEDY_PLACEHOLDERS,
  REQUIRED_PLACEHOLDERS,
  placeholdersFor,
} from '../../domain/notices/placeholders.js';
import { templateFromText, templateToText, type TemplateText } from '../../domain/notices/template-text.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { noticeSettings, saveNoticeSettings, type EffectiveNoticeSettings } from './notice-settings.js';
import { previewNotice, sampleDocNo, type NoticePreview } from './notice-samples.js';

/** The largest seal image accepted. */
export const SEAL_MAX_BYTES = 1024 * 1024;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** An editable text: a notice template, or a reply's remedy clause (`remedies.<variant>`). */
export type EditorKey = TemplateKey | `remedies.${RemedyVariant}`;
/** Every editor key: the notice templates, then the remedy clauses. */
export const EDITOR_KEYS: readonly EditorKey[] = [
  ...TEMPLATE_KEYS,
  ...REMEDY_VARIANTS.map((v): EditorKey => `remedies.${v}`),
];

/**
 * The key named in a URL.
 * @throws AppError 'not_found' when there is no such template
 */
export function editorKeyOf(text: string): EditorKey {
  const key = EDITOR_KEYS.find((k) => k === text);
  if (!key) throw notFound('模板');
  return key;
}

/** The remedy variant of a remedy key, or undefined for a notice template. */
export function remedyVariantOf(key: EditorKey): RemedyVariant | undefined {
  return key.startsWith('remedies.') ? (key.slice('remedies.'.length) as RemedyVariant) : undefined;
}

/** An organization with its notice settings, for a user allowed to manage them. */
export type OrgNoticeSettings = { org: Organization; settings: EffectiveNoticeSettings };

async function orgAndPath(ctx: ApplicationContext, orgId: string): Promise<{ org: Organization; path: string[] }> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const org = orgs.find((o) => o.id === orgId);
  if (!org) throw notFound('机构');
  return { org, path: ancestry(orgs, orgId) };
}

const MANAGERS_ONLY = '告知书设置仅向本机构或上级机构的系统管理员和政府信息公开工作机构负责人开放';

const manages = (actor: Actor, path: string[]) =>
  holdsOver(actor, 'admin', path) || holdsOver(actor, 'office_head', path);

/**
 * The settings page's data: the same rule as saving (admin or office head over the organization).
 * @throws AppError 'not_found', 'forbidden'
 */
export async function loadNoticeSettings(
  ctx: ApplicationContext,
  actor: Actor,
  orgId: string,
): Promise<OrgNoticeSettings> {
  const { org, path } = await orgAndPath(ctx, orgId);
  if (!manages(actor, path)) throw forbidden(MANAGERS_ONLY);
  return { org, settings: await noticeSettings(ctx.repos, org) };
}

/**
 * The organization's seal image (PNG), for those who manage the settings and for the staff who
 * print its notices (case roles over the organization).
 * @throws AppError 'not_found' (also when there is no seal), 'forbidden'
 */
export async function sealImage(ctx: ApplicationContext, actor: Actor, orgId: string): Promise<Uint8Array> {
  const { org, path } = await orgAndPath(ctx, orgId);
  if (!manages(actor, path) && !canViewPersonalData(actor, path)) throw forbidden();
  const id = (await noticeSettings(ctx.repos, org)).sealFileId;
  const file = id ? await ctx.repos.files.get(id) : undefined;
  if (!file || file.mime !== 'image/png') throw notFound('印章图片');
  return file.content;
}

/** What the settings page shows: the general fields, the preview of the pattern, the seal, the templates. */
export type NoticeSettingsPage = OrgNoticeSettings & {
  values: NoticeGeneralInput;
  /** The first number of this year under the pattern shown, or undefined when the pattern is wrong. */
  docNoPreview: string | undefined;
  hasSeal: boolean;
  /** What a blank 行政复议机关 means: the body computed from the organization tree. */
  reviewBody: ReviewBody;
  /** The review route of every outcome group as notices print it (saved, else the default). */
  reviewRoutes: Record<(typeof REVIEW_ROUTE_GROUPS)[number], RemedyVariant>;
  templates: { key: EditorKey; edited: boolean }[];
};

/**
 * The settings page, with the saved general fields or the ones typed (previewed or refused).
 * @throws AppError 'not_found', 'forbidden'
 */
export async function noticeSettingsPage(
  ctx: ApplicationContext,
  actor: Actor,
  orgId: string,
  typed?: NoticeGeneralInput,
): Promise<NoticeSettingsPage> {
  const s = await loadNoticeSettings(ctx, actor, orgId);
  const { docNoPattern, reconsiderationBody, court, paymentInstructions } = s.settings;
  const values = typed ?? { docNoPattern, reconsiderationBody, court, paymentInstructions };
  const preview = sampleDocNo(values.docNoPattern.trim(), s.org, Number(ctx.clock.today().slice(0, 4)));
  return {
    ...s,
    values,
    docNoPreview: preview.ok ? preview.value : undefined,
    hasSeal: s.settings.sealFileId !== null,
    reviewBody: reviewBodyFor(await ctx.repos.orgs.list({ includeRetired: true }), s.org.id),
    reviewRoutes: Object.fromEntries(
      REVIEW_ROUTE_GROUPS.map((g) => [
        g,
        SETTABLE_REVIEW_ROUTES.includes(g)
          ? (s.settings.reviewRoutes[g] ?? REVIEW_ROUTE_DEFAULTS[g])
          : REVIEW_ROUTE_DEFAULTS[g],
      ]),
    ) as NoticeSettingsPage['reviewRoutes'],
    templates: EDITOR_KEYS.map((key) => ({ key, edited: isEdited(key, s.settings.templates) })),
  };
}

/** The general fields of the settings page. */
export type NoticeGeneralInput = Pick<
  EffectiveNoticeSettings,
  'docNoPattern' | 'reconsiderationBody' | 'court' | 'paymentInstructions'
>;

const LIMITS: Record<keyof NoticeGeneralInput, number> = {
  docNoPattern: 100,
  reconsiderationBody: 200,
  court: 200,
  paymentInstructions: 1000,
};

/** Fields that may stay blank: the 行政复议机关 is then computed from the organization tree. */
const OPTIONAL: readonly (keyof NoticeGeneralInput)[] = ['reconsiderationBody'];

/**
 * Checks the general fields (required but the review body, within the stored lengths, a usable pattern).
 * @returns field errors in Chinese; empty when they can be saved
 */
export function checkNoticeGeneral(input: NoticeGeneralInput): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, max] of Object.entries(LIMITS) as [keyof NoticeGeneralInput, number][]) {
    const v = input[field].trim();
    if (v === '' && !OPTIONAL.includes(field)) errors[field] = '请填写此项';
    else if (v.length > max) errors[field] = `不能超过${max}个字`;
  }
  const problems = errors.docNoPattern ? [] : validateDocNoPattern(input.docNoPattern.trim());
  if (problems.length > 0) errors.docNoPattern = problems.join('；');
  return errors;
}

/**
 * Saves the document-number pattern, remedy bodies and payment instructions.
 * @throws AppError 'invalid' with field errors, 'forbidden', 'not_found'
 */
export async function saveNoticeGeneral(
  ctx: ApplicationContext,
  actor: Actor,
  orgId: string,
  input: NoticeGeneralInput,
): Promise<void> {
  await loadNoticeSettings(ctx, actor, orgId);
  const errors = checkNoticeGeneral(input);
  if (Object.keys(errors).length > 0) throw invalid('告知书设置有误', errors);
  const trimmed = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v.trim()])) as NoticeGeneralInput;
  await saveNoticeSettings(ctx, actor, orgId, trimmed);
}

/**
 * Saves the review route of each outcome group the organization may set (行政复议法 (2023) art. 23; the refusals'
 * route is fixed and not taken from the input; docs/decisions/0011-review-routes-in-notices.md).
 * @param input group → 'either' | 'reconsideration_first', as the form posts it
 * @throws AppError 'invalid' with a field error per bad group, 'forbidden', 'not_found'
 */
export async function saveReviewRoutes(
  ctx: ApplicationContext,
  actor: Actor,
  orgId: string,
  input: Readonly<Record<string, string>>,
): Promise<void> {
  await loadNoticeSettings(ctx, actor, orgId);
  const routes: ReviewRoutes = {};
  const errors: Record<string, string> = {};
  for (const group of SETTABLE_REVIEW_ROUTES) {
    const value = input[group] ?? '';
    if ((REMEDY_VARIANTS as readonly string[]).includes(value)) routes[group] = value as RemedyVariant;
    else errors[`route.${group}`] = '请选择救济途径';
  }
  if (Object.keys(errors).length > 0) throw invalid('救济途径设置有误', errors);
  await saveNoticeSettings(ctx, actor, orgId, { reviewRoutes: routes });
}

/**
 * Stores an uploaded seal (a PNG of at most 1 MB) and makes it the organization's seal.
 * @throws AppError 'invalid' (field `seal`), 'forbidden', 'not_found'
 */
export async function uploadSeal(
  ctx: ApplicationContext,
  actor: Actor,
  orgId: string,
  bytes: Uint8Array | undefined,
): Promise<void> {
  await loadNoticeSettings(ctx, actor, orgId);
  if (!bytes || bytes.length === 0) throw invalid('请选择印章图片', { seal: '请选择要上传的印章图片（PNG）' });
  if (bytes.length > SEAL_MAX_BYTES) throw invalid('印章图片过大', { seal: '印章图片不能超过 1 MB' });
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    throw invalid('印章图片格式有误', { seal: '文件不是 PNG 图片，请上传 PNG 格式（建议透明背景）' });
  }
  const id = await ctx.repos.files.put(bytes, 'image/png', ctx.clock.nowIso());
  await saveNoticeSettings(ctx, actor, orgId, { sealFileId: id });
}

/** Removes the organization's seal; notices then print an empty seal area. */
export async function removeSeal(ctx: ApplicationContext, actor: Actor, orgId: string): Promise<void> {
  await loadNoticeSettings(ctx, actor, orgId);
  await saveNoticeSettings(ctx, actor, orgId, { sealFileId: null });
}

/** What the template page shows: the default, the override, the text in the editor, its preview. */
export type TemplateEditor = OrgNoticeSettings & {
  key: EditorKey;
  defaultText: TemplateText;
  /** The organization's saved override, or null when it uses the default. */
  overrideText: TemplateText | null;
  /** The text in the editor: what was typed, else the override, else the default. */
  text: TemplateText;
  preview: NoticePreview | undefined;
  /** The placeholders the text may use, with their labels; `required` ones must stay. */
  placeholders: { name: string; label: string; required: boolean }[];
};

function placeholderList(key: EditorKey): TemplateEditor['placeholders'] {
  const variant = remedyVariantOf(key);
  const kind = variant ? undefined : kindOfKey(key as TemplateKey);
  const names = kind ? placeholdersFor(kind) : REMEDY_PLACEHOLDERS;
  const required: readonly string[] = kind ? REQUIRED_PLACEHOLDERS[kind] : ['reconsiderationBody'];
  return names.map((name) => ({ name, label: PLACEHOLDER_LABELS[name] ?? name, required: required.includes(name) }));
}

function textsOf(
  key: EditorKey,
  templates: OrgNoticeTemplates,
): { defaultText: TemplateText; overrideText: TemplateText | null } {
  const variant = remedyVariantOf(key);
  if (variant) {
    const saved = templates.remedies?.[variant];
    return {
      defaultText: remedyText(DEFAULT_REMEDIES[variant]),
      overrideText: saved === undefined ? null : remedyText(saved),
    };
  }
  const saved = templates.notices?.[key as TemplateKey];
  return {
    defaultText: templateToText(defaultTemplate(key as TemplateKey)),
    overrideText: saved ? templateToText(saved) : null,
  };
}

const remedyText = (body: string): TemplateText => ({ title: '', addressee: '', body });

/** The templates with the typed text in place of the key's, or the problems of the typed text. */
function withEdit(
  key: EditorKey,
  templates: OrgNoticeTemplates,
  text: TemplateText,
): { templates?: OrgNoticeTemplates; problems: string[] } {
  const variant = remedyVariantOf(key);
  if (variant) {
    const body = text.body.replace(/\r\n?/g, '\n').trim();
    const issues = validateRemedyTemplate(variant, body);
    return issues.length > 0
      ? { problems: describe(issues) }
      : { templates: { ...templates, remedies: { ...templates.remedies, [variant]: body } }, problems: [] };
  }
  const parsed = templateFromText(text);
  if (!parsed.ok) return { problems: parsed.error.map((i) => `正文第${i.line}行：${i.message}`) };
  const issues = validateNoticeTemplate(key as TemplateKey, parsed.value);
  if (issues.length > 0) return { problems: describe(issues) };
  const notices: Partial<Record<TemplateKey, NoticeTemplate>> = { ...templates.notices, [key]: parsed.value };
  return { templates: { ...templates, notices }, problems: [] };
}

const WHERE: Record<string, string> = { title: '标题', addressee: '称呼', template: '模板', paragraphs: '正文' };

/** Chinese problem lines, e.g. “第3段：未知的占位符 {{x}}”. */
function describe(issues: readonly TemplateIssue[]): string[] {
  return issues.map((i) => {
    const para = /^paragraph (\d+)$/.exec(i.where);
    const where = para ? `第${para[1]}段` : (WHERE[i.where] ?? '救济途径');
    return `${where}：${i.message}`;
  });
}

/**
 * The template page: the key's default, the override, and a preview with sample values of the
 * typed text (when given and valid) or of the organization's current template.
 * @throws AppError 'not_found' (organization), 'forbidden'
 */
export async function templateEditor(
  ctx: ApplicationContext,
  actor: Actor,
  orgId: string,
  key: EditorKey,
  typed?: TemplateText,
): Promise<TemplateEditor & { problems: string[] }> {
  const base = await loadNoticeSettings(ctx, actor, orgId);
  const texts = textsOf(key, base.settings.templates);
  const text = typed ?? texts.overrideText ?? texts.defaultText;
  const edit = withEdit(key, base.settings.templates, text);
  const previewKey: TemplateKey =
    key === 'remedies.either'
      ? 'reply.unavailable.not_held'
      : key === 'remedies.reconsideration_first'
        ? 'reply.withheld.third_party_rights'
        : (key as TemplateKey);
  const preview = edit.templates
    ? previewNotice(previewKey, base.org, base.settings, edit.templates, ctx.clock.today())
    : undefined;
  return { ...base, ...texts, key, text, preview, placeholders: placeholderList(key), problems: edit.problems };
}

/**
 * Saves the typed text as the organization's template for the key.
 * @returns the problems (Chinese, with where they are); empty when saved
 * @throws AppError 'forbidden', 'not_found'
 */
export async function saveTemplateText(
  ctx: ApplicationContext,
  actor: Actor,
  orgId: string,
  key: EditorKey,
  text: TemplateText,
): Promise<string[]> {
  const { settings } = await loadNoticeSettings(ctx, actor, orgId);
  const edit = withEdit(key, settings.templates, text);
  if (!edit.templates) return edit.problems;
  await saveNoticeSettings(ctx, actor, orgId, { templates: edit.templates });
  return [];
}

/** Deletes the organization's override of the key: its notices use the default again. */
export async function resetTemplate(
  ctx: ApplicationContext,
  actor: Actor,
  orgId: string,
  key: EditorKey,
): Promise<void> {
  const { settings } = await loadNoticeSettings(ctx, actor, orgId);
  const { notices = {}, remedies = {} } = settings.templates;
  const variant = remedyVariantOf(key);
  const next: OrgNoticeTemplates = variant
    ? { ...settings.templates, remedies: Object.fromEntries(Object.entries(remedies).filter(([k]) => k !== variant)) }
    : { ...settings.templates, notices: Object.fromEntries(Object.entries(notices).filter(([k]) => k !== key)) };
  await saveNoticeSettings(ctx, actor, orgId, { templates: next });
}

/** Whether the organization has edited the key's template (for the list on the settings page). */
export function isEdited(key: EditorKey, templates: OrgNoticeTemplates): boolean {
  const variant = remedyVariantOf(key);
  return variant ? templates.remedies?.[variant] !== undefined : templates.notices?.[key as TemplateKey] !== undefined;
}
