// SQL of assessment schemes (考核方案), the values entered for them, their adjustments and published snapshots.
import type { Kysely, Selectable } from 'kysely';
import type { AssessmentAdjustmentTable, AssessmentSchemeTable, Database } from '../database.js';
import type { Adjustment, AssessmentRepository, ResultTable, StoredScheme } from '../../app/assessment/ports.js';
import type { SchemeDef } from '../../domain/assessment/scheme.js';
import { firstOf } from '../queries.js';

const toScheme = (r: Selectable<AssessmentSchemeTable>): StoredScheme => ({
  id: r.id,
  name: r.name,
  year: Number(r.year),
  scopeOrgId: r.scope_org_id,
  def: JSON.parse(r.def_json) as SchemeDef,
  state: r.state,
  copiedFrom: r.copied_from,
  publishedAt: r.published_at,
  publicationId: r.publication_id,
  updatedAt: r.updated_at,
  actorId: r.actor_id,
  actorLabel: r.actor_label,
  createdAt: r.created_at,
});

const toAdjustment = (r: Selectable<AssessmentAdjustmentTable>): Adjustment => ({
  id: r.id,
  schemeId: r.scheme_id,
  orgId: r.org_id,
  indicatorId: r.indicator_id,
  points: Number(r.points),
  reason: r.reason,
  actorLabel: r.actor_label,
  createdAt: r.created_at,
});

const schemeColumns = (s: StoredScheme) => ({
  scope_org_id: s.scopeOrgId,
  year: s.year,
  name: s.name,
  state: s.state,
  def_json: JSON.stringify(s.def),
  copied_from: s.copiedFrom,
  published_at: s.publishedAt,
  publication_id: s.publicationId,
  actor_id: s.actorId,
  actor_label: s.actorLabel,
  updated_at: s.updatedAt,
});

/** The assessment repository over a connection or a transaction. */
export function assessmentRepository(db: Kysely<Database>): AssessmentRepository {
  const schemes = () => db.selectFrom('assessment_scheme').selectAll();
  return {
    async schemes() {
      const rows = await schemes().orderBy('year', 'desc').orderBy('created_at', 'desc').execute();
      return rows.map(toScheme);
    },
    scheme: (id) => firstOf(schemes().where('id', '=', id), toScheme),
    publishedFor: (scopeOrgId, year) =>
      firstOf(
        schemes()
          .where('scope_org_id', '=', scopeOrgId)
          .where('year', '=', year)
          .where('state', '=', 'published')
          .orderBy('published_at', 'desc'),
        toScheme,
      ),
    async snapshot(id) {
      const r = await db
        .selectFrom('assessment_scheme')
        .select('snapshot_json')
        .where('id', '=', id)
        .executeTakeFirst();
      return r?.snapshot_json ? (JSON.parse(r.snapshot_json) as ResultTable) : null;
    },
    async insertScheme(s) {
      await db
        .insertInto('assessment_scheme')
        .values({ id: s.id, ...schemeColumns(s), snapshot_json: null, created_at: s.createdAt })
        .execute();
    },
    async updateScheme(s) {
      await db.updateTable('assessment_scheme').set(schemeColumns(s)).where('id', '=', s.id).execute();
    },
    async deleteScheme(id) {
      await db.deleteFrom('assessment_adjustment').where('scheme_id', '=', id).execute();
      await db.deleteFrom('assessment_entry').where('scheme_id', '=', id).execute();
      await db.deleteFrom('assessment_scheme').where('id', '=', id).execute();
    },
    async publishScheme(id, table, at) {
      await db
        .updateTable('assessment_scheme')
        .set({ state: 'published', snapshot_json: JSON.stringify(table), published_at: at, updated_at: at })
        .where('id', '=', id)
        .execute();
    },
    async setPublication(id, publicationId, at) {
      await db
        .updateTable('assessment_scheme')
        .set({ publication_id: publicationId, updated_at: at })
        .where('id', '=', id)
        .execute();
    },
    async entries(schemeId) {
      const rows = await db
        .selectFrom('assessment_entry')
        .selectAll()
        .where('scheme_id', '=', schemeId)
        .orderBy('org_id')
        .orderBy('indicator_id')
        .execute();
      return rows.map((r) => ({
        schemeId: r.scheme_id,
        orgId: r.org_id,
        indicatorId: r.indicator_id,
        value: Number(r.value),
        evidence: r.evidence,
        actorLabel: r.actor_label,
        updatedAt: r.updated_at,
      }));
    },
    async saveEntry(e) {
      const key = { scheme_id: e.schemeId, org_id: e.orgId, indicator_id: e.indicatorId };
      const values = {
        value: String(e.value),
        evidence: e.evidence,
        actor_id: e.actorId,
        actor_label: e.actorLabel,
        updated_at: e.updatedAt,
      };
      await db
        .insertInto('assessment_entry')
        .values({ ...key, ...values, created_at: e.updatedAt })
        .onConflict((oc) => oc.columns(['scheme_id', 'org_id', 'indicator_id']).doUpdateSet(values))
        .execute();
    },
    async adjustments(schemeId) {
      const rows = await db
        .selectFrom('assessment_adjustment')
        .selectAll()
        .where('scheme_id', '=', schemeId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toAdjustment);
    },
    async addAdjustment(a) {
      await db
        .insertInto('assessment_adjustment')
        .values({
          id: a.id,
          scheme_id: a.schemeId,
          org_id: a.orgId,
          indicator_id: a.indicatorId,
          points: String(a.points),
          reason: a.reason,
          actor_id: a.actorId,
          actor_label: a.actorLabel,
          created_at: a.createdAt,
        })
        .execute();
    },
  };
}
