/** @jsxImportSource hono/jsx */
// Back-office notice settings of an organization (告知书设置): /admin/orgs/:id/notices — the general
// fields, the seal (upload, image, removal) and the template editor. The use cases check the role.
import type { Context, Hono } from 'hono';
import type { Actor } from '../../../domain/policies/actor.js';
import { AppError } from '../../../app/errors.js';
import { sampleDocNo } from '../../../app/applications/notice-samples.js';
import {
  EDITOR_KEYS,
  isEdited,
  loadNoticeSettings,
  parseEditorKey,
  removeSeal,
  resetTemplate,
  saveNoticeGeneral,
  saveTemplateText,
  sealImage,
  templateEditor,
  uploadSeal,
  type NoticeGeneralInput,
  type OrgNoticeSettings,
} from '../../../app/applications/notice-settings-admin.js';
import type { TemplateText } from '../../../domain/notices/template-text.js';
import { readForm, requireActor, statusOf, str } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import {
  NoticeSettingsForbiddenPage,
  NoticeSettingsPage,
  TemplateEditorPage,
  settingsHref,
  templateHref,
} from './notice-settings-views.js';

type C = Context<WebEnv>;

const FLASH: Record<string, string> = {
  saved: '告知书设置已保存。',
  seal: '印章已上传。',
  unseal: '印章已删除。',
  template: '模板已保存。',
  reset: '已恢复默认模板。',
};
const GENERAL = ['docNoPattern', 'reconsiderationBody', 'court', 'paymentInstructions'] as const;

/** Runs a use case; AppErrors become the 403 page, 404, or `onInvalid` (422). */
async function guarded(
  c: C,
  actor: Actor,
  run: () => Promise<Response>,
  onInvalid?: (e: AppError) => Promise<Response>,
): Promise<Response> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    if (e.code === 'forbidden') return c.html(<NoticeSettingsForbiddenPage actor={actor} csrf={c.get('csrf')} />, 403);
    if (e.code === 'not_found' || !onInvalid) return c.notFound();
    return onInvalid(e);
  }
}

/** The settings page for given values (saved or typed), with the preview of the pattern. */
function settingsPage(
  c: C,
  actor: Actor,
  s: OrgNoticeSettings,
  values: NoticeGeneralInput,
  extra: { errors?: Record<string, string>; message?: string; flash?: string } = {},
) {
  const preview = sampleDocNo(values.docNoPattern.trim(), s.org, Number(c.get('ctx').clock.today().slice(0, 4)));
  const templates = EDITOR_KEYS.map((key) => ({ key, edited: isEdited(key, s.settings.templates) }));
  return (
    <NoticeSettingsPage
      actor={actor}
      csrf={c.get('csrf')}
      org={s.org}
      values={values}
      docNoPreview={preview.ok ? preview.value : undefined}
      hasSeal={s.settings.sealFileId !== null}
      templates={templates}
      {...extra}
    />
  );
}

const typedGeneral = (form: Record<string, string | string[]>): NoticeGeneralInput => ({
  docNoPattern: str(form, 'docNoPattern'),
  reconsiderationBody: str(form, 'reconsiderationBody'),
  court: str(form, 'court'),
  paymentInstructions: str(form, 'paymentInstructions'),
});

const typedTemplate = (form: Record<string, string | string[]>): TemplateText => ({
  title: str(form, 'title'),
  addressee: str(form, 'addressee'),
  body: str(form, 'body'),
});

/** Registers /admin/orgs/:id/notices pages. */
export function registerNoticeSettingsRoutes(app: Hono<WebEnv>): void {
  app.get('/admin/orgs/:id/notices', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    return guarded(c, actor, async () => {
      const s = await loadNoticeSettings(c.get('ctx'), actor, c.req.param('id'));
      const values = Object.fromEntries(GENERAL.map((k) => [k, s.settings[k]])) as NoticeGeneralInput;
      return c.html(settingsPage(c, actor, s, values, { flash: FLASH[c.req.query('flash') ?? ''] }));
    });
  });

  app.post('/admin/orgs/:id/notices', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const id = c.req.param('id');
    const form = await readForm(c);
    const values = typedGeneral(form);
    const rerender = async (e?: AppError) =>
      c.html(
        settingsPage(c, actor, await loadNoticeSettings(c.get('ctx'), actor, id), values, {
          errors: e?.fieldErrors,
          message: e?.message,
        }),
        e ? statusOf(e) : 200,
      );
    return guarded(
      c,
      actor,
      async () => {
        if (str(form, 'intent') === 'preview') return rerender();
        await saveNoticeGeneral(c.get('ctx'), actor, id, values);
        return c.redirect(`${settingsHref(id)}?flash=saved`, 303);
      },
      rerender,
    );
  });

  app.get('/admin/orgs/:id/notices/seal', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    return guarded(c, actor, async () => {
      const png = await sealImage(c.get('ctx'), actor, c.req.param('id'));
      return c.body(new Uint8Array(png), 200, {
        'Content-Type': 'image/png',
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      });
    });
  });

  app.post('/admin/orgs/:id/notices/seal', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const id = c.req.param('id');
    const file = (await c.req.parseBody()).seal;
    const bytes = file instanceof File && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : undefined;
    return guarded(
      c,
      actor,
      async () => {
        await uploadSeal(c.get('ctx'), actor, id, bytes);
        return c.redirect(`${settingsHref(id)}?flash=seal`, 303);
      },
      async (e) => {
        const s = await loadNoticeSettings(c.get('ctx'), actor, id);
        const values = Object.fromEntries(GENERAL.map((k) => [k, s.settings[k]])) as NoticeGeneralInput;
        return c.html(settingsPage(c, actor, s, values, { errors: e.fieldErrors, message: e.message }), statusOf(e));
      },
    );
  });

  app.post('/admin/orgs/:id/notices/seal/remove', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const id = c.req.param('id');
    return guarded(c, actor, async () => {
      await removeSeal(c.get('ctx'), actor, id);
      return c.redirect(`${settingsHref(id)}?flash=unseal`, 303);
    });
  });

  app.get('/admin/orgs/:id/notices/templates/:key', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const key = parseEditorKey(c.req.param('key'));
    if (!key) return c.notFound();
    return guarded(c, actor, async () => {
      const editor = await templateEditor(c.get('ctx'), actor, c.req.param('id'), key);
      const flash = FLASH[c.req.query('flash') ?? ''];
      return c.html(
        <TemplateEditorPage
          actor={actor}
          csrf={c.get('csrf')}
          org={editor.org}
          editor={editor}
          hasSeal={editor.settings.sealFileId !== null}
          flash={flash}
        />,
      );
    });
  });

  app.post('/admin/orgs/:id/notices/templates/:key', async (c) => {
    const actor = requireActor(c);
    if (actor instanceof Response) return actor;
    const id = c.req.param('id');
    const key = parseEditorKey(c.req.param('key'));
    if (!key) return c.notFound();
    const form = await readForm(c);
    const intent = str(form, 'intent');
    const typed = typedTemplate(form);
    return guarded(c, actor, async () => {
      const ctx = c.get('ctx');
      if (intent === 'reset') await resetTemplate(ctx, actor, id, key);
      const problems = intent === 'save' ? await saveTemplateText(ctx, actor, id, key, typed) : [];
      if (intent === 'reset' || (intent === 'save' && problems.length === 0)) {
        return c.redirect(`${templateHref(id, key)}?flash=${intent === 'reset' ? 'reset' : 'template'}`, 303);
      }
      const editor = await templateEditor(ctx, actor, id, key, typed);
      const shown = intent === 'save' ? problems : editor.problems;
      const page = (
        <TemplateEditorPage
          actor={actor}
          csrf={c.get('csrf')}
          org={editor.org}
          editor={{ ...editor, problems: shown }}
          hasSeal={editor.settings.sealFileId !== null}
        />
      );
      return c.html(page, problems.length > 0 ? 422 : 200);
    });
  });
}
