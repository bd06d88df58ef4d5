// Roles held by accounts, per organization (GLOSSARY "Who").

/** Stored role names; never rename. */
export const ROLES = [
  'admin',
  'editor',
  'reviewer',
  'signer',
  'head',
  'office_head',
  'handler',
  'legal_reviewer',
  'supervisor',
] as const;
/** One role. */
export type Role = (typeof ROLES)[number];

/** Chinese labels for the UI. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  editor: '信息编辑',
  reviewer: '信息审核',
  signer: '签发人',
  head: '主要负责同志',
  office_head: '政府信息公开工作机构负责人',
  handler: '依申请公开承办人',
  legal_reviewer: '合法性审查人员',
  supervisor: '上级政务公开办（监督）',
};

/** A role held at one organization. */
export type RoleGrant = { orgId: string; role: Role };

/** Whether a string is a known role. */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
