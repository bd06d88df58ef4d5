// The demo district's supervision records (监督保障): four training sessions of this year held by the root government
// (集中培训, 专题培训 twice, 业务指导) with participants from several units and one material, a 社会评议 and a
// 责任追究 record, and one 提醒函 to the education bureau about the open 整改 tasks of the demo's monitoring run — so
// that this year's draft annual report of the root cites training, checks and letters. All through the use cases,
// by the demo account `demo.gov.trainer` (郑培训（示例）, role 上级政务公开办（监督）) and the demo supervisor.
import type { Actor } from '../../domain/policies/actor.js';
import { compareDates, localDate, type LocalDate } from '../../domain/core/local-date.js';
import { createTraining, type TrainingInput } from '../training/manage-training.js';
import { createOversight, type OversightInput } from '../oversight/manage-oversight.js';
import { issueLetter } from '../monitoring/letters.js';
import { actorOf } from '../actors.js';
import { demoAccounts } from './demo-staff.js';
import { demoPdf } from './demo-files.js';
import { daysAgo, workdayAfter, type DemoEvent, type DemoWorld } from './demo-timeline.js';

/**
 * A step the composition may add after the training records (the assessment module creates this year's scheme
 * there); it runs on the day of the last session, with the demo trainer.
 */
export type DemoAssessmentStep = (w: DemoWorld, trainer: Actor) => Promise<void>;

/** One demo session: days before today, kind, title, and participants as [DEMO_ORGS index, head count]. */
type DemoSession = {
  ago: number;
  kind: 'centralized' | 'thematic' | 'guidance';
  title: string;
  participants: readonly (readonly [number, number])[];
  material?: string;
};

/** The sessions: 45 + 47 + 12 + 16 = 120 人次 over four sessions. */
export const DEMO_SESSIONS: readonly DemoSession[] = [
  {
    ago: 150,
    kind: 'centralized',
    title: '全区政府信息公开工作业务培训（示例）',
    participants: [
      [0, 15],
      [2, 12],
      [3, 10],
      [6, 8],
    ],
    material: '政府信息公开工作业务培训课件（示例）.pdf',
  },
  {
    ago: 100,
    kind: 'thematic',
    title: '重点领域信息公开专题培训（示例）',
    participants: [
      [2, 20],
      [6, 15],
      [7, 12],
    ],
  },
  {
    ago: 45,
    kind: 'guidance',
    title: '依申请公开答复规范业务指导（示例）',
    participants: [
      [3, 6],
      [4, 6],
    ],
  },
  {
    ago: 30,
    kind: 'thematic',
    title: '政务新媒体规范管理专题培训（示例）',
    participants: [
      [0, 6],
      [2, 5],
      [5, 5],
    ],
  },
];

/** The 社会评议 and 责任追究 records of the root government: days before today and their fields. */
const DEMO_RECORDS: readonly { ago: number; fields: Omit<OversightInput, 'orgId' | 'occurredOn'> }[] = [
  {
    ago: 80,
    fields: {
      kind: 'social_review',
      unit: '示例区教育局',
      subject: '政府信息公开工作群众满意度测评（示例）',
      result: '发放问卷200份，满意率96%（示例）',
    },
  },
  {
    ago: 35,
    fields: {
      kind: 'accountability',
      unit: '示例镇人民政府',
      subject: '政府信息公开申请逾期答复（示例）',
      result: '责令整改，予以通报批评（示例）',
    },
  },
];

/** How many days before today the letter is issued (after the demo's monitoring run, 21 days ago). */
const LETTER_AGO = 20;

/** A day `back` days ago, kept within this year (the sessions belong to this year's report). */
function thisYearDay(w: DemoWorld, back: number): LocalDate {
  const day = daysAgo(w, back);
  const first = workdayAfter(localDate(`${w.year}-01-02`), w.today);
  return compareDates(day, first) < 0 ? first : day;
}

function sessionInput(w: DemoWorld, s: DemoSession): TrainingInput {
  const orgId = (index: number) => w.orgs.find((o) => o.index === index)?.org.id ?? '';
  return {
    orgId: w.orgs[0]!.org.id,
    heldOn: thisYearDay(w, s.ago),
    title: s.title,
    organizer: '示例区政务公开办公室',
    kind: s.kind,
    notes: '',
    participants: s.participants
      .filter(([i]) => orgId(i) !== '')
      .map(([i, n]) => ({ orgId: orgId(i), headcount: String(n), accounts: '' })),
    materials: s.material ? [{ name: s.material, mime: 'application/pdf', content: demoPdf(s.title) }] : [],
  };
}

/** The events of the demo's supervision records, and how many sessions and records they make. */
export function trainingEvents(
  w: DemoWorld,
  assessment?: DemoAssessmentStep,
): { events: DemoEvent[]; sessions: number; records: number } {
  let trainer: Actor | undefined;
  const root = w.orgs[0]!.org;
  const events: DemoEvent[] = DEMO_SESSIONS.map((s, i) => ({
    day: thisYearDay(w, s.ago),
    run: async () => {
      if (i === 0) {
        const staff = await demoAccounts(w.ctx, root.id, {
          trainer: ['demo.gov.trainer', 'supervisor', '郑培训（示例）'],
        });
        trainer = staff.trainer;
      }
      await createTraining(w.ctx, trainer!, sessionInput(w, s));
      if (i === DEMO_SESSIONS.length - 1 && assessment) await assessment(w, trainer!);
    },
  }));
  events.push(
    ...DEMO_RECORDS.map((r) => ({
      day: thisYearDay(w, r.ago),
      run: async () => {
        await createOversight(w.ctx, trainer!, { ...r.fields, orgId: root.id, occurredOn: thisYearDay(w, r.ago) });
      },
    })),
    { day: daysAgo(w, LETTER_AGO), run: () => letterToEducation(w) },
  );
  return { events, sessions: DEMO_SESSIONS.length, records: DEMO_RECORDS.length };
}

/** The demo supervisor issues a 提醒函 to the education bureau about its open 整改 tasks from the run. */
async function letterToEducation(w: DemoWorld): Promise<void> {
  const supervisor = await w.ctx.repos.users.byUsername('demo.gov.supervisor');
  const education = w.orgs.find((o) => o.index === 2);
  if (!supervisor || !education) return;
  await issueLetter(w.ctx, actorOf(supervisor), education.org.id);
}
