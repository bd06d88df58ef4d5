// Deployment configuration, parsed from an environment map: bin/gongkai.js passes the process's environment,
// tests and scripts a map of their own.
import { z } from 'zod';
import type { DemoData } from '../app/bootstrap.js';
import { LIMIT_VARIABLES, type AbuseLimits } from '../app/throttle/limits.js';
import type { DocumentLimits } from '../adapters/documents/document-limits.js';
import { DEFAULT_API_TOKEN_DAYS, MAX_API_TOKEN_DAYS } from '../domain/users/api-token.js';

/**
 * What the first start creates (GONGKAI_DEMO_DATA): `full` (1, the default) the demo district 示例区 with its
 * content (a year and more of items, applications, reports), `orgs` the demo district's organizations only, `none`
 * (0) one root organization to rename.
 */

/** Typed deployment configuration, parsed once at the edge and passed in. */
export type Config = {
  host: string;
  port: number;
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema?: string };
  timeZone: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  /** Days a new API token lives unless its owner chooses another (docs/security/accounts.md). */
  apiTokenDays: number;
  secureCookies: boolean;
  demoData: DemoData;
  uploadLimitBytes: number;
  logRequests: boolean;
  /** The page cache's budget in bytes (GONGKAI_PAGE_CACHE_MB, default 64; 0 turns the cache off). */
  pageCacheBytes: number;
  /**
   * Key of the server's signatures (HMAC-SHA256), e.g. the applicant's /track token; null = a random key drawn at
   * each start (signatures then lapse on restart).
   */
  secret: string | null;
  /** SMTP delivery; null = messages wait in the outbox. */
  mail: { url: string; from: string; intervalSeconds: number } | null;
  /**
   * Addresses of reverse proxies whose `X-Forwarded-For` names the client (GONGKAI_TRUSTED_PROXIES, comma-separated);
   * empty = the socket's address is the client's.
   */
  trustedProxies: string[];
  /**
   * Where the daily anchor of the audit chain's head is written (GONGKAI_AUDIT_ANCHOR_DIR), as
   * `audit-anchor-<date>.json`; null (unset) = no anchor files. Put it on storage the database's users cannot write.
   */
  auditAnchorDir: string | null;
  /** The limits set in the environment; the others keep their defaults (app/throttle/limits.ts). */
  limits: Partial<AbuseLimits>;
  /** Limits on parsing uploaded documents (GONGKAI_DOC_*); an unset one takes its default (document-limits.ts). */
  documents: Partial<DocumentLimits>;
};

const boolish = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  GONGKAI_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(postgres|postgresql|sqlite):/, 'DATABASE_URL must start with postgres:// or sqlite:')
    .optional(),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'DATABASE_SCHEMA must be a lower-case SQL identifier')
    .optional(),
  GONGKAI_TZ: z.string().default('Asia/Shanghai'),
  GONGKAI_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  GONGKAI_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  GONGKAI_API_TOKEN_DAYS: z.coerce.number().int().min(1).max(MAX_API_TOKEN_DAYS).default(DEFAULT_API_TOKEN_DAYS),
  GONGKAI_SECURE_COOKIES: boolish.default(false),
  GONGKAI_DEMO_DATA: z
    .enum(['1', '0', 'true', 'false', 'yes', 'no', 'orgs'])
    .default('1')
    .transform((v): DemoData => (v === 'orgs' ? 'orgs' : v === '1' || v === 'true' || v === 'yes' ? 'full' : 'none')),
  GONGKAI_UPLOAD_LIMIT_MB: z.coerce.number().min(0.1).max(512).default(20),
  GONGKAI_LOG_REQUESTS: boolish.default(false),
  GONGKAI_PAGE_CACHE_MB: z.coerce.number().min(0).max(65536).default(64),
  GONGKAI_SECRET: z.string().min(32, 'GONGKAI_SECRET must be at least 32 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('gongkai <noreply@localhost>'),
  GONGKAI_MAIL_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
  GONGKAI_AUDIT_ANCHOR_DIR: z.string().optional(),
  GONGKAI_TRUSTED_PROXIES: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== ''),
    )
    .default([]),
  ...Object.fromEntries(
    Object.values(LIMIT_VARIABLES).map((name) => [name, z.coerce.number().int().min(0).max(1_000_000).optional()]),
  ),
  GONGKAI_DOC_MAX_UNCOMPRESSED_MB: z.coerce.number().min(1).max(4096).optional(),
  GONGKAI_DOC_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).optional(),
  GONGKAI_DOC_MAX_RATIO: z.coerce.number().min(2).max(10_000).optional(),
  GONGKAI_DOC_MAX_ROWS: z.coerce.number().int().min(1).max(1_048_576).optional(),
  GONGKAI_DOC_MAX_PAGES: z.coerce.number().int().min(1).max(100_000).optional(),
  GONGKAI_DOC_MAX_STREAM_MB: z.coerce.number().min(1).max(4096).optional(),
  GONGKAI_DOC_MAX_TEXT_CHARS: z.coerce.number().int().min(1000).max(1_000_000_000).optional(),
  GONGKAI_DOC_TIMEOUT_SECONDS: z.coerce.number().min(1).max(3600).optional(),
  GONGKAI_DOC_MEMORY_MB: z.coerce.number().int().min(32).max(16_384).optional(),
});

const MB = 1024 * 1024;
const times = (n: number | undefined, unit: number): number | undefined => (n === undefined ? undefined : n * unit);

/**
 * Reads the configuration from an environment map.
 * @param env usually process.env
 * @returns the parsed configuration
 * @throws Error listing every invalid key
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k in envSchema.shape && v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置错误 / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const url = e.DATABASE_URL;
  const database: Config['database'] =
    url && /^postgres(ql)?:/.test(url)
      ? { kind: 'postgres', url, ...(e.DATABASE_SCHEMA ? { schema: e.DATABASE_SCHEMA } : {}) }
      : { kind: 'sqlite', file: url ? url.replace(/^sqlite:(\/\/)?/, '') : `${e.GONGKAI_DATA_DIR}/gongkai.sqlite` };
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir: e.GONGKAI_DATA_DIR,
    database,
    timeZone: e.GONGKAI_TZ,
    sessionIdleMinutes: e.GONGKAI_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.GONGKAI_SESSION_MAX_HOURS,
    apiTokenDays: e.GONGKAI_API_TOKEN_DAYS,
    secureCookies: e.GONGKAI_SECURE_COOKIES,
    demoData: e.GONGKAI_DEMO_DATA,
    uploadLimitBytes: Math.round(e.GONGKAI_UPLOAD_LIMIT_MB * 1024 * 1024),
    logRequests: e.GONGKAI_LOG_REQUESTS,
    pageCacheBytes: Math.round(e.GONGKAI_PAGE_CACHE_MB * 1024 * 1024),
    secret: e.GONGKAI_SECRET ?? null,
    mail: e.SMTP_URL ? { url: e.SMTP_URL, from: e.MAIL_FROM, intervalSeconds: e.GONGKAI_MAIL_INTERVAL_SECONDS } : null,
    trustedProxies: e.GONGKAI_TRUSTED_PROXIES,
    auditAnchorDir: e.GONGKAI_AUDIT_ANCHOR_DIR ?? null,
    limits: limitsOf(e as Record<string, unknown>),
    documents: {
      maxUncompressedBytes: times(e.GONGKAI_DOC_MAX_UNCOMPRESSED_MB, MB),
      maxEntries: e.GONGKAI_DOC_MAX_ENTRIES,
      maxRatio: e.GONGKAI_DOC_MAX_RATIO,
      maxRows: e.GONGKAI_DOC_MAX_ROWS,
      maxPages: e.GONGKAI_DOC_MAX_PAGES,
      maxStreamBytes: times(e.GONGKAI_DOC_MAX_STREAM_MB, MB),
      maxTextChars: e.GONGKAI_DOC_MAX_TEXT_CHARS,
      timeoutMs: times(e.GONGKAI_DOC_TIMEOUT_SECONDS, 1000),
      memoryMb: e.GONGKAI_DOC_MEMORY_MB,
    },
  };
}

/** The limits whose variable is set. */
function limitsOf(e: Record<string, unknown>): Partial<AbuseLimits> {
  const out: Partial<AbuseLimits> = {};
  for (const [key, name] of Object.entries(LIMIT_VARIABLES) as [keyof AbuseLimits, string][]) {
    const v = e[name];
    if (typeof v === 'number') out[key] = v;
  }
  return out;
}
