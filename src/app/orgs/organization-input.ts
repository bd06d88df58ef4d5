// Parsing organization fields from a form or the CLI, with Chinese messages per field.
import { z } from 'zod';
import { ORG_KINDS, type OrganizationFields } from '../../domain/orgs/organization.js';
import { creditCodeError } from '../../domain/orgs/credit-code.js';
import { emailError } from '../../domain/users/user.js';
import { invalid } from '../errors.js';

const text = (max: number) => z.string().trim().max(max, `不能超过${max}个字符`).default('');

/**
 * A fax number as printed in a 指南: an optional +86, the area code (0 and 2–3 digits) and a 7–8 digit number,
 * optionally with an extension; blank means none.
 */
const FAX = /^$|^(?:\+86[ -]?)?(?:0\d{2,3}[ -]?)?\d{7,8}(?:(?:-|转)\d{1,6})?$/;

const schema = z.object({
  kind: z.enum(ORG_KINDS, { error: '请选择机构类型' }),
  name: z.string().trim().min(2, '请填写机构全称').max(100, '机构全称不能超过100个字符'),
  shortName: text(40),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .superRefine((v, c) => {
      const e = creditCodeError(v);
      if (e) {
        c.addIssue({ code: 'custom', message: e });
      }
    }),
  address: text(200),
  postcode: z
    .string()
    .trim()
    .regex(/^(\d{6})?$/, '邮政编码应为6位数字')
    .default(''),
  phone: text(60),
  officeHours: text(200),
  officeName: text(100),
  officeAddress: text(200),
  officePhone: text(60),
  officeFax: z
    .string()
    .trim()
    .regex(FAX, '传真号码格式不正确，应为“区号-号码”，如 0999-88012345，可加分机号“-123”')
    .default(''),
  officeEmail: z
    .string()
    .trim()
    .refine((v) => v === '' || emailError(v) === null, '电子邮箱格式不正确')
    .default(''),
  functions: text(5000),
  leadership: text(5000),
  internalUnits: text(5000),
});

/**
 * Parses organization fields.
 * @throws AppError 'invalid' with one Chinese message per bad field
 */
export function parseOrganizationFields(input: Record<string, unknown>): OrganizationFields {
  const r = schema.safeParse(input);
  if (r.success) {
    return r.data;
  }
  const fieldErrors: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = String(issue.path[0] ?? '_');
    fieldErrors[key] ??= issue.message;
  }
  throw invalid('机构信息有误，请按提示更正', fieldErrors);
}
