/**
 * Test helper: published-looking HTML pages of an annual report with known figures, in the shapes the
 * HTML reader meets (docs/report-check.md, "HTML pages"): the product renderer's page
 * (src/domain/reports/render-html.ts) restyled as a CMS writes it (`<td style='…'>`, headers as `<td>`),
 * then carried inside JavaScript in the ways report pages do, or with its blank cells written as CMSs
 * write them. Every transform keeps the figures, so a test compares what is read with the figures given.
 */
import type { ReportFigures, ReportFormat } from '../../src/domain/reports/annual-report.js';
import { renderReportBody } from '../../src/domain/reports/render-html.js';

export type Figures = ReportFigures & { format: ReportFormat };

/** The report's body as the renderer writes it, for an issuer (default 某某区人民政府) and a fixed narrative. */
export function reportBody(figures: Figures, year: number, issuer = '某某区人民政府'): string {
  const report = {
    ...figures,
    year,
    organization: { name: issuer },
    sections: {
      overview: `${year}年，我区认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作。`,
      problems: '一是公开质量有待提高。二是解读形式较为单一。',
      other: '无。',
    },
  };
  return renderReportBody(report, figures.format);
}

const CELL_STYLE = "style='border:1px solid #000;padding:0 5.4pt;text-align:center' valign='middle'";

/** A CMS's markup: header cells as `<td>`, styled cells and paragraphs in single-quoted attributes, no captions. */
export function styled(body: string): string {
  return body
    .replace(/<th scope="[a-z]+"/g, `<td ${CELL_STYLE}`)
    .replace(/<\/th>/g, '</td>')
    .replace(/<td class="num" data-cell="[^"]*"/g, `<td ${CELL_STYLE}`)
    .replace(/<caption>([^<]*)<\/caption>/g, '')
    .replace(/<p>/g, "<p style='text-indent:2em;line-height:1.5'>")
    .replace(
      /<table class="[a-z0-9]+">/g,
      "<table border='1' cellspacing='0' style='border-collapse:collapse' width='100%'>",
    );
}

/** A page whose body is empty and a script writes it into `#content` (script text given). */
const scripted = (script: string): string =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title></head><body>
<div class="article"><div id="content"></div></div>
<script type="text/javascript">${script}
document.getElementById('content').innerHTML = content;</script>
</body></html>`;

/** A JavaScript string literal holding `s` in `quote`s, escaped as generators do (`\"`, `\n`, `\t`, `\/`). */
export function jsString(s: string, quote: '"' | "'" = '"'): string {
  const body = s
    .replace(/\\/g, '\\\\')
    .replace(quote === '"' ? /"/g : /'/g, `\\${quote}`)
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/\//g, '\\/');
  return `${quote}${body}${quote}`;
}

/** Chinese characters as `\uXXXX` escapes. */
const unicodeEscaped = (s: string): string =>
  s.replace(/[\u4e00-\u9fff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

/** `s` cut into pieces of `n` characters (pieces cut tags, attributes and figures anywhere). */
const pieces = (s: string, n: number): string[] => {
  const out: string[] = [];
  for (let i = 0; i < s.length; i += n) out.push(s.slice(i, i + n));
  return out;
};

/** The body split at the section that starts nearest its middle. */
const halves = (body: string): [string, string] => {
  const at = body.indexOf('<section', body.length / 2);
  return [body.slice(0, at), body.slice(at)];
};

/** Report bodies carried in JavaScript, by name: the ways report pages write their content with a script. */
export const SCRIPT_CARRIED: Record<string, (body: string) => string> = {
  'let content = "…" with \\" \\n \\t \\/ escapes': (b) =>
    scripted(`let content = ${jsString(b.replace(/\n/g, '\n\t'))};`),
  "single-quoted with \\' escapes": (b) => scripted(`var content = ${jsString(b, "'")};`),
  'template literal': (b) => scripted(`const content = \`${b.replace(/[`\\]/g, '\\$&').replace(/\$\{/g, '\\${')}\`;`),
  '\\u4e00 escapes': (b) => scripted(`var content = ${unicodeEscaped(jsString(b))};`),
  'string concatenation over lines': (b) =>
    scripted(
      `var content = ${pieces(b, 97)
        .map((p) => jsString(p))
        .join(' +\n    ')};`,
    ),
  'content += pieces cut anywhere': (b) =>
    scripted(
      `var content = '';\n${pieces(b, 61)
        .map((p) => `content += ${jsString(p, "'")};`)
        .join('\n')}`,
    ),
  'an array of lines joined': (b) =>
    scripted(
      `var content = [\n${b
        .split('\n')
        .map((l) => jsString(l))
        .join(',\n')}\n].join('');`,
    ),
  'several strings': (b) => {
    const [first, second] = halves(b);
    return scripted(`var part1 = ${jsString(first)};\nvar part2 = ${jsString(second)};\nvar content = part1 + part2;`);
  },
  'the same string repeated in one script': (b) =>
    scripted(
      `var content;\nif (window.innerWidth < 768) { content = ${jsString(b)}; }\nelse { content = ${jsString(b)}; }`,
    ),
  'the same script twice on the page': (b) =>
    scripted(`var content = ${jsString(b)};`).replace(
      '</body>',
      `<script>var content = ${jsString(b)};\nif (window.print) document.title = '打印';</script></body>`,
    ),
  'the content as markup and again in a script': (b) =>
    scripted(`var content = ${jsString(b)};`).replace('<div id="content"></div>', `<div id="content">${b}</div>`),
  'document.write line by line': (b) =>
    `<html><body><script>\n${b
      .split('\n')
      .map((l) => `document.write(${jsString(l, "'")});`)
      .join('\n')}\n</script></body></html>`,
  'percent-encoded (decodeURIComponent)': (b) =>
    `<html><body><script>document.write(decodeURIComponent("${encodeURIComponent(b)}"));</script></body></html>`,
  'JSON.parse of a single-quoted JSON string': (b) =>
    scripted(`var data = JSON.parse(${jsString(JSON.stringify({ title: '年度报告', content: b }), "'")});
var content = data.content;`),
  'JSON data script': (b) =>
    `<html><body><div id="c"></div><script type="application/json" id="data">${JSON.stringify({
      title: '年度报告',
      content: b,
    }).replace(/\//g, '\\/')}</script></body></html>`,
};

/** How CMSs write a blank cell. */
export const BLANK_CELLS = [
  '',
  '&nbsp;',
  ' ',
  '\u3000',
  '<p></p>',
  '<p>&nbsp;</p>',
  "<p style='text-align:center'><span style='font-size:12px'>&nbsp;</span></p>",
  '<br>',
  '<o:p></o:p>',
];

/** Every empty figure cell of a styled body filled with one of the blank spellings, in turn. */
export function blankSpellings(body: string): string {
  let i = 0;
  return body.replace(
    new RegExp(`(<td ${CELL_STYLE}>)(</td>)`, 'g'),
    (_m, open: string, close: string) => `${open}${BLANK_CELLS[i++ % BLANK_CELLS.length]!}${close}`,
  );
}

/** The figures with every 0 left blank (null); a row of zeros keeps its first 0 unless `wholeRows`. */
export function zerosBlank(figures: Figures, wholeRows = false): Figures {
  const copy = structuredClone(figures);
  const blank = (rows: Record<string, Record<string, unknown>>) => {
    for (const row of Object.values(rows)) {
      const keys = Object.keys(row).filter((k) => row[k] === 0);
      if (keys.length === Object.keys(row).length && !wholeRows) keys.shift();
      for (const k of keys) row[k] = null;
    }
  };
  blank(copy.applications as Record<string, Record<string, unknown>>);
  blank(copy.reviews as Record<string, Record<string, unknown>>);
  blank(copy.article20 as Record<string, Record<string, unknown>>);
  return copy;
}

/** Every figure of a report, keyed `section|row|column` as truth.json keys them (units left out). */
export function figureKeys(
  figures: Pick<ReportFigures, 'article20' | 'applications' | 'reviews'>,
): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const section of ['article20', 'applications', 'reviews'] as const) {
    for (const [row, cells] of Object.entries(figures[section] ?? {})) {
      for (const [column, value] of Object.entries(cells ?? {})) {
        if (column !== 'unit') out.set(`${section}|${row}|${column}`, value);
      }
    }
  }
  return out;
}

/** How a blank column of the first section-二 table (规章, 行政规范性文件) is written. */
export type BlankColumn = 'empty cells' | 'one cell merged down' | 'cells left out';

/**
 * The first section-二 table of a styled body with its column `column` (1–3) blank in both rows, and
 * the figures to expect (that column null). `cells left out` is for the last column only.
 */
export function blankArticle20Column(
  body: string,
  figures: Figures,
  column: 1 | 2 | 3,
  how: BlankColumn,
): { body: string; figures: Figures } {
  const start = body.indexOf('<tbody>', body.indexOf('<section aria-labelledby="s2"'));
  const end = body.indexOf('</tbody>', start);
  let row = 0;
  const rows = body.slice(start, end).replace(/<tr>(.*?)<\/tr>/g, (_m, inner: string) => {
    const cells = inner.match(/<td[^>]*>[^<]*<\/td>/g) ?? [];
    const first = row++ === 0;
    if (how === 'empty cells') cells[column] = `<td ${CELL_STYLE}>&nbsp;</td>`;
    else if (how === 'one cell merged down' && first) cells[column] = `<td rowspan='2' ${CELL_STYLE}></td>`;
    else cells.splice(column, 1);
    return `<tr>${cells.join('')}</tr>`;
  });
  const copy = structuredClone(figures);
  const a20 = copy.article20 as Record<string, Record<string, unknown>>;
  for (const key of ['rules', 'normative']) {
    const name = Object.keys(a20[key]!)[column - 1]!;
    a20[key]![name] = null;
  }
  return { body: body.slice(0, start) + rows + body.slice(end), figures: copy };
}

/** A blank cell as `styled` writes it. */
const BLANK_TD = `<td ${CELL_STYLE}></td>`;

/**
 * Blank cells merged down: where two rows that follow each other both have a blank cell in the same
 * figure column (counted from the row's end, so that group labels do not matter), the upper one gets
 * `rowspan='2'` and the lower one is left out, as Word does. Returns the body and how many were merged.
 */
export function mergeBlanksDown(body: string): { body: string; merged: number } {
  let merged = 0;
  const out = body.replace(/<tbody>\n([\s\S]*?)\n<\/tbody>/g, (_m, inner: string) => {
    const rows = inner.split('\n').map((row) => row.match(/<td[^>]*>[^<]*<\/td>/g) ?? []);
    for (let r = 0; r + 1 < rows.length; r += 2) {
      const [upper, lower] = [rows[r]!, rows[r + 1]!];
      for (let k = 1; k <= Math.min(upper.length, lower.length) - 1; k++) {
        if (upper[upper.length - k] !== BLANK_TD || lower[lower.length - k] !== BLANK_TD) continue;
        upper[upper.length - k] = `<td rowspan='2' ${CELL_STYLE}></td>`;
        lower.splice(lower.length - k, 1);
        merged++;
        break;
      }
    }
    return `<tbody>\n${rows.map((cells) => `<tr>${cells.join('')}</tr>`).join('\n')}\n</tbody>`;
  });
  return { body: out, merged };
}

/** Rows that end in blank cells written without them (`<tr><td>规章</td><td>5</td></tr>` in a 4-column table). */
export function shortRows(body: string): { body: string; shortened: number } {
  let shortened = 0;
  const out = body.replace(new RegExp(`(?:${BLANK_TD})+</tr>`, 'g'), () => {
    shortened++;
    return '</tr>';
  });
  return { body: out, shortened };
}
