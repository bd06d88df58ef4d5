/** @jsxImportSource hono/jsx */
// The email outbox page: messages not yet sent (queued or failed), the recipient masked, and a retry button for a
// failed one.
import type { Actor } from '../../../domain/policies/actor.js';
import type { OutboxRow } from '../../../app/mail/outbox-page.js';
import type { OutboxState } from '../../../app/mail/ports.js';
import { AdminLayout } from '../../common/layout.js';
import { DataTable } from '../../common/blocks.js';
import { ErrorSummary, RowAction } from '../../common/forms.js';
import { formatInstant } from '../../common/time.js';

/** The Chinese name of each state. */
export const OUTBOX_STATE_LABELS: Record<OutboxState, string> = { queued: '待发送', failed: '发送失败' };

const PATH = '/admin/system/mail';

/** The outbox page. */
export function MailPageView(p: {
  actor: Actor;
  csrf: string;
  rows: OutboxRow[];
  filter: { state?: OutboxState };
  errors: Record<string, string>;
  flash?: string;
}) {
  return (
    <AdminLayout title="邮件发送" actor={p.actor} csrf={p.csrf} path={PATH} flash={p.flash}>
      <p class="muted">
        这里列出尚未发出的邮件。发送失败的邮件按递增间隔自动重试；点击“立即重试”后，下一次发送时即重新发送。
        为保护个人信息，收件人地址只显示首字符和域名。
      </p>
      <ErrorSummary errors={p.errors} labels={{ state: '状态' }} />
      <nav class="filters" aria-label="按状态筛选">
        <a href={PATH} aria-current={!p.filter.state ? 'page' : undefined}>
          全部
        </a>
        {(['queued', 'failed'] as const).map((s) => (
          <>
            {' '}
            <a href={`${PATH}?state=${s}`} aria-current={p.filter.state === s ? 'page' : undefined}>
              {OUTBOX_STATE_LABELS[s]}
            </a>
          </>
        ))}
      </nav>
      <DataTable
        cols={['收件人', '主题', '状态', { label: '已尝试次数', class: 'num' }, '最近一次错误', '下次发送', '操作']}
        empty="没有待发送或发送失败的邮件。"
      >
        {p.rows.map((m) => (
          <tr data-mail={m.id} data-state={m.state}>
            <td>{m.to}</td>
            <td>{m.subject}</td>
            <td>{OUTBOX_STATE_LABELS[m.state]}</td>
            <td class="num">{m.attempts}</td>
            <td class="error">{m.lastError ?? '—'}</td>
            <td>{formatInstant(m.nextAttemptAt, { seconds: true })}</td>
            <td>
              {m.state === 'failed' ? (
                <RowAction action={`${PATH}/${encodeURIComponent(m.id)}/retry`} csrf={p.csrf} label="立即重试" />
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </AdminLayout>
  );
}
