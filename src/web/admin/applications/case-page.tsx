/** @jsxImportSource hono/jsx */
// The case page as the case routes and the reply routes render it: after a redirect with its confirmation, or
// again after a refused form with that form reopened.
import { applicationPage } from '../../../app/applications/application-pages.js';
import { replyPanel } from '../../../app/applications/reply-files.js';
import { ACTION_LABELS } from '../../../domain/applications/transition-table.js';
import { type StaffContext, staffPage } from '../../common/env.js';
import { ApplicationCasePage, type FailedMove } from './application-case-views.js';

/** Confirmations of the case page's forms that are not moves (`?flash=`). */
const OTHER_FLASHES: Readonly<Record<string, string>> = {
  created: '申请已录入。',
  reply_file: '答复附件已上传。',
  reply_file_removed: '答复附件已删除。',
};

/** Renders the case page, after a failed move or form with the form reopened. */
export async function casePage(c: StaffContext, id: string, failed?: FailedMove) {
  const ctx = c.get('ctx');
  const [page, reply] = await Promise.all([
    applicationPage(ctx, c.get('actor'), id),
    replyPanel(ctx, c.get('actor'), id),
  ]);
  const flash = c.req.query('flash') ?? '';
  const done =
    OTHER_FLASHES[flash] ??
    (Object.hasOwn(ACTION_LABELS, flash)
      ? `已完成“${ACTION_LABELS[flash as keyof typeof ACTION_LABELS]}”。`
      : undefined);
  return (
    <ApplicationCasePage
      {...staffPage(c)}
      page={page}
      reply={reply}
      flash={failed ? undefined : done}
      failed={failed}
    />
  );
}
