// Staff accounts for application tests: one user per case-working role at the root organization.
import { createUser } from '../../src/app/users/manage-users.js';
import { actorOf } from '../../src/app/actors.js';
import type { Actor } from '../../src/domain/policies/actor.js';
import type { Role } from '../../src/domain/users/roles.js';
import type { TestRuntime } from './runtime.js';

/** The password every staff test account gets. */
export const STAFF_PASSWORD = 'Gongkai-Staff-Pass-2025';

/** Creates `handler`, `office_head`, `legal_reviewer`, `signer` (and a second handler) at the root organization. */
export async function createStaff(
  rt: TestRuntime,
): Promise<
  Record<'handler' | 'handler2' | 'officeHead' | 'legal' | 'signer', Actor> & { rootId: string; rootCode: string }
> {
  const root = (await rt.ctx.repos.orgs.list()).find((o) => o.parentId === null);
  if (!root) throw new Error('no root organization');
  const make = async (username: string, roles: Role[]) =>
    actorOf(
      await createUser(rt.ctx, null, {
        username,
        displayName: username,
        orgId: root.id,
        roles: roles.map((role) => ({ orgId: root.id, role })),
        password: STAFF_PASSWORD,
        mustChangePassword: false,
      }),
    );
  return {
    rootId: root.id,
    rootCode: root.creditCode,
    handler: await make('li.handler', ['handler']),
    handler2: await make('zhao.handler', ['handler']),
    officeHead: await make('wang.office', ['office_head']),
    legal: await make('chen.legal', ['legal_reviewer']),
    signer: await make('sun.signer', ['signer']),
  };
}

/** A valid online application form of a natural person. */
export function sampleForm(overrides: Record<string, unknown> = {}) {
  return {
    applicant: {
      type: 'natural_person',
      name: '张三',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
      phone: '13812345678',
      email: 'zhangsan@example.com',
      address: '示例区人民路100号',
      postcode: '999001',
    },
    description: '2024年示例区老旧小区改造项目的立项批复文件',
    title: '',
    docNo: '',
    indexNo: '',
    carrier: 'electronic',
    delivery: 'email',
    ...overrides,
  };
}
