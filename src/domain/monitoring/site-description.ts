/**
 * The description of a website to check (`monitor check SITE.json`, and the registry's sites): name, home URL,
 * kind (门户/部门/专项, default portal), 主办单位's credit code, and the columns with their kinds.
 */
import { COLUMN_KINDS, SITE_KINDS, type ColumnKind, type SiteKind } from './settings.js';

/** One column of a site. */
export interface SiteColumn {
  name: string;
  url: string;
  kind: ColumnKind;
  /** Update interval in days (for `should_update` columns). */
  intervalDays?: number;
}

/** A website as the checks see it. */
export interface SiteDescription {
  name: string;
  url: string;
  kind: SiteKind;
  /** 主办单位's unified social credit code. */
  org?: string;
  columns: SiteColumn[];
}

/** The result of reading a description: the site, or the Chinese reasons it is invalid. */
export type ParsedSite = { ok: true; site: SiteDescription } | { ok: false; errors: string[] };

const isHttpUrl = (v: unknown): v is string => {
  if (typeof v !== 'string') return false;
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

function readColumn(c: unknown, i: number, errors: string[]): SiteColumn | null {
  const where = `columns[${i}]`;
  if (typeof c !== 'object' || c === null) {
    errors.push(`${where} 应为对象`);
    return null;
  }
  const o = c as Record<string, unknown>;
  const name = text(o.name);
  if (!name) errors.push(`${where}.name（栏目名称）不能为空`);
  if (!isHttpUrl(o.url)) errors.push(`${where}.url（栏目地址）应为 http 或 https 网址`);
  if (!COLUMN_KINDS.includes(o.kind as ColumnKind)) {
    errors.push(`${where}.kind（栏目类型）应为 ${COLUMN_KINDS.join('、')} 之一`);
  }
  const interval = o.intervalDays;
  if (interval !== undefined && !(typeof interval === 'number' && Number.isInteger(interval) && interval > 0)) {
    errors.push(`${where}.intervalDays（更新周期天数）应为正整数`);
  }
  if (!name || !isHttpUrl(o.url) || !COLUMN_KINDS.includes(o.kind as ColumnKind)) return null;
  return {
    name,
    url: o.url,
    kind: o.kind as ColumnKind,
    ...(typeof interval === 'number' ? { intervalDays: interval } : {}),
  };
}

/** Reads a site description from parsed JSON. */
export function parseSiteDescription(data: unknown): ParsedSite {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: ['网站描述应为 JSON 对象'] };
  }
  const o = data as Record<string, unknown>;
  const errors: string[] = [];
  const name = text(o.name);
  if (!name) errors.push('name（网站名称）不能为空');
  if (!isHttpUrl(o.url)) errors.push('url（首页地址）应为 http 或 https 网址');
  const kind = o.kind ?? 'portal';
  if (!SITE_KINDS.includes(kind as SiteKind)) errors.push(`kind（网站类型）应为 ${SITE_KINDS.join('、')} 之一`);
  if (o.org !== undefined && !text(o.org)) errors.push('org（主办单位统一社会信用代码）应为非空字符串');
  if (!Array.isArray(o.columns)) errors.push('columns（栏目列表）应为数组');
  const columns = Array.isArray(o.columns) ? o.columns.map((c, i) => readColumn(c, i, errors)) : [];
  if (errors.length || !name) return { ok: false, errors };
  return {
    ok: true,
    site: {
      name,
      url: o.url as string,
      kind: kind as SiteKind,
      ...(typeof o.org === 'string' ? { org: o.org.trim() } : {}),
      columns: columns.filter((c): c is SiteColumn => c !== null),
    },
  };
}
