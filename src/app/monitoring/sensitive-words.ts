// The office's 错敏词 list (wrong official names and words official texts must not use, each with its suggestion):
// the checks' default list until an office edits it, then the edited list, kept as a setting. Serious wording errors
// are a single-veto item of 国办秘函〔2019〕19号 once a person confirms them (NEEDS_CONFIRMATION).
import {
  DEFAULT_SENSITIVE_WORDS,
  formatSensitiveWordList,
  parseSensitiveWordList,
  type SensitiveWord,
} from '../../domain/monitoring/sensitive-words.js';
import type { Actor } from '../../domain/policies/actor.js';
import { auditBy } from '../actors.js';
import { forbidden, invalid } from '../errors.js';
import { accessOf } from './access.js';
import type { MonitoringContext, MonitoringReadContext } from './ports.js';

/** The setting holding the edited list. */
export const SENSITIVE_WORDS_KEY = 'monitoring.sensitiveWords';

const isWord = (v: unknown): v is SensitiveWord =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as SensitiveWord).word === 'string' &&
  typeof (v as SensitiveWord).suggestion === 'string';

/** The list the checks use: the edited one, else the default. */
export async function sensitiveWordsOf(ctx: Pick<MonitoringReadContext, 'repos'>): Promise<SensitiveWord[]> {
  const stored = await ctx.repos.settings.get(SENSITIVE_WORDS_KEY);
  return Array.isArray(stored) && stored.every(isWord) ? stored : [...DEFAULT_SENSITIVE_WORDS];
}

/**
 * What the 错敏词 page shows: the list as text, whether it was edited, whether the actor may save it.
 * @throws AppError 'forbidden' for an actor who may not see monitoring anywhere
 */
export async function sensitiveWordsPage(
  ctx: MonitoringReadContext,
  actor: Actor | null,
): Promise<{ text: string; edited: boolean; count: number; canEdit: boolean }> {
  const access = await accessOf(ctx.repos, actor);
  if (access.reach('monitoring.read').length === 0) throw forbidden('无权查看错敏词表');
  const words = await sensitiveWordsOf(ctx);
  const edited = (await ctx.repos.settings.get(SENSITIVE_WORDS_KEY)) !== undefined;
  const roots = access.orgs.filter((o) => o.parentId === null).map((o) => o.id);
  const canEdit = roots.some((id) => access.may('monitoring.manage', id));
  return { text: formatSensitiveWordList(words), edited, count: words.length, canEdit };
}

/**
 * Saves an edited list (`错误写法|建议写法|说明` a line). Supervisors and admins of a root organization: the list
 * serves every site the office checks.
 * @throws AppError 'forbidden', or 'invalid' naming every line that cannot be read (field `words`)
 */
export async function saveSensitiveWords(ctx: MonitoringContext, actor: Actor | null, text: string): Promise<number> {
  if (!(await sensitiveWordsPage(ctx, actor)).canEdit) throw forbidden('无权修改错敏词表');
  const parsed = parseSensitiveWordList(text);
  if (!parsed.ok) {
    const message = parsed.errors.map((e) => e.message).join('；');
    throw invalid('错敏词表有误', { words: message });
  }
  const now = ctx.clock.nowIso();
  const before = await sensitiveWordsOf(ctx);
  await ctx.uow.run(async (r) => {
    await r.settings.set(SENSITIVE_WORDS_KEY, parsed.words, now);
    await r.audit.append(
      auditBy(actor, {
        action: 'monitoring.words_saved',
        entityType: 'site_setting',
        entityId: SENSITIVE_WORDS_KEY,
        orgId: null,
        before: { count: before.length },
        after: { count: parsed.words.length },
      }),
      now,
    );
  });
  return parsed.words.length;
}
