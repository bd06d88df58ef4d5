// A small government website served on 127.0.0.1 for the website-check tests: fresh, stale, undated and empty
// columns with dates in the forms Chinese sites use, a GBK page, gzip and brotli bodies, a redirect, robots.txt,
// dead links (404 on the home page and on a column page, a .invalid host), a spam line on an article and an ID
// number planted in a PDF attachment. Every planted problem is listed in PLANTED so tests can assert each rule
// fires exactly there.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { GBT9704_MARGINS, writePdf, PDF_FAMILY } from '../../../src/adapters/documents/pdf-writer.js';

/** Encodes text as GBK/GB18030 bytes (inverse of the gb18030 TextDecoder over the two-byte range). */
export function encodeGbk(text: string): Buffer {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(a, b));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [a, b]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

/** A valid 居民身份证 number (GB 11643 check digit X) and the masked form the evidence must show. */
export const PLANTED_ID = '11010519491231002X';
export const PLANTED_ID_MASKED = '1101**********002X';
/** An 18-digit number with a wrong check digit: must not be reported. */
export const WRONG_ID = '110105194912310021';
export const SPAM_LINE = '欢迎访问365体育投注官网，注册送彩金';
export const SENSITIVE = '人力资源与社会保障局';

const page = (title: string, body: string, head = '<meta charset="utf-8">'): string =>
  `<!doctype html><html><head>${head}<title>${title}</title></head><body>` +
  `<nav class="nav"><ul><li><a href="/">首页</a></li><li><a href="/news/">要闻动态</a></li></ul></nav>` +
  `<main>${body}</main><footer><a href="/about.html">关于本站</a></footer></body></html>`;

/** Builds the site's pages. */
async function pages(): Promise<Map<string, { type: string; body: Buffer; encoding?: 'gzip' | 'br' }>> {
  const html = (s: string) => ({ type: 'text/html; charset=utf-8', body: Buffer.from(s) });
  const m = new Map<string, { type: string; body: Buffer; encoding?: 'gzip' | 'br' }>();
  m.set(
    '/',
    html(
      page(
        '示例区人民政府',
        `<h2>今日要闻</h2><ul class="list">` +
          `<li><a href="/news/a1.html">区政府召开常务会议</a><span>2026-11-28</span></li>` +
          `<li><a href="/news/a2.html">公布困难群众名单</a><span>2026-10-02</span></li></ul>` +
          `<p>编号 ${WRONG_ID}</p>` +
          `<p><a href="/notice/">通知公告</a> <a href="/policy/">政策文件</a> <a href="/old-news">旧版要闻</a>` +
          ` <a href="/missing.html">失效链接</a> <a href="/private/secret.html">内部</a>` +
          ` <a href="mailto:ban@example.invalid">信箱</a></p>`,
      ),
    ),
  );
  m.set('/about.html', html(page('关于本站', '<p>示例区人民政府主办</p>')));
  // News (动态要闻, 14 days): fresh; gzip.
  m.set('/news/', {
    ...html(
      page(
        '要闻动态',
        `<ul><li><a href="a1.html">区政府召开常务会议</a> 2026年11月28日</li>` +
          `<li><a href="a2.html">公布困难群众名单</a> 2026年5月8日</li>` +
          `<li><a href="gone.html">已删除的稿件</a> 2026/11/01</li></ul>`,
      ),
    ),
    encoding: 'gzip',
  });
  m.set('/news/a1.html', html(page('区政府召开常务会议', `<p>会议研究了有关事项。</p><p>${SPAM_LINE}</p>`)));
  m.set(
    '/news/a2.html',
    html(page('公布困难群众名单', `<p>名单见附件：</p><p><a href="/files/list.pdf">名单.pdf</a></p>`)),
  );
  // Notices (通知公告, 180 days): stale since 2026年5月8日; brotli.
  m.set('/notice/', {
    ...html(
      page(
        '通知公告',
        `<table><tr><td><a href="n1.html">关于春季防火的通知</a></td><td>2026年5月8日</td></tr></table>`,
      ),
    ),
    encoding: 'br',
  });
  m.set('/notice/n1.html', html(page('关于春季防火的通知', '<p>请各单位做好防火工作。</p>')));
  // Policies (政策文件, 180 days): month-day under a year heading; a link to a host that does not resolve.
  m.set(
    '/policy/',
    html(
      page(
        '政策文件',
        `<h3>2026年</h3><ul><li><a href="p1.html">示例区促进就业若干措施</a> [11-20]</li>` +
          `<li><a href="http://nowhere.invalid/doc.html">上级文件</a> [03-02]</li></ul>`,
      ),
    ),
  );
  m.set('/policy/p1.html', html(page('示例区促进就业若干措施', '<p>为促进就业，制定本措施。</p>')));
  // Personnel (should_update, own interval 30 days): GBK, fresh, with a wrong official name.
  m.set('/renshi/', {
    type: 'text/html',
    body: encodeGbk(
      page(
        '人事信息',
        `<ul><li><a href="r1.html">区${SENSITIVE}招聘公告</a> 2026-11-15</li></ul>`,
        '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
      ),
    ),
  });
  m.set('/renshi/r1.html', html(page('招聘公告', '<p>招聘事项见正文。</p>')));
  // Work updates (news): items without dates → not updated.
  m.set('/gzdt/', html(page('工作动态', `<ul><li><a href="w1.html">全区工作推进会</a></li></ul>`)));
  m.set('/gzdt/w1.html', html(page('全区工作推进会', '<p>会议召开。</p>')));
  // Leaders (static): an empty column.
  m.set('/leaders/', html(page('领导信息', '<ul></ul><p>暂无内容</p>')));
  m.set('/robots.txt', { type: 'text/plain', body: Buffer.from('User-agent: *\nDisallow: /private/\n') });
  const pdf = await writePdf(() => ({
    pageSize: 'A4',
    pageMargins: GBT9704_MARGINS,
    language: 'zh-CN',
    info: { title: '困难群众名单', subject: '附件', creator: 'test' },
    content: [{ text: `困难群众名单\n张三 身份证号 ${PLANTED_ID}` }],
    footer: () => ({ text: '' }),
    defaultStyle: { font: PDF_FAMILY },
    styles: {},
  }));
  m.set('/files/list.pdf', { type: 'application/pdf', body: Buffer.from(pdf) });
  return m;
}

/** The site description of the fixture (as `monitor check` reads it). */
export function siteDescription(base: string) {
  return {
    name: '示例区人民政府门户网站',
    url: `${base}/`,
    kind: 'portal',
    columns: [
      { name: '要闻动态', url: `${base}/news/`, kind: 'news' },
      { name: '通知公告', url: `${base}/notice/`, kind: 'notice' },
      { name: '政策文件', url: `${base}/policy/`, kind: 'policy' },
      { name: '人事信息', url: `${base}/renshi/`, kind: 'should_update', intervalDays: 30 },
      { name: '工作动态', url: `${base}/gzdt/`, kind: 'news' },
      { name: '领导信息', url: `${base}/leaders/`, kind: 'static' },
    ],
  };
}

/** A running fixture site: its base address, the requests it answered, and `close`. */
export interface FixtureSite {
  base: string;
  requests: string[];
  /** Conditional requests answered 304. */
  notModified: number;
  close: () => Promise<void>;
}

/** Starts the site on 127.0.0.1 (an ephemeral port). */
export async function startFixtureSite(): Promise<FixtureSite> {
  const content = await pages();
  const state = { requests: [] as string[], notModified: 0 };
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    state.requests.push(path);
    if (path === '/old-news') {
      res.writeHead(301, { location: '/news/' }).end();
      return;
    }
    const found = content.get(path);
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>404</h1>');
      return;
    }
    const etag = `"${path.length}-${found.body.length}"`;
    if (req.headers['if-none-match'] === etag) {
      state.notModified++;
      res.writeHead(304, { etag }).end();
      return;
    }
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const headers: Record<string, string> = { 'content-type': found.type, etag };
    let body = found.body;
    if (found.encoding === 'gzip' && accepts.includes('gzip')) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    } else if (found.encoding === 'br' && accepts.includes('br')) {
      body = brotliCompressSync(body);
      headers['content-encoding'] = 'br';
    }
    res.writeHead(200, headers).end(body);
  };
  const server = createServer(handle);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get notModified() {
      return state.notModified;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
