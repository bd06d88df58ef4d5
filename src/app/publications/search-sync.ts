// Keeping the search index in step with the portal: a published proactive item is indexed, a
// withdrawn one removed, in the same transaction as the move, so that it shows in search at once.
import type { PublicationFields } from '../../domain/publications/publication.js';
import type { SearchDocument, SearchRepos } from '../search/ports.js';
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

/** The index entry of a published item: named by its id, with its filters and its text. */
export function searchDocumentOf(
  item: { id: string; orgId: string },
  f: PublicationFields,
  publishedOn: string,
  at: string,
): SearchDocument {
  return {
    docType: 'publication',
    docId: item.id,
    orgId: item.orgId,
    categoryId: f.categoryId,
    kind: f.kind,
    validity: f.validity,
    publishedOn,
    title: f.title,
    docNo: f.docNo,
    summary: f.summary,
    bodyText: plainText(f.bodyHtml),
    updatedAt: at,
  };
}

/**
 * Updates the index for an item whose state just changed. Only 主动公开 items reach the portal,
 * so only they are indexed; 依申请公开 and 不予公开 items never are.
 */
export async function syncSearch(
  repos: SearchRepos,
  pub: PublicationRecord,
  state: string,
  publishedOn: string | null,
  at: string,
): Promise<void> {
  if (state === 'published' && pub.disclosure === 'proactive' && publishedOn) {
    await repos.search.upsert(searchDocumentOf(pub, pub, publishedOn, at));
  } else if (state === 'withdrawn') {
    await repos.search.remove('publication', pub.id);
  }
}
