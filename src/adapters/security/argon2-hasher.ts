// argon2id password hashing (OWASP settings: m=19456 KiB, t=2, p=1).
import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../app/auth/ports.js';

// algorithm 2 = Argon2id in @node-rs/argon2's Algorithm const enum (not importable under verbatimModuleSyntax).
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** The argon2id hasher. Hashes are PHC strings carrying their own parameters. */
export function argon2Hasher(): PasswordHasher {
  return {
    hash: (password) => hash(password, OPTIONS),
    verify: async (h, password) => {
      try {
        return await verify(h, password);
      } catch {
        return false;
      }
    },
  };
}
