/**
 * Injected spam: mirror sites replace words of a real report (often a place name) by gambling,
 * lottery or pornography advertisements (corpus README; seen in the wild: 365bet, 威廉希尔, 华体会,
 * 德赢, 欧洲五大联赛, 亚洲唯一, 赌城, 提款). Terms are strong (never in a real report) or weak
 * (only counted next to a strong one). Matches close together form one finding with its span.
 */
import { finding, type Finding } from '../reports/finding.js';
import { escapeRegExp } from '../core/text.js';

const STRONG = [
  '365bet',
  'bet365',
  '365体育',
  '365提款',
  '365娱乐',
  '365app',
  '威廉希尔',
  '华体会',
  '德赢',
  'vwin',
  '欧洲五大联赛',
  '亚洲唯一',
  '赌城',
  '博彩',
  '百家乐',
  '娱乐城',
  '网上娱乐',
  '葡京',
  '太阳城',
  '时时彩',
  '六合彩',
  '北京赛车',
  '彩票网',
  '老虎机',
  '真人视讯',
  '棋牌游戏',
  '开户送',
  '注册送',
  '彩金',
  '赌场',
  '赌博网',
  'app官网',
  '开云体育',
  '乐鱼体育',
  '必威',
  '金沙娱乐',
  '澳门新葡京',
  'bwin',
  'betway',
  '成人视频',
  '成人电影',
  '约炮',
  '无码',
  '黄色网站',
  'av在线',
  '裸聊',
];
const WEAK = ['色情', '提款', '网址', '官网', '娱乐', '冻结', '下载', '彩票', '澳门', '网投', '体育', '平台'];

const STRONG_RE = new RegExp(STRONG.map(escapeRegExp).join('|'), 'gi');
const WEAK_RE = new RegExp(WEAK.map(escapeRegExp).join('|'), 'gi');
const JOIN_GAP = 12;

interface Hit {
  start: number;
  end: number;
}

function matches(text: string, re: RegExp): Hit[] {
  const out: Hit[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Spans of injected spam, merged; weak terms only count when they touch a strong one. */
export function findSpamSpans(text: string): Hit[] {
  const strong = matches(text, STRONG_RE);
  if (strong.length === 0) return [];
  const all = [...strong, ...matches(text, WEAK_RE)].sort((a, b) => a.start - b.start);
  const spans: (Hit & { strong: boolean })[] = [];
  for (const h of all) {
    const isStrong = strong.some((s) => s.start === h.start);
    const last = spans[spans.length - 1];
    if (last && h.start - last.end <= JOIN_GAP && /^[\w\u4e00-\u9fff_\-—·|\s]*$/.test(text.slice(last.end, h.start))) {
      last.end = Math.max(last.end, h.end);
      last.strong ||= isStrong;
    } else spans.push({ ...h, strong: isStrong });
  }
  return spans.filter((s) => s.strong).map(({ start, end }) => ({ start, end }));
}

/** One `spam` error per injected passage, with its offset, length and text. */
export function spamFindings(text: string): Finding[] {
  return findSpamSpans(text).map((s) => {
    const excerpt = text.slice(s.start, s.end);
    return finding('spam', 'error', `发现植入的赌博/色情广告文字“${excerpt}”，此副本已被篡改`, {
      offset: s.start,
      length: s.end - s.start,
      excerpt,
    });
  });
}
