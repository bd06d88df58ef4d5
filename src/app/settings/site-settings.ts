// Site settings: the footer marks every government website carries (configurable per site).
import { z } from 'zod';
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { forbidden, invalid } from '../errors.js';
import { writeSetting } from './write-setting.js';
import type { OrgRepos } from '../orgs/ports.js';
import { getPublicBaseUrl } from './public-base-url.js';
import type { SettingsRepos } from './ports.js';
import { mayDoGlobally } from '../orgs/global-admin.js';

/**
 * Footer of the portal. 国办发〔2017〕47号《政府网站发展指引》 requires every government site to show
 * its 主办单位/承办单位, 网站标识码, 党政机关网站标识, ICP 备案号, 公安机关备案号 and contact.
 */
export type SiteFooter = {
  siteName: string;
  sponsor: string;
  operator: string;
  siteCode: string;
  icp: string;
  publicSecurityRecord: string;
  contact: string;
  showPartyGovMark: boolean;
  /** A notice shown at the top of every portal page (e.g. that the site is a demo with fictional content); '' none. */
  notice: string;
};

const footerSchema = z.object({
  siteName: z.string().trim().max(100).default(''),
  sponsor: z.string().trim().max(100).default(''),
  operator: z.string().trim().max(100).default(''),
  siteCode: z
    .string()
    .trim()
    .regex(/^([0-9A-Z]{10})?$/, '网站标识码应为10位数字或大写字母')
    .default(''),
  icp: z.string().trim().max(60).default(''),
  publicSecurityRecord: z.string().trim().max(60).default(''),
  contact: z.string().trim().max(200).default(''),
  showPartyGovMark: z.boolean().default(true),
  notice: z.string().trim().max(200).default(''),
});

const KEY = 'site.footer';

/** Reads the footer settings (defaults when never set). */
export async function getSiteFooter(ctx: { repos: SettingsRepos }): Promise<SiteFooter> {
  const raw = await ctx.repos.settings.get(KEY);
  const r = footerSchema.safeParse(raw ?? {});
  return r.success ? r.data : footerSchema.parse({});
}

/**
 * Saves the footer settings.
 * @throws AppError 'invalid' with field errors, 'forbidden' unless a root admin
 */
export async function saveSiteFooter(
  ctx: Pick<AppContext, 'repos' | 'uow' | 'clock'>,
  actor: Actor | null,
  input: Record<string, unknown>,
): Promise<SiteFooter> {
  if (!(await mayChangeSettings(ctx, actor))) {
    throw forbidden();
  }
  const r = footerSchema.safeParse(input);
  if (!r.success) {
    const fieldErrors: Record<string, string> = {};
    for (const i of r.error.issues) {
      fieldErrors[String(i.path[0])] ??= i.message;
    }
    throw invalid('网站设置有误，请按提示更正', fieldErrors);
  }
  await writeSetting(ctx, actor, KEY, { before: await getSiteFooter(ctx), after: r.data });
  return r.data;
}

/** Whether the actor may change the site settings: only a root organization's admin. Null actor = CLI/system. */
export async function mayChangeSettings(ctx: { repos: OrgRepos }, actor: Actor | null): Promise<boolean> {
  return mayDoGlobally(ctx.repos, actor, 'settings.update');
}

/** What the settings page shows: the footer, the public address, and whether the actor may change them. */
export type SiteSettingsPage = { footer: SiteFooter; publicBaseUrl: string; can: { edit: boolean } };

/** The settings page. */
export async function siteSettingsPage(ctx: AppContext, actor: Actor): Promise<SiteSettingsPage> {
  const [footer, publicBaseUrl, edit] = await Promise.all([
    getSiteFooter(ctx),
    getPublicBaseUrl(ctx),
    mayChangeSettings(ctx, actor),
  ]);
  return { footer, publicBaseUrl: publicBaseUrl ?? '', can: { edit } };
}
