// Parameter schemas of the moves, as data (the back office renders its forms from them, `decide`
// validates against them), and the parser that turns raw form/JSON values into typed params.

import { DomainError } from '../core/domain-error.js';
import { parseLocalDate } from '../core/local-date.js';
import { err, ok, type Result } from '../core/result.js';
import { OUTCOMES, type Action } from './application.js';
import { LAPSE_OUTCOMES } from './outcomes.js';
import type { DisclosureRules } from './rules.js';
import { RETENTION_PERIODS } from './reply-approval.js';

/** Error code for a move's parameters that are missing or malformed. */
export const INVALID_PARAMS = 'invalid_params';

/** Value types a parameter can have. */
export type ParamType = 'date' | 'text' | 'int' | 'boolean' | 'enum';

/** One parameter of a move. */
export type ParamSpec = {
  readonly name: string;
  readonly type: ParamType;
  readonly required: boolean;
  /** Chinese field label. */
  readonly label: string;
  readonly values?: readonly string[];
  readonly min?: number;
  readonly max?: number;
};

/** Consultation kinds: 第三方 (art. 32) or 共同制作机关 (art. 34). */
export const CONSULTATION_KINDS = ['third_party', 'agency'] as const;
/** How a reply is served: 邮寄, 电子邮件, 当面, 网上. */
export const SERVICE_METHODS = ['post', 'email', 'in_person', 'online'] as const;
/** Outcomes a handler may choose when drafting (lapses come only from the clock). */
export const DRAFTABLE_OUTCOMES: readonly string[] = OUTCOMES.filter((o) => !LAPSE_OUTCOMES.includes(o));

/**
 * For moves that happen on a legal date other than the day they are recorded: the parameter that
 * carries it (default today). It becomes the event's `on`, from which the ledger counts.
 */
export const DATE_PARAMS: Readonly<Partial<Record<Action, string>>> = {
  request_correction: 'servedOn',
  receive_correction: 'receivedOn',
  start_consultation: 'startedOn',
  request_reasons: 'servedOn',
  record_reasons: 'receivedOn',
  end_consultation: 'endedOn',
  issue_fee_notice: 'servedOn',
  record_payment: 'paidOn',
  send_reply: 'sentOn',
  withdraw: 'withdrawnOn',
};

const p = (
  name: string,
  type: ParamType,
  required: boolean,
  label: string,
  extra: Partial<ParamSpec> = {},
): ParamSpec => ({
  name,
  type,
  required,
  label,
  ...extra,
});
const NOTE = p('note', 'text', false, '备注', { max: 2000 });
const COMMENTS = (required: boolean): ParamSpec => p('comments', 'text', required, '审查意见', { max: 5000 });

/**
 * The parameters of a move. Every move takes an optional note. Dates default to today where
 * optional; the date a period runs from is the one recorded here (e.g. the service of a notice).
 * @param action the move
 * @param rules the case's rules (the extension maximum depends on them)
 * @returns the schema, in form order
 */
export function paramSpecs(action: Action, rules: DisclosureRules): readonly ParamSpec[] {
  return [...ownParams(action, rules), NOTE];
}

function ownParams(action: Action, rules: DisclosureRules): ParamSpec[] {
  switch (action) {
    case 'assign':
      return [p('handlerId', 'text', true, '承办人')];
    case 'transfer':
      return [p('orgId', 'text', true, '转交机关'), p('reason', 'text', false, '转办理由', { max: 2000 })];
    case 'request_correction':
      return [
        p('dueOn', 'date', true, '补正期限'),
        p('servedOn', 'date', false, '告知书送达日期'),
        p('items', 'text', false, '需补正的事项', { max: 5000 }),
      ];
    case 'receive_correction':
      // The corrected request as the applicant worded it, recorded for the later notices.
      return [
        p('receivedOn', 'date', false, '收到补正申请的日期'),
        p('correctedRequest', 'text', false, '补正后的申请内容', { max: 5000 }),
        // Art. 30 ends only a failure "无正当理由": a late correction with a good reason is accepted, the reason kept.
        p('lateReason', 'text', false, '逾期补正的正当理由（晚于补正期限的必填）', { max: 2000 }),
      ];
    case 'start_consultation':
      return [
        p('kind', 'enum', true, '征求意见对象类型', { values: CONSULTATION_KINDS }),
        p('party', 'text', true, '征求意见对象', { max: 200 }),
        p('startedOn', 'date', false, '征求意见书送达日期'),
      ];
    case 'end_consultation':
      return [
        p('endedOn', 'date', false, '收到意见（或期限届满）的日期'),
        p('opinion', 'text', false, '意见摘要', { max: 5000 }),
        // Art. 32: a third party's objection; disclosing over it owes the party a written notice.
        p('objection', 'boolean', false, '第三方不同意公开'),
      ];
    case 'request_extension':
    case 'extend':
      // The reason is printed in the 延期答复告知书 (art. 33 ¶2: "并告知申请人").
      return [
        p('workingDays', 'int', true, '延长工作日数', { min: 1, max: rules.maxExtensionWorkingDays }),
        p('reason', 'text', true, '延期理由', { max: 2000 }),
      ];
    case 'request_reasons':
      // Art. 35: "行政机关可以要求申请人说明理由" — printed in the 说明理由告知书.
      return [
        p('dueOn', 'date', true, '说明理由的期限'),
        p('servedOn', 'date', false, '告知书送达日期'),
        p('items', 'text', false, '需说明的事项', { max: 2000 }),
      ];
    case 'record_reasons':
      return [
        p('receivedOn', 'date', false, '收到说明的日期'),
        p('reasons', 'text', true, '申请人说明的理由', { max: 5000 }),
      ];
    case 'set_delayed_period':
      // Art. 35, second branch: "确定延迟答复的合理期限并告知申请人" — printed in the 延迟答复告知书.
      return [p('dueOn', 'date', true, '延迟答复的期限'), p('reason', 'text', true, '确定该期限的理由', { max: 2000 })];
    case 'issue_fee_notice':
      return [
        p('pieces', 'int', false, '按件计收：本申请件数', { min: 1, max: 100_000 }),
        p('priorPiecesThisMonth', 'int', false, '按件计收：本月此前已计件数', { min: 0, max: 100_000 }),
        p('pages', 'int', false, '按量计收：页数', { min: 1, max: 100_000 }),
        p('servedOn', 'date', false, '收费通知送达日期'),
      ];
    case 'record_payment':
      return [p('paidOn', 'date', false, '缴费日期')];
    case 'draft_reply':
      // The texts the reply notice (告知书) prints; reasons are required there for partial disclosure,
      // prohibited_by_law and other.other (domain/notices/reply-outcomes.ts).
      return [
        p('outcome', 'enum', true, '办理结果', { values: DRAFTABLE_OUTCOMES }),
        p('reasons', 'text', false, '理由（写入答复告知书）', { max: 5000 }),
        p('provision', 'text', false, '提供方式或获取途径', { max: 2000 }),
        p('legalBasis', 'text', false, '法律依据（不填则按办理结果自动引用）', { max: 500 }),
        p('referralAgency', 'text', false, '负责公开的机关及联系方式（非本机关负责的）', { max: 500 }),
        // Art. 36 item 6 (重复申请): the earlier case in gongkai, or the earlier reply's 文号 and date.
        p('previousCaseId', 'text', false, '此前的申请（重复申请的，填写其查询码或编号）', { max: 100 }),
        p('previousReply', 'text', false, '此前答复的文号和日期（重复申请的）', { max: 200 }),
        // Art. 32, last sentence: printed in the 决定公开告知书 to a third party that objected.
        p('disclosureReasons', 'text', false, '决定公开的理由（第三方不同意公开的，书面告知第三方）', { max: 2000 }),
      ];
    case 'pass_legal_review':
      return [p('confidentialityReviewed', 'boolean', true, '已完成保密审查'), COMMENTS(false)];
    case 'return_from_legal_review':
      return [p('confidentialityReviewed', 'boolean', false, '已完成保密审查'), COMMENTS(true)];
    case 'approve_reply':
      return [p('comments', 'text', false, '审批意见', { max: 5000 })];
    case 'return_from_approval':
      // Shown in the case history to everyone on the case, the handler first (who drafts again).
      return [p('reason', 'text', true, '退回理由', { max: 5000 })];
    case 'archive':
      // The 档号 is assigned by the use case (a setting's pattern and a counter); the retention period defaults to
      // the setting (docs/decisions/0012-reply-approval.md). Filing is asked to be confirmed: it closes the file.
      return [
        p('retention', 'enum', false, '保管期限', { values: RETENTION_PERIODS }),
        p('confirm', 'boolean', true, '确认归档（归档后案卷不再变动）'),
      ];
    case 'send_reply':
      return [
        p('sentOn', 'date', false, '送达日期'),
        p('method', 'enum', true, '送达方式', { values: SERVICE_METHODS }),
        p('trackingNo', 'text', false, '邮寄单号', { max: 100 }),
      ];
    case 'withdraw':
      return [p('withdrawnOn', 'date', false, '撤回日期'), p('reason', 'text', false, '撤回理由', { max: 2000 })];
    case 'lapse_correction':
    case 'lapse_fee':
      // The handler's confirmation of the clock's proposal (art. 30: only a failure without good reason).
      return [p('confirmed', 'boolean', true, '已核实申请人无正当理由逾期')];
    case 'register':
    case 'propose_lapse':
      return [];
  }
}

/**
 * Validates raw values (JSON or form strings) against a move's schema. Unknown keys are dropped;
 * empty strings count as absent. Also checks what one field alone cannot: a fee is charged per
 * piece or per page, never both (measures art. 3).
 * @param action the move
 * @param raw the submitted parameters
 * @param rules the case's rules
 * @returns typed params (dates as LocalDate strings, ints as numbers, booleans) or `invalid_params`
 */
export function parseParams(
  action: Action,
  raw: Readonly<Record<string, unknown>>,
  rules: DisclosureRules,
): Result<Record<string, unknown>, DomainError> {
  const out: Record<string, unknown> = {};
  const values = action === 'draft_reply' ? withPreviousReplyText(raw) : ok(raw);
  if (!values.ok) {
    return values;
  }
  for (const spec of paramSpecs(action, rules)) {
    const value = values.value[spec.name];
    if (value === undefined || value === null || value === '') {
      if (spec.required) {
        return invalid(`请填写“${spec.label}”`);
      }
      continue;
    }
    const parsed = parseValue(spec, value);
    if (!parsed.ok) {
      return parsed;
    }
    out[spec.name] = parsed.value;
  }
  if (action === 'issue_fee_notice' && (out.pieces === undefined) === (out.pages === undefined)) {
    return invalid('信息处理费按件或按量计收，只能选择其一（《政府信息公开信息处理费管理办法》）');
  }
  if (action === 'issue_fee_notice' && out.pages !== undefined && out.priorPiecesThisMonth !== undefined) {
    return invalid('按量计收时不填写本月已计件数');
  }
  return ok(out);
}

/**
 * The API may give `previousReply` as `{docNo, date}` (文号 and date of a reply made before gongkai); it is stored as
 * the text the reply notice prints: 「docNo（date）」.
 */
function withPreviousReplyText(
  raw: Readonly<Record<string, unknown>>,
): Result<Readonly<Record<string, unknown>>, DomainError> {
  const v = raw.previousReply;
  if (v === null || typeof v !== 'object') {
    return ok(raw);
  }
  const { docNo, date } = v as Record<string, unknown>;
  const day = typeof date === 'string' ? parseLocalDate(date.trim()) : undefined;
  if (typeof docNo !== 'string' || docNo.trim() === '' || day?.ok !== true) {
    return invalid('“此前答复”应写明文号（docNo）和日期（date，YYYY-MM-DD）');
  }
  return ok({ ...raw, previousReply: `${docNo.trim()}（${day.value}）` });
}

function parseValue(spec: ParamSpec, value: unknown): Result<unknown, DomainError> {
  switch (spec.type) {
    case 'date': {
      const d = typeof value === 'string' ? parseLocalDate(value.trim()) : undefined;
      return d?.ok === true ? ok(d.value) : invalid(`“${spec.label}”应为 YYYY-MM-DD 格式的日期`);
    }
    case 'int':
      return parseInteger(spec, value);
    case 'boolean':
      return parseBoolean(spec, value);
    case 'enum':
      return typeof value === 'string' && (spec.values ?? []).includes(value)
        ? ok(value)
        : invalid(`“${spec.label}”的取值无效：${String(value)}`);
    case 'text': {
      const text = typeof value === 'string' ? value.trim() : '';
      if (text === '' && spec.required) {
        return invalid(`请填写“${spec.label}”`);
      }
      return [...text].length > (spec.max ?? 1000)
        ? invalid(`“${spec.label}”不能超过${spec.max ?? 1000}个字`)
        : ok(text);
    }
  }
}

function parseInteger(spec: ParamSpec, value: unknown): Result<unknown, DomainError> {
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < (spec.min ?? 0) || n > (spec.max ?? Number.MAX_SAFE_INTEGER)) {
    return invalid(`“${spec.label}”应为 ${spec.min ?? 0} 到 ${spec.max ?? '∞'} 之间的整数`);
  }
  return ok(n);
}

function parseBoolean(spec: ParamSpec, value: unknown): Result<unknown, DomainError> {
  if (value === true || value === 'true' || value === 'on' || value === '1') {
    return ok(true);
  }
  if (value === false || value === 'false' || value === '0') {
    return ok(false);
  }
  return invalid(`“${spec.label}”应为是或否`);
}

function invalid(message: string): { readonly ok: false; readonly error: DomainError } {
  return err(new DomainError(INVALID_PARAMS, message));
}
