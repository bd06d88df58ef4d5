/** @jsxImportSource hono/jsx */
// The rollup (汇总) routes: `/admin/reports/rollup?org=…&year=…` and its downloads
// `/admin/reports/rollup/export.:kind?org=…&year=…`.
import type { Hono } from 'hono';
import { reportChoices, rollupFile } from '../../../app/reports/report-pages.js';
import { buildRollup } from '../../../app/reports/report-rollup.js';
import { isReportExportKind } from '../../../domain/reports/report-files.js';
import { download } from '../../common/download.js';
import type { StaffContext, StaffEnv } from '../../common/env.js';
import { notFoundPage } from '../../common/pages.js';
import { RollupPage } from './annual-report-rollup-views.js';
import { REPORTS_PATH } from './annual-report-views.js';
import { readChoice } from './report-query.js';

/** The organizations the actor may roll up and the one chosen in the query string (`org`, `year`). */
async function choose(c: StaffContext) {
  const choices = await reportChoices(c.get('ctx'), c.get('actor'), 'report.rollup');
  return { orgs: choices.orgs, ...readChoice(c, choices, '请选择可以汇总的机构') };
}

/** Registers the rollup page and its downloads (call before the `/admin/reports/:orgId/:year` routes). */
export function registerRollupRoutes(admin: Hono<StaffEnv>): void {
  admin.get(`${REPORTS_PATH}/rollup`, async (c) => {
    const { orgs, query, errors, chosen } = await choose(c);
    const base = { actor: c.get('actor'), csrf: c.get('csrf'), orgs, query, errors };
    if (!chosen) return c.html(<RollupPage {...base} />, 400);
    const rollup = await buildRollup(c.get('ctx'), c.get('actor'), chosen.orgId, chosen.year);
    return c.html(<RollupPage {...base} chosen={chosen} rollup={rollup} />);
  });

  admin.get(`${REPORTS_PATH}/rollup/:file{export\\.[a-z]+}`, async (c) => {
    const { chosen } = await choose(c);
    const kind = c.req.param('file').slice('export.'.length);
    if (!chosen || !isReportExportKind(kind)) return c.html(notFoundPage(), 404);
    return download(c, await rollupFile(c.get('ctx'), c.get('actor'), chosen.orgId, chosen.year, kind));
  });
}
