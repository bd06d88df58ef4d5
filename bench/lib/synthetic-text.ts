// Deterministic synthetic Chinese government text for search tests and `bench:portal`: words from a
// fixed list with a skewed (Zipf-like) frequency, so 信息 or 工作 appear in most items, plus a few
// rare phrases (河长, 碳达峰, 量子通信) in about 0.1 % of items. Same seed, same text.
import { seeded } from '../../src/domain/reports/test-support.js';

/** Common words, most frequent first (the skew follows this order). */
const WORDS = (
  '工作 信息 公开 政府 财政 管理 建设 发展 服务 推进 加强 落实 开展 实施 组织 单位 部门 规定 办法 通知 ' +
  '意见 方案 计划 项目 资金 预算 社会 经济 安全 保障 教育 医疗 卫生 就业 养老 住房 交通 环境 保护 生态 ' +
  '农业 农村 城市 规划 审批 许可 处罚 监督 检查 考核 责任 制度 改革 创新 科技 文化 旅游 体育 民政 救助 ' +
  '补偿 补贴 收费 采购 招标 合同 统计 数据 报告 年度 季度 会议 决定 批复 函件 公告 公示 征求 解读 政策 ' +
  '文件 规范 标准 程序 依法 行政 执法 监管 市场 企业 投资 税收 金融 审计 人事 任免 招聘 培训 应急 防汛 ' +
  '消防 疫情 防控 扶贫 乡村 振兴 社区 街道 乡镇 办事 窗口 热线 群众 办理 答复 申请 受理 告知 期限 延期 ' +
  '档案 保密 网络 平台 系统 数字 智慧 营商 优化 简政 放权 便民 惠民 水利 河道 水库 森林 草原 耕地 土地'
).split(' ');

/** Rare phrases and how often each appears (share of items). */
export const RARE_PHRASES: readonly string[] = ['河长', '碳达峰', '量子通信'];
const RARE_RATE = 0.001;

/**
 * Query terms for benchmarks: two-character terms, rare (≈0.1 % of items, just over the 1,000 matches that are ranked:
 * read newest first) and common (most items); and ranked queries (at most 1,000 matches: every match scored), a
 * four-character word and two words.
 */
export const BENCH_TERMS = {
  rare: ['河长', '碳达'],
  common: ['信息', '工作', '财政', '管理'],
  ranked: ['量子通信', '河长 年度'],
} as const;

/** The kinds of BENCH_TERMS. */
export const BENCH_TERM_KINDS = ['rare', 'common', 'ranked'] as const;

/** The search page's address for a query. */
export const benchSearchPath = (q: string) => `/search?q=${encodeURIComponent(q)}`;

/** Every bench query's search page. */
export const BENCH_SEARCHES: readonly string[] = BENCH_TERM_KINDS.flatMap((k) => BENCH_TERMS[k].map(benchSearchPath));

const KINDS = ['rule', 'normative', 'other_document', 'interpretation', 'news', 'other'] as const;
const VALIDITY = ['valid', 'valid', 'valid', 'expired', 'repealed'] as const;

/** A small fast deterministic PRNG (mulberry32), the one the domain tests use. */
export const prng = seeded;

/** A skewed word pick: index ≈ N·u³, so the first words dominate. */
function word(rnd: () => number): string {
  return WORDS[Math.floor(WORDS.length * rnd() ** 3)] ?? '工作';
}

function sentence(rnd: () => number, words: number): string {
  let s = '';
  for (let i = 0; i < words; i++) {
    s += word(rnd);
  }
  return `${s}${rnd() < 0.5 ? '，' : '。'}`;
}

/** One synthetic item, the fields a publication carries for search. */
export type SyntheticDoc = {
  index: number;
  title: string;
  docNo: string;
  summary: string;
  body: string;
  publishedOn: string;
  kind: (typeof KINDS)[number];
  validity: string;
  orgIndex: number;
};

/**
 * The n-th synthetic item (independent of the others, so any range can be generated alone).
 * @param n the item number
 * @param opts.orgs how many organizations to spread items over (default 200)
 * @param opts.bodyWords words in the body (default about 120, ≈ 290 characters)
 */
export function syntheticDoc(n: number, opts: { orgs?: number; bodyWords?: number; seed?: number } = {}): SyntheticDoc {
  const rnd = prng((opts.seed ?? 20211) * 1_000_003 + n);
  const year = 2015 + Math.floor(rnd() * 11);
  const day = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  const title = `关于${word(rnd)}${word(rnd)}${word(rnd)}的${['通知', '意见', '办法', '公告', '报告'][Math.floor(rnd() * 5)]}`;
  const bodyWords = opts.bodyWords ?? 120;
  let body = '';
  while (body.length < bodyWords * 2.3) body += sentence(rnd, 4 + Math.floor(rnd() * 8));
  for (const phrase of RARE_PHRASES) {
    if (rnd() < RARE_RATE) body += `推进${phrase}工作。`;
  }
  return {
    index: n,
    title,
    docNo: rnd() < 0.4 ? `示政发〔${year}〕${1 + Math.floor(rnd() * 99)}号` : '',
    summary: sentence(rnd, 8),
    body,
    publishedOn: day,
    kind: KINDS[Math.floor(rnd() * KINDS.length)] ?? 'other',
    validity: VALIDITY[Math.floor(rnd() * VALIDITY.length)] ?? 'valid',
    orgIndex: Math.floor(rnd() * (opts.orgs ?? 200)),
  };
}
