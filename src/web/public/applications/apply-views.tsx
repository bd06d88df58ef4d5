/** @jsxImportSource hono/jsx */
// Views of the online application (申请公开政府信息, Regulation art. 29): the form, which works without
// JavaScript and re-renders what was typed with Chinese errors, and the receipt with the 查询码.
import type { Organization } from '../../../domain/orgs/organization.js';
import type { PortalSite } from '../../../app/portal/portal.js';
import type { SubmitResult } from '../../../app/applications/submit-application.js';
import type { Carrier, Delivery, IdType, LegalPersonSubtype } from '../../../domain/applications/application.js';
import { MAX_PROOF_BYTES } from '../../../domain/applications/proof.js';
import { rulesFor } from '../../../domain/applications/rules.js';
import { parseLocalDate } from '../../../domain/core/local-date.js';
import { PublicLayout } from '../../common/layout.js';
import { Csrf, ErrorSummary, Field, Select } from '../../common/forms.js';
import { OfficeContact, siteTitle } from '../portal/portal-views.js';

/** The form's values by field name (the names are the error keys of intake, plus `applicant.creditCode`). */
export type ApplyValues = Record<string, string>;

/** Identity documents (issue 3). */
export const ID_TYPE_LABELS: Readonly<Record<IdType, string>> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macau_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreigner_permanent_residence: '外国人永久居留身份证',
  other: '其他',
};

/** Legal-person subtypes: the columns of section 三 of the annual report. */
export const SUBTYPE_LABELS: Readonly<Record<LegalPersonSubtype, string>> = {
  business: '商业企业',
  research: '科研机构',
  nonprofit: '社会公益组织',
  legal_services: '法律服务机构',
  other: '其他',
};

/** Form of provision (载体形式; SPEC §5). */
export const CARRIER_LABELS: Readonly<Record<Carrier, string>> = { paper: '纸质', electronic: '电子', disc: '光盘' };

/** Way of obtaining the information (获取方式; SPEC §5). */
export const DELIVERY_LABELS: Readonly<Record<Delivery, string>> = {
  post: '邮寄',
  email: '电子邮件',
  pickup: '当面领取',
  online: '网上获取',
};

/** Field labels, for the error summary. */
export const APPLY_FIELD_LABELS: Readonly<Record<string, string>> = {
  'applicant.type': '申请人类型',
  'applicant.subtype': '法人或其他组织类别',
  'applicant.name': '申请人姓名或名称',
  'applicant.idType': '证件类型',
  'applicant.idNumber': '证件号码',
  'applicant.creditCode': '统一社会信用代码',
  'applicant.legalRepresentative': '法定代表人',
  'applicant.contactPerson': '联系人',
  'applicant.phone': '联系电话',
  'applicant.email': '电子邮箱',
  'applicant.address': '通信地址',
  'applicant.postcode': '邮政编码',
  description: '所需信息的内容描述',
  title: '所需信息的名称',
  docNo: '文号',
  indexNo: '索引号',
  carrier: '信息的提供形式',
  delivery: '获取信息的方式',
  proof: '身份证明',
};

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
        {p.required ? (
          <span class="req" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
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
  return (
    <fieldset>
      <legend>申请人信息</legend>
      <Radios
        name="applicant.type"
        legend="申请人类型"
        value={v['applicant.type'] ?? ''}
        error={e['applicant.type']}
        required
        options={[
          ['natural_person', '自然人'],
          ['legal_person', '法人或其他组织'],
        ]}
      />
      <Field
        name="applicant.name"
        label="申请人姓名或名称"
        hint="自然人填写姓名；法人或其他组织填写全称"
        value={v['applicant.name']}
        error={e['applicant.name']}
        required
        autocomplete="name"
      />
      <div class="natural-only">
        <p class="hint">以下由自然人填写：</p>
        <Select
          name="applicant.idType"
          label="证件类型"
          value={v['applicant.idType']}
          error={e['applicant.idType']}
          options={[['', '请选择'], ...entries(ID_TYPE_LABELS)]}
        />
        <Field
          name="applicant.idNumber"
          label="证件号码"
          value={v['applicant.idNumber']}
          error={e['applicant.idNumber']}
          autocomplete="off"
        />
      </div>
      <div class="legal-only">
        <p class="hint">以下由法人或其他组织填写：</p>
        <Select
          name="applicant.subtype"
          label="法人或其他组织类别"
          value={v['applicant.subtype']}
          error={e['applicant.subtype']}
          options={[['', '请选择'], ...entries(SUBTYPE_LABELS)]}
        />
        <Field
          name="applicant.creditCode"
          label="统一社会信用代码"
          hint="18位"
          value={v['applicant.creditCode']}
          error={e['applicant.creditCode']}
          autocomplete="off"
        />
        <Field
          name="applicant.legalRepresentative"
          label="法定代表人（负责人）"
          value={v['applicant.legalRepresentative']}
          error={e['applicant.legalRepresentative']}
        />
        <Field
          name="applicant.contactPerson"
          label="联系人"
          value={v['applicant.contactPerson']}
          error={e['applicant.contactPerson']}
        />
      </div>
      <Field
        name="applicant.phone"
        label="联系电话"
        hint="手机号码或固定电话；查询办理进度时可用手机号码"
        type="tel"
        inputmode="tel"
        value={v['applicant.phone']}
        error={e['applicant.phone']}
        autocomplete="tel"
      />
      <Field
        name="applicant.email"
        label="电子邮箱"
        type="email"
        value={v['applicant.email']}
        error={e['applicant.email']}
        autocomplete="email"
      />
      <Field
        name="applicant.address"
        label="通信地址"
        hint="选择邮寄方式的必须填写"
        value={v['applicant.address']}
        error={e['applicant.address']}
        autocomplete="street-address"
      />
      <Field
        name="applicant.postcode"
        label="邮政编码"
        inputmode="numeric"
        value={v['applicant.postcode']}
        error={e['applicant.postcode']}
        autocomplete="postal-code"
      />
    </fieldset>
  );
}

/** The request part of the form: what is wanted and how. */
function RequestFields(p: { v: ApplyValues; e: Record<string, string> }) {
  const { v, e } = p;
  return (
    <fieldset>
      <legend>所需信息情况</legend>
      <Field
        name="description"
        label="所需信息的内容描述"
        hint="请尽量写明信息的名称、文号或便于查找的其他特征描述"
        multiline
        value={v.description}
        error={e.description}
        required
      />
      <Field name="title" label="所需信息的名称（选填）" value={v.title} error={e.title} />
      <Field name="docNo" label="文号（选填）" value={v.docNo} error={e.docNo} />
      <Field name="indexNo" label="索引号（选填）" value={v.indexNo} error={e.indexNo} />
      <Radios
        name="carrier"
        legend="信息的提供形式"
        value={v.carrier ?? ''}
        error={e.carrier}
        options={entries(CARRIER_LABELS)}
        required
      />
      <Radios
        name="delivery"
        legend="获取信息的方式"
        value={v.delivery ?? ''}
        error={e.delivery}
        options={entries(DELIVERY_LABELS)}
        required
      />
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
        <label for={id}>
          身份证明文件
          <span class="req" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
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

/** The application page: the office's contact details and the online form. */
export function ApplyFormPage(p: {
  site: PortalSite;
  org: Organization;
  csrf: string;
  values: ApplyValues;
  errors?: Record<string, string>;
  message?: string;
}) {
  const o = p.org;
  const e = p.errors ?? {};
  const retried = p.errors !== undefined;
  return (
    <PublicLayout
      title={`申请公开政府信息 - ${o.name}`}
      siteTitle={siteTitle(p.site)}
      footer={p.site.footer}
      crumbs={[
        ['/', '政府信息公开'],
        [`/org/${o.creditCode}`, o.name],
        ['', '申请公开政府信息'],
      ]}
    >
      <h1>申请公开政府信息</h1>
      <p>
        向 <strong>{o.name}</strong> 提出政府信息公开申请。也可以当面、邮寄或传真提交书面申请，联系方式见下。
        已提交的申请可凭查询码<a href="/track">查询办理进度</a>。
      </p>
      <OfficeContact org={o} />
      <h2 id="form-title">在线申请</h2>
      <ErrorSummary message={p.message} errors={e} labels={APPLY_FIELD_LABELS} />
      <form
        method="post"
        action={`/org/${o.creditCode}/apply`}
        enctype="multipart/form-data"
        class="apply-form"
        aria-labelledby="form-title"
      >
        <Csrf token={p.csrf} />
        <input type="hidden" name="submissionKey" value={p.values.submissionKey ?? ''} />
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
    </PublicLayout>
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
    <PublicLayout
      title={`申请已提交 - ${o.name}`}
      siteTitle={siteTitle(p.site)}
      footer={p.site.footer}
      crumbs={[
        ['/', '政府信息公开'],
        [`/org/${o.creditCode}`, o.name],
        ['', '申请已提交'],
      ]}
    >
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
          查询办理进度：访问 <a href="/track">/track</a>，输入查询码和手机号码或证件号码。
        </p>
        <p class="hint print-hint">可使用浏览器的“打印”功能（Ctrl+P 或 ⌘+P）打印或保存本回执。</p>
      </section>
    </PublicLayout>
  );
}
