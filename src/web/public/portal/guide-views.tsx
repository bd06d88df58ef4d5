/** @jsxImportSource hono/jsx */
// The portal's 政府信息公开指南 and 制度 pages: the organization's text (its own, dated, or the default filled
// from its data), then the items published under the directory.
import { raw } from 'hono/html';
import type { GuidePortalPage } from '../../../app/portal/org-guide.js';
import { formatChineseDate } from '../../../domain/core/local-date.js';
import { DirectoryItems, orgFeed } from '../publications/publication-views.js';
import { orgCrumbs, PortalFrame } from './portal-views.js';

/** A guide or rules page of an organization. */
export function GuideView(p: GuidePortalPage) {
  const { text, node, latest } = p;
  return (
    <PortalFrame
      site={p.site}
      title={`${p.label} - ${p.org.name}`}
      crumbs={orgCrumbs(p.org, ['', p.label])}
      feeds={[orgFeed(p.org)]}
    >
      <article class="guide">
        <h1>
          {p.org.name}
          {p.label}
        </h1>
        <p class="muted">
          {text.edited ? (
            <>
              更新日期：<time datetime={text.updatedOn}>{formatChineseDate(text.updatedOn)}</time>
            </>
          ) : (
            '本页根据本机关登记的机构信息生成，机构信息变更时随之更新。'
          )}
        </p>
        {/* Rendered as HTML because it is trusted: the default text escapes every value (domain/guide), and an
            organization's own text passed the HTML allow-list (ctx.sanitizer) before it was stored. */}
        <div class="pubbody">{raw(text.html)}</div>
      </article>
      {latest.items.length > 0 ? (
        <DirectoryItems org={p.org} node={node} latest={latest} id="dir-items" heading="本栏目发布的信息" />
      ) : null}
    </PortalFrame>
  );
}
