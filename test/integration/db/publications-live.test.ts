// The portal's live queries on both dialects (bench:portal measures them at scale): listLive pages live 主动公开
// items newest first in SQL and reads the frozen live copy (a revision in progress changes nothing),
// never withdrawn or 不予公开 items; interpretationsOf and attachmentOwners follow the live versions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { beforeSuite } from '../../support/suite.js';
import { rootOrg } from '../../factories/orgs.js';
import {
  makePublication,
  moveAlongChain,
  publishingStaff,
  revise,
  WITHHELD_FIELDS,
} from '../../factories/publications.js';

import { actOnPublication } from '../../../src/app/publications/act-on-publication.js';
import { publishedAttachment } from '../../../src/app/portal/publications-public.js';

const PDF = new TextEncoder().encode('%PDF-1.4 live');

for (const dialect of DIALECTS) {
  describe(`publications live queries (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2025-10-09T02:00:00Z' });
    const root = beforeSuite(() => rootOrg(rt));
    const s = beforeSuite(() => publishingStaff(rt));

    const draft = (fields: Record<string, unknown> = {}) => makePublication(rt, s, { fields });
    const publish = async (id: string, on: string) => {
      rt.clock.set(`${on}T02:00:00Z`);
      await moveAlongChain(rt, s, id, 'published');
    };
    const live = (filter: Record<string, unknown> = {}, page = { limit: 100, offset: 0 }) =>
      rt.ctx.repos.publications.listLive({ orgIds: [root.id], ...filter }, page);
    const ids: Record<string, string> = {};

    test('should page live items newest first (published_on desc, id desc) with a count', async () => {
      ids.a = (await draft({ title: '甲' })).id;
      ids.b = (await draft({ title: '乙', kind: 'other_document' })).id;
      ids.c = (await draft({ title: '丙' })).id;
      ids.d = (await draft({ title: '丁' })).id;
      await publish(ids.a, '2025-10-09');
      await publish(ids.b, '2025-10-10');
      await publish(ids.c, '2025-10-13');
      await publish(ids.d, '2025-10-13');
      const sameDay = [ids.c, ids.d].sort().reverse();
      const expected = [...sameDay, ids.b, ids.a];
      const all = await live();
      assert.equal(all.total, 4);
      assert.deepEqual(
        all.items.map((i) => i.id),
        expected,
      );
      assert.equal(all.items.find((i) => i.id === ids.a)?.live.fields.publishedOn, '2025-10-09');
      assert.equal(all.items[0]?.orgId, root.id);
      const p2 = await live({}, { limit: 2, offset: 2 });
      assert.equal(p2.total, 4);
      assert.deepEqual(
        p2.items.map((i) => i.id),
        [ids.b, ids.a],
      );
      assert.deepEqual(
        (await live({ kind: 'other_document' })).items.map((i) => i.id),
        [ids.b],
      );
      assert.equal((await live({ year: 2025 })).total, 4);
      assert.equal((await live({ year: 2024 })).total, 0);
      const cat = all.items[0]?.live.fields.categoryId ?? '';
      assert.ok((await live({ categoryIds: [cat] })).total >= 1);
      assert.equal((await live({ categoryIds: [] })).total, 0);
      assert.equal((await rt.ctx.repos.publications.listLive({ orgIds: [] }, { limit: 10, offset: 0 })).total, 0);
      const counts = await rt.ctx.repos.publications.liveCategoryCounts(root.id);
      assert.equal(
        [...counts.values()].reduce((n, c) => n + c, 0),
        4,
      );
    });

    test('should keep listing the live fields while a revision runs', async () => {
      await revise(rt, s, ids.a as string, {
        title: '甲（修订中）',
        kind: 'rule',
        writtenOn: '2025-10-01',
        body: '<p>新</p>',
      });
      const normative = await live({ kind: 'normative' });
      const a = normative.items.find((i) => i.id === ids.a);
      assert.equal(a?.live.fields.title, '甲');
      assert.equal(a?.live.fields.kind, 'normative');
      assert.equal((await live({ kind: 'rule' })).total, 0, 'the revision is not live');
      assert.equal((await live()).total, 4);
    });

    test('should drop withdrawn items and never list 不予公开 items', async () => {
      await actOnPublication(rt.ctx, s.signer, ids.b as string, 'withdraw', { reason: '内容有误' });
      const withheld = await draft({ ...WITHHELD_FIELDS, title: '内部事务' });
      await publish(withheld.id, '2025-10-14');
      const all = await live();
      assert.equal(all.total, 3);
      assert.ok(!all.items.some((i) => i.id === ids.b || i.id === withheld.id));
      assert.equal((await live({ kind: 'other_document' })).total, 0);
    });

    test('should list the live interpretations of a document', async () => {
      const doc = await rt.ctx.repos.publications.byId(ids.c as string);
      const interp = await draft({ kind: 'interpretation', interprets: doc?.indexNo, title: '《丙》政策解读' });
      assert.deepEqual(
        await rt.ctx.repos.publications.interpretationsOf(ids.c as string),
        [],
        'not before publication',
      );
      await publish(interp.id, '2025-10-15');
      const found = await rt.ctx.repos.publications.interpretationsOf(ids.c as string);
      assert.deepEqual(
        found.map((i) => i.id),
        [interp.id],
      );
      assert.equal(found[0]?.live.fields.title, '《丙》政策解读');
      assert.deepEqual(await rt.ctx.repos.publications.interpretationsOf(ids.d as string), []);
      await actOnPublication(rt.ctx, s.signer, interp.id, 'withdraw', { reason: '重新解读' });
      assert.deepEqual(await rt.ctx.repos.publications.interpretationsOf(ids.c as string), []);
    });

    test('should name the live 主动公开 owners of an attachment, and serve it only through them', async () => {
      const item = await draft({
        title: '附件',
        attachments: [{ name: '附件1.pdf', mime: 'application/pdf', content: PDF }],
      });
      const fileId = (await rt.ctx.repos.publications.byId(item.id))?.attachments[0]?.fileId ?? '';
      assert.deepEqual(await rt.ctx.repos.publications.attachmentOwners(fileId), [], 'not before publication');
      assert.equal(await publishedAttachment(rt.ctx, fileId), undefined);
      await publish(item.id, '2025-10-16');
      assert.deepEqual(await rt.ctx.repos.publications.attachmentOwners(fileId), [item.id]);
      assert.equal((await publishedAttachment(rt.ctx, fileId))?.name, '附件1.pdf');
      // A revision dropping the file keeps the live copy's attachment served.
      await revise(rt, s, item.id, {
        title: '附件（修订）',
        kind: 'normative',
        writtenOn: '2025-10-01',
        body: '<p>x</p>',
        attachments: [],
      });
      assert.deepEqual(await rt.ctx.repos.publications.attachmentOwners(fileId), [item.id]);
      // A withheld item listing the same file does not make it public.
      const hidden = await draft({
        ...WITHHELD_FIELDS,
        title: '内部附件',
        attachments: [{ name: '内部.pdf', mime: 'application/pdf', content: PDF }],
      });
      await publish(hidden.id, '2025-10-17');
      assert.deepEqual(await rt.ctx.repos.publications.attachmentOwners(fileId), [item.id]);
      await actOnPublication(rt.ctx, s.signer, item.id, 'withdraw', { reason: '内容有误' });
      assert.deepEqual(await rt.ctx.repos.publications.attachmentOwners(fileId), []);
      assert.equal(await publishedAttachment(rt.ctx, fileId), undefined);
    });
  });
}
