/** @jsxImportSource hono/jsx */
// Views of the online application (申请公开政府信息, Regulation art. 29): the form, which works without
// JavaScript and re-renders what was typed with Chinese errors, and the receipt with the 查询码.
import type { Child } from 'hono/jsx';
import type { Organization } from '../../../domain/orgs/organization.js';
import type { PortalSite } from '../../../app/portal/portal.js';
import type { SubmitResult } from '../../../app/applications/submit-application.js';
import {
  APPLICATION_FIELD_LABELS as L,
  APPLICANT_TYPE_LABELS,
  CARRIER_LABELS,
  DELIVERY_LABELS,
  ID_TYPE_LABELS,
  SUBTYPE_LABELS,
} from '../../../domain/applications/labels.js';
import { MAX_PROOF_BYTES } from '../../../domain/applications/proof.js';
import { rulesFor } from '../../../domain/applications/rules.js';
import { parseLocalDate } from '../../../domain/core/local-date.js';
import { PublicLayout } from '../../common/layout.js';
import { Csrf, ErrorSummary, Label, RequiredMark, boundFields } from '../../common/forms.js';
import { OfficeContact, siteTitle } from '../portal/portal-views.js';

/** The form's values by field name (the names are the error keys of intake, plus `applicant.creditCode`). */
export type ApplyValues = Record<string, string>;

const MAX_PROOF_MB = MAX_PROOF_BYTES / 1024 / 1024;

/** A group of radio buttons in a fieldset; the first button carries the id the error summary links to. */
function Radios(p: {
  name: string;
  legend: string;
  value: string;
  error?: string;
  options: readonly (readonly [string, string])[];
  required?: boolean;
}) {
  const id = `f-${p.name}`;
  return (
    <fieldset
      class={p.error ? 'field radios has-error' : 'field radios'}
      aria-describedby={p.error ? `${id}-err` : undefined}
    >
      <legend>
        {p.legend}
        {p.required ? <RequiredMark /> : null}
      </legend>
      {p.error ? (
        <p class="error" id={`${id}-err`}>
          {p.error}
        </p>
      ) : null}
      <div class="checks">
        {p.options.map(([v, label], i) => (
          <label>
            <input
              type="radio"
              id={i === 0 ? id : `${id}-${v}`}
              name={p.name}
              value={v}
              checked={p.value === v}
              required={p.required}
            />{' '}
            {label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const entries = <K extends string>(labels: Readonly<Record<K, string>>): [string, string][] =>
  Object.entries(labels) as [string, string][];

/** The applicant part of the form. */
function ApplicantFields(p: { v: ApplyValues; e: Record<string, string> }) {
  const { v, e } = p;
  const { field: f, select } = boundFields(L, v, e);
  const sel = (name: keyof typeof L, labels: Readonly<Record<string, string>>) =>
    select(name, [['', '请选择'], ...entries(labels)]);
  return (
    <fieldset>
      <legend>申请人信息</legend>
      <Radios
        name="applicant.type"
        legend={L['applicant.type']}
        value={v['applicant.type'] ?? ''}
        error={e['applicant.type']}
        required
        options={entries(APPLICANT_TYPE_LABELS)}
      />
      {f('applicant.name', { hint: '自然人填写姓名；法人或其他组织填写全称', required: true, autocomplete: 'name' })}
      <div class="natural-only">
        <p class="hint">以下由自然人填写：</p>
        {sel('applicant.idType', ID_TYPE_LABELS)}
        {f('applicant.idNumber', { autocomplete: 'off' })}
      </div>
      <div class="legal-only">
        <p class="hint">以下由法人或其他组织填写：</p>
        {sel('applicant.subtype', SUBTYPE_LABELS)}
        {f('applicant.creditCode', { hint: '18位', autocomplete: 'off' })}
        {f('applicant.legalRepresentative')}
        {f('applicant.contactPerson')}
      </div>
      {f('applicant.phone', {
        hint: '手机号码或固定电话；查询办理进度时可用手机号码',
        type: 'tel',
        inputmode: 'tel',
        autocomplete: 'tel',
      })}
      {f('applicant.email', { type: 'email', autocomplete: 'email' })}
      {f('applicant.address', { hint: '选择邮寄方式的必须填写', autocomplete: 'street-address' })}
      {f('applicant.postcode', { inputmode: 'numeric', autocomplete: 'postal-code' })}
    </fieldset>
  );
}

/** The request part of the form: what is wanted and how. */
function RequestFields(p: { v: ApplyValues; e: Record<string, string> }) {
  const { v, e } = p;
  const { field: f } = boundFields(L, v, e);
  const radios = (name: 'carrier' | 'delivery', labels: Readonly<Record<string, string>>) => (
    <Radios name={name} legend={L[name]} value={v[name] ?? ''} error={e[name]} options={entries(labels)} required />
  );
  return (
    <fieldset>
      <legend>所需信息情况</legend>
      {f('description', {
        hint: '请尽量写明信息的名称、文号或便于查找的其他特征描述',
        multiline: true,
        required: true,
      })}
      {f('title', { optional: true })}
      {f('docNo', { optional: true })}
      {f('indexNo', { optional: true })}
      {radios('carrier', CARRIER_LABELS)}
      {radios('delivery', DELIVERY_LABELS)}
    </fieldset>
  );
}

/** The proof upload: browsers never keep a chosen file across a re-rendered form, so say so. */
function ProofField(p: { error?: string; reselect: boolean }) {
  const id = 'f-proof';
  const describedBy = [`${id}-hint`, p.error ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <fieldset>
      <legend>身份证明</legend>
      <div class={p.error ? 'field has-error' : 'field'}>
        <Label for={id} required>
          身份证明文件
        </Label>
        <p class="hint" id={`${id}-hint`}>
          身份证件的照片或扫描件（法人或其他组织上传营业执照等登记证书），JPG、PNG 图片或 PDF 文件，不超过{MAX_PROOF_MB}
          MB。
          {p.reselect ? '浏览器不会保留此前选择的文件，请重新选择。' : ''}
        </p>
        {p.error ? (
          <p class="error" id={`${id}-err`}>
            {p.error}
          </p>
        ) : null}
        <input
          type="file"
          id={id}
          name="proof"
          accept="image/*,.pdf"
          required
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={describedBy}
        />
      </div>
    </fieldset>
  );
}

/** A page of an organization's application service, in the portal's frame with its breadcrumbs. */
function OrgPage(p: { site: PortalSite; org: Organization; title: string; children?: Child }) {
  const o = p.org;
  return (
    <PublicLayout
      title={`${p.title} - ${o.name}`}
      siteTitle={siteTitle(p.site)}
      footer={p.site.footer}
      crumbs={[
        ['/', '政府信息公开'],
        [`/org/${o.creditCode}`, o.name],
        ['', p.title],
      ]}
    >
      {p.children}
    </PublicLayout>
  );
}

/** The field of the form token, and the honeypot field people never see. */
export const FORM_TOKEN_FIELD = 'formToken';
export const HONEYPOT_FIELD = 'website';

/** The application page: the office's contact details and the online form. */
export function ApplyFormPage(p: {
  site: PortalSite;
  org: Organization;
  csrf: string;
  /** The signed, time-stamped form token (app/throttle/form-token.ts). */
  formToken: string;
  values: ApplyValues;
  errors?: Record<string, string>;
  message?: string;
}) {
  const o = p.org;
  const e = p.errors ?? {};
  const retried = p.errors !== undefined;
  return (
    <OrgPage site={p.site} org={o} title="申请公开政府信息">
      <h1>申请公开政府信息</h1>
      <p>
        向 <strong>{o.name}</strong> 提出政府信息公开申请。也可以当面、邮寄或传真提交书面申请，联系方式见下。
        已提交的申请可凭查询码<a href="/track">查询办理进度</a>。
      </p>
      <OfficeContact org={o} />
      <h2 id="form-title">在线申请</h2>
      <ErrorSummary message={p.message} errors={e} labels={L} />
      <form
        method="post"
        action={`/org/${o.creditCode}/apply`}
        enctype="multipart/form-data"
        class="apply-form"
        aria-labelledby="form-title"
      >
        <Csrf token={p.csrf} />
        <input type="hidden" name="submissionKey" value={p.values.submissionKey ?? ''} />
        <input type="hidden" name={FORM_TOKEN_FIELD} value={p.formToken} />
        {/* The honeypot: hidden from people (and from screen readers), filled in by form-filling robots. */}
        <div class="vh" aria-hidden="true">
          <label for="f-website">请勿填写此项</label>
          <input id="f-website" name={HONEYPOT_FIELD} value="" tabindex={-1} autocomplete="off" />
        </div>
        <p class="hint">
          带 <span class="req">*</span> 的为必填项。联系电话、电子邮箱、通信地址至少填写一项。
        </p>
        <ApplicantFields v={p.values} e={e} />
        <RequestFields v={p.values} e={e} />
        <ProofField error={e.proof} reselect={retried} />
        <div class="notice consent">
          <p>
            申请人应对所提交信息的真实性负责。提交即表示您确认以上内容真实、准确，并同意本机关为办理本申请使用您提供的个人信息；个人信息仅用于办理本申请，不会公开。
          </p>
        </div>
        <p>
          <button type="submit">提交申请</button>
        </p>
      </form>
    </OrgPage>
  );
}

/** How the reply period runs, from the rules in force on the receipt date. */
function DeadlineNote(p: { receivedOn: string }) {
  const day = parseLocalDate(p.receivedOn);
  if (!day.ok) return null;
  const rules = rulesFor(day.value);
  return (
    <p>
      根据{rules.regulation}
      {rules.articles.reply}，行政机关自收到申请之日起{rules.replyWorkingDays}
      个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过
      {rules.maxExtensionWorkingDays}个工作日。需要补正、征求意见或缴纳信息处理费的，答复期限依法另行计算。
    </p>
  );
}

/** The receipt (回执): the 查询码, the receipt date and the reply due date. */
export function ApplyReceiptPage(p: { site: PortalSite; org: Organization; result: SubmitResult }) {
  const o = p.org;
  const r = p.result;
  return (
    <OrgPage site={p.site} org={o} title="申请已提交">
      <section class="receipt" aria-labelledby="receipt-title">
        <h1 id="receipt-title">政府信息公开申请回执</h1>
        {r.duplicate ? (
          <p class="notice" role="status">
            此表单此前已经提交，本次未重复登记，以下为该申请的回执。如需提出新的申请，请
            <a href={`/org/${o.creditCode}/apply`}>重新打开申请页面</a>填写。
          </p>
        ) : (
          <p class="flash" role="status">
            您的申请已提交成功。
          </p>
        )}
        <p class="code-label">查询码</p>
        <p class="tracking-code">{r.trackingCode}</p>
        <p class="warn">请妥善保存查询码。凭查询码和您填写的手机号码或证件号码可随时查询办理进度。</p>
        <dl class="info">
          <dt>受理机关</dt>
          <dd>{o.name}</dd>
          <dt>收到申请日期</dt>
          <dd>{r.receivedOn}</dd>
          <dt>答复期限</dt>
          <dd>
            {r.dueOn ?? '（待定）'}
            {r.provisional ? '（暂定：涉及尚未公布放假安排的年度，公布后可能调整）' : ''}
          </dd>
        </dl>
        <DeadlineNote receivedOn={r.receivedOn} />
        <p>
          查询办理进度、查看告知书、在网上提交补正：请到<a href="/track">申请办理进度查询</a>
          页面，输入查询码和手机号码或证件号码。
        </p>
        <p class="hint print-hint">可使用浏览器的“打印”功能（Ctrl+P 或 ⌘+P）打印或保存本回执。</p>
      </section>
    </OrgPage>
  );
}
