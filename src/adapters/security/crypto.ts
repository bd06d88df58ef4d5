// Ids (UUIDv7), random tokens, SHA-256 digests and HMAC-SHA256 signatures under the server's key.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock, Crypto } from '../../app/ports.js';

/**
 * Node's crypto behind the Crypto port. Ids are UUIDv7 (RFC 9562 §5.7): time-ordered, so
 * primary-key indexes stay append-mostly on both engines.
 * @param secret the signing key (GONGKAI_SECRET); null or absent: 32 random bytes for this process
 */
export function nodeCrypto(clock: Clock, secret?: string | null): Crypto {
  const key = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  // RFC 9562 §6.2 method 1: a 12-bit counter in rand_a keeps ids made in the same millisecond
  // (or under a clock that stands still, as in tests) in creation order.
  let lastMs = -1;
  let counter = 0;
  const next = (): string => {
    const now = clock.nowMs();
    if (now > lastMs) {
      lastMs = now;
      counter = 0;
    } else if (++counter > 0xfff) {
      lastMs += 1;
      counter = 0;
    }
    const rand = randomBytes(10);
    rand[0] = (counter >> 8) & 0x0f;
    rand[1] = counter & 0xff;
    return uuidv7(lastMs, rand);
  };
  return {
    newId: next,
    randomToken: (bytes = 32) => randomBytes(bytes).toString('base64url'),
    sha256: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
    sign: (text) => createHmac('sha256', key).update(text, 'utf8').digest('base64url'),
    // Digests of equal length, so that neither the content nor the length leaks through the time taken.
    equal: (a, b) =>
      timingSafeEqual(
        createHmac('sha256', key).update(a, 'utf8').digest(),
        createHmac('sha256', key).update(b, 'utf8').digest(),
      ),
  };
}

/**
 * Formats a UUIDv7 from a millisecond timestamp and 10 random bytes.
 * @returns e.g. 0193b8c1-2f4e-7a3b-9c1d-0e5f6a7b8c9d
 */
export function uuidv7(ms: number, rand: Uint8Array): string {
  const b = new Uint8Array(16);
  let t = ms;
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  b.set(rand.subarray(0, 10), 6);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Buffer.from(b).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
