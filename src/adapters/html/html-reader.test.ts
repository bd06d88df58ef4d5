// The HTML reader: plain text, the pipe rows the report checker reads, table grids (rowspan and
// colspan expanded), markup carried in script strings, malformed markup, and linear time.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlReader, htmlToText, readHtml } from './html-reader.js';

const rowsOf = (html: string, index = 0) => readHtml(html).tables[index]?.rows;

describe('plain text', () => {
  test('should put block elements on lines, a blank line between paragraphs, and keep inline runs whole', () => {
    const html =
      '<h1>示例区2024年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>敏<b>感</b>词与<a href="#">链接</a></p>' +
      '<div>第一行<br>第二行<br/>第三行</div><ul><li>甲</li><li>乙</li></ul>';
    assert.equal(
      htmlToText(html),
      '示例区2024年政府信息公开工作年度报告\n\n一、总体情况\n\n敏感词与链接\n\n第一行\n第二行\n第三行\n\n甲\n\n乙',
    );
  });

  test('should drop the head, scripts without markup, styles, comments, forms and hidden parts', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>标题栏</title>
      <style>p { color: red }</style><script src="x.js"></script></head>
      <body><!-- 注释 --><p>正文</p><noscript>请启用脚本</noscript><script>var a = 1, b = "utf-8";</script>
      <select><option>网站群导航</option></select><template><p>模板</p></template><svg><text>图</text></svg>
      <script type="text/html"><p>模板内容</p></script><p>结束</p></body></html>`;
    assert.equal(htmlToText(html), '正文\n\n结束');
  });

  const cases: [string, string, string][] = [
    ['end an unclosed head where the body content starts', '<html><head><title>t</title><p>正文开始</p>', '正文开始'],
    [
      'decode entities: named, numeric, without a semicolon, and leave unknown ones',
      '<p>&ldquo;公开&rdquo;&mdash;&hellip;&#x4E2D;&#22269; &lt;table&gt; A&amp;B &copy 2024 &bogus;</p>',
      '“公开”—…中国 <table> A&B © 2024 &bogus;',
    ],
    [
      'collapse whitespace, including no-break and ideographic spaces, and trim lines',
      '<p>\u3000\u3000各街道、\n   各部门：&nbsp;&nbsp;现将</p>',
      '各街道、 各部门： 现将',
    ],
    ['keep the lines of a pre block', '<pre>第一行\n第二行   二\n</pre>', '第一行\n第二行 二'],
    ['read a lone < as text', '<p>a < b 且 3<5</p>', 'a < b 且 3<5'],
    ['drop what follows a comment left open', '<p>前</p><!-- 未闭合的注释 <p>后</p>', '前'],
  ];
  for (const [should, html, text] of cases) {
    test(`should ${should}`, () => assert.equal(htmlToText(html), text));
  }

  test('should be the port: text and read', () => {
    const html = '<p>x</p><table><tr><td>1</td></tr></table>';
    assert.equal(htmlReader.text(html), 'x\n\n| 1 |');
    assert.deepEqual(htmlReader.read(html), readHtml(html));
  });
});

describe('tables in the text', () => {
  const cases: [string, string, string][] = [
    [
      'write each row as a pipe row, blank cells kept',
      '<table><tr><th>信息内容</th><th>本年制发件数</th></tr><tr><td>规章</td><td>&nbsp;</td></tr></table>',
      '| 信息内容 | 本年制发件数 |\n\n| 规章 | |',
    ],
    [
      'pad a merged figure cell with blank cells, and not a merged label',
      '<table><tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td colspan="2">4</td><td>5</td></tr></table>',
      '| 一、本年新收政府信息公开申请数量 | 4 | | 5 |',
    ],
    [
      'join the blocks of a cell with spaces',
      '<table><tr><td><p>商业</p><p>企业</p></td><td>商业<br>企业</td></tr></table>',
      '| 商业 企业 | 商业 企业 |',
    ],
    [
      'put the caption on its own line before the rows',
      '<table><caption>表一</caption><tr><td>1</td></tr></table>',
      '表一\n\n| 1 |',
    ],
  ];
  for (const [should, html, text] of cases) {
    test(`should ${should}`, () => assert.equal(htmlToText(html), text));
  }

  test('should read an outer table that holds a table as layout, and the inner one as a table', () => {
    const html =
      '<table><tr><td>导航</td><td><p>二、主动公开政府信息情况</p>' +
      '<table><tr><td>规章</td><td>0</td></tr><tr><td>行政规范性文件</td><td>3</td></tr></table></td></tr></table>';
    assert.equal(htmlToText(html), '导航\n\n二、主动公开政府信息情况\n\n| 规章 | 0 |\n\n| 行政规范性文件 | 3 |');
    const { tables } = readHtml(html);
    assert.equal(tables.length, 2);
    assert.deepEqual(tables[0]!.rows, [['导航', '二、主动公开政府信息情况']], 'the outer cell without the inner table');
    assert.deepEqual(tables[1]!.rows, [
      ['规章', '0'],
      ['行政规范性文件', '3'],
    ]);
  });
});

describe('table grids', () => {
  test('should expand rowspan and colspan so that columns keep their place', () => {
    // The head of table 三 of the annual report (2021 format), cut to three applicant columns.
    const html = `<table>
      <tr><td rowspan="3" colspan="2">（本列数据的勾稽关系）</td><td colspan="3">申请人情况</td></tr>
      <tr><td rowspan="2">自然人</td><td colspan="2">法人或其他组织</td></tr>
      <tr><td>商业企业</td><td>科研机构</td></tr>
      <tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>4</td><td>1</td><td>0</td></tr>
      <tr><td>（二）部分公开</td><td>2</td><td></td><td>0</td></tr>
    </table>`;
    const grid = readHtml(html).tables[0]!;
    assert.equal(grid.width, 5);
    assert.deepEqual(grid.rows, [
      ['（本列数据的勾稽关系）', '', '申请人情况', '', ''],
      ['', '', '自然人', '法人或其他组织', ''],
      ['', '', '', '商业企业', '科研机构'],
      ['三、本年度办理结果', '（一）予以公开', '4', '1', '0'],
      ['', '（二）部分公开', '2', '', '0'],
    ]);
    assert.deepEqual(grid.cells[1]![0], { text: '自然人', rowSpan: 2, colSpan: 1, header: false });
  });

  test('should cut a rowspan at the last row, reach it with rowspan 0, and read odd span values', () => {
    assert.deepEqual(rowsOf('<table><tr><td rowspan="9">a</td><td>1</td></tr><tr><td>2</td></tr></table>'), [
      ['a', '1'],
      ['', '2'],
    ]);
    assert.deepEqual(rowsOf('<table><tr><td rowspan=0>a</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr>'), [
      ['a', '1'],
      ['', '2'],
      ['', '3'],
    ]);
    assert.deepEqual(rowsOf('<table><tr><td colspan="2px">a</td><td colspan="x">b</td><td colspan=-1>c</td></tr>'), [
      ['a', '', 'b', 'c'],
    ]);
    assert.equal(readHtml('<table><tr><td rowspan=0>a</td></tr></table>').tables[0]!.cells[0]![0]!.rowSpan, 1);
  });

  test('should mark header cells and give short rows blank slots up to the width', () => {
    const grid = readHtml('<table><tr><th>项目</th><th>数量</th><th>备注</th></tr><tr><td>甲</td></tr></table>')
      .tables[0]!;
    assert.deepEqual(grid.rows, [
      ['项目', '数量', '备注'],
      ['甲', '', ''],
    ]);
    assert.equal(grid.cells[0]![0]!.header, true);
    assert.equal(grid.cells[1]![0]!.header, false);
  });

  test('should list tables in the order they open', () => {
    const html =
      '<table><tr><td>A</td></tr></table><table><tr><td><table><tr><td>C</td></tr></table></td></tr></table>';
    assert.deepEqual(
      readHtml(html).tables.map((t) => t.rows),
      [[['A']], [['']], [['C']]],
    );
  });
});

describe('malformed markup', () => {
  test('should end a cell at the next cell even when markup in it was left open', () => {
    const html = '<table><tr><td><p>自然人<td><font color=red>4<td><b>1</table><p>后文</p>';
    assert.deepEqual(rowsOf(html), [['自然人', '4', '1']]);
    assert.equal(htmlToText(html), '| 自然人 | 4 | 1 |\n\n后文');
  });

  test('should read rows without end tags, a table without an end tag, and sections', () => {
    const html = '<table><thead><tr><th>a<th>b<tbody><tr><td>1<td>2<tr><td>3<td>4';
    assert.deepEqual(rowsOf(html), [
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  test('should read stray cells as a table of their own', () => {
    assert.deepEqual(rowsOf('<div><td>1</td><td>2</td></div><p>x</p>'), [['1', '2']]);
    assert.equal(htmlToText('<tr><td>1<td>2'), '| 1 | 2 |');
  });

  test('should ignore end tags that close nothing and keep the text around them', () => {
    assert.equal(htmlToText('<p>甲</span></td></table>乙</p></div><div>丙'), '甲乙\n\n丙');
  });

  test('should read unquoted and repeated attributes, and uppercase tags', () => {
    assert.deepEqual(rowsOf('<TABLE><TR><TD COLSPAN=2 colspan=3>a</TD><TD>b</TD></TR></TABLE>'), [['a', '', 'b']]);
  });
});

describe('markup carried in scripts', () => {
  const table = '<table><tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>821</td></tr></table>';

  test('should read document.write of a JSON-escaped string in place of the script', () => {
    const html = `<p>前言</p><script>document.write(${JSON.stringify(table)});</script><p>后记</p>`;
    assert.equal(htmlToText(html), '前言\n\n| 一、本年新收政府信息公开申请数量 | 821 |\n\n后记');
  });

  test('should read a let content string with \\" escapes and \\n, and single-quoted attributes', () => {
    const script =
      "let content = \"<p style='text-indent:2em'>三、收到和处理政府信息公开申请情况</p>\\n" +
      '<table border=\\"1\\" style=\\"width:100%\\"><tr><td class=\\"x\\" colspan=\\"2\\">一、本年新收</td>' +
      '<td class=\\"num\\">821</td></tr></table>";\ndocument.getElementById("content").innerHTML = content;';
    const html = `<div id="content"></div><script type="text/javascript">${script}</script>`;
    assert.equal(htmlToText(html), '三、收到和处理政府信息公开申请情况\n\n| 一、本年新收 | 821 |');
    assert.deepEqual(readHtml(html).tables[0]!.rows, [['一、本年新收', '', '821']]);
  });

  test('should join a table written in several strings, and literals joined by +', () => {
    const script = `var html = '<table>';
      html += '<tr><td>自然人</td><td>' + '17' + '</td></tr>'; // comment with "quotes"
      /* another "quoted" comment */
      html += \`<tr><td>总计</td><td>\${total}18</td></tr>\`;
      html += '</table>';
      document.write(html);`;
    assert.deepEqual(rowsOf(`<script>${script}</script>`), [
      ['自然人', '17'],
      ['总计', '18'],
    ]);
  });

  test('should read a passage that a page repeats once', () => {
    const p = '<p>本机关全年共受理政府信息公开申请八百五十九件，均在法定期限内予以答复，无一超期。</p>';
    const script = `<script>var s = "${p}";</script>`;
    assert.equal(
      htmlToText(`${script}<script>if (a) { w("${p}") } else { w("${p}") }</script>${script}`),
      '本机关全年共受理政府信息公开申请八百五十九件，均在法定期限内予以答复，无一超期。',
    );
  });

  test('should read once a content that the page has as markup and again in a script, and read what a script adds', () => {
    const p = '<p>本机关全年共受理政府信息公开申请八百五十九件，均在法定期限内予以答复，无一超期。</p>';
    const table = '<table><tr><td>一、本年新收政府信息公开申请数量</td><td>859</td></tr></table>';
    const once = '本机关全年共受理政府信息公开申请八百五十九件，均在法定期限内予以答复，无一超期。';
    assert.equal(
      htmlToText(`<div id="c">${p}${table}</div><script>var c = ${JSON.stringify(p + table)};</script>`),
      `${once}\n\n| 一、本年新收政府信息公开申请数量 | 859 |`,
    );
    assert.equal(
      htmlToText(`<div id="c">${p}</div><script>var c = ${JSON.stringify(p + table)};</script>`),
      `${once}\n\n${once}\n\n| 一、本年新收政府信息公开申请数量 | 859 |`,
      "the table is the script's own",
    );
  });

  test('should read \\u003c escapes and JSON in a data script', () => {
    const json = JSON.stringify({ body: '<p>正文</p><table><tr><td>1</td></tr></table>' }).replace(/</g, '\\u003c');
    const html = `<script type="application/json">${json}</script>`;
    assert.equal(htmlToText(html), '正文\n\n| 1 |');
  });

  test('should read markup that script markup writes, to a limited depth', () => {
    const inner = '<p>内层</p>';
    const middle = `<p>中层</p><script>document.write(${JSON.stringify(inner)})</script>`;
    const html = `<script>document.write(${JSON.stringify(middle).replace(/<\//g, '<\\/')})</script>`;
    assert.equal(htmlToText(html), '中层\n\n内层');
  });
});

describe('size', () => {
  test('should read Chinese text of any length and in linear time', () => {
    const page = (n: number) => {
      const row = '<tr><td>（一）予以公开</td><td>12</td><td>&nbsp;</td><td colspan="2">4</td></tr>';
      const p = '<p>第二十条　行政机关应当依照本条例第十九条的规定，主动公开本行政机关的下列政府信息：</p>';
      return `<html><body>${p.repeat(n)}<table>${row.repeat(n)}</table><script>var s = "${'<tr><td>1</td></tr>'.repeat(n)}";</script></body></html>`;
    };
    const time = (html: string) => {
      let best = Infinity;
      for (let i = 0; i < 2; i++) {
        const started = performance.now();
        readHtml(html);
        best = Math.min(best, performance.now() - started);
      }
      return best;
    };
    readHtml(page(1000));
    const small = time(page(5_000));
    const large = time(page(20_000));
    assert.ok(large / small < 10, `4× the input took ${(large / small).toFixed(1)}× the time`);
    const text = readHtml(page(20_000)).text;
    assert.equal(text.split('\n').filter((l) => l.startsWith('第二十条')).length, 20_000);
  });

  test('should read deeply nested and unclosed markup in linear time', () => {
    const time = (n: number) => {
      const html = '<div><font size=3>字'.repeat(n) + '</span>'.repeat(n) + '<table><tr><td>x'.repeat(n / 10);
      const started = performance.now();
      const { text, tables } = readHtml(html);
      assert.ok(text.includes('字') && tables.length > 0);
      return performance.now() - started;
    };
    time(1_000);
    const small = time(10_000);
    const large = time(40_000);
    assert.ok(large / small < 10, `4× the nesting took ${(large / small).toFixed(1)}× the time`);
  });
});

test('links: href and src in document order, markup a script writes included, the head left out', () => {
  const html =
    '<head><link href="/a.css"><title>t</title></head><p><a href=" /publications/1 ">一</a>' +
    '<img src="/files/ab"><script>var s = "<a href=\'/x\'>";</script><a href="https://e.example/">外</a></p>';
  assert.deepEqual(readHtml(html).links, ['/publications/1', '/files/ab', '/x', 'https://e.example/']);
});
