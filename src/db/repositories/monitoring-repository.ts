// SQL of website monitoring: sites and columns, interaction messages, runs with their per-site results, findings,
// 整改 tasks and 提醒函 (migration 2026-12-12T0100).
import type { Kysely, Selectable } from 'kysely';
import type {
  Database,
  MonitorColumnTable,
  MonitorFindingTable,
  MonitorLetterTable,
  MonitorRunSiteTable,
  MonitorRunTable,
  MonitorSiteTable,
  MonitorTaskTable,
} from '../database.js';
import type {
  InteractionMessageRecord,
  ProbeRecord,
  MonitorLetter,
  MonitoringRepository,
  MonitorRun,
  MonitorTask,
  RunSiteResult,
  StoredFinding,
} from '../../app/monitoring/ports.js';
import type {
  ColumnKind,
  MonitoredColumn,
  MonitoredSite,
  SiteKind,
} from '../../domain/monitoring-registry/registry.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import { camelFields, fromBool, givenColumns, numberOrNull, parseJson, snakeColumns, toBool } from '../mappers.js';
import { firstOf } from '../queries.js';

const SITE = ['id', 'name', 'home_url', 'site_code', 'org_id', 'created_at', 'updated_at'] as const;
const COLUMN = ['id', 'site_id', 'name', 'url', 'category_id'] as const;
const RUN = [
  'id',
  'site_id',
  'requested_by',
  'requested_label',
  'error',
  'created_at',
  'started_at',
  'finished_at',
] as const;
const RUN_COUNTS = ['sites_total', 'sites_done', 'pages', 'links', 'findings'] as const;
const FINDING = [
  'id',
  'site_id',
  'url',
  'message',
  'decided_by',
  'decided_at',
  'dismiss_reason',
  'first_run_id',
  'last_run_id',
  'closed_run_id',
  'first_seen_at',
  'last_seen_at',
  'closed_at',
] as const;
const TASK = [
  'id',
  'finding_id',
  'org_id',
  'fix_note',
  'fixed_by',
  'fixed_at',
  'closed_at',
  'letter_id',
  'created_by',
  'created_at',
  'updated_at',
] as const;
const LETTER = [
  'id',
  'org_id',
  'doc_no',
  'recipient_email',
  'created_by',
  'created_at',
  'sent_at',
  'delivered_at',
  'closed_at',
] as const;

const toColumn = (r: Selectable<MonitorColumnTable>): MonitoredColumn => ({
  ...camelFields(r, COLUMN),
  sort: Number(r.sort),
  kind: r.kind as ColumnKind,
  intervalDays: numberOrNull(r.interval_days),
});

const toRun = (r: Selectable<MonitorRunTable>): MonitorRun => ({
  ...camelFields(r, RUN),
  state: r.state as MonitorRun['state'],
  asOf: r.as_of as LocalDate,
  cancelRequested: toBool(Number(r.cancel_requested)),
  sitesTotal: Number(r.sites_total),
  sitesDone: Number(r.sites_done),
  pages: Number(r.pages),
  links: Number(r.links),
  findings: Number(r.findings),
});

const toRunSite = (r: Selectable<MonitorRunSiteTable>): RunSiteResult => ({
  runId: r.run_id,
  siteId: r.site_id,
  verdict: r.verdict as RunSiteResult['verdict'],
  score: numberOrNull(r.score),
  vetoes: parseJson(r.vetoes_json),
  findings: Number(r.findings),
  pages: Number(r.pages),
  links: Number(r.links),
  finishedAt: r.finished_at,
});

const toFinding = (r: Selectable<MonitorFindingTable>): StoredFinding => ({
  ...camelFields(r, FINDING),
  key: r.match_key,
  rule: r.rule as StoredFinding['rule'],
  severity: r.severity as StoredFinding['severity'],
  column: r.column_name,
  evidence: parseJson(r.evidence_json),
  confirmation: r.confirmation as StoredFinding['confirmation'],
  status: r.status as StoredFinding['status'],
});

const toTask = (r: Selectable<MonitorTaskTable>): MonitorTask => ({
  ...camelFields(r, TASK),
  state: r.state as MonitorTask['state'],
  dueOn: r.due_on as LocalDate,
  reopened: Number(r.reopened),
});

const toLetter = (r: Selectable<MonitorLetterTable>): MonitorLetter => ({
  ...camelFields(r, LETTER),
  deadlineOn: r.deadline_on as LocalDate,
  state: r.state as MonitorLetter['state'],
});

/** The columns of a patch given in camelCase, as snake_case columns (only those given). */
function patchColumns(patch: Record<string, unknown>, renames: Record<string, string> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    const name = renames[k] ?? k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    out[name] = typeof v === 'boolean' ? fromBool(v) : v;
  }
  return givenColumns(out);
}

/** Builds the monitoring repository. */
export function monitoringRepository(db: Kysely<Database>): MonitoringRepository {
  const withColumns = async (rows: Selectable<MonitorSiteTable>[]): Promise<MonitoredSite[]> => {
    if (rows.length === 0) return [];
    const cols = await db
      .selectFrom('monitor_column')
      .selectAll()
      .where(
        'site_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('site_id')
      .orderBy('sort')
      .execute();
    return rows.map((r) => ({
      ...camelFields(r, SITE),
      kind: r.kind as SiteKind,
      ownPortal: toBool(Number(r.own_portal)),
      columns: cols.filter((c) => c.site_id === r.id).map(toColumn),
    }));
  };
  const oneSite = async (rows: Selectable<MonitorSiteTable>[]) => (await withColumns(rows))[0];
  const sites = () => db.selectFrom('monitor_site').selectAll();

  return {
    sites: async () => withColumns(await sites().orderBy('name').execute()),
    siteById: async (id) => oneSite(await sites().where('id', '=', id).execute()),
    siteByName: async (name) => oneSite(await sites().where('name', '=', name).execute()),
    ownPortal: async () => oneSite(await sites().where('own_portal', '=', 1).execute()),
    async insertSite(s) {
      await db
        .insertInto('monitor_site')
        .values({ ...snakeColumns(s, SITE), kind: s.kind, own_portal: fromBool(s.ownPortal) })
        .execute();
    },
    async updateSite(id, f, at) {
      await db
        .updateTable('monitor_site')
        .set({
          name: f.name,
          home_url: f.homeUrl,
          site_code: f.siteCode,
          org_id: f.orgId,
          kind: f.kind,
          updated_at: at,
        })
        .where('id', '=', id)
        .execute();
    },
    async replaceColumns(siteId, columns) {
      const keep = columns.map((c) => c.id);
      const old = await db.selectFrom('monitor_column').select('id').where('site_id', '=', siteId).execute();
      const gone = old.map((o) => o.id).filter((id) => !keep.includes(id));
      if (gone.length > 0) {
        await db.deleteFrom('monitor_message').where('column_id', 'in', gone).execute();
        await db.deleteFrom('monitor_column').where('id', 'in', gone).execute();
      }
      for (const c of columns) {
        const values = {
          ...snakeColumns(c, COLUMN),
          sort: c.sort,
          kind: c.kind,
          interval_days: c.intervalDays,
        };
        if (old.some((o) => o.id === c.id)) {
          await db.updateTable('monitor_column').set(values).where('id', '=', c.id).execute();
        } else {
          await db.insertInto('monitor_column').values(values).execute();
        }
      }
    },
    async insertMessages(messages) {
      for (let i = 0; i < messages.length; i += 200) {
        const chunk = messages.slice(i, i + 200).map((m) => ({
          id: m.id,
          column_id: m.columnId,
          received_on: m.receivedOn,
          answered_on: m.answeredOn,
          subject: m.subject,
          created_at: m.createdAt,
        }));
        await db.insertInto('monitor_message').values(chunk).execute();
      }
    },
    async messagesOfSite(siteId) {
      const rows = await db
        .selectFrom('monitor_message as m')
        .innerJoin('monitor_column as c', 'c.id', 'm.column_id')
        .selectAll('m')
        .where('c.site_id', '=', siteId)
        .orderBy('m.column_id')
        .orderBy('m.received_on')
        .orderBy('m.id')
        .execute();
      return rows.map((r): InteractionMessageRecord => ({
        id: r.id,
        columnId: r.column_id,
        receivedOn: r.received_on as LocalDate,
        answeredOn: r.answered_on as LocalDate | null,
        subject: r.subject,
        createdAt: r.created_at,
      }));
    },

    async insertRun(run) {
      await db
        .insertInto('monitor_run')
        .values({
          ...snakeColumns(run, RUN),
          ...snakeColumns(run, RUN_COUNTS),
          state: run.state,
          as_of: run.asOf,
          cancel_requested: fromBool(run.cancelRequested),
        })
        .execute();
    },
    runById: (id) => firstOf(db.selectFrom('monitor_run').selectAll().where('id', '=', id), toRun),
    async claimRun(id, at) {
      const r = await db
        .updateTable('monitor_run')
        .set({ state: 'running', started_at: at })
        .where('id', '=', id)
        .where('state', '=', 'queued')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    async updateRun(id, patch) {
      const values = patchColumns(patch);
      if (Object.keys(values).length === 0) return;
      await db.updateTable('monitor_run').set(values).where('id', '=', id).execute();
    },
    async runs(opts) {
      let q = db.selectFrom('monitor_run').selectAll();
      if (opts.siteId !== undefined) q = q.where('site_id', '=', opts.siteId);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(opts.limit).execute();
      return rows.map(toRun);
    },
    async insertRunSite(r) {
      await db
        .insertInto('monitor_run_site')
        .values({
          run_id: r.runId,
          site_id: r.siteId,
          verdict: r.verdict,
          score: r.score,
          vetoes_json: JSON.stringify(r.vetoes),
          findings: r.findings,
          pages: r.pages,
          links: r.links,
          finished_at: r.finishedAt,
        })
        .execute();
    },
    async runSites(runId) {
      const rows = await db.selectFrom('monitor_run_site').selectAll().where('run_id', '=', runId).execute();
      return rows.map(toRunSite);
    },
    async siteResultsSince(since) {
      const rows = await db
        .selectFrom('monitor_run_site')
        .selectAll()
        .where('finished_at', '>=', since)
        .orderBy('finished_at')
        .execute();
      return rows.map(toRunSite);
    },

    async openFindings(siteId) {
      const rows = await db
        .selectFrom('monitor_finding')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('status', '=', 'open')
        .orderBy('first_seen_at')
        .orderBy('id')
        .execute();
      return rows.map(toFinding);
    },
    async insertFinding(f) {
      await db
        .insertInto('monitor_finding')
        .values({
          ...snakeColumns(f, FINDING),
          match_key: f.key,
          rule: f.rule,
          severity: f.severity,
          column_name: f.column,
          evidence_json: JSON.stringify(f.evidence),
          confirmation: f.confirmation,
          status: f.status,
        })
        .execute();
    },
    async updateFinding(id, patch) {
      const { evidence, column, ...rest } = patch;
      const values = {
        ...patchColumns(rest),
        ...(evidence === undefined ? {} : { evidence_json: JSON.stringify(evidence) }),
        ...(column === undefined ? {} : { column_name: column }),
      };
      if (Object.keys(values).length === 0) return;
      await db.updateTable('monitor_finding').set(values).where('id', '=', id).execute();
    },
    findingById: (id) => firstOf(db.selectFrom('monitor_finding').selectAll().where('id', '=', id), toFinding),
    async findings(filter, limit) {
      let q = db.selectFrom('monitor_finding as f').innerJoin('monitor_site as s', 's.id', 'f.site_id').selectAll('f');
      if (filter.siteId !== undefined) q = q.where('f.site_id', '=', filter.siteId);
      if (filter.status !== undefined) q = q.where('f.status', '=', filter.status);
      if (filter.confirmation !== undefined) q = q.where('f.confirmation', '=', filter.confirmation);
      if (filter.orgIds !== undefined) {
        if (filter.orgIds.length === 0) return [];
        q = q.where('s.org_id', 'in', [...filter.orgIds]);
      }
      const rows = await q.orderBy('f.last_seen_at', 'desc').orderBy('f.id').limit(limit).execute();
      return rows.map(toFinding);
    },

    async insertTask(t) {
      await db
        .insertInto('monitor_task')
        .values({ ...snakeColumns(t, TASK), state: t.state, due_on: t.dueOn, reopened: t.reopened })
        .execute();
    },
    taskById: (id) => firstOf(db.selectFrom('monitor_task').selectAll().where('id', '=', id), toTask),
    taskOfFinding: (findingId) =>
      firstOf(db.selectFrom('monitor_task').selectAll().where('finding_id', '=', findingId), toTask),
    async updateTask(id, patch) {
      const values = patchColumns(patch);
      if (Object.keys(values).length === 0) return;
      await db.updateTable('monitor_task').set(values).where('id', '=', id).execute();
    },
    async tasks(filter) {
      let q = db.selectFrom('monitor_task').selectAll();
      if (filter.orgIds !== undefined) {
        if (filter.orgIds.length === 0) return [];
        q = q.where('org_id', 'in', [...filter.orgIds]);
      }
      if (filter.states !== undefined) {
        if (filter.states.length === 0) return [];
        q = q.where('state', 'in', [...filter.states]);
      }
      if (filter.letterId !== undefined) q = q.where('letter_id', '=', filter.letterId);
      const rows = await q.orderBy('due_on').orderBy('created_at').orderBy('id').execute();
      return rows.map(toTask);
    },

    async insertLetter(l) {
      await db
        .insertInto('monitor_letter')
        .values({ ...snakeColumns(l, LETTER), deadline_on: l.deadlineOn, state: l.state })
        .execute();
    },
    letterById: (id) => firstOf(db.selectFrom('monitor_letter').selectAll().where('id', '=', id), toLetter),
    async updateLetter(id, patch) {
      const values = patchColumns(patch);
      if (Object.keys(values).length === 0) return;
      await db.updateTable('monitor_letter').set(values).where('id', '=', id).execute();
    },
    async letters(filter) {
      let q = db.selectFrom('monitor_letter').selectAll();
      if (filter.orgIds !== undefined) {
        if (filter.orgIds.length === 0) return [];
        q = q.where('org_id', 'in', [...filter.orgIds]);
      }
      if (filter.states !== undefined) q = q.where('state', 'in', [...filter.states]);
      const rows = await q.orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(toLetter);
    },
    async insertProbe(p) {
      await db
        .insertInto('monitor_probe')
        .values({
          id: p.id,
          site_id: p.siteId,
          probed_at: p.probedAt,
          ok: fromBool(p.ok),
          status: p.status,
          error: p.error,
        })
        .execute();
    },
    async probesSince(siteId, since) {
      const rows = await db
        .selectFrom('monitor_probe')
        .selectAll()
        .where('site_id', '=', siteId)
        .where('probed_at', '>=', since)
        .orderBy('probed_at')
        .orderBy('id')
        .execute();
      return rows.map((r): ProbeRecord => ({
        id: r.id,
        siteId: r.site_id,
        probedAt: r.probed_at,
        ok: toBool(r.ok),
        status: numberOrNull(r.status),
        error: r.error,
      }));
    },
    async pruneProbes(before) {
      const res = await db.deleteFrom('monitor_probe').where('probed_at', '<', before).executeTakeFirst();
      return Number(res.numDeletedRows);
    },
  };
}
