/** @jsxImportSource hono/jsx */
// The staff entry form (录入申请) for applications received in person, by letter, fax or email, with
// the date art. 31 counts from for each channel; the same applicant and request fields as the portal.
import type { Actor } from '../../../domain/policies/actor.js';
import {
  APPLICANT_TYPES,
  CARRIERS,
  CHANNELS,
  DELIVERIES,
  ID_TYPES,
  LEGAL_PERSON_SUBTYPES,
} from '../../../domain/applications/application.js';
import { RECEIPT_DATE_FIELD, type ReceiptDates } from '../../../domain/applications/intake.js';
import { MAX_PROOF_BYTES } from '../../../domain/applications/proof.js';
import { AdminLayout } from '../../common/layout.js';
import { ErrorSummary, FileField, PostForm, boundFields, labelledOptions } from '../../common/forms.js';
import {
  APPLICANT_TYPE_LABELS,
  APPLICATION_FIELD_LABELS,
  CARRIER_LABELS,
  CHANNEL_LABELS,
  DELIVERY_LABELS,
  ID_TYPE_LABELS,
  SUBTYPE_LABELS,
} from '../../../domain/applications/labels.js';

/** Labels of the entry form, as the error summary names its fields. */
const LABELS: Readonly<Record<string, string>> = APPLICATION_FIELD_LABELS;

/** Channels staff enter (online applications come through the portal). */
export const STAFF_CHANNELS = CHANNELS.filter((c) => c !== 'online');

const DATE_FIELDS: readonly (keyof ReceiptDates)[] = ['submittedOn', 'signedForOn', 'confirmedOn'];

/** Which channels count from a date field, as a hint (read from art. 31's table in the domain). */
function dateHint(field: keyof ReceiptDates): string {
  const channels = STAFF_CHANNELS.filter((c) => RECEIPT_DATE_FIELD[c] === field).map((c) => CHANNEL_LABELS[c]);
  return channels.length > 0
    ? `${channels.join('、')}：以此日期为收到申请之日（第三十一条）`
    : '用于核对确认日期不早于提交日期';
}

type EntryProps = {
  actor: Actor;
  csrf: string;
  values: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
  /** Organizations where the actor is a handler. */
  orgs: { creditCode: string; name: string }[];
};

/** The staff entry form. */
export function NewApplicationPage(p: EntryProps) {
  const v = p.values;
  const e = p.errors ?? {};
  const { field: f, select } = boundFields(LABELS, v, e);
  return (
    <AdminLayout title="录入申请" actor={p.actor} csrf={p.csrf} path="/admin/applications">
      <ErrorSummary message={p.message} errors={e} labels={LABELS} />
      <PostForm action="/admin/applications/new" csrf={p.csrf} multipart>
        <input type="hidden" name="submissionKey" value={v.submissionKey ?? ''} />
        <fieldset>
          <legend>收到情况</legend>
          {select(
            'orgCreditCode',
            p.orgs.map((o): [string, string] => [o.creditCode, o.name]),
            { required: true },
          )}
          {select('channel', labelledOptions(STAFF_CHANNELS, CHANNEL_LABELS), { required: true })}
          <div id="f-dates" tabindex={-1}>
            {e.dates ? <p class="error">{e.dates}</p> : null}
            {DATE_FIELDS.map((d) => f(`dates.${d}`, { type: 'date', hint: dateHint(d) }))}
          </div>
        </fieldset>
        <fieldset>
          <legend>申请人信息</legend>
          {select('applicant.type', labelledOptions(APPLICANT_TYPES, APPLICANT_TYPE_LABELS), { required: true })}
          {f('applicant.name', { required: true })}
          {select('applicant.idType', labelledOptions(ID_TYPES, ID_TYPE_LABELS, '（自然人填写）'))}
          {select(
            'applicant.subtype',
            labelledOptions(LEGAL_PERSON_SUBTYPES, SUBTYPE_LABELS, '（法人或其他组织填写）'),
          )}
          {f('applicant.idNumber', { required: true, hint: '法人或其他组织填统一社会信用代码' })}
          {f('applicant.legalRepresentative', { hint: '法人或其他组织填写' })}
          {f('applicant.contactPerson', { hint: '法人或其他组织必填' })}
          {f('applicant.phone', { type: 'tel', inputmode: 'tel', hint: '联系电话、电子邮箱、通信地址至少填写一项' })}
          {f('applicant.email', { type: 'email', inputmode: 'email' })}
          {f('applicant.address')}
          {f('applicant.postcode', { inputmode: 'numeric' })}
        </fieldset>
        <fieldset>
          <legend>申请公开的政府信息</legend>
          {f('description', { required: true, multiline: true })}
          {f('title', { optional: true })}
          {f('docNo', { optional: true })}
          {f('indexNo', { optional: true })}
          {select('carrier', labelledOptions(CARRIERS, CARRIER_LABELS), { required: true })}
          {select('delivery', labelledOptions(DELIVERIES, DELIVERY_LABELS), { required: true })}
        </fieldset>
        <fieldset>
          <legend>身份证明</legend>
          <FileField
            name="proof"
            label={`${LABELS.proof}（选填）`}
            hint={`身份证件的照片或扫描件，JPG、PNG 或 PDF，不超过 ${MAX_PROOF_BYTES / 1024 / 1024} MB；未提供的，案件页将提示缺少身份证明。`}
            error={e.proof}
            accept=".jpg,.jpeg,.png,.pdf"
          />
        </fieldset>
        <button type="submit">录入</button>
      </PostForm>
    </AdminLayout>
  );
}
