// The demo district's proactive disclosure (主动公开): an item in every category of every organization's
// 政府信息公开制度 and 法定主动公开内容 directories, each 行政规范性文件 with its 政策解读, budgets and documents with
// a PDF attachment, and the root government's standard catalogue (two key areas) with items linked to its rows.
// Everything goes through the drafting use case and the review chain (编审分离, search index, audit).
import { addDays, yearOf, type LocalDate } from '../../domain/core/local-date.js';
import { interpretationDraft } from '../../domain/publications/draft-fields.js';
import type { Category } from '../publications/ports.js';
import { createDraft, type AttachmentUpload } from '../publications/drafts.js';
import { addCatalogueRow } from '../standard-catalogue/edit-rows.js';
import { moveAlongChain } from './publication-moves.js';
import { demoPdf } from './demo-files.js';
import { bodyHtml, demoText, interpretationParagraphs, type DemoText } from './demo-texts.js';
import { daysAgo, type DemoEvent, type DemoOrgRef, type DemoWorld } from './demo-timeline.js';

/**
 * Directories with pages of their own: the guide (from the organization's fields), the annual reports (the published
 * reports), the application form.
 */
const OWN_PAGES = new Set(['guide', 'apply', 'annual-reports']);

/**
 * The categories demo items are filed in: the leaves under 政府信息公开制度 and 法定主动公开内容, but 政策解读 (the
 * interpretations of the 行政规范性文件 fill it).
 */
export function demoCategories(cats: readonly Category[]): Category[] {
  const byId = new Map(cats.map((c) => [c.id, c]));
  const top = (c: Category): Category => {
    let n = c;
    for (let up = byId.get(n.parentId ?? ''); up; up = byId.get(n.parentId ?? '')) n = up;
    return n;
  };
  return cats.filter(
    (c) =>
      c.kind === 'category' &&
      c.retiredAt === null &&
      c.statutoryKey !== 'policy-interpretation' &&
      !OWN_PAGES.has(top(c).statutoryKey ?? top(c).slug),
  );
}

/** The categories of 本地重点领域信息 (art. 21): their items name the category as their 重点领域. */
const LOCAL_SLUGS = new Set([
  'municipal',
  'public-services',
  'public-welfare',
  'land-expropriation',
  'housing-expropriation',
  'public-security',
  'social-assistance',
  'poverty-relief',
  'collective-economy',
  'land-transfer',
  'homestead',
]);

/** The standard catalogue's demo rows: two key areas of the root government, three matters each. */
const CATALOGUE: readonly { area: string; category: string; rows: readonly [string, string, string][] }[] = [
  {
    area: '社会救助',
    category: 'social-assistance',
    rows: [
      ['最低生活保障', '办事指南', '办理事项、办理条件、申请材料、办理流程'],
      ['最低生活保障', '救助对象名单', '救助对象姓名（隐去部分字）、所在村（社区）、保障人数'],
      ['特困人员救助供养', '供养标准', '基本生活标准、照料护理标准'],
    ],
  },
  {
    area: '义务教育',
    category: 'education',
    rows: [
      ['招生入学', '招生政策', '招生范围、招生对象、报名条件、报名时间'],
      ['招生入学', '学区划分', '学校名称、对应学区范围'],
      ['学校概况', '学校名录', '学校名称、办学性质、地址、联系电话'],
    ],
  },
];

/** A document number: the organization's 代字 (规 for a 行政规范性文件, 发 otherwise), year and serial. */
const docNumber = (o: DemoOrgRef, normative: boolean, year: number, serial: number): string =>
  `${o.demo.abbr}${normative ? '规' : '发'}〔${year}〕${serial}号`;

/** The PDF attachment of a text, if it has one. */
const attachmentOf = (t: DemoText, label: string): AttachmentUpload[] =>
  t.attachment ? [{ name: t.attachment, mime: 'application/pdf', content: demoPdf(label) }] : [];

/** Drafts an item (by the root's editor) and takes it through the chain to published. */
async function publish(w: DemoWorld, input: Record<string, unknown>): Promise<{ id: string; indexNo: string }> {
  const made = await createDraft(w.ctx, w.publishing.editor, input);
  await moveAlongChain(w.ctx, w.publishing, made.id, 'published', { approve: { acceptFindings: true } });
  return made;
}

/** The draft fields of a demo text in a category of an organization (a document is written three days before). */
function draftOf(
  w: DemoWorld,
  o: DemoOrgRef,
  cat: Category,
  t: DemoText,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const today = w.clock.today();
  return {
    org: o.org.id,
    category: cat.id,
    title: t.title,
    kind: t.kind,
    summary: t.summary,
    keywords: t.keywords,
    writtenOn: t.docNo ? addDays(today, -3) : today,
    body: bodyHtml(t.paragraphs),
    attachments: attachmentOf(t, `${o.org.creditCode} ${today}`),
    ...extra,
  };
}

/** Publishes a 行政规范性文件 and, the same day, its 政策解读 linked to it by its 索引号. */
async function publishWithInterpretation(w: DemoWorld, o: DemoOrgRef, input: Record<string, unknown>): Promise<void> {
  const doc = await publish(w, input);
  const fields = {
    ...interpretationDraft(
      {
        title: String(input.title),
        docNo: String(input.docNo ?? ''),
        topic: '',
        keywords: String(input.keywords ?? ''),
        keyAreas: [],
        kind: 'normative',
        indexNo: doc.indexNo,
        orgId: o.org.id,
      },
      w.clock.today(),
    ),
  };
  await publish(w, { ...fields, body: bodyHtml(interpretationParagraphs(`《${String(input.title)}》`, o.org.name)) });
}

/**
 * The events that publish the demo items of every organization: one item per category, dated from today back
 * over the history (a seeded spread, weekends moved to Friday), and a second 行政规范性文件 last year.
 * @returns the events and how many items (interpretations included) they publish
 */
export async function publicationEvents(w: DemoWorld): Promise<{ events: DemoEvent[]; items: number }> {
  const events: DemoEvent[] = [];
  let items = 0;
  for (const o of w.orgs) {
    const cats = demoCategories(await w.ctx.repos.categories.list(o.org.id));
    const serials = new Map<string, number>();
    /** The next serial of a document series of a year (deterministic: in planning order). */
    const serial = (key: string) => {
      const n = (serials.get(key) ?? 0) + 1;
      serials.set(key, n);
      return n;
    };
    const plan = (day: LocalDate, cat: Category, n: number) => {
      const year = yearOf(day);
      const t = demoText(cat.slug, cat.name, { ...o.org, year, n });
      const normative = t.kind === 'normative';
      items += normative ? 2 : 1;
      events.push({
        day,
        run: async () => {
          const docNo = t.docNo ? { docNo: docNumber(o, normative, year, serial(`${normative}${year}`)) } : {};
          const local = LOCAL_SLUGS.has(cat.slug) ? cat.name : null;
          const input = draftOf(w, o, cat, t, { ...docNo, ...(local ? { keyAreas: [local] } : {}) });
          if (normative) await publishWithInterpretation(w, o, input);
          else await publish(w, input);
        },
      });
    };
    cats.forEach((cat, k) => {
      plan(daysAgo(w, 1 + ((k * 47 + o.index * 19) % 520)), cat, k + o.index);
      if (cat.statutoryKey === 'policy-normative') plan(daysAgo(w, 400 - o.index * 7), cat, k + o.index + 1);
    });
  }
  return { events, items };
}

/**
 * Fills the root government's standard catalogue (two key areas, on the first day of the history) and returns
 * the events publishing an item linked to each row, in the row's category.
 */
export async function catalogueEvents(w: DemoWorld): Promise<{ events: DemoEvent[]; rows: number; items: number }> {
  const root = w.orgs[0];
  if (!root) return { events: [], rows: 0, items: 0 };
  const areas = await w.ctx.repos.standardCatalogue.areas(root.org.id);
  const cats = await w.ctx.repos.categories.list(root.org.id);
  const events: DemoEvent[] = [];
  let rows = 0;
  for (const [a, spec] of CATALOGUE.entries()) {
    const area = areas.find((x) => x.name === spec.area);
    const cat = cats.find((c) => c.slug === spec.category);
    if (!area || !cat) continue;
    for (const [i, [level1, level2, contentElements]] of spec.rows.entries()) {
      const rowId = await addCatalogueRow(w.ctx, w.publishing.head, root.org.id, {
        keyAreaId: area.id,
        level1,
        level2,
        contentElements,
        basis: spec.area === '社会救助' ? '《社会救助暂行办法》' : '《中华人民共和国义务教育法》',
        timeLimitText: '制定或获取信息之日起20个工作日内',
        subject: spec.area === '社会救助' ? '区民政局' : '区教育局',
        channelsRequired: ['政府网站'],
        audience: '全社会',
        method: '主动',
        levels: ['县级'],
      });
      rows += 1;
      const day = daysAgo(w, 12 + a * 90 + i * 41);
      events.push({
        day,
        run: async () => {
          const year = yearOf(w.clock.today());
          const t = {
            title: `示例区${level1}${level2}（${year}年）`,
            kind: 'other' as const,
            summary: `${level1}：${level2}。`,
            paragraphs: [`现将示例区${level1}${level2}公开如下。`, `公开内容：${contentElements}。`],
            keywords: `${spec.area},${level1}`,
          };
          await publish(w, draftOf(w, root, cat, t, { keyAreas: [spec.area], catalogueRow: rowId }));
        },
      });
    }
  }
  return { events, rows, items: events.length };
}
