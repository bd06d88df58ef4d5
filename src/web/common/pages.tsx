/** @jsxImportSource hono/jsx */
// The error pages every surface shares: 403 in the back office, 404, 500 and 503 in the portal's frame.
import { escapeHtml } from '../../domain/core/text.js';
import type { Actor } from '../../domain/policies/actor.js';
import { AdminLayout } from './layout.js';

/** The back office's 403 page: what was refused and whom to ask. */
export function ForbiddenPage(p: { actor: Actor; csrf: string; message?: string }) {
  const message = (p.message ?? '没有权限执行此操作').replace(/[。.]$/, '');
  return (
    <AdminLayout title="没有权限" actor={p.actor} csrf={p.csrf}>
      <p role="alert">{message}。</p>
      <p>您的账号没有办理此事项所需的角色。如需办理，请联系本机构或上级机构的系统管理员。</p>
      <p>
        <a href="/admin">返回工作台</a>
      </p>
    </AdminLayout>
  );
}

const frame = (title: string, body: string) =>
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
  '<meta name="viewport" content="width=device-width, initial-scale=1">' +
  `<title>${title}</title><link rel="stylesheet" href="/static/app.css"></head>` +
  `<body class="portal"><main id="main">${body}</main></body></html>`;

/** The Chinese 404 page. */
export function notFoundPage(): string {
  return frame(
    '页面不存在',
    '<h1>页面不存在（404）</h1><p>您访问的页面不存在或已被删除。请检查网址是否正确，' +
      '或从<a href="/">政府信息公开首页</a>重新查找。</p>',
  );
}

/** The Chinese 429 page: the refusal's message (the wait is in the `Retry-After` header). */
export function limitedPage(message: string): string {
  const escaped = message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return frame('请求过于频繁', `<h1>请求过于频繁</h1><p role="alert">${escaped}</p><p><a href="/">返回首页</a></p>`);
}

/** The Chinese 500 page. */
export function errorPage(): string {
  return frame(
    '系统错误',
    '<h1>系统暂时无法处理您的请求</h1><p>请稍后再试。如问题持续存在，请联系网站管理员。</p><p><a href="/">返回首页</a></p>',
  );
}

/** A page of the portal's frame: a heading, a message (escaped) and what to do. */
const notice = (title: string, message: string, advice: string) =>
  frame(
    title,
    `<h1>${title}</h1><p>${escapeHtml(message)}。${advice}</p>` +
      '<p>如问题持续存在，请联系网站管理员。</p><p><a href="/">返回首页</a></p>',
  );

/** The Chinese 503 page: the database cannot serve now (the message says why); nothing was saved. */
export function unavailablePage(message: string): string {
  return notice('服务暂时不可用', message, '本次操作未能完成，请稍后重新提交。');
}

/** The Chinese 400 page: the request's body could not be read (a malformed form). */
export function badRequestPage(message: string): string {
  return notice('请求有误', message, '本次提交未被处理。');
}

/** A page for a refused request outside a form (409/422 on a link or a button): the message and a way back. */
export function RefusedPage(p: { actor?: Actor; csrf: string; title: string; message: string; back?: string }) {
  return (
    <AdminLayout title={p.title} actor={p.actor} csrf={p.csrf}>
      <p role="alert">{p.message}</p>
      <p>
        {p.back ? <a href={p.back}>返回上一页</a> : null}　<a href="/admin">返回工作台</a>
      </p>
    </AdminLayout>
  );
}
