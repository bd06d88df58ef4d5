// Publications on both dialects: catalogue, drafts with 索引号 and attachments, the review chain
// with 编审分离, scheduled release, revision, withdrawal, audit, and the annual counts.
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
import { AppError } from '../../../src/app/errors.js';
import { createDraft } from '../../../src/app/publications/drafts.js';
import { actOnPublication, publishScheduled } from '../../../src/app/publications/act-on-publication.js';
import {
  annualPublicationReport,
  getPublication,
  listPublications,
  reassessmentDue,
} from '../../../src/app/publications/publication-queries.js';
import { ensureCatalogue } from '../../../src/app/publications/catalogue.js';
import { searchPublic } from '../../../src/app/search/search.js';

const is = (code: string) => (e: unknown) => e instanceof AppError && e.code === code;

for (const dialect of DIALECTS) {
  describe(`publications (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2025-10-09T02:00:00Z' });
    const root = beforeSuite(() => rootOrg(rt));
    const s = beforeSuite(() => publishingStaff(rt));

    const draft = (over: Record<string, unknown> = {}) =>
      makePublication(rt, s, { fields: { keyAreas: ['保障性住房'], ...over } });
    /** Through the three levels to sign-off. */
    const approveAll = (id: string) => moveAlongChain(rt, s, id, 'signed_off');

    test('should create the default catalogue for every organization at bootstrap, once', async () => {
      const cats = await rt.ctx.repos.categories.list(root.id);
      assert.ok(cats.some((c) => c.name === '行政规范性文件' && c.statutoryKey === 'policy-normative'));
      assert.equal(await ensureCatalogue(rt.ctx, root.id), 0);
    });

    test('should create drafts with consecutive 索引号 and attachments', async () => {
      const pdf = new TextEncoder().encode('%PDF-1.4 test');
      const a = await draft({ attachments: [{ name: '附件1.pdf', mime: 'application/pdf', content: pdf }] });
      const b = await draft();
      assert.equal(a.indexNo, `${root.creditCode}/2025-00001`);
      assert.equal(b.indexNo, `${root.creditCode}/2025-00002`);
      const view = await getPublication(rt.ctx, s.editor, a.id);
      assert.equal(view.pub.attachments[0]?.size, pdf.byteLength);
      assert.deepEqual(
        view.available.map((t) => t.action),
        ['submit'],
      );
      // 10-01…08 National Day, 10-11 a make-up working Saturday.
      assert.equal(view.clock?.dueOn, '2025-11-04');
    });

    test('should report bad fields in Chinese and refuse non-editors', async () => {
      await assert.rejects(
        draft({ title: '', kind: 'x', writtenOn: '2025-13-01' }),
        (e) => is('invalid')(e) && Object.keys((e as AppError).fieldErrors).length === 3,
      );
      await assert.rejects(
        draft({ kind: 'interpretation', interprets: 'NOPE/2025-99999' }),
        (e) => is('invalid')(e) && 'interprets' in (e as AppError).fieldErrors,
      );
      await assert.rejects(
        createDraft(rt.ctx, s.r1, {
          org: root.creditCode,
          title: 't',
          kind: 'news',
          writtenOn: '2025-10-01',
          body: 'x',
        }),
        is('forbidden'),
      );
    });

    test('should run the chain with 编审分离, store findings and publish a frozen version', async () => {
      const { id } = await draft({ body: '<p>联系电话13812345678</p>' });
      await assert.rejects(actOnPublication(rt.ctx, s.editor, id, 'approve'), is('forbidden'));
      await assert.rejects(actOnPublication(rt.ctx, s.r1, id, 'approve'), is('conflict'));
      const submitted = await actOnPublication(rt.ctx, s.editor, id, 'submit');
      assert.equal(submitted.findings[0]?.rule, 'mobile');
      await actOnPublication(rt.ctx, s.r1, id, 'approve');
      await assert.rejects(actOnPublication(rt.ctx, s.r1, id, 'approve'), is('forbidden'));
      await actOnPublication(rt.ctx, s.r2, id, 'approve');
      const signed = await actOnPublication(rt.ctx, s.signer, id, 'approve');
      assert.equal(signed.state, 'signed_off');
      assert.equal((await actOnPublication(rt.ctx, s.editor, id, 'publish')).state, 'published');
      const view = await getPublication(rt.ctx, s.editor, id);
      assert.equal(view.pub.publishedOn, '2025-10-09');
      assert.equal(view.live?.version, 1);
      assert.deepEqual(
        view.pub.reviews.map((r) => r.action),
        ['create', 'submit', 'approve', 'approve', 'approve', 'publish'],
      );
      // The body's finding, and the warning that this 行政规范性文件 has no published interpretation yet.
      assert.equal(view.pub.reviews[1]?.findings.length, 2);
      assert.equal(view.pub.reviews[1]?.findings.map((f) => (f as { rule: string }).rule).at(-1), 'no_interpretation');
      // Six moves, and the content digests of the version made live (docs/monitoring-integrity.md).
      const audited = await rt.ctx.repos.audit.list({ entityId: id }, { limit: 20 });
      assert.equal(audited.length, 7);
      assert.equal(audited.filter((e) => e.action === 'publication.integrity').length, 1);
    });

    test('should keep the live version up while a revision runs, then withdraw with a reason', async () => {
      const { id } = await draft();
      await approveAll(id);
      await actOnPublication(rt.ctx, s.signer, id, 'publish');
      await revise(rt, s, id, {
        title: '修订后的通知',
        kind: 'normative',
        writtenOn: '2025-10-01',
        body: '<p>新</p>',
      });
      const during = await getPublication(rt.ctx, s.editor, id);
      assert.equal(during.live?.fields.title, '示例区关于加强老旧小区改造管理的通知');
      await assert.rejects(actOnPublication(rt.ctx, s.editor, id, 'withdraw', { reason: 'x' }), is('forbidden'));
      await assert.rejects(actOnPublication(rt.ctx, s.signer, id, 'withdraw'), is('invalid'));
      assert.equal(
        (await actOnPublication(rt.ctx, s.signer, id, 'withdraw', { reason: '内容有误' })).state,
        'withdrawn',
      );
      assert.equal((await getPublication(rt.ctx, s.editor, id)).live, undefined);
    });

    test('should show a published item in search at once and drop it when withdrawn', async () => {
      const { id } = await draft({ title: '示例区河长制工作年度通报', docNo: '示政发〔2025〕31号' });
      await approveAll(id);
      assert.equal(
        (await searchPublic(rt.ctx, { q: '河长' })).items.some((i) => i.docId === id),
        false,
        'not before publication',
      );
      await actOnPublication(rt.ctx, s.signer, id, 'publish');
      const found = await searchPublic(rt.ctx, { q: '河长' });
      assert.equal(
        found.items.some((i) => i.docId === id),
        true,
      );
      await actOnPublication(rt.ctx, s.signer, id, 'withdraw', { reason: '内容有误' });
      assert.equal(
        (await searchPublic(rt.ctx, { q: '河长' })).items.some((i) => i.docId === id),
        false,
      );
    });

    test('should release scheduled items when their time comes', async () => {
      const { id } = await draft({ major: true });
      await actOnPublication(rt.ctx, s.editor, id, 'submit');
      await actOnPublication(rt.ctx, s.r1, id, 'approve');
      await actOnPublication(rt.ctx, s.r2, id, 'approve');
      await assert.rejects(actOnPublication(rt.ctx, s.signer, id, 'approve'), is('forbidden'));
      await actOnPublication(rt.ctx, s.head, id, 'approve');
      assert.equal(
        (await actOnPublication(rt.ctx, s.head, id, 'publish', { at: '2025-10-10T00:00:00Z' })).state,
        'scheduled',
      );
      assert.deepEqual(await publishScheduled(rt.ctx), []);
      rt.clock.set('2025-10-10T01:00:00Z');
      assert.deepEqual(await publishScheduled(rt.ctx), [id]);
      assert.equal((await getPublication(rt.ctx, s.editor, id)).pub.state, 'published');
    });

    test('should list, count for the annual report and list withheld items for re-assessment', async () => {
      const doc = await draft();
      await approveAll(doc.id);
      await actOnPublication(rt.ctx, s.signer, doc.id, 'publish');
      const interp = await draft({ kind: 'interpretation', interprets: doc.indexNo, title: '解读' });
      await approveAll(interp.id);
      await actOnPublication(rt.ctx, s.signer, interp.id, 'publish');
      await draft(WITHHELD_FIELDS);
      const counts = await annualPublicationReport(rt.ctx, s.editor, root.id, 2025);
      assert.equal(counts.newByKind.interpretation, 1);
      assert.ok(counts.documentsWithInterpretation >= 1);
      assert.ok(counts.normative.inForce >= 3);
      const listed = await listPublications(rt.ctx, s.r1, { states: ['draft'] });
      assert.ok(listed.total >= 1 && listed.items.every((i) => i.state === 'draft'));
      assert.equal((await reassessmentDue(rt.ctx, s.editor)).length, 0);
      assert.equal((await reassessmentDue(rt.ctx, s.editor, '2026-10-10' as never)).length, 1);
    });
  });
}
