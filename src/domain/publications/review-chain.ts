// The review chain configured per organization (编审分离, 三级审核, 先审后发): 1–3 levels, the last
// one the sign-off (签发), one level recording the confidentiality review (保密审查, art. 17).

import { DomainError } from '../core/domain-error.js';
import { err, ok, type Result } from '../core/result.js';
import type { Role } from '../users/roles.js';

/** One level of the chain. */
export type ReviewLevel = {
  /** e.g. 初审, 保密审查, 签发. */
  label: string;
  /** Who approves it: reviewers for the inner levels, the signer for the last. */
  role: 'reviewer' | 'signer';
  /** This level records the 保密审查 of art. 17 ("发布政府信息前…依照…进行审查"). */
  confidentiality: boolean;
};

/** An organization's publication settings. */
export type PublicationConfig = {
  /** 索引号 pattern (index-no.ts). */
  indexPattern: string;
  levels: readonly ReviewLevel[];
};

/** The default: 初审 → 保密审查 → 签发 (the seed office's three levels). */
export const DEFAULT_PUBLICATION_CONFIG: PublicationConfig = {
  indexPattern: '{creditCode}/{yyyy}-{serial:5}',
  levels: [
    { label: '初审', role: 'reviewer', confidentiality: false },
    { label: '保密审查', role: 'reviewer', confidentiality: true },
    { label: '签发', role: 'signer', confidentiality: false },
  ],
};

/** Error code of an invalid chain. */
export const INVALID_CHAIN = 'invalid_review_chain';

/**
 * Checks a configured chain.
 * @param levels the levels in order
 * @returns the levels, or an error: 1–3 levels, the last one a signer's, exactly one 保密审查 level
 */
export function validateChain(levels: readonly ReviewLevel[]): Result<readonly ReviewLevel[], DomainError> {
  if (levels.length < 1 || levels.length > 3) return err(new DomainError(INVALID_CHAIN, '审核层级应为1至3级'));
  if (levels.at(-1)?.role !== 'signer') return err(new DomainError(INVALID_CHAIN, '最后一级应为签发'));
  if (levels.slice(0, -1).some((l) => l.role !== 'reviewer')) {
    return err(new DomainError(INVALID_CHAIN, '签发之前的各级应为审核'));
  }
  if (levels.filter((l) => l.confidentiality).length !== 1) {
    return err(new DomainError(INVALID_CHAIN, '应有且只有一级负责保密审查（第十七条）'));
  }
  if (levels.some((l) => l.label.trim() === '')) return err(new DomainError(INVALID_CHAIN, '每一级都应有名称'));
  return ok(levels);
}

/**
 * The role that approves a level. Items flagged 重大 need the organization's head as the last level.
 * @param levels the chain
 * @param level 1-based level
 * @param major whether the item is 重大
 */
export function roleForLevel(levels: readonly ReviewLevel[], level: number, major: boolean): Role {
  const isLast = level === levels.length;
  if (isLast && major) return 'head';
  return levels[level - 1]?.role ?? 'signer';
}
