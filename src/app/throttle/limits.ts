// The limits against abuse of the public forms and of the login, each a setting (an environment variable read
// by src/config/config.ts; the defaults below are the stated ones, docs/security/abuse.md lists them).
// A limit of 0 switches that limit off.

/** Every limit, with its window in the name. */
export type AbuseLimits = {
  /** Public applications per client address per hour (GONGKAI_INTAKE_PER_ADDRESS_HOUR). */
  intakePerAddressPerHour: number;
  /** Public applications per applicant email address per day (GONGKAI_INTAKE_PER_EMAIL_DAY). */
  intakePerEmailPerDay: number;
  /** Public applications per applicant phone number per day (GONGKAI_INTAKE_PER_PHONE_DAY). */
  intakePerPhonePerDay: number;
  /** Receipt emails per recipient per day, staff-entered cases included (GONGKAI_RECEIPTS_PER_RECIPIENT_DAY). */
  receiptsPerRecipientPerDay: number;
  /** Receipt emails per hour to all recipients together (GONGKAI_RECEIPTS_PER_HOUR). */
  receiptsPerHour: number;
  /** The online form refuses a post sooner than this after the form was shown (GONGKAI_FORM_MIN_SECONDS). */
  formMinSeconds: number;
  /** … and later than this (GONGKAI_FORM_MAX_HOURS). */
  formMaxHours: number;
  /** Leading zero bits of the proof of work public API intake needs; 0 = none (GONGKAI_POW_BITS). */
  powBits: number;
  /**
   * Login attempts per account from one client address per 15 minutes, with backoff: twice as many per hour,
   * four times as many per day (GONGKAI_LOGIN_PER_ACCOUNT_ADDRESS).
   */
  loginPerAccountAddress: number;
  /** Login attempts per client address (any account) per 15 minutes (GONGKAI_LOGIN_PER_ADDRESS). */
  loginPerAddress: number;
  /**
   * Login attempts per account from all addresses per hour; reaching it alerts the administrators
   * (GONGKAI_LOGIN_PER_ACCOUNT).
   */
  loginPerAccount: number;
  /** Failed status lookups per client address per 10 minutes (GONGKAI_LOOKUP_FAILURES_PER_ADDRESS). */
  lookupFailuresPerAddress: number;
  /** Online corrections posted per address per 10 minutes (GONGKAI_CORRECTIONS_PER_ADDRESS). */
  correctionsPerAddress: number;
};

/** The stated defaults: one address is stopped at its 11th application in an hour. */
export const DEFAULT_LIMITS: AbuseLimits = {
  intakePerAddressPerHour: 10,
  intakePerEmailPerDay: 5,
  intakePerPhonePerDay: 5,
  receiptsPerRecipientPerDay: 5,
  receiptsPerHour: 200,
  formMinSeconds: 3,
  formMaxHours: 24,
  powBits: 0,
  loginPerAccountAddress: 5,
  loginPerAddress: 20,
  loginPerAccount: 100,
  lookupFailuresPerAddress: 10,
  correctionsPerAddress: 5,
};

/** The environment variable of each limit. */
export const LIMIT_VARIABLES: Readonly<Record<keyof AbuseLimits, string>> = {
  intakePerAddressPerHour: 'GONGKAI_INTAKE_PER_ADDRESS_HOUR',
  intakePerEmailPerDay: 'GONGKAI_INTAKE_PER_EMAIL_DAY',
  intakePerPhonePerDay: 'GONGKAI_INTAKE_PER_PHONE_DAY',
  receiptsPerRecipientPerDay: 'GONGKAI_RECEIPTS_PER_RECIPIENT_DAY',
  receiptsPerHour: 'GONGKAI_RECEIPTS_PER_HOUR',
  formMinSeconds: 'GONGKAI_FORM_MIN_SECONDS',
  formMaxHours: 'GONGKAI_FORM_MAX_HOURS',
  powBits: 'GONGKAI_POW_BITS',
  loginPerAccountAddress: 'GONGKAI_LOGIN_PER_ACCOUNT_ADDRESS',
  loginPerAddress: 'GONGKAI_LOGIN_PER_ADDRESS',
  loginPerAccount: 'GONGKAI_LOGIN_PER_ACCOUNT',
  lookupFailuresPerAddress: 'GONGKAI_LOOKUP_FAILURES_PER_ADDRESS',
  correctionsPerAddress: 'GONGKAI_CORRECTIONS_PER_ADDRESS',
};
