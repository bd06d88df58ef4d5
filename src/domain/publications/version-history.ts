// The version history of a publication as the back office shows it: each published version, how long it was
// up, and how it ended (replaced by a later version, or withdrawn — and then perhaps revised and published again
// under the same 索引号, transition-table.ts `reopen`). Read from recorded instants only: the versions' and the
// review ledger's.

/** A published version as recorded. */
export type VersionEntry = { version: number; publishedAt: string; publishedBy: string | null; title: string };

/** How a version stands: on the portal now, replaced by a later one, withdrawn, or never shown (not 主动公开). */
export type VersionStatus = 'live' | 'replaced' | 'withdrawn' | 'not_shown';

/** Chinese labels of the statuses. */
export const VERSION_STATUS_LABELS: Readonly<Record<VersionStatus, string>> = {
  live: '网站当前显示',
  replaced: '已被新版本替换',
  withdrawn: '已撤稿',
  not_shown: '未在网站显示',
};

/** A row of the history. */
export type VersionHistoryRow = VersionEntry & {
  status: VersionStatus;
  /** When it stopped being the current version (replaced or withdrawn), or null. */
  endedAt: string | null;
  /** The version that followed it (for a withdrawn one: the version published again after the revision). */
  followedBy: number | null;
};

/**
 * The history, oldest version first.
 * @param versions the published versions (any order)
 * @param withdrawals the instants of the ledger's 撤稿 rows
 * @param liveVersion the version the portal shows now, or null
 */
export function versionHistory(
  versions: readonly VersionEntry[],
  withdrawals: readonly string[],
  liveVersion: number | null,
): VersionHistoryRow[] {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const ws = [...withdrawals].sort();
  return sorted.map((v, i) => {
    const next = sorted[i + 1];
    const withdrawn = ws.find((w) => w >= v.publishedAt && (next === undefined || w < next.publishedAt));
    const followedBy = next?.version ?? null;
    if (withdrawn !== undefined) return { ...v, status: 'withdrawn', endedAt: withdrawn, followedBy };
    if (next) return { ...v, status: 'replaced', endedAt: next.publishedAt, followedBy };
    return { ...v, status: v.version === liveVersion ? 'live' : 'not_shown', endedAt: null, followedBy };
  });
}
