// A page as the checks see it: text without scripts, links resolved (base, fragments, non-http left out), and
// list items outside the navigation with the heading above them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from './parse-html.js';

describe('parseHtml', () => {
  const html =
    '<html><head><title> 通知 公告 </title><script>var x = "365bet";</script></head><body>' +
    '<div id="main-nav"><ul><li><a href="/">首页</a></li></ul></div>' +
    '<h3>2026年</h3><ul><li><a href="a.html#top">甲</a> [11-28]</li><li>没有链接的行</li></ul>' +
    '<table><tr><td><a href="https://other.example/b">乙</a></td><td>2026-01-02</td></tr></table>' +
    '<p><a href="mailto:x@y">信箱</a><a href="javascript:void(0)">脚本</a><a href="#x">锚点</a></p>' +
    '<iframe src="/frame.html"></iframe><footer><ul><li><a href="/about">关于</a></li></ul></footer></body></html>';
  const page = parseHtml(html, 'http://site.example/list/');

  it('keeps the title and the visible text, not scripts', () => {
    assert.equal(page.title, '通知 公告');
    assert.ok(!page.text.includes('365bet'));
    assert.match(page.text, /甲 \[11-28\]/);
  });
  it('resolves http(s) links, drops fragments and other schemes', () => {
    assert.deepEqual(
      page.links.map((l) => l.url),
      [
        'http://site.example/',
        'http://site.example/list/a.html',
        'https://other.example/b',
        'http://site.example/frame.html',
        'http://site.example/about',
      ],
    );
  });
  it('lists items with a link outside nav and footer, with the heading above them', () => {
    assert.deepEqual(page.items, [
      { text: '甲 [11-28]', url: 'http://site.example/list/a.html', heading: '2026年' },
      { text: '乙 2026-01-02', url: 'https://other.example/b', heading: '2026年' },
    ]);
  });
  it('resolves the same href afresh on each page: by its directory, origin or scheme (resolutions are remembered)', () => {
    const links = (url: string) =>
      parseHtml('<a href="a.html">a</a><a href="/b">b</a><a href="//cdn.example/c">c</a>', url).links.map((l) => l.url);
    assert.deepEqual(links('http://site.example/x/'), [
      'http://site.example/x/a.html',
      'http://site.example/b',
      'http://cdn.example/c',
    ]);
    assert.deepEqual(links('http://site.example/y/z.html'), [
      'http://site.example/y/a.html',
      'http://site.example/b',
      'http://cdn.example/c',
    ]);
    assert.deepEqual(links('https://other.example:8443/'), [
      'https://other.example:8443/a.html',
      'https://other.example:8443/b',
      'https://cdn.example/c',
    ]);
  });
  it('honours <base href>', () => {
    const p = parseHtml('<base href="http://cdn.example/x/"><a href="y.html">y</a>', 'http://site.example/');
    assert.equal(p.links[0]?.url, 'http://cdn.example/x/y.html');
  });
});
