// Loading historical cases from CSV in one transaction: all rows, or none when any row is wrong.
import type { ApplicationContext } from './ports.js';
import type { ApplicationEvent } from '../../domain/applications/application.js';
import { parseImportCsv, type ImportError, type ImportRow } from '../../domain/applications/import-csv.js';
import { submissionEvent } from '../../domain/applications/deadlines.js';
import { rulesFor } from '../../domain/applications/rules.js';
import { formatTrackingCode } from '../../domain/applications/tracking-code.js';
import type { LocalDate } from '../../domain/core/local-date.js';
import { loadHolidayCalendar } from '../calendar/calendar.js';
import { auditBy } from '../actors.js';

/** What an import did. */
export type ImportResult = { ok: true; imported: number; open: number } | { ok: false; errors: ImportError[] };

/**
 * Imports cases: closed ones are stored archived with their outcome (they count in the annual
 * report of their closing year); open ones are registered and continue on the statutory clock.
 * @param onProgress called as rows are stored
 */
export async function importApplications(
  ctx: ApplicationContext,
  text: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult> {
  const orgs = await ctx.repos.orgs.list({ includeRetired: true });
  const parsed = parseImportCsv(text, new Set(orgs.map((o) => o.creditCode)), ctx.clock.today() as LocalDate);
  if (!parsed.ok) return parsed;
  const calendar = await loadHolidayCalendar(ctx.repos);
  const byCode = new Map(orgs.map((o) => [o.creditCode, o.id]));
  const now = ctx.clock.nowIso();
  let open = 0;
  await ctx.uow.run(async (r) => {
    for (const [i, row] of parsed.rows.entries()) {
      const orgId = byCode.get(row.orgCreditCode) ?? '';
      const first = submissionEvent(row.receivedOn, rulesFor(row.receivedOn), calendar);
      const id = ctx.crypto.newId();
      const events: ApplicationEvent[] = [
        {
          ...first,
          seq: 1,
          at: now,
          actorId: null,
          actorLabel: '历史数据导入',
          params: { imported: true, line: row.line },
        },
      ];
      if (row.closedOn) {
        events.push({
          seq: 2,
          action: 'archive',
          on: row.closedOn,
          at: now,
          actorId: null,
          actorLabel: '历史数据导入',
          params: { imported: true, outcome: row.outcome },
          dueOn: first.dueOn,
          explanation: '历史数据导入：已办结并归档',
          provisional: false,
        });
      } else {
        open += 1;
      }
      await r.applications.insert(
        newCase(id, orgId, row, formatTrackingCode(Buffer.from(ctx.crypto.randomToken(16), 'base64url')), first.dueOn),
        now,
      );
      await r.applications.replaceEvents(id, events);
      await r.audit.append(
        auditBy(null, {
          action: 'application.imported',
          entityType: 'application',
          entityId: id,
          orgId,
          before: null,
          after: { line: row.line, receivedOn: row.receivedOn, outcome: row.outcome, closedOn: row.closedOn },
        }),
        now,
      );
      onProgress?.(i + 1, parsed.rows.length);
    }
  });
  return { ok: true, imported: parsed.rows.length, open };
}

function newCase(id: string, orgId: string, row: ImportRow, trackingCode: string, dueOn: LocalDate | null) {
  return {
    id,
    orgId,
    trackingCode,
    channel: row.channel,
    receivedOn: row.receivedOn,
    applicant: {
      type: row.applicantType,
      subtype: row.applicantSubtype,
      name: row.applicantName,
      idType: null,
      idNumber: '',
      legalRepresentative: '',
      contactPerson: '',
      phone: '',
      email: '',
      address: '',
      postcode: '',
    },
    request: {
      description: row.description,
      title: '',
      docNo: '',
      indexNo: '',
      carrier: 'paper' as const,
      delivery: 'post' as const,
    },
    state: row.closedOn ? ('archived' as const) : ('registered' as const),
    handlerId: null,
    outcome: row.outcome,
    dueOn: row.closedOn ? null : dueOn,
    waitingUntil: null,
    extended: false,
    closedOn: row.closedOn,
    submissionKey: null,
    submissionHash: null,
    proofFileId: null,
  };
}
