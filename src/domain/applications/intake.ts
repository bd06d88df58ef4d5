// Intake of a disclosure application: the content art. 29 requires, checked field by field with
// Chinese messages, and the receipt date art. 31 fixes for each channel.

import { creditCodeError } from '../orgs/credit-code.js';
import { DomainError } from '../core/domain-error.js';
import { compareDates, type LocalDate } from '../core/local-date.js';
import { err, ok, type Result } from '../core/result.js';
import {
  APPLICANT_TYPES,
  CARRIERS,
  DELIVERIES,
  ID_TYPES,
  LEGAL_PERSON_SUBTYPES,
  type Applicant,
  type Channel,
  type Request,
} from './application.js';
import { emailError, normalizePhone, phoneError, postcodeError, residentIdError } from './contact-checks.js';

/** The form or API body as received: every value unchecked. */
export type ApplicationForm = {
  readonly applicant?: Readonly<Record<string, unknown>> | null;
  readonly description?: unknown;
  readonly title?: unknown;
  readonly docNo?: unknown;
  readonly indexNo?: unknown;
  readonly carrier?: unknown;
  readonly delivery?: unknown;
};

/** Chinese messages keyed by field path, e.g. `applicant.phone`, `description`. */
export type FieldErrors = Record<string, string>;

/** A valid application's content, trimmed and normalized. */
export type ValidApplication = { readonly applicant: Applicant; readonly request: Request };

/** Length limits (characters). */
export const MAX_LENGTH = { name: 100, idNumber: 30, short: 200, description: 5000 } as const;

/**
 * Checks an application against art. 29 para 2: (1) the applicant's name, identity proof and
 * contact details — at least one of phone, email or postal address; (2) a description of the
 * information wanted; (3) the form of provision and the way of obtaining it. Legal persons also
 * give their subtype (the column of the annual report), unified social credit code and contact
 * person; 法定代表人 is optional because some 其他组织 have only a 负责人.
 * The delivery chosen must be reachable: 邮寄 needs an address, 电子邮件 an email.
 * @param form the submitted values
 * @returns the normalized content, or every field error at once (a missing contact is reported on `applicant.phone`)
 */
export function validateApplication(form: ApplicationForm): Result<ValidApplication, FieldErrors> {
  const errors: FieldErrors = {};
  const applicant = checkApplicant(form.applicant ?? {}, errors);
  const request = checkRequest(form, errors);
  const delivery = errors.delivery === undefined ? request.delivery : null;
  if (delivery === 'post' && applicant.address === '') {
    errors['applicant.address'] ??= '选择邮寄方式的，请填写通信地址';
  }
  if (delivery === 'email' && applicant.email === '') {
    errors['applicant.email'] ??= '选择电子邮件方式的，请填写电子邮箱';
  }
  return Object.keys(errors).length > 0 ? err(errors) : ok({ applicant, request });
}

function checkApplicant(raw: Readonly<Record<string, unknown>>, errors: FieldErrors): Applicant {
  const f = (key: string): string => text(raw[key]);
  const type = oneOf(
    f('type'),
    APPLICANT_TYPES,
    'applicant.type',
    '请选择申请人类型（自然人或法人或其他组织）',
    errors,
  );
  const name = plainName(
    required(f('name'), 'applicant.name', '请填写申请人姓名或名称', MAX_LENGTH.name, errors),
    'applicant.name',
    errors,
  );
  const applicant: Applicant = {
    type: type ?? 'natural_person',
    subtype: null,
    name,
    idType: null,
    idNumber: f('idNumber').toUpperCase(),
    legalRepresentative: '',
    contactPerson: '',
    phone: normalizePhone(f('phone')),
    email: f('email'),
    address: limit(f('address'), 'applicant.address', MAX_LENGTH.short, errors),
    postcode: f('postcode'),
  };
  if (type === 'legal_person') {
    checkOrganization(applicant, f, errors);
  } else if (type === 'natural_person') {
    checkPerson(applicant, f('idType'), errors);
  }
  checkContact(applicant, errors);
  return applicant;
}

function checkPerson(applicant: Applicant, idType: string, errors: FieldErrors): void {
  applicant.idType = oneOf(idType, ID_TYPES, 'applicant.idType', '请选择身份证件类型', errors);
  if (applicant.idNumber === '') {
    errors['applicant.idNumber'] = '请填写身份证件号码';
  } else if (applicant.idType === 'resident_id') {
    setIf(errors, 'applicant.idNumber', residentIdError(applicant.idNumber));
  } else if (!/^[A-Z0-9()（）-]{5,30}$/.test(applicant.idNumber)) {
    errors['applicant.idNumber'] = '证件号码应为5至30位字母、数字';
  }
}

function checkOrganization(applicant: Applicant, f: (key: string) => string, errors: FieldErrors): void {
  applicant.subtype = oneOf(
    f('subtype'),
    LEGAL_PERSON_SUBTYPES,
    'applicant.subtype',
    '请选择法人或其他组织的类别',
    errors,
  );
  if (applicant.idNumber === '') {
    errors['applicant.idNumber'] = '请填写统一社会信用代码';
  } else {
    setIf(errors, 'applicant.idNumber', creditCodeError(applicant.idNumber));
  }
  applicant.legalRepresentative = plainName(
    limit(f('legalRepresentative'), 'applicant.legalRepresentative', MAX_LENGTH.name, errors),
    'applicant.legalRepresentative',
    errors,
  );
  applicant.contactPerson = plainName(
    required(f('contactPerson'), 'applicant.contactPerson', '请填写联系人', MAX_LENGTH.name, errors),
    'applicant.contactPerson',
    errors,
  );
}

function checkContact(applicant: Applicant, errors: FieldErrors): void {
  if (applicant.phone === '' && applicant.email === '' && applicant.address === '') {
    errors['applicant.phone'] = '请至少填写联系电话、电子邮箱或通信地址中的一项';
    return;
  }
  if (applicant.phone !== '') {
    setIf(errors, 'applicant.phone', phoneError(applicant.phone));
  }
  if (applicant.email !== '') {
    setIf(errors, 'applicant.email', emailError(applicant.email));
  }
  if (applicant.postcode !== '') {
    setIf(errors, 'applicant.postcode', postcodeError(applicant.postcode));
  }
}

function checkRequest(form: ApplicationForm, errors: FieldErrors): Request {
  const description = required(
    text(form.description),
    'description',
    '请描述所需政府信息的内容',
    MAX_LENGTH.description,
    errors,
  );
  return {
    description,
    title: limit(text(form.title), 'title', MAX_LENGTH.short, errors),
    docNo: limit(text(form.docNo), 'docNo', MAX_LENGTH.short, errors),
    indexNo: limit(text(form.indexNo), 'indexNo', MAX_LENGTH.short, errors),
    carrier: oneOf(text(form.carrier), CARRIERS, 'carrier', '请选择所需信息的载体形式', errors) ?? 'paper',
    delivery: oneOf(text(form.delivery), DELIVERIES, 'delivery', '请选择获取信息的方式', errors) ?? 'post',
  };
}

/** The date a channel's rule needs (art. 31). */
export type ReceiptDates = {
  /** Day of handing in (in person) or of submitting online. */
  readonly submittedOn?: LocalDate | null;
  /** Day the office signed for a registered letter. */
  readonly signedForOn?: LocalDate | null;
  /** Day the office and the applicant confirmed receipt (ordinary mail, fax, email). */
  readonly confirmedOn?: LocalDate | null;
};

/** Which date each channel's receipt date is (art. 31). */
export const RECEIPT_DATE_FIELD: Readonly<Record<Channel, keyof ReceiptDates>> = {
  in_person: 'submittedOn', // 第三十一条第一项: "当面提交…的，以提交之日为收到申请之日"
  registered_mail: 'signedForOn', // 第二项: "以邮寄方式提交…的，以行政机关签收之日为收到申请之日"
  ordinary_mail: 'confirmedOn', // 第二项: "以平常信函等无需签收的邮寄方式提交的，…当日与申请人确认，确认之日为收到申请之日"
  fax: 'confirmedOn', // 第三项: "通过互联网渠道或者…传真提交的，以双方确认之日为收到申请之日"
  email: 'confirmedOn', // 第三项 (data messages by email are an internet channel)
  // 第三项 too, but the portal confirms on the spot: the receipt page with the 查询码 is the office's
  // confirmation and the applicant's, so an online application is received on its submission day.
  online: 'submittedOn',
};

/** Error code when the date a channel needs is missing or implausible. */
export const INVALID_RECEIPT_DATE = 'invalid_receipt_date';

const RECEIPT_DATE_NAMES: Record<keyof ReceiptDates, string> = {
  submittedOn: '提交日期',
  signedForOn: '签收日期',
  confirmedOn: '与申请人确认的日期',
};

/**
 * The receipt date (收到申请之日) under art. 31 for a channel. A receipt date on a weekend or holiday
 * is kept as it is, not moved to the next working day: it is day zero of every period and never
 * counts itself, so the first counted day is the next working day either way (working-days.ts;
 * periods count "from the next day"). Local rules that deem such applications
 * received on the next working day would add one working day; none is configured.
 * @param channel how the application arrived
 * @param dates the dates known for it
 * @returns the receipt date, or `invalid_receipt_date` naming the missing date
 */
export function receiptDate(channel: Channel, dates: ReceiptDates): Result<LocalDate, DomainError> {
  const field = RECEIPT_DATE_FIELD[channel];
  const value = dates[field];
  if (value === undefined || value === null) {
    return err(
      new DomainError(
        INVALID_RECEIPT_DATE,
        `该渠道以${RECEIPT_DATE_NAMES[field]}为收到申请之日，请填写${RECEIPT_DATE_NAMES[field]}`,
      ),
    );
  }
  const sent = dates.submittedOn;
  if (field === 'confirmedOn' && sent !== undefined && sent !== null && compareDates(value, sent) < 0) {
    return err(new DomainError(INVALID_RECEIPT_DATE, '确认日期不能早于提交日期'));
  }
  return ok(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

function required(value: string, key: string, message: string, max: number, errors: FieldErrors): string {
  if (value === '') {
    errors[key] = message;
    return value;
  }
  return limit(value, key, max, errors);
}

/** A web address or a domain name with a common ending, anywhere in a text (the look of spam). */
const LINK =
  /(?:[a-z][a-z0-9+.-]*:\/\/|www\.|[a-z0-9-]+\.(?:com|net|org|cn|info|top|xyz|io|cc|me|biz|vip|shop|site|online|link|club)\b)/i;

/**
 * A person's or organization's name holds no line break, control character or web address: names reach
 * letters and lists, and a name carrying a link turns the office's mail into a spammer's.
 */
function plainName(value: string, key: string, errors: FieldErrors): string {
  if (/[\p{Cc}\u2028\u2029]/u.test(value)) errors[key] ??= '姓名或名称不能包含换行或控制字符';
  else if (LINK.test(value)) errors[key] ??= '姓名或名称不能包含网址';
  return value;
}

function limit(value: string, key: string, max: number, errors: FieldErrors): string {
  if ([...value].length > max) {
    errors[key] = `不能超过${max}个字`;
  }
  return value;
}

function oneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  key: string,
  message: string,
  errors: FieldErrors,
): T | null {
  if ((allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  errors[key] = message;
  return null;
}

function setIf(errors: FieldErrors, key: string, message: string | null): void {
  if (message !== null) {
    errors[key] = message;
  }
}
