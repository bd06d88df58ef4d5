// What the assessor adds to a computed table: the values of entered indicators with their evidence, manual
// adjustments (never without a reason, shown as such), and the publication that freezes the result.
import type { Actor } from '../../domain/policies/actor.js';
import type { Adjustment, ResultTable, SchemeRecord } from './ports.js';
import { authorizedScheme, refuseFrozen, toRecord, writeAudited, type SchemeContext } from './schemes.js';
import { computeTable, scopeUnits } from './compute.js';
import { actorLabel } from '../actors.js';
import { conflict, invalid } from '../errors.js';

/** Adjustments are bounded: no single one moves a unit by more than the scheme's full marks. */
const MAX_POINTS = 1000;

async function checkUnit(ctx: SchemeContext, scopeOrgId: string, orgId: string): Promise<void> {
  const { units } = await scopeUnits(ctx.repos, scopeOrgId);
  if (!units.some((u) => u.id === orgId)) throw invalid('该单位不在考核范围内', { orgId: '请选择考核范围内的单位' });
}

/**
 * Records the value of an entered indicator for a unit, with its evidence (required).
 * @throws AppError 'invalid', 'conflict' (published), 'not_found', 'forbidden'
 */
export async function enterValue(
  ctx: SchemeContext,
  actor: Actor | null,
  schemeId: string,
  req: { orgId: string; indicatorId: string; value: number; evidence: string },
): Promise<void> {
  const scheme = await authorizedScheme(ctx, actor, schemeId);
  refuseFrozen(scheme);
  const ind = scheme.def.indicators.find((i) => i.id === req.indicatorId);
  if (!ind || ind.mode !== 'entered') {
    throw invalid('该指标不是人工录入的指标', { indicatorId: '请选择人工录入的指标' });
  }
  await checkUnit(ctx, scheme.scopeOrgId, req.orgId);
  const errors: Record<string, string> = {};
  const bad = !Number.isFinite(req.value) || req.value < 0 || (ind.valueKind === 'share' && req.value > 1);
  if (bad) errors.value = ind.valueKind === 'share' ? '比例应为0至1之间的数' : '件数应为不小于0的数';
  const evidence = req.evidence.trim();
  if (!evidence) errors.evidence = '请填写录入依据（证明材料）';
  if (Object.keys(errors).length > 0) throw invalid('录入有误，请按提示更正', errors);
  const now = ctx.clock.nowIso();
  const entry = {
    schemeId,
    orgId: req.orgId,
    indicatorId: ind.id,
    value: req.value,
    evidence,
    actorId: actor?.userId ?? null,
    actorLabel: actorLabel(actor),
    updatedAt: now,
  };
  const after = { indicator: ind.name, value: req.value, evidence };
  await writeAudited(
    ctx,
    actor,
    (r) => r.assessments.saveEntry(entry),
    { action: 'assessment.value_entered', schemeId, orgId: req.orgId, before: null, after },
    now,
  );
}

/**
 * Adds a manual adjustment of a unit's score (an indicator's, or the total); a blank reason is refused.
 * @throws AppError 'invalid', 'conflict' (published), 'not_found', 'forbidden'
 */
export async function adjust(
  ctx: SchemeContext,
  actor: Actor | null,
  schemeId: string,
  req: { orgId: string; indicatorId: string | null; points: number; reason: string },
): Promise<Adjustment> {
  const scheme = await authorizedScheme(ctx, actor, schemeId);
  refuseFrozen(scheme);
  const errors: Record<string, string> = {};
  const reason = (req.reason ?? '').trim();
  if (!reason) errors.reason = '调整分数必须填写理由';
  else if (reason.length > 500) errors.reason = '理由不超过500个字';
  if (!Number.isFinite(req.points) || req.points === 0 || Math.abs(req.points) > MAX_POINTS) {
    errors.points = '请填写非零的调整分值（加分为正，扣分为负）';
  }
  const ind = req.indicatorId === null ? null : scheme.def.indicators.find((i) => i.id === req.indicatorId);
  if (ind === undefined) errors.indicatorId = '该指标不在方案中';
  if (Object.keys(errors).length > 0) throw invalid('调整有误，请按提示更正', errors);
  await checkUnit(ctx, scheme.scopeOrgId, req.orgId);
  const now = ctx.clock.nowIso();
  const adjustment: Adjustment = {
    id: ctx.crypto.newId(),
    schemeId,
    orgId: req.orgId,
    indicatorId: req.indicatorId,
    points: Math.round(req.points * 100) / 100,
    reason,
    actorLabel: actorLabel(actor),
    createdAt: now,
  };
  await writeAudited(
    ctx,
    actor,
    (r) => r.assessments.addAdjustment({ ...adjustment, actorId: actor?.userId ?? null }),
    {
      action: 'assessment.adjusted',
      schemeId: schemeId,
      orgId: req.orgId,
      before: null,
      after: { indicator: ind?.name ?? '总分', points: adjustment.points, reason },
    },
    now,
  );
  return adjustment;
}

/**
 * The table of a scheme: computed now for a draft, the frozen snapshot for a published scheme.
 * @throws AppError 'not_found', 'forbidden'
 */
export async function schemeTable(ctx: SchemeContext, actor: Actor | null, schemeId: string): Promise<ResultTable> {
  const scheme = await authorizedScheme(ctx, actor, schemeId);
  if (scheme.state === 'published') {
    const frozen = await ctx.repos.assessments.snapshot(schemeId);
    if (frozen) return { ...frozen, frozen: true };
  }
  const [entries, adjustments] = await Promise.all([
    ctx.repos.assessments.entries(schemeId),
    ctx.repos.assessments.adjustments(schemeId),
  ]);
  return computeTable(ctx, { scheme, entries, adjustments });
}

/**
 * Freezes the scheme with its table computed now as the snapshot; afterwards nothing in it changes.
 * @throws AppError 'conflict' (already published), 'not_found', 'forbidden'
 */
export async function publish(ctx: SchemeContext, actor: Actor | null, schemeId: string): Promise<SchemeRecord> {
  const scheme = await authorizedScheme(ctx, actor, schemeId);
  if (scheme.state === 'published') throw conflict('该考核结果已发布');
  const table = await schemeTable(ctx, actor, schemeId);
  const now = ctx.clock.nowIso();
  await writeAudited(
    ctx,
    actor,
    (r) => r.assessments.publishScheme(schemeId, { ...table, frozen: true }, now),
    {
      action: 'assessment.published',
      schemeId: schemeId,
      orgId: scheme.scopeOrgId,
      before: { state: 'draft' },
      after: { state: 'published', units: table.rows.length },
    },
    now,
  );
  return toRecord({ ...scheme, state: 'published', publishedAt: now, updatedAt: now });
}

/**
 * Links the publication draft made from the published result.
 * @throws AppError 'conflict' (not yet published), 'not_found', 'forbidden'
 */
export async function linkPublication(
  ctx: SchemeContext,
  actor: Actor | null,
  schemeId: string,
  publicationId: string,
): Promise<void> {
  const scheme = await authorizedScheme(ctx, actor, schemeId);
  if (scheme.state !== 'published') throw conflict('考核结果发布后才能生成公开信息');
  const now = ctx.clock.nowIso();
  await writeAudited(
    ctx,
    actor,
    (r) => r.assessments.setPublication(schemeId, publicationId, now),
    {
      action: 'assessment.publication_linked',
      schemeId: schemeId,
      orgId: scheme.scopeOrgId,
      before: { publicationId: scheme.publicationId },
      after: { publicationId },
    },
    now,
  );
}
