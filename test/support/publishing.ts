// Publishing staff and helpers for 主动公开 tests: an editor, two reviewers, a signer and the head (主要负责同志)
// at the root organization, drafting at a given day and taking an item through the chain.
import { createUser } from '../../src/app/users/manage-users.js';
import { actorOf } from '../../src/app/actors.js';
import { createDraft } from '../../src/app/publications/drafts.js';
import { actOnPublication } from '../../src/app/publications/act-on-publication.js';
import type { Actor } from '../../src/domain/policies/actor.js';
import type { Role } from '../../src/domain/users/roles.js';
import type { Organization } from '../../src/domain/orgs/organization.js';
import { STAFF_PASSWORD } from './staff.js';
import type { TestRuntime } from './runtime.js';

/** The staff and organizations of a publishing test. */
export type Publishing = {
  root: Organization;
  child: Organization;
  editor: Actor;
  r1: Actor;
  r2: Actor;
  signer: Actor;
  head: Actor;
  /** Creates a draft at 10:00 Beijing time of `day` (written that day unless given). */
  draft: (day: string, over?: Record<string, unknown>) => Promise<{ id: string; indexNo: string }>;
  /** Takes an item through the three default levels and publishes it at 10:00 of `day`. */
  publish: (id: string, day: string) => Promise<void>;
  /** Moves the clock to 10:00 Beijing time of `day`. */
  at: (day: string) => void;
};

/** Creates the staff (usernames prefixed, so several suites can share a database). */
export async function publishingStaff(rt: TestRuntime, prefix = 'pub'): Promise<Publishing> {
  const orgs = await rt.ctx.repos.orgs.list();
  const root = orgs.find((o) => o.parentId === null);
  const child = orgs.find((o) => o.parentId === root?.id);
  if (!root || !child) throw new Error('demo district missing');
  const make = async (name: string, roles: Role[]) =>
    actorOf(
      await createUser(rt.ctx, null, {
        username: `${prefix}.${name}`,
        displayName: name,
        orgId: root.id,
        roles: roles.map((role) => ({ orgId: root.id, role })),
        password: STAFF_PASSWORD,
        mustChangePassword: false,
      }),
    );
  const at = (day: string) => rt.clock.set(`${day}T02:00:00Z`);
  const s = {
    editor: await make('editor', ['editor']),
    r1: await make('r1', ['reviewer']),
    r2: await make('r2', ['reviewer']),
    signer: await make('signer', ['signer']),
    head: await make('head', ['head']),
  };
  return {
    root,
    child,
    ...s,
    at,
    draft: (day, over = {}) => {
      at(day);
      return createDraft(rt.ctx, s.editor, {
        org: root.creditCode,
        title: '示例区关于加强河道管理的通知',
        kind: 'normative',
        docNo: '示政发〔2025〕1号',
        writtenOn: day,
        summary: '河道管理要求。',
        body: '<p>各街道：现将有关事项通知如下。</p>',
        ...over,
      });
    },
    publish: async (id, day) => {
      at(day);
      await actOnPublication(rt.ctx, s.editor, id, 'submit');
      await actOnPublication(rt.ctx, s.r1, id, 'approve', { acceptFindings: true });
      await actOnPublication(rt.ctx, s.r2, id, 'approve', { acceptFindings: true });
      await actOnPublication(rt.ctx, s.signer, id, 'approve', { acceptFindings: true });
      await actOnPublication(rt.ctx, s.signer, id, 'publish');
    },
  };
}
