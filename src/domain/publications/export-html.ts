// The HTML pages of the archive package (art. 25): `index.html` listing every item, and one page
// per item with the metadata table as the portal shows it (索引号, 主题分类, 发布机构, 成文日期, 名称,
// 发文字号, 发布日期, 有效性), its body and its attachments. Plain, self-contained HTML readable
// offline in any browser, years from now: no scripts, no external styles.

import { KIND_LABELS, VALIDITY_LABELS, type PublicMetadata } from './publication.js';
import { escapeHtml } from '../core/text.js';

export { escapeHtml };
import type { ExportEntry, ExportMeta } from './export-manifest.js';

const STYLE = [
  'body{font-family:"Noto Sans CJK SC","Microsoft YaHei",SimSun,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;line-height:1.7;color:#222}',
  'table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}',
  'th{background:#f2f2f2;white-space:nowrap}.note{background:#fff4e5;border-left:4px solid #d97706;padding:.5rem 1rem}.muted{color:#666}',
].join('');

function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>${escapeHtml(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

/** 有效性 as the portal shows it: only documents carry it. */
export function validityText(e: Pick<PublicMetadata, 'kind' | 'validity' | 'validityOn'>): string {
  const isDocument = e.kind === 'rule' || e.kind === 'normative' || e.kind === 'other_document';
  return isDocument ? `${VALIDITY_LABELS[e.validity]}${e.validityOn ? `（${e.validityOn}）` : ''}` : '—';
}

const periodText = (m: ExportMeta) => `${m.period.from} 至 ${m.period.to}`;

/**
 * An item's page.
 * @param bodyHtml the item's body, already through the HTML allow-list
 * @param root the relative path from the page to the package root (`../`)
 */
export function itemPageHtml(e: ExportEntry, bodyHtml: string, root = '../'): string {
  const x = escapeHtml;
  const topic = e.topic || e.categoryName || KIND_LABELS[e.kind];
  const withdrawn = e.withdrawnOn
    ? `<p class="note">该信息已于${x(e.withdrawnOn)}撤销，不再在网站上公开；此处保存的是撤销前公开的版本（第${e.version}版）。</p>\n`
    : '';
  const files =
    e.attachments.length === 0
      ? '<p class="muted">无附件</p>'
      : `<ul>\n${e.attachments.map((a) => `<li><a href="${x(root + a.path)}">${x(a.name)}</a>（${Math.max(1, Math.round(a.size / 1024))} KB）</li>`).join('\n')}\n</ul>`;
  const body = [
    `<p><a href="${x(root)}index.html">‹ 返回目录</a></p>`,
    `<h1>${x(e.title)}</h1>`,
    withdrawn,
    '<table>',
    '<caption>信息属性</caption>',
    `<tr><th scope="row">索引号</th><td>${x(e.indexNo)}</td><th scope="row">主题分类</th><td>${x(topic)}</td></tr>`,
    `<tr><th scope="row">发布机构</th><td>${x(e.publisher || e.orgName)}</td><th scope="row">成文日期</th><td>${x(e.writtenOn)}</td></tr>`,
    `<tr><th scope="row">名称</th><td colspan="3">${x(e.title)}</td></tr>`,
    `<tr><th scope="row">发文字号</th><td>${x(e.docNo || '—')}</td><th scope="row">发布日期</th><td>${x(e.publishedOn)}</td></tr>`,
    `<tr><th scope="row">有效性</th><td>${x(validityText(e))}</td><th scope="row">体裁</th><td>${x(KIND_LABELS[e.kind])}</td></tr>`,
    '</table>',
    e.summary ? `<p><strong>内容概述：</strong>${x(e.summary)}</p>` : '',
    `<div class="body">\n${bodyHtml}\n</div>`,
    '<h2>附件</h2>',
    files,
    `<p class="muted">原文网址：${/^https?:\/\//.test(e.url) ? `<a href="${x(e.url)}">${x(e.url)}</a>` : x(e.url)}</p>`,
  ];
  return page(e.title, body.filter((s) => s !== '').join('\n'));
}

/** The package's table of contents: what it holds, for which organization and period, and every item. */
export function indexHtml(meta: ExportMeta, entries: readonly ExportEntry[]): string {
  const x = escapeHtml;
  const kinds = meta.kinds.length === 0 ? '全部体裁' : meta.kinds.map((k) => KIND_LABELS[k]).join('、');
  const withdrawn = entries.filter((e) => e.withdrawnOn !== null).length;
  const rows = entries.map(
    (e) =>
      `<tr><td>${x(e.indexNo)}</td><td><a href="${x(e.file)}">${x(e.title)}</a></td><td>${x(e.publisher || e.orgName)}</td><td>${x(e.docNo || '—')}</td>` +
      `<td>${x(e.writtenOn)}</td><td>${x(e.publishedOn)}</td><td>${x(KIND_LABELS[e.kind])}</td><td>${x(validityText(e))}</td><td>${e.withdrawnOn ? `已于${x(e.withdrawnOn)}撤销` : '—'}</td></tr>`,
  );
  const body = [
    `<h1>${x(meta.organization.name)} 主动公开政府信息（${x(periodText(meta))}）</h1>`,
    '<p>根据《中华人民共和国政府信息公开条例》第二十五条，向国家档案馆、公共图书馆提供的主动公开政府信息。</p>',
    '<ul>',
    `<li>机关：${x(meta.organization.name)}（统一社会信用代码 ${x(meta.organization.creditCode)}）${meta.includeSubtree ? '及其所属机构' : ''}</li>`,
    `<li>期间：${x(periodText(meta))}；体裁：${x(kinds)}</li>`,
    `<li>共 ${entries.length} 条信息${withdrawn > 0 ? `，其中 ${withdrawn} 条在期间内或之后已撤销（已注明）` : ''}；生成时间：${x(meta.generatedAt)}</li>`,
    '<li>清单另见 manifest.json 与 manifest.csv。</li>',
    '</ul>',
    entries.length === 0 ? '<p>该期间内没有主动公开的信息。</p>' : '',
    entries.length === 0
      ? ''
      : `<table>\n<thead><tr><th scope="col">索引号</th><th scope="col">名称</th><th scope="col">发布机构</th><th scope="col">发文字号</th><th scope="col">成文日期</th><th scope="col">发布日期</th><th scope="col">体裁</th><th scope="col">有效性</th><th scope="col">撤销</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`,
  ];
  return page(
    `${meta.organization.name} 主动公开政府信息 ${periodText(meta)}`,
    body.filter((s) => s !== '').join('\n'),
  );
}
