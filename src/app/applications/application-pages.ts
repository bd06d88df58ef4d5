// The back office's pages of 依申请公开 as query use cases: what each page shows, and what the actor may do
// there (the policies are applied here; the views never re-implement them).
import { personLabel } from '../users/display-names.js';
import type { AppContext } from '../context.js';
import type { ApplicationContext } from './ports.js';
import type { Actor } from '../../domain/policies/actor.js';
import { ancestry } from '../../domain/orgs/organization.js';
import { forbidden, notFound } from '../errors.js';
import { findOrg, loadPortalSite, type PortalSite } from '../portal/portal.js';
import type { Organization } from '../../domain/orgs/organization.js';
import type { Queue } from '../../domain/applications/queues.js';
import { readCase, type CaseView } from './application-queries.js';
import { caseProposals, waitingProposal, type ProposalView } from './online-correction.js';
import {
  caseHandlers,
  caseOrganizations,
  listCases,
  queuesFor,
  staffNames,
  type CaseListOptions,
  type CaseListRow,
} from './case-lists.js';

/** What the case list page shows: the rows, the organizations to filter by, and whether the actor may enter one. */
export type CaseListPage = {
  items: CaseListRow[];
  total: number;
  orgs: { id: string; name: string }[];
  /** The work queues the actor's roles work (links over the list). */
  queues: Queue[];
  can: { enter: boolean };
};

/** The case list page: the filters, and the page as limit and offset. */
export async function caseListPage(
  ctx: ApplicationContext,
  actor: Actor,
  q: { filters: CaseListOptions; limit: number; offset: number },
): Promise<CaseListPage> {
  const { filters, ...page } = q;
  const [list, orgs] = await Promise.all([listCases(ctx, actor, filters, page), caseOrganizations(ctx, actor)]);
  return {
    ...list,
    orgs: orgs.visible.map((o) => ({ id: o.id, name: o.name })),
    queues: queuesFor(actor),
    can: { enter: orgs.enterable.length > 0 },
  };
}

/**
 * The staff entry form's choices: the organizations where the actor is a handler (by credit code), and a fresh
 * key that makes posting the same form twice one case.
 * @throws AppError 'forbidden' when the actor handles applications nowhere
 */
export async function entryChoices(
  ctx: ApplicationContext,
  actor: Actor,
): Promise<{ orgs: { creditCode: string; name: string }[]; submissionKey: string }> {
  const { enterable } = await caseOrganizations(ctx, actor);
  if (enterable.length === 0) throw forbidden('您不是任何机构的依申请公开承办人，不能录入申请');
  return {
    orgs: enterable.map((o) => ({ creditCode: o.creditCode, name: o.name })),
    submissionKey: ctx.crypto.randomToken(),
  };
}

/** A notice of a case as its page lists it. */
export type NoticeItem = { id: string; kind: string; docNo: string; issuedOn: string; servedOn: string | null };

/** What the case page shows and what the actor may do there. */
export type ApplicationPage = {
  view: CaseView;
  notices: NoticeItem[];
  handlerLabel: string;
  /** Who took each step of the ledger, by account id: display name and username. */
  people: Record<string, string>;
  /** Who the case may be assigned to (the `assign` move's choices; empty unless offered). */
  handlers: { id: string; label: string }[];
  /** Where the case may be transferred to (转办): active organizations of the same tree. */
  transferOrgs: { id: string; name: string }[];
  /** Corrections the applicant sent online (newest first), and the one waiting for confirmation. */
  proposals: { all: ProposalView[]; waiting: ProposalView | null };
  can: {
    /** Turn the disclosed information into a draft publication (第四十四条). */
    releaseToAll: boolean;
    /** Record how a notice was served. */
    recordService: boolean;
    /** Confirm the correction sent online (the `receive_correction` move is offered). */
    acceptCorrection: boolean;
  };
};

/**
 * The case page: the case (personal data only for the roles that may see it), its notices, the choices of
 * its moves, and what the actor may do.
 * @throws AppError 'not_found' (also for a case the actor may not see)
 */
export async function applicationPage(ctx: ApplicationContext, actor: Actor, id: string): Promise<ApplicationPage> {
  const { view, access } = await readCase(ctx, actor, id);
  const app = view.app;
  const offers = (action: string) => view.moves.some((m) => m.action === action);
  const [notices, names, handlers, orgs, proposals] = await Promise.all([
    ctx.repos.notices.forApplication(id),
    staffNames(ctx),
    offers('assign') ? caseHandlers(ctx, view.org.id) : Promise.resolve([]),
    offers('transfer') ? ctx.repos.orgs.list() : Promise.resolve([]),
    caseProposals(ctx, view),
  ]);
  const root = ancestry(orgs, view.org.id)[0];
  return {
    view,
    notices: notices.map(({ id, kind, docNo, issuedOn, servedOn }) => ({ id, kind, docNo, issuedOn, servedOn })),
    handlerLabel: app.handlerId ? (names.get(app.handlerId)?.label ?? '（未知账号）') : '未分配',
    people: Object.fromEntries(
      app.events.flatMap((e) => {
        const label = e.actorId ? names.get(e.actorId)?.label : undefined;
        return label && e.actorId ? [[e.actorId, label]] : [];
      }),
    ),
    handlers: handlers.map((h) => ({ id: h.id, label: personLabel(h) })),
    transferOrgs: orgs
      .filter((o) => o.id !== view.org.id && ancestry(orgs, o.id)[0] === root)
      .map((o) => ({ id: o.id, name: o.name })),
    proposals: { all: proposals, waiting: waitingProposal(view, proposals) },
    can: {
      releaseToAll:
        access.owns &&
        view.personalVisible &&
        ['replied', 'archived'].includes(app.state) &&
        ['disclosed', 'partially_disclosed'].includes(app.outcome ?? ''),
      recordService: access.owns,
      acceptCorrection: offers('receive_correction'),
    },
  };
}

const PROOF_EXTENSIONS: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/**
 * The applicant's identity proof, for the roles that see personal data.
 * @throws AppError 'not_found' (no proof, or a case or proof the actor may not see)
 */
export async function applicationProof(
  ctx: ApplicationContext,
  actor: Actor,
  id: string,
): Promise<{ bytes: Uint8Array; mime: string; name: string }> {
  const { view } = await readCase(ctx, actor, id);
  // proofFileId is null unless the actor may see the applicant's personal data.
  const file = view.app.proofFileId ? await ctx.repos.files.get(view.app.proofFileId) : undefined;
  if (!file) throw notFound('身份证明');
  const ext = PROOF_EXTENSIONS[file.mime] ?? 'jpg';
  return { bytes: new Uint8Array(file.content), mime: file.mime, name: `proof-${view.app.trackingCode}.${ext}` };
}

/** What the online application page shows: the portal's frame, the organization applied to, a fresh form key. */
export type ApplyPage = { site: PortalSite; org: Organization; submissionKey: string };

/**
 * The online application page of an active organization.
 * @throws AppError 'not_found' for an unknown or retired organization
 */
export async function applyPage(ctx: AppContext, creditCode: string): Promise<ApplyPage> {
  const site = await loadPortalSite(ctx);
  const org = findOrg(site, creditCode);
  if (!org) throw notFound('机构');
  return { site, org, submissionKey: ctx.crypto.randomToken() };
}
