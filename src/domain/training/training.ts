// Training records (培训): sessions with their kind, participants by organization (a head count, optionally the
// accounts) and materials; their validation and the year's totals that the annual report cites
// (国办公开办函〔2021〕30号: section 一 (五) 监督保障 reports training).
import type { LocalDate } from '../core/local-date.js';
import { requiredDate } from '../reviews/review-case.js';
import { err, ok, type Result } from '../core/result.js';

/** Stored kinds; never rename. */
export const TRAINING_KINDS = ['centralized', 'thematic', 'guidance'] as const;
/** One kind of session. */
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/** Chinese labels of the kinds. */
export const TRAINING_KIND_LABELS: Record<TrainingKind, string> = {
  centralized: '集中培训',
  thematic: '专题培训',
  guidance: '业务指导',
};

/** Labels of the session fields, for forms and error summaries. */
export const TRAINING_FIELD_LABELS = {
  orgId: '记录机构',
  heldOn: '培训日期',
  title: '培训名称',
  organizer: '组织单位',
  kind: '培训形式',
  notes: '备注',
  participants: '参训情况',
} as const;

/** Field → message. */
export type FieldErrors = Record<string, string>;

/** The session fields as typed. */
export type TrainingText = Partial<Record<'heldOn' | 'title' | 'organizer' | 'kind' | 'notes', string>>;

/** A session's validated fields. */
export type TrainingDetails = {
  heldOn: LocalDate;
  title: string;
  organizer: string;
  kind: TrainingKind;
  notes: string;
};

/** The participants from one organization: a head count and, optionally, the accounts that attended. */
export type TrainingParticipant = { orgId: string; headcount: number; userIds: string[] };

/** A file handed out at a session. */
export type TrainingMaterial = { sort: number; fileId: string; name: string; mime: string; size: number };

/** A stored session. */
export type TrainingSession = TrainingDetails & {
  id: string;
  orgId: string;
  participants: TrainingParticipant[];
  materials: TrainingMaterial[];
  actorId: string | null;
  actorLabel: string;
  createdAt: string;
  updatedAt: string;
};

/** Longest title, organizer and notes (characters). */
export const MAX_TITLE = 200;
export const MAX_NOTES = 2000;
/** Largest head count of one organization at one session. */
export const MAX_HEADCOUNT = 100000;

const isOneOf = <T extends string>(values: readonly T[], v: string): v is T =>
  (values as readonly string[]).includes(v);

/** A required text of at most `max` characters; the message goes in `errors[field]`. */
export function requiredText(text: string, max: number, missing: string, field: string, errors: FieldErrors): string {
  if (text === '') errors[field] = missing;
  else if ([...text].length > max) errors[field] = `不超过${max}个字`;
  return text;
}

/**
 * Validates a session's fields, every error at once. A session is recorded after it is held: its date may not be
 * after `today`.
 */
export function parseTraining(raw: TrainingText, today: LocalDate): Result<TrainingDetails, FieldErrors> {
  const t = (k: keyof TrainingText): string => (raw[k] ?? '').trim();
  const errors: FieldErrors = {};
  const kind = t('kind');
  if (!isOneOf(TRAINING_KINDS, kind)) errors.kind = '请选择培训形式（集中培训、专题培训或业务指导）';
  const heldOn = requiredDate(t('heldOn'), '请填写培训日期', 'heldOn', errors);
  if (heldOn !== null && heldOn > today) errors.heldOn = '培训日期不能晚于今天：培训结束后登记';
  const title = requiredText(t('title'), MAX_TITLE, '请填写培训名称', 'title', errors);
  const organizer = requiredText(t('organizer'), MAX_TITLE, '请填写组织单位', 'organizer', errors);
  const notes = t('notes');
  if ([...notes].length > MAX_NOTES) errors.notes = `备注不超过${MAX_NOTES}个字`;
  if (Object.keys(errors).length > 0 || heldOn === null || !isOneOf(TRAINING_KINDS, kind)) return err(errors);
  return ok({ heldOn, title, organizer, kind, notes });
}

/** One typed row of the participants table: the organization and its head count as typed. */
export type ParticipantText = { orgId: string; headcount: string; userIds?: readonly string[] };

/**
 * Validates the participants: each organization once, a whole head count of at least 1 (rows with an empty count
 * and no accounts are skipped), at least as many as the accounts named. Errors are keyed `participants`.
 * @param knownOrg whether an organization id may take part (exists, not retired)
 */
export function parseParticipants(
  rows: readonly ParticipantText[],
  knownOrg: (orgId: string) => boolean,
): Result<TrainingParticipant[], FieldErrors> {
  const out: TrainingParticipant[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const count = row.headcount.trim();
    const userIds = [...new Set(row.userIds ?? [])];
    if (count === '' && userIds.length === 0) continue;
    if (!knownOrg(row.orgId)) problems.push('参训单位无效');
    else if (out.some((p) => p.orgId === row.orgId)) problems.push('同一单位只填一行');
    else if (!/^\d+$/.test(count) || Number(count) < 1 || Number(count) > MAX_HEADCOUNT) {
      problems.push(`参训人数应为1至${MAX_HEADCOUNT}之间的整数`);
    } else if (Number(count) < userIds.length) problems.push('参训人数不能少于所选参训账号数');
    else out.push({ orgId: row.orgId, headcount: Number(count), userIds });
  }
  if (problems.length > 0) return err({ participants: [...new Set(problems)].join('；') });
  if (out.length === 0) return err({ participants: '请至少填写一个参训单位及其人数' });
  return ok(out);
}

/** A year's training as the annual report cites it: sessions, person-times, sessions by kind. */
export type TrainingTotals = { sessions: number; participants: number; byKind: Record<TrainingKind, number> };

/** Totals of sessions (each counted once; participants summed as 人次). */
export function trainingTotals(sessions: readonly Pick<TrainingSession, 'kind' | 'participants'>[]): TrainingTotals {
  const byKind = Object.fromEntries(TRAINING_KINDS.map((k) => [k, 0])) as Record<TrainingKind, number>;
  let participants = 0;
  for (const s of sessions) {
    byKind[s.kind] += 1;
    participants += s.participants.reduce((sum, p) => sum + p.headcount, 0);
  }
  return { sessions: sessions.length, participants, byKind };
}

/** A session's head count over all organizations. */
export const headcountOf = (s: Pick<TrainingSession, 'participants'>): number =>
  s.participants.reduce((sum, p) => sum + p.headcount, 0);
