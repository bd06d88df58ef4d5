// 社会评议 and 责任追究 records: what a government reports as 考核、社会评议和责任追究结果
// (《中华人民共和国政府信息公开条例》第五十条第四项), each dated, naming the unit, the matter and the result.
import type { LocalDate } from '../core/local-date.js';
import { err, ok, type Result } from '../core/result.js';
import { requiredDate } from '../reviews/review-case.js';
import { requiredText, type FieldErrors } from '../training/training.js';

/** Stored kinds; never rename. */
export const OVERSIGHT_KINDS = ['social_review', 'accountability'] as const;
/** One kind of record. */
export type OversightKind = (typeof OVERSIGHT_KINDS)[number];

/** Chinese labels of the kinds. */
export const OVERSIGHT_KIND_LABELS: Record<OversightKind, string> = {
  social_review: '社会评议',
  accountability: '责任追究',
};

/** Labels of the record fields, for forms and error summaries. */
export const OVERSIGHT_FIELD_LABELS = {
  orgId: '记录机构',
  kind: '类别',
  occurredOn: '日期',
  unit: '涉及单位',
  subject: '事项',
  result: '结果',
} as const;

/** The fields as typed. */
export type OversightText = Partial<Record<'kind' | 'occurredOn' | 'unit' | 'subject' | 'result', string>>;

/** A record's validated fields. */
export type OversightDetails = {
  kind: OversightKind;
  occurredOn: LocalDate;
  unit: string;
  subject: string;
  result: string;
};

/** A stored record. */
export type OversightRecord = OversightDetails & {
  id: string;
  orgId: string;
  actorId: string | null;
  actorLabel: string;
  createdAt: string;
  updatedAt: string;
};

/** Longest unit name, and longest matter or result (characters). */
export const MAX_UNIT = 200;
export const MAX_TEXT = 2000;

/** Validates a record, every error at once; its date may not be after `today` (records are kept after the fact). */
export function parseOversight(raw: OversightText, today: LocalDate): Result<OversightDetails, FieldErrors> {
  const t = (k: keyof OversightText): string => (raw[k] ?? '').trim();
  const errors: FieldErrors = {};
  const kind = t('kind');
  const isKind = (OVERSIGHT_KINDS as readonly string[]).includes(kind);
  if (!isKind) errors.kind = '请选择类别（社会评议或责任追究）';
  const occurredOn = requiredDate(t('occurredOn'), '请填写日期', 'occurredOn', errors);
  if (occurredOn !== null && occurredOn > today) errors.occurredOn = '日期不能晚于今天';
  const unit = requiredText(t('unit'), MAX_UNIT, '请填写涉及单位', 'unit', errors);
  const subject = requiredText(t('subject'), MAX_TEXT, '请填写事项', 'subject', errors);
  const result = requiredText(t('result'), MAX_TEXT, '请填写结果', 'result', errors);
  if (Object.keys(errors).length > 0 || occurredOn === null || !isKind) return err(errors);
  return ok({ kind: kind as OversightKind, occurredOn, unit, subject, result });
}
