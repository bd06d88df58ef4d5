/**
 * Section 二 of the annual report (主动公开政府信息情况). Item (一) (规章, 规范性文件) comes from
 * the publications (annual-counts.ts); the other items come from other systems — 许可, 处罚,
 * 强制, 收费 and, in the 2019 format, 其他对外管理服务事项 and 政府集中采购 — so they are typed in
 * or imported (MANUAL_ARTICLE20_FIELDS). Tables and columns: 国办公开办函〔2021〕30号 (2021), 国办公开办函〔2019〕60号 (2019).
 */
import type { AnnualPublicationCounts, DocumentCounts } from '../publications/annual-counts.js';
import type { Article20, Article20Column, Article20Entry, Article20Row, ReportFormat } from './annual-report.js';
import { article20Tables } from './labels.js';

/** Figures typed in or imported, by row and column; `unit` is the 2019 采购总金额's unit. */
export type ManualArticle20 = Partial<
  Record<Article20Row, Partial<Record<Article20Column, number | null>> & { unit?: string }>
>;

/** One section-二 cell that is entered, not computed. */
export type ManualArticle20Field = {
  /** `row.column`, e.g. `licensing.decisions`: the key of forms and CSV imports. */
  key: string;
  row: Article20Row;
  column: Article20Column;
  /** Chinese label: the official row label and column header, e.g. `行政许可：本年处理决定数量`. */
  label: string;
  /** Amounts (2021 收费金额 in 万元, 2019 采购总金额) may have decimals (R8). */
  decimal: boolean;
  /** The 2019 format's 本年增/减 may be negative (R8). */
  signed: boolean;
};

/** Rows of item (一): computed from the publications, never typed in. */
const COMPUTED_ROWS: readonly Article20Row[] = ['rules', 'normative'];

/** The section-二 cells of a format that are typed in or imported, in table order. */
export function MANUAL_ARTICLE20_FIELDS(format: ReportFormat): ManualArticle20Field[] {
  const out: ManualArticle20Field[] = [];
  for (const table of article20Tables(format)) {
    for (const { code, label } of table.rows) {
      if (COMPUTED_ROWS.includes(code)) continue;
      table.columns.forEach((column, i) => {
        out.push({
          key: `${code}.${column}`,
          row: code,
          column,
          label: `${label}：${table.header[i + 1]}`,
          decimal: column === 'amount',
          signed: column === 'change',
        });
      });
    }
  }
  return out;
}

/** 2021 format 第二十条第（一）项 from one kind's counts. */
function counts2021(c: DocumentCounts): Article20Entry {
  return { made: c.made, repealed: c.repealed, in_force: c.inForce };
}

/**
 * 2019 format 第二十条第（一）项: 本年新制作 = made in the year, 本年新公开 = first
 * published in the year, 对外公开总数量 = published by the year end and not withdrawn. The counts
 * give 规章 and 规范性文件 together for the 2019 columns; the 规章 row takes what is known per kind
 * and the 规范性文件 row the rest, so the two rows always add up to the counts. The 2019 format
 * counts what was published, not what is in force: a 规章 that expired or was repealed while it
 * stays on the portal is still one of the 规章 published, so it stays in the 规章 row.
 */
function rows2019(p: AnnualPublicationCounts): Pick<Article20, 'rules' | 'normative'> {
  const rules = {
    new_made: p.rules.made,
    new_published: p.newByKind.rule,
    total_published: p.format2019.rulesPublished,
  };
  return {
    rules,
    normative: {
      new_made: Math.max(0, p.format2019.newlyMade - rules.new_made),
      new_published: Math.max(0, p.format2019.newlyPublished - rules.new_published),
      total_published: p.format2019.totalPublished - rules.total_published,
    },
  };
}

/**
 * Section 二 of a format: item (一) from the publication counts, every other cell from `manual`
 * (null where nothing was entered: the table prints a blank).
 */
export function article20Section(
  format: ReportFormat,
  counts: AnnualPublicationCounts,
  manual: ManualArticle20,
): Article20 {
  const out: Article20 =
    format === '2021' ? { rules: counts2021(counts.rules), normative: counts2021(counts.normative) } : rows2019(counts);
  for (const field of MANUAL_ARTICLE20_FIELDS(format)) {
    const entry = (out[field.row] ??= {});
    const value = manual[field.row]?.[field.column];
    entry[field.column] = typeof value === 'number' && Number.isFinite(value) ? value : null;
  }
  const unit = manual.procurement?.unit?.trim();
  if (format === '2019' && unit) out.procurement!.unit = unit;
  return out;
}
