/** @jsxImportSource hono/jsx */
// Back-office site settings: the footer marks every government website carries.
import type { Context, Hono } from 'hono';
import { getSiteFooter, saveSiteFooter, type SiteFooter } from '../../../app/settings/site-settings.js';
import { AppError } from '../../../app/errors.js';
import type { Actor } from '../../../domain/policies/actor.js';
import { canAdmin } from '../../../domain/policies/admin-policy.js';
import { readForm, requireActor, statusOf, str } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import { SETTINGS_LABELS, SettingsPage } from './settings-views.js';
import { getPublicBaseUrl, savePublicBaseUrl } from '../../../app/settings/public-base-url.js';

const TEXT_KEYS = Object.keys(SETTINGS_LABELS).filter((k) => k !== 'showPartyGovMark');

const valuesOf = (f: SiteFooter): Record<string, string> => ({
  ...Object.fromEntries(TEXT_KEYS.map((k) => [k, String(f[k as keyof SiteFooter])])),
  showPartyGovMark: f.showPartyGovMark ? '1' : '',
});

/** Registers GET and POST /admin/settings. */
export function registerSettingsRoutes(app: Hono<WebEnv>): void {
  app.get('/admin/settings', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const footer = await getSiteFooter(c.get('ctx'));
    const flash =
      c.req.query('flash') === 'saved'
        ? '网站设置已保存，门户页脚已更新。'
        : c.req.query('flash') === 'base-url'
          ? '网站地址已保存。'
          : undefined;
    const baseUrl = { value: (await getPublicBaseUrl(c.get('ctx'))) ?? '' };
    return c.html(
      <SettingsPage
        actor={actor}
        csrf={c.get('csrf')}
        values={valuesOf(footer)}
        flash={flash}
        canEdit={await mayEdit(c, actor)}
        baseUrl={baseUrl}
      />,
    );
  });

  app.post('/admin/settings', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const form = await readForm(c);
    const values = {
      ...Object.fromEntries(TEXT_KEYS.map((k) => [k, str(form, k)])),
      showPartyGovMark: str(form, 'showPartyGovMark') === '1' ? '1' : '',
    };
    try {
      await saveSiteFooter(c.get('ctx'), actor, { ...values, showPartyGovMark: values.showPartyGovMark === '1' });
      return c.redirect('/admin/settings?flash=saved', 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const baseUrl = { value: (await getPublicBaseUrl(c.get('ctx'))) ?? '' };
      const page = (
        <SettingsPage
          actor={actor}
          csrf={c.get('csrf')}
          values={values}
          errors={e.fieldErrors}
          message={e.message}
          canEdit={e.code !== 'forbidden'}
          baseUrl={baseUrl}
        />
      );
      return c.html(page, statusOf(e));
    }
  });

  // The public address (publicBaseUrl): its own form, so a mistake never loses the footer fields.
  app.post('/admin/settings/base-url', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const value = str(await readForm(c), 'publicBaseUrl');
    try {
      await savePublicBaseUrl(c.get('ctx'), actor, value);
      return c.redirect('/admin/settings?flash=base-url', 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const footer = await getSiteFooter(c.get('ctx'));
      const baseUrl = { value, error: e.fieldErrors.publicBaseUrl, message: e.message };
      return c.html(
        <SettingsPage
          actor={actor}
          csrf={c.get('csrf')}
          values={valuesOf(footer)}
          canEdit={e.code !== 'forbidden'}
          baseUrl={baseUrl}
        />,
        statusOf(e),
      );
    }
  });
}

/** Ability for the view: only a root organization's admin may change the footer (the use case enforces it). */
async function mayEdit(c: Context<WebEnv>, actor: Actor): Promise<boolean> {
  const orgs = await c.get('ctx').repos.orgs.list();
  return canAdmin(
    actor,
    'settings.update',
    null,
    orgs.filter((o) => o.parentId === null).map((o) => o.id),
  );
}
