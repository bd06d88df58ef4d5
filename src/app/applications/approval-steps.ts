// What the reply's moves record beyond their parameters (docs/decisions/0012-reply-approval.md): approve_reply the
// approval hash of the draft notice and the attachments, send_reply the same hash after checking that nothing
// changed since the approval, archive its 档号 and 保管期限.
import type { ApplicationContext, ApplicationUseCaseRepos } from './ports.js';
import type { Action, ApplicationSnapshot } from '../../domain/applications/application.js';
import type { Organization } from '../../domain/orgs/organization.js';
import { checkSendsApproved, formatArchiveNo, type RetentionPeriod } from '../../domain/applications/reply-approval.js';
import { fromDomainError, invalid } from '../errors.js';
import { currentReplyHash } from './reply-files.js';
import { replySettings } from './reply-settings.js';

/**
 * The parameters the use case adds to a move's event: `approvedHash` on approve_reply, `sentHash` on send_reply.
 * @throws AppError 'conflict' `changed_since_approval` when the reply about to be sent is not the one approved
 */
export async function approvalParams(
  ctx: ApplicationContext,
  app: ApplicationSnapshot,
  action: Action,
): Promise<Record<string, unknown>> {
  if (action !== 'approve_reply' && action !== 'send_reply') return {};
  const hash = await currentReplyHash(ctx, app);
  if (hash === null) return {};
  if (action === 'approve_reply') return { approvedHash: hash };
  const same = checkSendsApproved(app, hash);
  if (!same.ok) throw fromDomainError(same.error);
  return { sentHash: hash };
}

/** Archive's parameters with the setting's default 保管期限 when the handler chose none. */
export async function withDefaultRetention(
  ctx: ApplicationContext,
  params: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  if (params.retention !== undefined && params.retention !== '') return params;
  return { ...params, retention: (await replySettings(ctx.repos)).defaultRetention };
}

/**
 * An archive event with its 档号: the setting's pattern, the organization's short name, the year filed, the
 * retention code and the next serial of the organization's year and period (drawn in the move's transaction).
 * @throws AppError 'invalid' when the pattern in the settings is unusable
 */
export async function withArchiveNo<E extends { on: string; params: Record<string, unknown> }>(
  repos: ApplicationUseCaseRepos,
  org: Organization,
  event: E,
): Promise<E> {
  const { archiveNoPattern } = await replySettings(repos);
  const retention = event.params.retention as RetentionPeriod;
  const year = Number(event.on.slice(0, 4));
  const serial = await repos.counters.next(`archive:${org.id}:${year}:${retention}`);
  const no = formatArchiveNo(archiveNoPattern, { org: org.shortName || org.name, year, retention, serial });
  if (!no.ok) throw invalid(`档号格式设置有误：${no.error.message}`);
  return { ...event, params: { ...event.params, archiveNo: no.value } };
}
