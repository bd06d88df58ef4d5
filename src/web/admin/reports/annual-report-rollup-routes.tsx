/** @jsxImportSource hono/jsx */
// The rollup (汇总) routes: `/admin/reports/rollup?org=…&year=…` and its downloads
// `/admin/reports/rollup/export.:kind?org=…&year=…`; plus the report scope the register's
// organization choosers use (the domain report policy over the organization tree).
import type { Context, Hono } from 'hono';
import type { AppContext } from '../../../app/context.js';
import { AppError } from '../../../app/errors.js';
import { buildRollup } from '../../../app/reports/report-rollup.js';
import { exportReport } from '../../../app/reports/report-exports.js';
import type { Actor } from '../../../domain/policies/actor.js';
import { ancestry, orderTree, type OrgNode } from '../../../domain/orgs/organization.js';
import { canReport, type ReportAction } from '../../../domain/reports/report-policy.js';
import { reportTitle } from '../../../domain/reports/render-text.js';
import { requireActor } from '../../common/respond.js';
import type { WebEnv } from '../../common/env.js';
import { notFoundPage } from '../../common/pages.js';
import { contentDisposition, isExportKind, parseYear } from './annual-report-common.js';
import { RollupPage } from './annual-report-rollup-views.js';
import { REPORTS_PATH, ReportForbiddenPage, type ReportQuery } from './annual-report-views.js';

type C = Context<WebEnv>;

/** The organization tree seen through the report policy (the views never re-implement it). */
export type ReportScope = {
  tree: OrgNode[];
  /** Whether the actor may do `action` on the organization's report (any state the action allows). */
  can: (action: ReportAction, orgId: string) => boolean;
  /** Active organizations where the action is allowed, in tree order. */
  orgsFor: (action: ReportAction) => OrgNode[];
};

/** Binds the report policy to the actor over the active organization tree. */
export async function loadReportScope(ctx: AppContext, actor: Actor): Promise<ReportScope> {
  const orgs = await ctx.repos.orgs.list();
  const tree = orderTree(orgs);
  const can = (action: ReportAction, orgId: string): boolean =>
    canReport(actor, action, {
      orgAncestry: ancestry(orgs, orgId),
      state: action === 'report.return' ? 'submitted' : null,
    });
  return { tree, can, orgsFor: (action) => tree.filter((o) => can(action, o.id)) };
}

type Chosen = {
  actor: Actor;
  orgs: OrgNode[];
  query: ReportQuery;
  errors: Record<string, string>;
  chosen?: { orgId: string; orgName: string; year: number };
};

/** The actor, the organizations it may roll up and the chosen one (query `org`, `year`), or the response to send. */
async function choose(c: C): Promise<Chosen | Response> {
  const actor = requireActor(c);
  if (actor instanceof Response) return actor;
  const ctx = c.get('ctx');
  const orgs = (await loadReportScope(ctx, actor)).orgsFor('report.rollup');
  if (orgs.length === 0) {
    return c.html(
      <ReportForbiddenPage
        actor={actor}
        csrf={c.get('csrf')}
        message="只有上级政务公开办或系统管理员可以汇总年度报告"
      />,
      403,
    );
  }
  const query = {
    org: c.req.query('org') ?? orgs[0]!.id,
    year: (c.req.query('year') ?? String(Number(ctx.clock.today().slice(0, 4)) - 1)).trim(),
  };
  const errors: Record<string, string> = {};
  const year = parseYear(query.year);
  if (year === undefined || year < 2019) errors.year = '年度应为 2019 年以后的四位数字，如 2025';
  const org = orgs.find((o) => o.id === query.org);
  if (!org) errors.org = '请选择可以汇总的机构';
  return {
    actor,
    orgs,
    query,
    errors,
    chosen: org && year !== undefined && !errors.year ? { orgId: org.id, orgName: org.name, year } : undefined,
  };
}

/** Registers the rollup page and its downloads (call before the `/admin/reports/:orgId/:year` routes). */
export function registerRollupRoutes(app: Hono<WebEnv>): void {
  app.get(`${REPORTS_PATH}/rollup`, async (c) => {
    const ch = await choose(c);
    if (ch instanceof Response) return ch;
    const base = { actor: ch.actor, csrf: c.get('csrf'), orgs: ch.orgs, query: ch.query, errors: ch.errors };
    if (!ch.chosen) return c.html(<RollupPage {...base} />, 400);
    try {
      const rollup = await buildRollup(c.get('ctx'), ch.actor, ch.chosen.orgId, ch.chosen.year);
      return c.html(<RollupPage {...base} chosen={ch.chosen} rollup={rollup} />);
    } catch (e) {
      if (e instanceof AppError && e.code === 'forbidden') {
        return c.html(<ReportForbiddenPage actor={ch.actor} csrf={c.get('csrf')} message={e.message} />, 403);
      }
      throw e;
    }
  });

  app.get(`${REPORTS_PATH}/rollup/:file{export\\.[a-z]+}`, async (c) => {
    const ch = await choose(c);
    if (ch instanceof Response) return ch;
    const kind = c.req.param('file').slice('export.'.length);
    if (!ch.chosen || !isExportKind(kind)) return c.html(notFoundPage(), 404);
    try {
      const ctx = c.get('ctx');
      const rollup = await buildRollup(ctx, ch.actor, ch.chosen.orgId, ch.chosen.year);
      const out = await exportReport(ctx, rollup.report, kind);
      const name = `${reportTitle(rollup.report)}（汇总）.${out.extension.replace(/^\./, '')}`;
      return c.body(out.bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': out.mime,
        'Content-Disposition': contentDisposition(name),
        'X-Content-Type-Options': 'nosniff',
      });
    } catch (e) {
      if (e instanceof AppError && e.code === 'forbidden') {
        return c.html(<ReportForbiddenPage actor={ch.actor} csrf={c.get('csrf')} message={e.message} />, 403);
      }
      throw e;
    }
  });
}
