/** @jsxImportSource hono/jsx */
// The reply under review (docs/decisions/0012-reply-approval.md): the draft 答复告知书 (print view and DOCX), the
// attachments (download, upload as multipart, removal). The use cases decide who may see and change them.
import type { Hono } from 'hono';
import {
  removeReplyFile,
  replyDraftDocx,
  replyDraftNotice,
  replyFileContent,
  uploadReplyFile,
} from '../../../app/applications/reply-files.js';
import { type StaffEnv, staffPage } from '../../common/env.js';
import { formAction, parseBody, readForm, uploadedFile } from '../../common/pipeline.js';
import { download } from '../../common/download.js';
import { z } from '../../common/validation.js';
import { invalid } from '../../../app/errors.js';
import { NoticePage } from './notice-document.js';
import { casePage } from './case-page.js';

const PATH = '/admin/applications';

/** Registers the draft notice and attachment routes under /admin/applications/:id. */
export function registerReplyRoutes(admin: Hono<StaffEnv>): void {
  admin.get(`${PATH}/:id/reply-draft`, async (c) => {
    const id = c.req.param('id');
    const draft = await replyDraftNotice(c.get('ctx'), c.get('actor'), id);
    return c.html(
      <NoticePage
        doc={draft.doc}
        {...staffPage(c)}
        path={PATH}
        backHref={`${PATH}/${id}`}
        docxHref={`${PATH}/${id}/reply-draft/docx`}
        flash="这是送审的答复告知书草稿：审批通过后按原文送达，文号和落款日期在送达时填写。"
        sealSrc={draft.hasSeal ? `/admin/orgs/${draft.orgId}/notices/seal` : undefined}
      />,
    );
  });

  admin.get(`${PATH}/:id/reply-draft/docx`, async (c) =>
    download(c, await replyDraftDocx(c.get('ctx'), c.get('actor'), c.req.param('id'))),
  );

  admin.get(`${PATH}/:id/reply-files/:fileId`, async (c) =>
    download(c, await replyFileContent(c.get('ctx'), c.get('actor'), c.req.param('id'), c.req.param('fileId'))),
  );

  admin.post(`${PATH}/:id/reply-files`, async (c) => {
    const id = c.req.param('id');
    const values = await readForm(c);
    const file = await uploadedFile((await parseBody(c)).attachment);
    return formAction(c, {
      schema: z.object({}),
      values,
      run: () => {
        if (!file) throw invalid('请选择要上传的附件', { attachment: '请选择文件（PDF、DOCX、XLSX或图片）' });
        return uploadReplyFile(c.get('ctx'), c.get('actor'), id, { name: file.fileName, content: file.content });
      },
      done: () => c.redirect(`${PATH}/${id}?flash=reply_file#reply-h`, 303),
      again: (state) => casePage(c, id, { action: 'reply_file', message: failure(state), values: {} }),
    });
  });

  admin.post(`${PATH}/:id/reply-files/:fileId/remove`, (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: z.object({}),
      run: () => removeReplyFile(c.get('ctx'), c.get('actor'), id, c.req.param('fileId')),
      done: () => c.redirect(`${PATH}/${id}?flash=reply_file_removed#reply-h`, 303),
      again: (state) => casePage(c, id, { action: 'reply_file', message: failure(state), values: {} }),
    });
  });
}

/** A refusal's message with its field messages. */
const failure = (state: { message?: string; errors: Record<string, string> }): string =>
  [...new Set([state.message, ...Object.values(state.errors)].filter(Boolean))].join('：');
