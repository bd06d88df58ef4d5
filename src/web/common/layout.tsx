/** @jsxImportSource hono/jsx */
// Page layouts for the back office and the public portal: accessible, responsive, no client JS needed (the
// scripts a page may load only enhance it).
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { getContext } from 'hono/context-storage';
import { getCookie } from 'hono/cookie';
import type { Actor } from '../../domain/policies/actor.js';
import type { SiteFooter } from '../../app/settings/site-settings.js';
import type { WebEnv } from './env.js';
import { PostForm } from './forms.js';

// Standards mode: without a doctype browsers render in quirks mode.
const DOCTYPE = raw('<!DOCTYPE html>');

const ADMIN_NAV: [string, string][] = [
  ['/admin', '工作台'],
  ['/admin/applications', '依申请公开'],
  ['/admin/publications', '主动公开'],
  ['/admin/publication-export', '归档导出'],
  ['/admin/orgs', '机构管理'],
  ['/admin/users', '账号与角色'],
  ['/admin/calendar', '工作日日历'],
  ['/admin/reviews', '复议、诉讼和投诉'],
  ['/admin/audit', '审计日志'],
  ['/admin/reports', '年度报告'],
  ['/admin/report-check', '年报体检'],
  ['/admin/media', '政务新媒体'],
  ['/admin/monitoring', '监督保障'],
  ['/admin/website-report', '网站年度报表'],
  ['/admin/training', '培训记录'],
  ['/admin/oversight', '评议与追究'],
  ['/admin/assessment', '考核'],
  ['/admin/settings', '网站设置'],
  ['/admin/system/jobs', '后台任务'],
  ['/admin/system/mail', '邮件发送'],
];

/** The document every page shares: its head (title, style sheet, `head` links) and the skip link. */
function HtmlPage(p: { title: string; bodyClass: string; head?: Child; children?: Child }) {
  return (
    <>
      {DOCTYPE}
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{p.title}</title>
          <link rel="stylesheet" href="/static/app.css" />
          {p.head}
        </head>
        <body class={p.bodyClass}>
          <a class="skip" href="#main">
            跳到主要内容
          </a>
          {p.children}
        </body>
      </html>
    </>
  );
}

/** The back-office page frame. */
export function AdminLayout(props: {
  title: string;
  actor?: Actor;
  csrf: string;
  path?: string;
  flash?: string;
  /** A link back to where the page was reached from: its address and its text (after ‹). */
  back?: readonly [href: string, label: string];
  /** Scripts of the page (progressive enhancement, served from /static/; CSP: script-src 'self'). */
  scripts?: readonly string[];
  children?: Child;
}) {
  return (
    <HtmlPage
      title={`${props.title} - gongkai 政务公开管理后台`}
      bodyClass="admin"
      head={(props.scripts ?? []).map((src) => (
        <script src={src} defer></script>
      ))}
    >
      <header class="topbar">
        <a class="brand" href="/admin">
          政府信息公开管理后台
        </a>
        {props.actor ? (
          <div class="who">
            <span>{props.actor.displayName || props.actor.username}</span>
            <a href="/admin/tokens">接口令牌</a>
            <a href="/admin/password">修改密码</a>
            <PostForm action="/admin/logout" csrf={props.csrf} class="inline">
              <button type="submit" class="link">
                退出登录
              </button>
            </PostForm>
          </div>
        ) : null}
      </header>
      {props.actor ? (
        <nav class="sidenav" aria-label="后台导航">
          <ul>
            {ADMIN_NAV.map(([href, label]) => (
              <li>
                <a href={href} aria-current={props.path === href ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <main id="main" tabindex={-1}>
        <h1>{props.title}</h1>
        {props.flash ? (
          <p class="flash" role="status">
            {props.flash}
          </p>
        ) : null}
        {props.back ? (
          <p>
            <a href={props.back[0]}>‹ {props.back[1]}</a>
          </p>
        ) : null}
        {props.children}
      </main>
    </HtmlPage>
  );
}

/** The link that switches the portal's large-text mode (适老化) on or off and comes back to `back`. */
export const largeTextHref = (on: boolean, back?: string): string =>
  `/large-text?on=${on ? '1' : '0'}${back === undefined ? '' : `&back=${encodeURIComponent(back)}`}`;

/** The cookie of the portal's large-text mode (适老化), set by `GET /large-text?on=1`. */
export const LARGE_TEXT_COOKIE = 'gk_large';

/** Whether the visitor chose large text, and the link that switches it (back to this page). */
function textSizeToggle(): { large: boolean; href: string } {
  try {
    const c = getContext<WebEnv>();
    const url = new URL(c.req.url);
    const large = getCookie(c, LARGE_TEXT_COOKIE) === '1';
    return { large, href: largeTextHref(!large, url.pathname + url.search) };
  } catch {
    return { large: false, href: largeTextHref(true) }; // rendered outside a request
  }
}

/**
 * The public portal frame with the footer marks every government site carries.
 * @param props.feeds Atom feeds of the page, linked with `<link rel="alternate">`
 */
export function PublicLayout(props: {
  title: string;
  siteTitle: string;
  footer: SiteFooter;
  crumbs?: [string, string][];
  feeds?: { href: string; title: string }[];
  /** Load /static/portal.js (progressive enhancement such as 打印); pages without it carry no script. */
  script?: boolean;
  children?: Child;
}) {
  const f = props.footer;
  const size = textSizeToggle();
  return (
    <HtmlPage
      title={`${props.title} - ${props.siteTitle}`}
      bodyClass={size.large ? 'portal large-text' : 'portal'}
      head={
        <>
          {(props.feeds ?? []).map((feed) => (
            <link rel="alternate" type="application/atom+xml" title={feed.title} href={feed.href} />
          ))}
          {props.script ? <script src="/static/portal.js" defer></script> : null}
        </>
      }
    >
      <header class="masthead">
        <a class="brand" href="/">
          {props.siteTitle}
        </a>
        <span class="tag">政府信息公开</span>
        <nav class="tools" aria-label="网站工具">
          <a href="/search">站内搜索</a>
          <a href="/media">政务新媒体</a>
          <a href={size.href}>{size.large ? '标准字号' : '大字版'}</a>
        </nav>
      </header>
      {f.notice ? <p class="sitenotice">{f.notice}</p> : null}
      {props.crumbs ? (
        <nav class="crumbs" aria-label="当前位置">
          <ol>
            {props.crumbs.map(([href, label]) => (
              <li>{href ? <a href={href}>{label}</a> : <span aria-current="page">{label}</span>}</li>
            ))}
          </ol>
        </nav>
      ) : null}
      <main id="main" tabindex={-1}>
        {props.children}
      </main>
      <footer class="sitefoot">
        {f.sponsor ? (
          <p>
            主办单位：{f.sponsor}
            {f.operator ? `　承办单位：${f.operator}` : ''}
          </p>
        ) : null}
        {f.siteCode ? <p>网站标识码：{f.siteCode}</p> : null}
        <p>
          {f.icp ? <span>{f.icp}</span> : null}
          {f.publicSecurityRecord ? <span>　{f.publicSecurityRecord}</span> : null}
        </p>
        {f.contact ? <p>联系我们：{f.contact}</p> : null}
        {f.showPartyGovMark ? (
          <p class="dzjg" role="img" aria-label="党政机关网站标识">
            党政机关
          </p>
        ) : null}
      </footer>
    </HtmlPage>
  );
}
