/** @jsxImportSource hono/jsx */
// Back-office editor of an organization's 政府信息公开指南 and 制度 pages: /admin/orgs/:id/guide and
// /admin/orgs/:id/rules. Saving an edited text or going back to the default; the use cases check the role.
import type { Hono } from 'hono';
import { guideEditor, resetGuidePage, saveGuidePage, type GuidePageKind } from '../../../app/portal/org-guide.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import { flashOf, formAction, type FormState, valueOf } from '../../common/pipeline.js';
import { oneOf, text, z } from '../../common/validation.js';
import { GuideEditorPage, guideEditorHref } from './guide-views.js';

const FLASH: Record<string, string> = {
  saved: '已保存，门户显示新的文本。',
  reset: '已恢复默认文本。',
};

/** The editor's form: what to do, and the text as typed (the use case sanitises and checks it). */
const guideForm = z.object({ intent: oneOf(['save', 'reset'], '未知的操作'), body: text(400_000) });

const kindOf = (c: StaffContext) => c.req.param('kind') as GuidePageKind;

/** The editor, with the text typed after a refusal. */
async function editorPage(c: StaffContext, state?: FormState) {
  const editor = await guideEditor(c.get('ctx'), c.get('actor'), c.req.param('id') ?? '', kindOf(c));
  return (
    <GuideEditorPage
      {...staffPage(c)}
      editor={editor}
      typed={state ? valueOf(state.values, 'body') : undefined}
      errors={state?.errors}
      message={state?.message}
      flash={state ? undefined : flashOf(c, FLASH)}
    />
  );
}

/** Registers /admin/orgs/:id/guide and /admin/orgs/:id/rules. */
export function registerGuideRoutes(admin: Hono<StaffEnv>): void {
  const path = '/admin/orgs/:id/:kind{guide|rules}';

  admin.get(path, async (c) => c.html(await editorPage(c)));

  admin.post(path, (c) => {
    const id = c.req.param('id');
    const kind = kindOf(c);
    return formAction(c, {
      schema: guideForm,
      run: async ({ intent, body }) => {
        if (intent === 'reset') await resetGuidePage(c.get('ctx'), c.get('actor'), id, kind);
        else await saveGuidePage(c.get('ctx'), c.get('actor'), id, kind, body);
        return intent;
      },
      done: (intent) => c.redirect(`${guideEditorHref(id, kind)}?flash=${intent === 'reset' ? 'reset' : 'saved'}`, 303),
      again: (state) => editorPage(c, state),
    });
  });
}
