// Charset detection: BOM, Content-Type header, <meta>, and the GB family decoded as GB18030.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeHtml, decoderLabel, headerCharset, metaCharset } from './charset.js';

// "中文" in GBK.
const GBK_ZHONGWEN = [0xd6, 0xd0, 0xce, 0xc4];

describe('charset', () => {
  it('maps the GB family to gb18030 and refuses unknown names', () => {
    for (const name of ['GBK', 'gb2312', 'GB18030', 'x-gbk', '"gbk"']) assert.equal(decoderLabel(name), 'gb18030');
    assert.equal(decoderLabel('UTF8'), 'utf-8');
    assert.equal(decoderLabel('no-such-charset'), null);
  });
  it('reads the header and the <meta> forms', () => {
    assert.equal(headerCharset('text/html; charset=GBK'), 'gb18030');
    assert.equal(headerCharset('text/html'), null);
    const meta = (s: string) => metaCharset(Buffer.from(s));
    assert.equal(meta('<meta charset="gb2312">'), 'gb18030');
    assert.equal(meta('<meta http-equiv="Content-Type" content="text/html; charset=gbk" />'), 'gb18030');
    assert.equal(meta('<meta name="x">'), null);
  });
  it('decodes by BOM, then header, then <meta>, else UTF-8', () => {
    const gbkPage = Buffer.from([...Buffer.from('<meta charset="gbk"><p>'), ...GBK_ZHONGWEN]);
    assert.match(decodeHtml(gbkPage, 'text/html').text, /中文/);
    assert.match(decodeHtml(Buffer.from(GBK_ZHONGWEN), 'text/html; charset=gb2312').text, /^中文$/);
    // The header wins over <meta>; the BOM over both.
    assert.equal(decodeHtml(Buffer.from('<meta charset="gbk">中文'), 'text/html; charset=utf-8').charset, 'utf-8');
    const bom = Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('中文')]);
    assert.deepEqual(decodeHtml(bom, 'text/html; charset=gbk'), { text: '中文', charset: 'utf-8' });
    assert.equal(decodeHtml(Buffer.from('中文'), null).text, '中文');
  });
});
