// Ports of account management: accounts and their role grants, the handover of open work, and what the
// account use cases take from the context.
import type { PasswordJudge } from '../../domain/users/password-policy.js';
import type { RoleGrant } from '../../domain/users/roles.js';
import type { User, UserStatus, UserWithRoles } from '../../domain/users/user.js';
import type { PersonalDataGrant } from '../../domain/users/personal-data-grant.js';
import type { AuditRepos, Clock, Crypto, UnitOfWork } from '../ports.js';
import type { AuthRepos, PasswordHasher } from '../auth/ports.js';
import type { OrgRepos } from '../orgs/ports.js';
import type { SettingsRepos } from '../settings/ports.js';

/** A new account. */
export type NewUser = Omit<User, 'failedAttempts' | 'lockedUntil' | 'lastLoginAt' | 'replacedBy' | 'email'> & {
  email?: string;
  passwordHash: string;
};

/** Accounts and their role grants. */
export interface UserRepository {
  byId(id: string): Promise<UserWithRoles | undefined>;
  byUsername(username: string): Promise<UserWithRoles | undefined>;
  passwordHash(userId: string): Promise<string | undefined>;
  list(filter?: { orgIds?: readonly string[]; status?: UserStatus; query?: string }): Promise<UserWithRoles[]>;
  insert(user: NewUser): Promise<void>;
  updateProfile(id: string, fields: { displayName: string; orgId: string; email: string }, at: string): Promise<void>;
  setPassword(id: string, hash: string, mustChange: boolean, at: string): Promise<void>;
  setLoginState(
    id: string,
    state: { failedAttempts: number; lockedUntil: string | null; lastLoginAt?: string },
    at: string,
  ): Promise<void>;
  setStatus(id: string, status: UserStatus, replacedBy: string | null, at: string): Promise<void>;
  setRoles(id: string, roles: readonly RoleGrant[], at: string): Promise<void>;
}

/**
 * A module's part of a handover (交接): moves the user's open work to another user inside the
 * handover transaction and returns how many items it moved. Modules with open work register one each
 * in src/main.ts; `R` is the repositories the step needs (bound to the handover's transaction).
 */
export type HandoverStep<R> = {
  label: string;
  run: (repos: R, fromUserId: string, toUserId: string, at: string) => Promise<number>;
};

/** The recorded `view_personal_data` grants (docs/security/privacy.md). */
export interface PersonalDataGrantRepository {
  insert(grant: PersonalDataGrant): Promise<void>;
  byId(id: string): Promise<PersonalDataGrant | undefined>;
  /** An account's grants, newest first; `live` keeps those not revoked. */
  forUser(userId: string, opts?: { live?: boolean }): Promise<PersonalDataGrant[]>;
  revoke(id: string, by: { id: string | null; label: string }, at: string): Promise<void>;
}

/** Repositories of account management. */
export type UserRepos = { users: UserRepository; personalDataGrants: PersonalDataGrantRepository };

/**
 * What account management uses: the organization tree, the accounts and the site settings to read, a transaction
 * over the accounts, their sessions and tokens and the audit trail, the clock, ids, and password hashing and policy.
 */
export type UserContext = {
  repos: OrgRepos & UserRepos & SettingsRepos;
  uow: UnitOfWork<UserRepos & AuthRepos & AuditRepos>;
  clock: Clock;
  crypto: Crypto;
  hasher: PasswordHasher;
  passwordJudge: PasswordJudge;
};
