/**
 * The 说明 the back office shows beside each table the system computes and the officer cannot edit: section 二
 * item (一) from the 主动公开 directory (annual-counts.ts: a withdrawn item counts as never published; an item
 * 废止 or 失效 counts in 本年废止 in the year of its validity date and leaves 现行有效), section 三 from the
 * registered applications (compute.ts `bucketsOf`), section 四 from the review register under the site's counting
 * rule. Tables and columns: 国办公开办函〔2021〕30号 (2021), 国办公开办函〔2019〕60号 (2019).
 */
import type { ReportFormat } from './annual-report.js';
import { REVIEW_COUNTING_NOTES, type ReviewCountingRule } from '../reviews/review-case.js';

/** One note per computed table, keyed by its section. */
export type FigureNotes = Record<'article20' | 'applications' | 'reviews', string>;

/** What a withdrawn, 依申请公开 or 不予公开 item counts as in section 二 (both formats). */
const NOT_COUNTED = '已撤稿的信息视为从未发布，依申请公开和不予公开的信息不计入';

/** Section 二 item (一) of each format. */
const ARTICLE20: Record<ReportFormat, string> = {
  '2021':
    '第（一）项“规章”“行政规范性文件”的件数由系统按主动公开目录统计，不能在此修改：本年新制发＝本年发布的文件；' +
    '本年废止＝失效或废止日期在本年的文件（失效与废止同样计入）；现行有效＝截至12月31日已发布、且未失效或废止的文件' +
    `（上年现行有效＋本年新制发－本年废止）。${NOT_COUNTED}。其余各项为录入或导入的数字。`,
  '2019':
    '第（一）项“规章”“规范性文件”的件数由系统按主动公开目录统计，不能在此修改：本年新制作＝成文日期在本年的文件；' +
    `本年新公开＝本年发布的文件；对外公开总数量＝截至12月31日已发布的文件。${NOT_COUNTED}。其余各项为录入或导入的数字。`,
};

const APPLICATIONS =
  '本表由系统按本机关登记的政府信息公开申请统计，不能在此修改：本年新收＝本年收到的申请；上年结转＝上年收到、' +
  '1月1日仍未办结的申请；办理结果按办结日期计入当年；结转下年度＝12月31日仍未办结的申请。数字有误时，请更正申请的登记信息。';

const REVIEWS = '本表由系统按复议、诉讼登记统计，不能在此修改。';

/**
 * The notes of a report's computed tables.
 * @param reviewCounting the section 四 counting rule in force (site setting)
 */
export function computedFigureNotes(format: ReportFormat, reviewCounting: ReviewCountingRule): FigureNotes {
  return {
    article20: ARTICLE20[format],
    applications: APPLICATIONS,
    reviews: `${REVIEWS}${REVIEW_COUNTING_NOTES[reviewCounting]}`,
  };
}
