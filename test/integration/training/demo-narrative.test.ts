// The demo district's draft annual report of this year cites its supervision records (src/app/demo/demo-training.ts
// and demo-monitoring.ts): the four training sessions with their 120 人次, the monitoring run over both sites, the
// 提醒函, and, in section 五, the 社会评议 and 责任追究 records — on both dialects.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, skipReason, suiteRuntime } from '../../support/runtime.js';
import { rootOrg } from '../../factories/orgs.js';
import { computeDraft } from '../../../src/app/reports/report-compute.js';
import { yearOf } from '../../../src/domain/core/local-date.js';

for (const dialect of DIALECTS) {
  describe(`demo narrative (${dialect})`, { skip: skipReason(dialect) }, () => {
    const rt = suiteRuntime(dialect, { content: true });

    test("this year's draft of the root cites the demo's training, checks, letters and oversight records", async () => {
      const root = await rootOrg(rt);
      const { drafted } = await computeDraft(rt.ctx.repos, root, yearOf(rt.ctx.clock.today()), undefined);
      assert.match(drafted.overview, /全年共开展政务网站检测2次，发布提醒函1份。/);
      assert.match(
        drafted.overview,
        /组织政府信息公开培训4次（集中培训1次、专题培训2次、业务指导1次），参训人员120人次；开展社会评议1次；对政府信息公开工作中的问题进行责任追究1件。/,
      );
      assert.match(drafted.problems, /对示例区教育局开展社会评议（政府信息公开工作群众满意度测评（示例））/);
      assert.match(drafted.problems, /对示例镇人民政府进行责任追究，处理结果：责令整改，予以通报批评（示例）/);
    });
  });
}
