// Ports of sign-in: sessions, API tokens and password hashing.
import type { ApiToken } from '../../domain/users/api-token.js';

/** A stored login session (the cookie holds the token; only its hash is stored). */
export type SessionRecord = {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
};

/** Login sessions. */
export interface SessionRepository {
  insert(s: SessionRecord): Promise<void>;
  byHash(idHash: string): Promise<SessionRecord | undefined>;
  touch(idHash: string, lastSeenAt: string, idleExpiresAt: string): Promise<void>;
  delete(idHash: string): Promise<void>;
  deleteForUser(userId: string, exceptHash?: string): Promise<number>;
  purgeExpired(nowIso: string): Promise<number>;
}

/** API tokens for the JSON API (bearer tokens; only hashes are stored). */
export interface ApiTokenRepository {
  insert(t: ApiToken & { tokenHash: string }): Promise<void>;
  /** The token with this hash, revoked or expired ones included. */
  byHash(tokenHash: string): Promise<ApiToken | undefined>;
  byId(id: string): Promise<ApiToken | undefined>;
  /** An account's tokens, newest first, revoked and expired ones included. */
  listForUser(userId: string): Promise<ApiToken[]>;
  touch(id: string, at: string): Promise<void>;
  /** Revokes one token; returns 0 when it was already revoked. */
  revoke(id: string, at: string): Promise<number>;
  /** Revokes every live token of an account; returns how many. */
  revokeForUser(userId: string, at: string): Promise<number>;
}

/** Password hashing (argon2id). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** Repositories of sign-in. */
export type AuthRepos = { sessions: SessionRepository; tokens: ApiTokenRepository };
