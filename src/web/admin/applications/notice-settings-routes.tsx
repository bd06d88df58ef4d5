/** @jsxImportSource hono/jsx */
// Back-office notice settings of an organization (告知书设置): /admin/orgs/:id/notices — the general
// fields, the seal (upload, image, removal) and the template editor. The use cases check the role.
import type { Hono } from 'hono';
import * as settings from '../../../app/applications/notice-settings-admin.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import {
  flashOf,
  formAction,
  parseBody,
  readForm,
  type FormState,
  uploadedFile,
  valueOf,
} from '../../common/pipeline.js';
import { download } from '../../common/download.js';
import { oneOf, text, z, type FormValues } from '../../common/validation.js';
import { SETTABLE_REVIEW_ROUTES } from '../../../domain/notices/reply-outcomes.js';
import { NoticeSettingsPage, TemplateEditorPage, settingsHref, templateHref } from './notice-settings-views.js';

const FLASH: Record<string, string> = {
  saved: '告知书设置已保存。',
  routes: '救济途径设置已保存。',
  seal: '印章已上传。',
  unseal: '印章已删除。',
  template: '模板已保存。',
  reset: '已恢复默认模板。',
};
const GENERAL = ['docNoPattern', 'reconsiderationBody', 'court', 'paymentInstructions'] as const;

/** The general fields as typed: the use case checks them (required, lengths, the pattern) every field at once. */
const generalOf = (values: FormValues) =>
  Object.fromEntries(GENERAL.map((k) => [k, valueOf(values, k)])) as settings.NoticeGeneralInput;

/** The template form: the text as typed (the domain parses it) and what to do with it. */
const templateForm = z.object({
  intent: oneOf(['save', 'preview', 'reset'], '未知的操作'),
  title: text(500),
  addressee: text(500),
  body: text(20_000),
});

/** The settings page, with the saved fields or the ones typed, and the messages of a refusal. */
async function settingsPage(c: StaffContext, typed?: settings.NoticeGeneralInput, state?: Partial<FormState>) {
  const page = await settings.noticeSettingsPage(c.get('ctx'), c.get('actor'), c.req.param('id') ?? '', typed);
  return (
    <NoticeSettingsPage
      {...staffPage(c)}
      {...page}
      errors={state?.errors}
      message={state?.message}
      flash={state ? undefined : flashOf(c, FLASH)}
    />
  );
}

/** The template editor with the text typed (or the current one) and its problems. */
async function editorPage(c: StaffContext, typed?: FormValues, problems?: string[]) {
  const key = settings.editorKeyOf(c.req.param('key') ?? '');
  const text = typed && {
    title: valueOf(typed, 'title'),
    addressee: valueOf(typed, 'addressee'),
    body: valueOf(typed, 'body'),
  };
  const editor = await settings.templateEditor(c.get('ctx'), c.get('actor'), c.req.param('id') ?? '', key, text);
  return (
    <TemplateEditorPage
      {...staffPage(c)}
      org={editor.org}
      editor={{ ...editor, problems: problems ?? editor.problems }}
      hasSeal={editor.settings.sealFileId !== null}
      flash={typed ? undefined : flashOf(c, FLASH)}
    />
  );
}

/** Registers /admin/orgs/:id/notices pages. */
export function registerNoticeSettingsRoutes(admin: Hono<StaffEnv>): void {
  const base = '/admin/orgs/:id/notices';

  admin.get(base, async (c) => c.html(await settingsPage(c)));

  admin.post(base, async (c) => {
    const id = c.req.param('id');
    const values = await readForm(c);
    if (valueOf(values, 'intent') === 'preview') return c.html(await settingsPage(c, generalOf(values), {}));
    return formAction(c, {
      schema: z.object({}),
      values,
      run: () => settings.saveNoticeGeneral(c.get('ctx'), c.get('actor'), id, generalOf(values)),
      done: () => c.redirect(`${settingsHref(id)}?flash=saved`, 303),
      again: (state) => settingsPage(c, generalOf(values), state),
    });
  });

  admin.post(`${base}/routes`, async (c) => {
    const id = c.req.param('id');
    const values = await readForm(c);
    const routes = Object.fromEntries(SETTABLE_REVIEW_ROUTES.map((g) => [g, valueOf(values, `route.${g}`)]));
    return formAction(c, {
      schema: z.object({}),
      values,
      run: () => settings.saveReviewRoutes(c.get('ctx'), c.get('actor'), id, routes),
      done: () => c.redirect(`${settingsHref(id)}?flash=routes#ns-routes`, 303),
      again: (state) => settingsPage(c, undefined, state),
    });
  });

  admin.get(`${base}/seal`, async (c) => {
    const png = await settings.sealImage(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return download(c, { bytes: png, mime: 'image/png', name: 'seal.png' }, { inline: true });
  });

  admin.post(`${base}/seal`, async (c) => {
    const id = c.req.param('id');
    const file = await uploadedFile((await parseBody(c)).seal);
    return formAction(c, {
      schema: z.object({}),
      values: {},
      run: () => settings.uploadSeal(c.get('ctx'), c.get('actor'), id, file?.content),
      done: () => c.redirect(`${settingsHref(id)}?flash=seal`, 303),
      again: (state) => settingsPage(c, undefined, state),
    });
  });

  admin.post(`${base}/seal/remove`, async (c) => {
    const id = c.req.param('id');
    await settings.removeSeal(c.get('ctx'), c.get('actor'), id);
    return c.redirect(`${settingsHref(id)}?flash=unseal`, 303);
  });

  admin.get(`${base}/templates/:key`, async (c) => c.html(await editorPage(c)));

  admin.post(`${base}/templates/:key`, async (c) => {
    const id = c.req.param('id');
    const key = settings.editorKeyOf(c.req.param('key'));
    const values = await readForm(c);
    return formAction(c, {
      schema: templateForm,
      values,
      run: async ({ intent }) => {
        const typed = {
          title: valueOf(values, 'title'),
          addressee: valueOf(values, 'addressee'),
          body: valueOf(values, 'body'),
        };
        if (intent === 'reset') await settings.resetTemplate(c.get('ctx'), c.get('actor'), id, key);
        const problems =
          intent === 'save' ? await settings.saveTemplateText(c.get('ctx'), c.get('actor'), id, key, typed) : [];
        return { intent, problems };
      },
      done: async ({ intent, problems }) => {
        if (intent === 'preview') return c.html(await editorPage(c, values));
        if (problems.length > 0) return c.html(await editorPage(c, values, problems), 422);
        return c.redirect(`${templateHref(id, key)}?flash=${intent === 'reset' ? 'reset' : 'template'}`, 303);
      },
      again: (state) => editorPage(c, state.values),
    });
  });
}
