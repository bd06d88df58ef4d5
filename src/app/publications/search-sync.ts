// Keeping the search index in step with the portal: a published proactive item is indexed, a
// withdrawn one removed, in the same transaction as the move, so that it shows in search at once.
import type { PublicationFields } from '../../domain/publications/publication.js';
import type { SearchDocument, SearchRepos } from '../search/ports.js';
import type { PublicationRecord } from './ports.js';
import type { HtmlReader } from '../documents/ports.js';

/**
 * The index entry of a published item: named by its id, with its filters and its text.
 * @param bodyText the body's plain text (the HTML reader's)
 */
export function searchDocumentOf(
  item: { id: string; orgId: string; indexNo: string },
  f: PublicationFields,
  publishedOn: string,
  at: string,
  bodyText: string,
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
    indexNo: item.indexNo,
    summary: f.summary,
    bodyText,
    updatedAt: at,
  };
}

/**
 * Updates the index for an item whose state just changed. Only 主动公开 items reach the portal,
 * so only they are indexed; 依申请公开 and 不予公开 items never are.
 */
export async function syncSearch(
  repos: SearchRepos,
  html: HtmlReader,
  pub: PublicationRecord,
  state: string,
  publishedOn: string | null,
  at: string,
): Promise<void> {
  if (state === 'published' && pub.disclosure === 'proactive' && publishedOn) {
    await repos.search.upsert(searchDocumentOf(pub, pub, publishedOn, at, html.text(pub.bodyHtml)));
  } else if (state === 'withdrawn') {
    await repos.search.remove('publication', pub.id);
  }
}
