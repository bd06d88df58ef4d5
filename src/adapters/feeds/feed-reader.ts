// Reads an account's RSS or Atom feed over HTTP(S) (Node's fetch: undici), with a timeout and a size limit, and
// gives each entry's time in the office's time zone.
import type { FeedEntry, FeedReader } from '../../app/media/ports.js';
import { parseFeed } from '../../domain/monitoring/accounts-feed.js';

/** Limits of one feed fetch. */
export type FeedLimits = { timeoutMs: number; maxBytes: number };

const DEFAULT_LIMITS: FeedLimits = { timeoutMs: 15_000, maxBytes: 2 * 1024 * 1024 };

/**
 * The feed reader.
 * @param timeZone IANA zone of the office: entries' instants become its local `YYYY-MM-DDTHH:mm`
 */
export function httpFeedReader(timeZone: string, limits: FeedLimits = DEFAULT_LIMITS): FeedReader {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const local = (text: string): string => {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) return '';
    const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
  };
  return {
    async read(url): Promise<FeedEntry[]> {
      if (!/^https?:\/\//i.test(url)) throw new Error(`不支持的订阅地址：${url}`);
      const res = await fetch(url, {
        signal: AbortSignal.timeout(limits.timeoutMs),
        headers: { accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml;q=0.9, */*;q=0.1' },
        redirect: 'follow',
      });
      if (!res.ok) throw new Error(`订阅地址返回 HTTP ${res.status}`);
      const declared = Number(res.headers.get('content-length') ?? 0);
      if (declared > limits.maxBytes) throw new Error('订阅内容过大');
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (bytes.byteLength > limits.maxBytes) throw new Error('订阅内容过大');
      const text = new TextDecoder('utf-8').decode(bytes);
      return parseFeed(text).map((e) => ({ postedAt: local(e.date), title: e.title, url: e.url }));
    },
  };
}
