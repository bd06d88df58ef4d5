// SQL for the archive export (art. 25) and the dashboard's interpretation warning: version stamps
// of an organization's published items, the frozen fields of chosen versions, and live
// 行政规范性文件 without a live 政策解读.
import type { Kysely, Selectable } from 'kysely';
import type { Database, PublicationTable } from '../database.js';
import type { ExportCandidate, PublicationArchiveReader } from '../../app/publications/archive-ports.js';
import type { LiveVersion } from '../../app/publications/ports.js';
import type { Disclosure, PublicationKind } from '../../domain/publications/publication.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import { camelFields } from '../mappers.js';
import { pageOf } from '../queries.js';

/**
 * The current versions `v` of published, not withdrawn 主动公开 items `p`: the portal's live set, read
 * through the item (publication-repository.ts reads the same set from the versions' `live` flag).
 */
export function currentProactiveVersions(db: Kysely<Database>) {
  return db
    .selectFrom('publication_version as v')
    .innerJoin('publication as p', (j) =>
      j.onRef('p.id', '=', 'v.publication_id').onRef('p.current_version', '=', 'v.version'),
    )
    .where('p.withdrawn_at', 'is', null)
    .where('v.disclosure', '=', 'proactive')
    .where('v.published_on', 'is not', null);
}

/** Builds the archive reader. */
export function publicationArchive(db: Kysely<Database>): PublicationArchiveReader {
  return {
    async exportCandidates(f) {
      if (f.orgIds.length === 0) return [];
      const rows = await db
        .selectFrom('publication_version as v')
        .innerJoin('publication as p', 'p.id', 'v.publication_id')
        .select([
          'v.publication_id',
          'v.version',
          'v.published_at',
          'v.published_on',
          'v.disclosure',
          'v.kind',
          'p.org_id',
          'p.withdrawn_at',
        ])
        .where('v.org_id', 'in', [...f.orgIds])
        .where('v.published_on', '<=', f.to)
        .orderBy('v.published_on')
        .orderBy('v.publication_id')
        .orderBy('v.version')
        .execute();
      const byId = new Map<string, ExportCandidate>();
      for (const r of rows) {
        let c = byId.get(r.publication_id);
        if (!c) {
          c = { id: r.publication_id, orgId: r.org_id, withdrawnAt: r.withdrawn_at, withdrawals: [], versions: [] };
          byId.set(r.publication_id, c);
        }
        c.versions.push({
          version: Number(r.version),
          publishedAt: r.published_at,
          publishedOn: r.published_on as LocalDate | null,
          disclosure: r.disclosure as Disclosure,
          kind: r.kind as PublicationKind,
        });
      }
      const withdrawals = await db
        .selectFrom('publication_review as r')
        .innerJoin('publication as p', 'p.id', 'r.publication_id')
        .select(['r.publication_id', 'r.at'])
        .where('p.org_id', 'in', [...f.orgIds])
        .where('r.action', '=', 'withdraw')
        .execute();
      for (const w of withdrawals) byId.get(w.publication_id)?.withdrawals.push(w.at);
      return [...byId.values()];
    },
    async versionFields(keys) {
      const out = new Map<string, LiveVersion['fields']>();
      if (keys.length === 0) return out;
      const rows = await db
        .selectFrom('publication_version')
        .select(['publication_id', 'version', 'fields_json'])
        .where((eb) => eb.or(keys.map((k) => eb.and([eb('publication_id', '=', k.id), eb('version', '=', k.version)]))))
        .execute();
      for (const r of rows) {
        out.set(`${r.publication_id}#${Number(r.version)}`, JSON.parse(r.fields_json) as LiveVersion['fields']);
      }
      return out;
    },
    async uninterpreted(orgIds, limit) {
      if (orgIds.length === 0) return { items: [], total: 0 };
      const q = currentProactiveVersions(db)
        .where('v.kind', '=', 'normative')
        .where('v.org_id', 'in', [...orgIds])
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('publication_version as iv')
                .innerJoin('publication as ip', (j) =>
                  j.onRef('ip.id', '=', 'iv.publication_id').onRef('ip.current_version', '=', 'iv.version'),
                )
                .select('iv.publication_id')
                .whereRef('iv.interprets_id', '=', 'v.publication_id')
                .where('iv.kind', '=', 'interpretation')
                .where('iv.disclosure', '=', 'proactive')
                .where('iv.published_on', 'is not', null)
                .where('ip.withdrawn_at', 'is', null),
            ),
          ),
        );
      const listed = ['id', 'org_id', 'index_no', 'title', 'doc_no', 'published_on'] as const;
      const toItem = (r: Pick<Selectable<PublicationTable>, (typeof listed)[number]>) => ({
        ...camelFields(r, listed),
        publishedOn: r.published_on as LocalDate,
      });
      return pageOf(q, { limit, offset: 0 }, toItem, (q) =>
        q
          .select(['p.id', 'p.org_id', 'p.index_no', 'p.title', 'p.doc_no', 'v.published_on'])
          .orderBy('v.published_on')
          .orderBy('p.id'),
      );
    },
  };
}
