// Release to all (art. 44): information disclosed on application and of wider interest becomes a
// draft publication in one step; it then goes through the normal review chain before it is public.
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import { createDraft } from '../publications/drafts.js';
import { forbidden, invalid } from '../errors.js';
import { auditBy } from '../actors.js';
import { accessTo, loadCase } from './case-context.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * 第四十四条: "多个申请人就相同政府信息向同一行政机关提出公开申请，且该政府信息属于可以公开的，行政机关可以纳入主动公开的范围。"
 * A handler of the case turns a replied (or archived) disclosed case into a draft publication of the
 * case's organization. The handler acts as its drafter for this one item: 编审分离 then keeps them
 * from approving it at any level. No personal data of the applicant is copied, nor the case's tracking code.
 * @throws AppError 'forbidden' unless a handler of the case; 'invalid' unless the information was disclosed
 */
export async function releaseToAll(
  ctx: AppContext,
  actor: Actor,
  applicationId: string,
): Promise<{ id: string; indexNo: string }> {
  const c = await loadCase(ctx.repos, applicationId);
  if (!(await accessTo(ctx.repos, actor, c)).owns) throw forbidden('只有办理机关的承办人可以将答复纳入主动公开');
  if (
    !['replied', 'archived'].includes(c.app.state) ||
    !['disclosed', 'partially_disclosed'].includes(c.app.outcome ?? '')
  ) {
    throw invalid('只有已答复且予以公开或部分公开的申请才能转为主动公开');
  }
  const r = c.app.request;
  const name = (r.title || r.description).slice(0, 60);
  const drafter: Actor = { ...actor, roles: [...actor.roles, { orgId: c.org.id, role: 'editor' }] };
  const draft = await createDraft(ctx, drafter, {
    org: c.org.creditCode,
    title: name,
    kind: 'other_document',
    ...(r.docNo ? { docNo: r.docNo } : {}),
    writtenOn: c.app.closedOn ?? ctx.clock.today(),
    // Never the tracking code: it is the applicant's key to /track (with the contact), and a published code let
    // anyone probe the applicant's phone number (docs/security/abuse.md). The audit entry links the two.
    summary: '依申请公开的政府信息，依照《中华人民共和国政府信息公开条例》第四十四条纳入主动公开。',
    body: `<p>${escape(r.description)}</p>`,
  });
  const now = ctx.clock.nowIso();
  await ctx.uow.run((repos) =>
    repos.audit.append(
      auditBy(actor, {
        action: 'application.released_to_all',
        entityType: 'application',
        entityId: c.app.id,
        orgId: c.org.id,
        before: null,
        after: { publicationId: draft.id, indexNo: draft.indexNo },
      }),
      now,
    ),
  );
  return draft;
}
