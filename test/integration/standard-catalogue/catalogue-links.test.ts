// Publications linked to standard-catalogue rows on both dialects: the link is
// checked (own organization, current row), frozen into the live version, and the dashboard queries
// count live items per row — nothing published, and overdue by each row's 公开时限 with a fixed clock.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { demoOrgs } from '../../factories/orgs.js';
import { catalogueRowForm } from '../../factories/standard-catalogue.js';
import { makePublication, moveAlongChain, publishingStaff, revise } from '../../factories/publications.js';
import type { PublishingStaff } from '../../factories/publications.js';
import { updateDraft } from '../../../src/app/publications/drafts.js';
import { actOnPublication } from '../../../src/app/publications/act-on-publication.js';
import { addCatalogueRow, retireCatalogueRow } from '../../../src/app/standard-catalogue/edit-rows.js';
import { overdueRows, rowsWithNothingPublished } from '../../../src/app/standard-catalogue/catalogue-dashboard.js';
import { publicCatalogueRow } from '../../../src/app/standard-catalogue/link-row.js';
import { AppError } from '../../../src/app/errors.js';

const fieldErrors = (e: unknown) => (e instanceof AppError ? e.fieldErrors : {});

for (const dialect of DIALECTS) {
  describe(`publications linked to catalogue rows (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { start: '2025-01-02T02:00:00Z' });
    let root: { id: string; creditCode: string };
    let other = '';
    let s: PublishingStaff;
    const row: Record<'relief' | 'budget' | 'standing' | 'foreign', string> = {
      relief: '',
      budget: '',
      standing: '',
      foreign: '',
    };
    const pubs: Record<string, string> = {};

    const draft = async (title: string, catalogueRow: string | undefined) =>
      (
        await makePublication(rt, s, {
          fields: {
            title,
            kind: 'other_document',
            docNo: '',
            writtenOn: '2025-01-02',
            body: '<p>正文</p>',
            ...(catalogueRow === undefined ? {} : { catalogueRow }),
          },
        })
      ).id;
    const publish = (id: string) => moveAlongChain(rt, s, id, 'published');
    const at = (day: string) => rt.clock.set(`${day}T02:00:00Z`);
    const nothing = async () => (await rowsWithNothingPublished(rt.ctx, null, root.id)).map((r) => r.level1).sort();
    const overdue = async () => (await overdueRows(rt.ctx, null, root.id)).map((o) => [o.row.level1, o.dueOn]);

    before(async () => {
      const orgs = await demoOrgs(rt);
      root = orgs.root;
      other = orgs.named('示例区教育局').id;
      s = await publishingStaff(rt);
      const areas = await rt.ctx.repos.standardCatalogue.areas(root.id);
      const area = (name: string) => areas.find((a) => a.name === name)?.id ?? '';
      const add = (orgId: string, ...form: Parameters<typeof catalogueRowForm>) =>
        addCatalogueRow(rt.ctx, null, orgId, catalogueRowForm(...form));
      const relief = '制定或获取信息之日起10个工作日内';
      row.relief = await add(root.id, area('社会救助'), '最低生活保障', '办事指南', relief);
      row.budget = await add(root.id, area('财政预决算'), '部门预算', '预算公开', '每年1月31日前');
      row.standing = await add(root.id, area('社会救助'), '特困人员救助供养', '政策文件', '长期公开（动态调整）');
      row.foreign = await add(other, area('义务教育'), '招生管理', '招生政策', '信息形成或者变更之日起20个工作日内');
    });

    test('should refuse a row of another organization and a retired row, naming the field', async () => {
      await assert.rejects(draft('别的机构的事项', row.foreign), (e) =>
        /不属于本机构/.test(fieldErrors(e).catalogueRow ?? ''),
      );
      await assert.rejects(draft('不存在的事项', 'no-such-row'), (e) =>
        /不属于本机构/.test(fieldErrors(e).catalogueRow ?? ''),
      );
      const id = await draft('不对应目录事项的信息', '');
      assert.equal((await rt.ctx.repos.publications.byId(id))?.catalogueRowId, null);
    });

    test('should count nothing published before any linked item is live (drafts do not count)', async () => {
      pubs.relief = await draft('最低生活保障办事指南', row.relief);
      assert.equal((await rt.ctx.repos.publications.byId(pubs.relief))?.catalogueRowId, row.relief);
      assert.deepEqual(await nothing(), ['最低生活保障', '特困人员救助供养', '部门预算']);
      assert.deepEqual(await rt.ctx.repos.standardCatalogue.rowStats(root.id), new Map());
    });

    test('should count a published item under its row with its 发布日期', async () => {
      at('2025-01-10');
      await publish(pubs.relief as string);
      const stats = await rt.ctx.repos.standardCatalogue.rowStats(root.id);
      assert.deepEqual(stats.get(row.relief), { liveCount: 1, lastPublishedOn: '2025-01-10' });
      assert.deepEqual(await nothing(), ['特困人员救助供养', '部门预算']);
      assert.deepEqual(await publicCatalogueRow(rt.ctx, pubs.relief as string), {
        area: '社会救助',
        label: '最低生活保障 › 办事指南',
        timeLimitText: '制定或获取信息之日起10个工作日内',
      });
    });

    test('should flag rows past their time limit with the fixed clock', async () => {
      // Rows entered 2025-01-02: 10 working days → 2025-01-16 (met by the item of 01-10); yearly → 2025-01-31.
      at('2025-01-20');
      assert.deepEqual(await overdue(), []);
      at('2025-02-03');
      assert.deepEqual(await overdue(), [['部门预算', '2025-01-31']]);
      pubs.budget = await draft('2025年部门预算', row.budget);
      await publish(pubs.budget);
      // The yearly deadline met on 02-03 (late) recurs: next due 2026-01-31.
      assert.deepEqual(await overdue(), []);
      at('2026-02-02');
      assert.deepEqual(await overdue(), [['部门预算', '2026-01-31']]);
      at('2025-02-03');
    });

    test('should keep counting the live version while a revision changes the link', async () => {
      await revise(rt, s, pubs.relief as string, {
        title: '最低生活保障办事指南（修订）',
        kind: 'other_document',
        writtenOn: '2025-01-02',
        body: '<p>新</p>',
        catalogueRow: row.standing,
      });
      assert.equal((await rt.ctx.repos.standardCatalogue.rowStats(root.id)).get(row.relief)?.liveCount, 1);
      assert.equal((await rt.ctx.repos.standardCatalogue.rowStats(root.id)).get(row.standing), undefined);
      await publish(pubs.relief as string);
      const stats = await rt.ctx.repos.standardCatalogue.rowStats(root.id);
      assert.equal(stats.get(row.relief), undefined);
      // A new version keeps the item's 发布日期.
      assert.deepEqual(stats.get(row.standing), { liveCount: 1, lastPublishedOn: '2025-01-10' });
      // The relief row has nothing live any more: its 10 working days from 2025-01-02 have run out.
      assert.deepEqual(await overdue(), [['最低生活保障', '2025-01-16']]);
    });

    test('should stop counting a withdrawn item', async () => {
      await actOnPublication(rt.ctx, s.signer, pubs.budget as string, 'withdraw', {
        reason: '数据有误，撤稿',
      });
      assert.equal((await rt.ctx.repos.standardCatalogue.rowStats(root.id)).get(row.budget), undefined);
      assert.deepEqual(
        (await overdue()).map(([name]) => name),
        ['部门预算', '最低生活保障'],
      );
    });

    test('should keep a link to a row retired since, but refuse it for other items', async () => {
      const id = await draft('特困人员救助供养政策', row.standing);
      await retireCatalogueRow(rt.ctx, null, root.id, row.standing);
      await updateDraft(rt.ctx, s.editor, id, {
        title: '特困人员救助供养政策（改）',
        kind: 'other_document',
        writtenOn: '2025-01-02',
        body: '<p>正文</p>',
        catalogueRow: row.standing,
      });
      assert.equal((await rt.ctx.repos.publications.byId(id))?.catalogueRowId, row.standing);
      await assert.rejects(draft('新信息', row.standing), (e) => /已停用/.test(fieldErrors(e).catalogueRow ?? ''));
      assert.ok(!(await nothing()).includes('特困人员救助供养'));
    });
  });
}
