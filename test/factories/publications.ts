// Publications (主动公开) for tests, made through the real use cases: a draft by the editor, then the review
// chain's moves (编审分离: editor submits, two reviewers approve levels 1 and 2, the signer signs off and
// publishes, the signer withdraws) until the item is in the state asked for.
import { createDraft, updateDraft } from '../../src/app/publications/drafts.js';
import { actOnPublication } from '../../src/app/publications/act-on-publication.js';
import {
  moveAlongChain as moveOn,
  type ChainOptions,
  type PublicationTarget,
} from '../../src/app/demo/publication-moves.js';
import type { TestRuntime } from '../support/runtime.js';
import { publishingStaff, type PublishingStaff } from './staff.js';
import { demoOrgs, rootOrg, type Rt } from './orgs.js';
import type { Organization } from '../../src/domain/orgs/organization.js';

export { publishingStaff, type PublishingStaff } from './staff.js';
export { PUBLISH_MOVES, type ChainOptions, type PublicationTarget } from '../../src/app/demo/publication-moves.js';

/** A normative document of the organization (`org`: credit code or id), written on `writtenOn`. */
export function draftFields(org: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    org,
    title: '示例区关于加强老旧小区改造管理的通知',
    kind: 'normative',
    docNo: '示政发〔2025〕12号',
    writtenOn: '2025-10-01',
    body: '<p>各街道：现将有关事项通知如下。</p>',
    ...over,
  };
}

/**
 * Fields of an item registered but not disclosed (不予公开, internal affairs: art. 16), with no body: an 其他文件,
 * since a 规章 or 行政规范性文件 is always published.
 */
export const WITHHELD_FIELDS = {
  kind: 'other_document',
  disclosure: 'withheld',
  withheldGround: 'internal_affairs',
  body: '',
} as const;

/** Starts a new version of a published item (修订) as the editor and saves the version's fields. */
export async function revise(
  rt: Rt,
  staff: Pick<PublishingStaff, 'editor'>,
  id: string,
  fields: Record<string, unknown>,
): Promise<void> {
  await actOnPublication(rt.ctx, staff.editor, id, 'revise');
  await updateDraft(rt.ctx, staff.editor, id, fields);
}

/**
 * Moves an item along the chain from its state to `to` (src/app/demo/publication-moves.ts), each move at the
 * clock's current time.
 */
export function moveAlongChain(
  rt: Rt,
  staff: PublishingStaff,
  id: string,
  to: PublicationTarget,
  opts: ChainOptions = {},
): Promise<void> {
  return moveOn(rt.ctx, staff, id, to, opts);
}

/**
 * Creates an item through the editor and brings it to `state` (default draft).
 * @param opts.fields draft fields over `draftFields` (default organization: the root)
 * @returns the item's id and 索引号
 */
export async function makePublication(
  rt: Rt,
  staff: PublishingStaff,
  opts: { state?: PublicationTarget; fields?: Record<string, unknown> } & ChainOptions = {},
): Promise<{ id: string; indexNo: string }> {
  const org = typeof opts.fields?.org === 'string' ? opts.fields.org : (await rootOrg(rt)).creditCode;
  const made = await createDraft(rt.ctx, staff.editor, draftFields(org, opts.fields));
  await moveAlongChain(rt, staff, made.id, opts.state ?? 'draft', opts);
  return made;
}

/** The publishing chain of the root organization with helpers that work on given days (10:00 Beijing time). */
export type DatedPublishing = PublishingStaff & {
  root: Organization;
  /** The root's first child organization. */
  child: Organization;
  /** Creates a 河道管理 notice at 10:00 of `day` (written that day unless given). */
  draft: (day: string, over?: Record<string, unknown>) => Promise<{ id: string; indexNo: string }>;
  /** Takes an item through the three default levels (findings accepted) and publishes it at 10:00 of `day`. */
  publish: (id: string, day: string) => Promise<void>;
  /** `draft` on `draftDay`, then `publish` on `publishDay`; returns the item's id. */
  published: (draftDay: string, publishDay: string, over?: Record<string, unknown>) => Promise<string>;
  /** Moves the clock to 10:00 Beijing time of `day`. */
  at: (day: string) => void;
};

/** Creates the publishing chain (usernames `${prefix}.editor` …, so several suites can share a database). */
export async function datedPublishing(rt: TestRuntime, prefix = 'pub'): Promise<DatedPublishing> {
  const { root, all } = await demoOrgs(rt);
  const child = all.find((o) => o.parentId === root.id);
  if (!child) throw new Error('demo district missing');
  const staff = await publishingStaff(rt, { orgId: root.id, prefix });
  const at = (day: string) => rt.clock.set(`${day}T02:00:00Z`);
  const draft = (day: string, over: Record<string, unknown> = {}) => {
    at(day);
    const fields = { title: '示例区关于加强河道管理的通知', docNo: '示政发〔2025〕1号', summary: '河道管理要求。' };
    return createDraft(rt.ctx, staff.editor, draftFields(root.creditCode, { ...fields, writtenOn: day, ...over }));
  };
  const publish = async (id: string, day: string) => {
    at(day);
    await moveAlongChain(rt, staff, id, 'published', { approve: { acceptFindings: true } });
  };
  return {
    ...staff,
    root,
    child,
    at,
    draft,
    publish,
    published: async (draftDay, publishDay, over) => {
      const { id } = await draft(draftDay, over);
      await publish(id, publishDay);
      return id;
    },
  };
}
