// The client's address, which the rate limits count per (docs/security/abuse.md): the socket's peer, or — only
// when that peer is a reverse proxy listed in GONGKAI_TRUSTED_PROXIES — the nearest address in `X-Forwarded-For`
// that is not itself a trusted proxy. An untrusted header is never read: it would let a client pick a fresh
// "address" for every request.
import type { Context } from 'hono';
import type { WebEnv } from './env.js';

/** An IPv4 address as IPv6 sockets report it (`::ffff:10.0.0.1`) is the IPv4 address. */
const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

/**
 * The client's address ('unknown' in-process, e.g. in tests without an address).
 * @param c the request context
 */
export function clientAddress(c: Context<WebEnv>): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const peer = plain(env?.incoming?.socket?.remoteAddress ?? 'unknown');
  const trusted = (c.get('opts').trustedProxies ?? []).map(plain);
  if (!trusted.includes(peer)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map(plain)
    .filter((a) => a !== '');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (hop !== undefined && !trusted.includes(hop)) return hop;
  }
  return hops[0] ?? peer;
}
