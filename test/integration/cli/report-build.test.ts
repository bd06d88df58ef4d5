// `gongkai report build` and `gongkai report validate` run as the real program (in-process), on a SQLite file and
// on a PostgreSQL schema: every output kind by extension (magic bytes, JSON parsed), and the
// validation of the database's report, a good JSON and a broken one (exit codes, --json shape).
import { saveReportDraft } from '../../../src/app/reports/annual-reports.js';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIALECTS, skipReason } from '../../support/runtime.js';
import { cliSandbox, runGongkaiInProcess } from '../../support/cli.js';
import { localDate } from '../../../src/domain/core/local-date.js';
import { syntheticApplication } from '../reports/support.js';

const ROOT_CODE = '11999901MB00000012';

/** The magic bytes of each binary kind, and a test of each text kind. */
const CHECKS: Record<string, (bytes: Buffer) => void> = {
  pdf: (b) => assert.equal(b.subarray(0, 5).toString('latin1'), '%PDF-'),
  docx: (b) => assert.equal(b.subarray(0, 4).toString('hex'), '504b0304'),
  xlsx: (b) => assert.equal(b.subarray(0, 4).toString('hex'), '504b0304'),
  html: (b) => {
    assert.match(b.toString('utf8'), /^<!DOCTYPE html>/);
    assert.match(b.toString('utf8'), /示例区人民政府2025年政府信息公开工作年度报告/);
  },
  md: (b) => assert.match(b.toString('utf8'), /\n\| 一、本年新收政府信息公开申请数量 \|.*\| 3 \|\n/),
  json: (b) => {
    const r = JSON.parse(b.toString('utf8')) as {
      format: string;
      year: number;
      applications: { new: { natural_person: number; total: number }; carried_forward: { total: number } };
    };
    assert.equal(r.format, '2021');
    assert.equal(r.year, 2025);
    assert.equal(r.applications.new.natural_person, 2);
    assert.equal(r.applications.new.total, 3);
    assert.equal(r.applications.carried_forward.total, 1);
  },
};

for (const dialect of DIALECTS) {
  describe(`gongkai report build / validate (${dialect})`, { skip: skipReason(dialect) }, () => {
    const box = cliSandbox(dialect, 'rcli');
    const { dir, env } = box;

    before(async () => {
      const first = await runGongkaiInProcess(['org', 'list', '--json'], env);
      assert.equal(first.code, 0, first.stderr);
      // Three 2025 cases of the district government: two closed, one still open at the year end.
      const facts = [
        {
          applicantType: 'natural_person',
          applicantSubtype: null,
          receivedOn: localDate('2025-03-03'),
          closedOn: localDate('2025-03-20'),
          outcome: 'disclosed',
        },
        {
          applicantType: 'natural_person',
          applicantSubtype: null,
          receivedOn: localDate('2025-12-22'),
          closedOn: null,
          outcome: null,
        },
        {
          applicantType: 'legal_person',
          applicantSubtype: 'business',
          receivedOn: localDate('2025-05-06'),
          closedOn: localDate('2025-05-30'),
          outcome: 'withheld.third_party_rights',
        },
      ] as const;
      await box.withInstance(async (rt) => {
        const org = (await rt.ctx.repos.orgs.byCreditCode(ROOT_CODE))!;
        for (const [i, f] of facts.entries()) {
          await rt.ctx.repos.applications.insert(
            syntheticApplication(rt.ctx.crypto.newId(), org.id, { ...f }, 900 + i),
            '2025-12-31T00:00:00Z',
          );
        }
      });
    });
    after(() => box.cleanup());

    for (const kind of Object.keys(CHECKS)) {
      test(`should build the report as .${kind}`, async () => {
        const out = join(dir, `report-2025.${kind}`);
        const r = await runGongkaiInProcess(
          ['report', 'build', '--org', ROOT_CODE, '--year', '2025', '--out', out],
          env,
        );
        assert.equal(r.code, 0, r.stderr);
        assert.match(r.stdout, /已写入/);
        CHECKS[kind]!(readFileSync(out));
      });
    }

    test('should refuse an unknown output kind and an unknown organization with exit 1', async () => {
      const bad = await runGongkaiInProcess(
        ['report', 'build', '--org', ROOT_CODE, '--year', '2025', '--out', join(dir, 'x.odt')],
        env,
      );
      assert.equal(bad.code, 1);
      assert.match(bad.stderr, /扩展名/);
      const unknown = await runGongkaiInProcess(
        ['report', 'validate', '--org', '91110000000000000X', '--year', '2025'],
        env,
      );
      assert.equal(unknown.code, 1);
      assert.match(unknown.stderr, /机构不存在/);
    });

    test('should validate the database report (only its unfinished sections, then no error: exit 0, an empty array)', async () => {
      const args = ['report', 'validate', '--org', ROOT_CODE, '--year', '2025', '--json'];
      const drafted = await runGongkaiInProcess(args, env);
      assert.equal(drafted.code, 1, 'the drafted narrative still holds 【请补充】');
      const found = JSON.parse(drafted.lastLine) as { rule: string; where: { section: string } }[];
      assert.ok(found.length > 0 && found.every((f) => f.rule === 'unfinished'), drafted.lastLine);
      await box.withInstance(async (rt) => {
        const org = (await rt.ctx.repos.orgs.byCreditCode(ROOT_CODE))!;
        await saveReportDraft(rt.ctx, null, org.id, 2025, {
          sections: { overview: '总体情况。', problems: '存在的问题。', other: '无其他事项。' },
        });
      });
      const r = await runGongkaiInProcess(args, env);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.lastLine), []);
    });

    test('should validate a good JSON file and fail a broken one with the findings as {rule, severity, message, where}', async () => {
      const good = join(dir, 'report-2025.json');
      const ok = await runGongkaiInProcess(['report', 'validate', good], env);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(ok.lastLine, /错误 0 项/);
      const report = JSON.parse(readFileSync(good, 'utf8')) as {
        organization: { creditCode: string | null };
        applications: Record<string, Record<string, number>>;
      };
      report.applications.new!.natural_person = 3; // breaks R1 and R3 in that column and row
      report.organization.creditCode = null;
      const broken = join(dir, 'broken.json');
      writeFileSync(broken, JSON.stringify(report));
      const text = await runGongkaiInProcess(['report', 'validate', broken], env);
      assert.equal(text.code, 1);
      assert.match(text.stdout, /\[错误\] R1 第三部分“自然人”列/);
      const json = await runGongkaiInProcess(['report', 'validate', broken, '--json'], env);
      assert.equal(json.code, 1);
      const findings = JSON.parse(json.stdout) as {
        rule: string;
        severity: string;
        message: string;
        where: Record<string, string>;
      }[];
      assert.ok(findings.length >= 2);
      for (const f of findings) assert.deepEqual(Object.keys(f), ['rule', 'severity', 'message', 'where']);
      assert.deepEqual(findings.find((f) => f.rule === 'R1')?.where, {
        section: 'applications',
        row: 'total',
        column: 'natural_person',
      });
      assert.ok(findings.some((f) => f.rule === 'R3' && f.where.row === 'new'));
    });
  });
}
