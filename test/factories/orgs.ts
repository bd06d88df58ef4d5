// Organizations for tests: the demo district as bootstrap creates it, and new subtrees made through the
// use case (so they get their catalogue and audit entries like any other organization).
import { createOrganization } from '../../src/app/orgs/manage-organizations.js';
import { parseOrganizationFields } from '../../src/app/orgs/organization-input.js';
import { creditCodeCheckChar } from '../../src/domain/orgs/credit-code.js';
import type { Organization, OrgKind } from '../../src/domain/orgs/organization.js';
import type { TestRuntime } from '../support/runtime.js';

/** What the factories need of a runtime: its use-case context (a test runtime, or a server's runtime). */
export type Rt = Pick<TestRuntime, 'ctx'>;

/** The organizations of a runtime: the root, and each organization by its full name. */
export type Orgs = {
  root: Organization;
  all: Organization[];
  /** The organization of that full name (e.g. 示例区教育局); throws when there is none. */
  named: (name: string) => Organization;
};

/**
 * The runtime's organizations (the demo district: 示例区人民政府 at the root; 发展和改革局, 教育局, 财政局, 司法局,
 * 自然资源和规划局, 示例镇 and 城关街道 below it).
 */
export async function demoOrgs(rt: Rt): Promise<Orgs> {
  const all = await rt.ctx.repos.orgs.list();
  const root = all.find((o) => o.parentId === null);
  if (!root) throw new Error('no root organization');
  const named = (name: string) => {
    const o = all.find((x) => x.name === name);
    if (!o) throw new Error(`no organization named ${name}`);
    return o;
  };
  return { root, all, named };
}

/** The root organization of the runtime. */
export async function rootOrg(rt: Rt): Promise<Organization> {
  return (await demoOrgs(rt)).root;
}

/**
 * A valid unified social credit code (GB 32100) for test organization `serial`: 11999901MB + 7 digits + check.
 * The demo district uses serials below 100.
 */
export function testCreditCode(serial: number, prefix = '11999901MB'): string {
  const first17 = `${prefix}${String(serial).padStart(17 - prefix.length, '0')}`;
  return first17 + (creditCodeCheckChar(first17) ?? '');
}

/** One organization of a subtree to create, with its children. */
export type OrgSpec = { name: string; kind?: OrgKind; children?: OrgSpec[]; fields?: Record<string, unknown> };

let nextSerial = 9000;

/**
 * Creates organizations under `parent` (null: new roots), parents first, through the use case.
 * @returns every created organization by name
 */
export async function makeOrgs(
  rt: Rt,
  parent: Organization | null,
  specs: readonly OrgSpec[],
): Promise<Record<string, Organization>> {
  const made: Record<string, Organization> = {};
  for (const spec of specs) {
    const fields = parseOrganizationFields({
      kind: spec.kind ?? 'department',
      name: spec.name,
      creditCode: testCreditCode(nextSerial++),
      postcode: '999001',
      ...spec.fields,
    });
    const org = await createOrganization(rt.ctx, null, parent?.id ?? null, fields);
    made[spec.name] = org;
    Object.assign(made, await makeOrgs(rt, org, spec.children ?? []));
  }
  return made;
}
