// Grid expansion and the pipe rows of the plain text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HtmlTableCell } from '../../app/documents/ports.js';
import { expandGrid, pipeRows, spanOf } from './table-grid.js';

const cell = (text: string, rowSpan = 1, colSpan = 1): HtmlTableCell => ({ text, rowSpan, colSpan, header: false });

test('should read spans as HTML does, within limits', () => {
  assert.equal(spanOf('3', 1000), 3);
  assert.equal(spanOf(' 2px', 1000), 2);
  assert.equal(spanOf('0', 1000), 1);
  assert.equal(spanOf('-4', 1000), 1);
  assert.equal(spanOf('abc', 1000), 1);
  assert.equal(spanOf(undefined, 1000), 1);
  assert.equal(spanOf('99999', 1000), 1000);
});

test('should place each cell in the first free slot of its row, under cells merged from above', () => {
  const grid = expandGrid('表', [
    [cell('a', 2, 2), cell('b'), cell('c', 3)],
    [cell('d')],
    [cell('e'), cell('f'), cell('g')],
    [],
  ]);
  assert.equal(grid.width, 4);
  assert.deepEqual(grid.rows, [
    ['a', '', 'b', 'c'],
    ['', '', 'd', ''],
    ['e', 'f', 'g', ''],
    ['', '', '', ''],
  ]);
  assert.equal(grid.caption, '表');
  assert.deepEqual(
    grid.cells.map((row) => row.map((c) => c.rowSpan)),
    [[2, 1, 3], [1], [1, 1, 1], []],
  );
});

test('should cut a rowspan at the last row and let rowspan 0 reach it', () => {
  const grid = expandGrid('', [[cell('a', 0), cell('b', 5)], [cell('c')]]);
  assert.deepEqual(grid.rows, [
    ['a', 'b', ''],
    ['', '', 'c'],
  ]);
  assert.deepEqual(
    grid.cells.map((row) => row.map((c) => c.rowSpan)),
    [[2, 2], [1]],
  );
});

test('should pad merged figures but not merged labels in the pipe rows, and leave out empty rows', () => {
  const grid = expandGrid('', [[cell('合计', 1, 3), cell('12', 1, 2), cell('', 1, 2), cell('x', 1, 80)], []]);
  const [row] = pipeRows(grid);
  assert.equal(pipeRows(grid).length, 1);
  assert.ok(row!.replace(/ +/g, ' ').startsWith('| 合计 | 12 | | | | x | |'), row);
  assert.equal(row!.split('|').length - 2, 1 + 2 + 2 + 50, 'a wide merge adds at most 49 blanks');
});

test('should keep a blank column merged down, and blank cells a row leaves out, in their places', () => {
  const grid = expandGrid('', [
    [cell('信息内容'), cell('本年新制发件数'), cell('本年废止件数'), cell('现行有效件数')],
    [cell('规章'), cell('1'), cell('', 2), cell('20')],
    [cell('行政规范性文件'), cell('3'), cell('40')],
    [cell('（三）不予公开', 2), cell('1.属于国家秘密'), cell('2', 1, 2)],
    [cell('2.其他法律行政法规禁止公开'), cell('5')],
    [cell('备注')],
  ]);
  assert.deepEqual(
    pipeRows(grid).map((row) => row.replace(/ +/g, ' ')),
    [
      '| 信息内容 | 本年新制发件数 | 本年废止件数 | 现行有效件数 |',
      '| 规章 | 1 | | 20 |',
      '| 行政规范性文件 | 3 | | 40 |',
      '| （三）不予公开 | 1.属于国家秘密 | 2 | |',
      '| 2.其他法律行政法规禁止公开 | 5 | |',
      '| 备注 |',
    ],
  );
});

test('should add at most 49 blank cells at the end of a row in a table made wide by a merge', () => {
  const grid = expandGrid('', [[cell('标题', 1, 500)], [cell('规章'), cell('5')]]);
  assert.equal(pipeRows(grid)[1]!.split('|').length - 2, 2 + 49);
});
