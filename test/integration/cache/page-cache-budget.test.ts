// The page cache's memory bound and its invalidation by tag, over a hand-driven change feed: least recently used
// pages leave first once the budget is passed, a page larger than an eighth of the budget is not kept, a page
// rendered across an invalidation is not stored, and a feed that is not live serves and stores nothing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PageCache, pageOf } from '../../../src/web/cache/page-cache.js';
import type { PageChangeFeed, PageTag } from '../../../src/app/portal/page-tags.js';

/** A feed the test drives: emit tags, switch live. */
function feed() {
  const listeners = new Set<(tags: readonly PageTag[]) => void>();
  let live = true;
  const f: PageChangeFeed & { emit: (tags: PageTag[]) => void; setLive: (v: boolean) => void } = {
    subscribe: (l) => (listeners.add(l), () => void listeners.delete(l)),
    poll: () => undefined,
    live: () => live,
    emit: (tags) => listeners.forEach((l) => l(tags)),
    setLive: (v) => void (live = v),
  };
  return f;
}

const page = (kb: number, tags: PageTag[] = []) =>
  pageOf(200, [['Content-Type', 'text/html; charset=utf-8']], Buffer.alloc(kb * 1024, 0x61), tags);

describe('page cache budget and tags', () => {
  test('should evict the least recently used pages once the bytes pass the budget', () => {
    const cache = new PageCache(100 * 1024, feed());
    for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) assert.ok(cache.set(k, page(11), cache.generation));
    assert.ok(cache.get('a'), 'a is used again, so b is now the oldest');
    assert.ok(cache.set('i', page(11), cache.generation));
    assert.ok(cache.stats.bytes <= 100 * 1024, `within the budget: ${cache.stats.bytes}`);
    assert.equal(cache.has('a'), true);
    assert.equal(cache.has('b'), false);
    assert.equal(cache.has('i'), true);
    assert.ok(cache.stats.evictions >= 1);
    assert.equal(cache.set('huge', page(13), cache.generation), false, 'more than an eighth of the budget');
  });

  test('should drop exactly the pages of a tag, all pages for SITE, and skip a page rendered across a change', () => {
    const f = feed();
    const cache = new PageCache(1024 * 1024, f);
    cache.set('p1', page(1, ['pub:1', 'org:A']), cache.generation);
    cache.set('p2', page(1, ['pub:2', 'org:B']), cache.generation);
    cache.set('home', page(1, ['home']), cache.generation);
    f.emit(['org:A']);
    assert.deepEqual(
      ['p1', 'p2', 'home'].map((k) => cache.has(k)),
      [false, true, true],
    );
    const before = cache.generation;
    f.emit(['pub:9']);
    assert.equal(cache.set('late', page(1), before), false, 'rendered before the change: not stored');
    f.emit(['site']);
    assert.deepEqual(
      ['p2', 'home'].map((k) => cache.has(k)),
      [false, false],
    );
    assert.equal(cache.stats.bytes, 0);
  });

  test('should neither serve nor store while the feed is not live', () => {
    const f = feed();
    const cache = new PageCache(1024 * 1024, f);
    cache.set('x', page(1), cache.generation);
    f.setLive(false);
    assert.equal(cache.get('x'), undefined);
    assert.equal(cache.set('y', page(1), cache.generation), false);
    f.setLive(true);
    assert.ok(cache.get('x'));
  });

  test('should give a page a strong ETag of its bytes and a 304 header set without type or length', () => {
    const a = page(1);
    assert.match(a.etag, /^"[\w-]{27}"$/);
    assert.equal(page(1).etag, a.etag);
    assert.notEqual(page(2).etag, a.etag);
    assert.ok(a.raw.includes('Content-Length') && !a.raw304.includes('Content-Length'));
    assert.ok(a.raw304.includes('ETag'));
  });
});
