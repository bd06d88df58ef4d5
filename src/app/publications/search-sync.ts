// Keeping the search index in step with the portal: a published proactive item is indexed, a
// withdrawn one removed, in the same transaction as the move (issue 4: "shows … in search at once").
import type { Repos } from '../context.js';
import type { PublicationRecord } from './ports.js';

/** Plain text of a sanitised HTML body, for indexing (tags dropped, entities for spaces and brackets decoded). */
export function plainText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Updates the index for an item whose state just changed. Only 主动公开 items reach the portal,
 * so only they are indexed; 依申请公开 and 不予公开 items never are.
 */
export async function syncSearch(
  repos: Repos,
  pub: PublicationRecord,
  state: string,
  publishedOn: string | null,
  at: string,
): Promise<void> {
  if (state === 'published' && pub.disclosure === 'proactive' && publishedOn) {
    await repos.search.upsert({
      docType: 'publication',
      docId: pub.id,
      orgId: pub.orgId,
      categoryId: pub.categoryId,
      kind: pub.kind,
      validity: pub.validity,
      publishedOn,
      title: pub.title,
      docNo: pub.docNo,
      summary: pub.summary,
      bodyText: plainText(pub.bodyHtml),
      url: `/publications/${pub.id}`,
      updatedAt: at,
    });
  } else if (state === 'withdrawn') {
    await repos.search.remove('publication', pub.id);
  }
}
