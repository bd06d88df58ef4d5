// Publishing an assessment's result (考核结果): the scheme is frozen with its computed table (the use case's publish),
// and the frozen table becomes a publication draft of the scope's organization, an ordinary one that is edited,
// submitted and reviewed through the review chain before it reaches the portal (as the monitoring 通报 does). The
// assessment system and its results are part of a government's disclosure work (《条例》第四十八条) and of its annual
// report (第五十条第四项).
import type { Actor } from '../../domain/policies/actor.js';
import { formatChineseDate, type LocalDate } from '../../domain/core/local-date.js';
import { escapeHtml } from '../../domain/core/text.js';
import type { AppContext } from '../context.js';
import { createDraft } from '../publications/drafts.js';
import { circularCategory } from '../monitoring/circular.js';
import { conflict, forbidden, notFound } from '../errors.js';
import { canEditPublications } from '../../domain/policies/publication-policy.js';
import { ancestry } from '../../domain/orgs/organization.js';
import type { AssessmentUseCases, ResultTable } from './ports.js';
import { resultTitle } from './export.js';
import { adjustmentText, gradeCounts, scoreText } from './export-text.js';

/** What publishing a result uses: drafting a publication. */
export type PublishResultContext = Pick<AppContext, 'repos' | 'uow' | 'clock' | 'crypto' | 'sanitizer'>;

/** The result table as the body of a publication (paragraphs and one table; no applicant data is in it). */
export function resultHtml(m: { scopeName: string; table: ResultTable; issuedOn: LocalDate }): string {
  const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
  const { table } = m;
  const inds = table.def.indicators;
  const counts = gradeCounts(table)
    .map((g) => `${g.grade}${g.count}个`)
    .join('，');
  const head =
    '<thead><tr><th>名次</th><th>单位</th>' +
    inds.map((i) => `<th>${escapeHtml(`${i.name}（${scoreText(i.max)}分）`)}</th>`).join('') +
    '<th>总分</th><th>等级</th></tr></thead>';
  const body = table.rows
    .map(
      (r) =>
        `<tr><td>${r.rank}</td><td>${escapeHtml(r.org)}</td>` +
        inds.map((i) => `<td>${scoreText(r.items[i.id]?.score ?? 0)}</td>`).join('') +
        `<td>${scoreText(r.total)}</td><td>${escapeHtml(r.grade)}</td></tr>`,
    )
    .join('');
  const adjusted = table.rows.flatMap((r) =>
    r.adjustments.map((a) => {
      const what = inds.find((i) => i.id === a.indicatorId)?.name ?? '总分';
      return p(`${r.org}：${what}${adjustmentText(a)}。`);
    }),
  );
  const rules = inds.map((i) => p(`${i.name}：${i.formula}。`.replace(/。。$/, '。')));
  const noData = table.def.noData === 'full' ? '不扣分' : '计零分';
  return [
    p(
      `根据《中华人民共和国政府信息公开条例》第四十八条的规定，${m.scopeName}对本地区${table.year}年度政务公开工作` +
        `进行了考核，考核方案为“${table.scheme.name}”。现将考核结果公布如下。`,
    ),
    p(`一、总体情况：共考核${table.rows.length}个单位，其中${counts}。`),
    p('二、考核得分'),
    `<table>${head}<tbody>${body}</tbody></table>`,
    ...(adjusted.length > 0 ? [p('三、人工调整（均注明理由）'), ...adjusted] : []),
    p(`${adjusted.length > 0 ? '四' : '三'}、计分规则（某项指标无数据的，${noData}）`),
    ...rules,
    p(m.scopeName),
    p(formatChineseDate(m.issuedOn)),
  ].join('\n');
}

/**
 * Publishes the result of a scheme: freezes it (when still a draft) and drafts the publication of the frozen table
 * in the scope organization's catalogue (监督检查 or the nearest category), then links the draft to the scheme.
 * A scheme frozen earlier whose draft failed is drafted again; one already linked is refused.
 * @returns the draft's id and 索引号 (the editor opens it; the review chain publishes it)
 * @throws AppError 'forbidden' (not an assessor of the scope, or not an editor of its organization), 'conflict'
 */
export async function publishResult(
  ctx: PublishResultContext,
  uc: AssessmentUseCases,
  actor: Actor,
  schemeId: string,
): Promise<{ id: string; indexNo: string }> {
  let scheme = await uc.getScheme(actor, schemeId);
  if (scheme.publicationId) throw conflict('该方案的考核结果已生成发布稿，请在主动公开中办理');
  const orgs = await ctx.repos.orgs.list();
  const scope = orgs.find((o) => o.id === scheme.scopeOrgId);
  if (!scope) throw notFound('考核范围的机构');
  // Checked before the scheme is frozen: the draft is the scope organization's, written by its editors.
  if (!canEditPublications(actor, ancestry(orgs, scope.id))) {
    throw forbidden('发布考核结果需要考核范围所在机关的“信息编辑”角色（结果以主动公开信息草稿发布）');
  }
  if (scheme.state === 'draft') scheme = await uc.publish(actor, schemeId);
  const table = await uc.compute(actor, schemeId);
  const today = ctx.clock.today();
  const draft = await createDraft(ctx, actor, {
    org: scope.id,
    title: resultTitle(scope.name, table),
    kind: 'other_document',
    category: await circularCategory(ctx, scope.id),
    writtenOn: today,
    publisher: scope.name,
    summary: `${scope.name}${table.year}年度政务公开工作考核结果：考核${table.rows.length}个单位。`,
    keywords: '政务公开,考核,考核结果',
    disclosure: 'proactive',
    body: resultHtml({ scopeName: scope.name, table, issuedOn: today }),
  });
  await uc.linkPublication(actor, scheme.id, draft.id);
  return draft;
}
