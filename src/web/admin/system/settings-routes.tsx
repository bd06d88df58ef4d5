/** @jsxImportSource hono/jsx */
// Back-office site settings: the footer marks every government website carries, and the public address.
// Thin handlers: parse → use case (which authorizes) → render; errors go to the pipeline.
import type { Hono } from 'hono';
import { saveSiteFooter, siteSettingsPage, type SiteFooter } from '../../../app/settings/site-settings.js';
import { savePublicBaseUrl } from '../../../app/settings/public-base-url.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import { flashOf, formAction, valueOf } from '../../common/pipeline.js';
import { checkbox, text, z, type FormValues } from '../../common/validation.js';
import { SETTINGS_LABELS, SettingsPage } from './settings-views.js';
import type { BaseUrlFormState } from './settings-base-url-views.js';
import { procedureSettings, saveProcedureSettings } from '../../../app/applications/procedure-settings.js';

const FLASH: Record<string, string> = {
  saved: '网站设置已保存，门户页脚已更新。',
  'base-url': '网站地址已保存。',
  procedure: '办理程序设置已保存，适用于此后的办理环节。',
};
const TEXT_KEYS = Object.keys(SETTINGS_LABELS).filter((k) => k !== 'showPartyGovMark');

/** The footer form: the text fields as typed (the use case checks them all at once) and the mark's box. */
const footerForm = z.object({
  ...Object.fromEntries(TEXT_KEYS.map((k) => [k, text(1000)])),
  showPartyGovMark: checkbox(),
}) as z.ZodType<Record<string, unknown>>;

/** The stored footer as form values (the mark '1' when shown). */
const storedValues = (f: SiteFooter): Record<string, string> => ({
  ...f,
  showPartyGovMark: f.showPartyGovMark ? '1' : '',
});

/** The footer form as typed. */
const typedValues = (v: FormValues): Record<string, string> =>
  Object.fromEntries([...TEXT_KEYS, 'showPartyGovMark'].map((k) => [k, valueOf(v, k)]));

/** The settings page, with the footer form or the address form again after a refusal. */
async function page(
  c: StaffContext,
  p: {
    footer?: FormValues;
    errors?: Record<string, string>;
    message?: string;
    baseUrl?: BaseUrlFormState;
    flash?: string;
    procedureMessage?: string;
  },
) {
  const data = await siteSettingsPage(c.get('ctx'), c.get('actor'));
  const procedure = await procedureSettings(c.get('ctx').repos);
  return (
    <SettingsPage
      {...staffPage(c)}
      values={p.footer ? typedValues(p.footer) : storedValues(data.footer)}
      errors={p.errors}
      message={p.message}
      flash={p.flash}
      canEdit={data.can.edit}
      baseUrl={p.baseUrl ?? { value: data.publicBaseUrl }}
      procedure={{ settings: procedure, message: p.procedureMessage }}
    />
  );
}

/** Registers GET and POST /admin/settings and POST /admin/settings/base-url. */
export function registerSettingsRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/settings', async (c) => c.html(await page(c, { flash: flashOf(c, FLASH) })));

  admin.post('/admin/settings', (c) =>
    formAction(c, {
      schema: footerForm,
      run: (input) => saveSiteFooter(c.get('ctx'), c.get('actor'), input),
      done: () => c.redirect('/admin/settings?flash=saved', 303),
      again: (state) => page(c, { footer: state.values, errors: state.errors, message: state.message }),
    }),
  );

  admin.post('/admin/settings/procedure', (c) =>
    formAction(c, {
      schema: z.object({ reasonsRequestStopsClock: checkbox() }),
      run: (input) =>
        saveProcedureSettings(c.get('ctx'), c.get('actor'), {
          reasonsRequestStopsClock: input.reasonsRequestStopsClock,
        }),
      done: () => c.redirect('/admin/settings?flash=procedure', 303),
      again: (state) => page(c, { procedureMessage: state.message }),
    }),
  );

  // The public address (publicBaseUrl): its own form, so a mistake never loses the footer fields.
  admin.post('/admin/settings/base-url', (c) =>
    formAction(c, {
      schema: z.object({ publicBaseUrl: text(1000) }),
      run: ({ publicBaseUrl }) => savePublicBaseUrl(c.get('ctx'), c.get('actor'), publicBaseUrl),
      done: () => c.redirect('/admin/settings?flash=base-url', 303),
      again: (state) => {
        const value = valueOf(state.values, 'publicBaseUrl');
        return page(c, { baseUrl: { value, error: state.errors.publicBaseUrl, message: state.message } });
      },
    }),
  );
}
