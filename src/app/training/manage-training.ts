// Keeping the training records (培训): list by year and organization subtree with the year's totals, create, edit,
// delete, participants by organization (a head count, optionally the accounts that attended), materials stored
// through the file store (the publication attachments' types and size limit). Every change is audited in its
// transaction.
import type { AppContext } from '../context.js';
import type { Actor } from '../../domain/policies/actor.js';
import type { OrgNode } from '../../domain/orgs/organization.js';
import {
  parseParticipants,
  parseTraining,
  trainingTotals,
  type FieldErrors,
  type TrainingMaterial,
  type TrainingSession,
  type TrainingText,
  type TrainingTotals,
} from '../../domain/training/training.js';
import { isAttachmentMime, MAX_ATTACHMENT_BYTES } from '../../domain/publications/attachments.js';
import { localDate } from '../../domain/core/local-date.js';
import { forbidden, invalid, notFound } from '../errors.js';
import { actorLabel, auditBy } from '../actors.js';
import type { Repos } from '../context.js';
import { loadRecordScope, readableHolders, type RecordScope } from './record-scope.js';

/** A file chosen in the form, its type read from its first bytes. */
export type MaterialUpload = { name: string; mime: string; content: Uint8Array };

/** One participants row as typed: the organization, its head count and the accounts' usernames (may be empty). */
export type ParticipantInput = { orgId: string; headcount: string; accounts: string };

/** The typed form of a session. */
export type TrainingInput = TrainingText & {
  /** The holding organization (on creation). */
  orgId?: string;
  participants: readonly ParticipantInput[];
  /** Files to add. */
  materials?: readonly MaterialUpload[];
};

/** The list filter: sessions held in a year, by organizations in the subtree of `orgId`. */
export type TrainingListFilter = { year?: number; orgId?: string };

/** What the list page shows. */
export type TrainingRegister = {
  sessions: TrainingSession[];
  totals: TrainingTotals;
  /** Organizations whose records the actor may read (for the filter), in tree order. */
  orgs: OrgNode[];
  orgNames: Record<string, string>;
  can: { create: boolean };
};

/**
 * The list page: the sessions of the readable organizations (within the chosen subtree and year) and their totals.
 * @throws AppError 'forbidden' when the actor may read no records at all
 */
export async function trainingRegister(
  ctx: AppContext,
  actor: Actor | null,
  filter: TrainingListFilter,
): Promise<TrainingRegister> {
  const scope = await loadRecordScope(ctx, actor);
  const orgIds = readableHolders(scope, filter.orgId);
  const sessions = await ctx.repos.training.list({ orgIds, year: filter.year });
  return {
    sessions,
    totals: trainingTotals(sessions),
    orgs: scope.tree.filter((o) => scope.can('record.read', o.id)),
    orgNames: scope.names,
    can: { create: scope.orgsFor('record.write').length > 0 },
  };
}

/** What the form offers: the holding organizations the actor may write, and every organization as a participant. */
export type TrainingChoices = { orgs: OrgNode[]; participantOrgs: OrgNode[]; defaultOrgId: string };

/**
 * The form's choices.
 * @throws AppError 'forbidden' when the actor may keep no organization's records
 */
export async function trainingChoices(ctx: AppContext, actor: Actor | null): Promise<TrainingChoices> {
  const scope = await loadRecordScope(ctx, actor);
  const orgs = scope.orgsFor('record.write');
  if (orgs.length === 0) throw forbidden();
  const home = orgs.find((o) => o.id === actor?.homeOrgId) ?? orgs[0];
  return { orgs, participantOrgs: scope.tree.filter((o) => o.retiredAt === null), defaultOrgId: home?.id ?? '' };
}

/** A session with its labels and what the actor may do. */
export type TrainingPage = {
  session: TrainingSession;
  orgNames: Record<string, string>;
  /** Usernames of the accounts named as participants, by user id. */
  usernames: Record<string, string>;
  can: { write: boolean };
};

/**
 * One session. Sessions of organizations the actor may not read are "not found".
 * @throws AppError 'not_found'
 */
export async function trainingPage(ctx: AppContext, actor: Actor | null, id: string): Promise<TrainingPage> {
  const { session, scope } = await readable(ctx, actor, id);
  const ids = [...new Set(session.participants.flatMap((p) => p.userIds))];
  const users = await Promise.all(ids.map((u) => ctx.repos.users.byId(u)));
  const usernames = Object.fromEntries(users.flatMap((u) => (u ? [[u.id, u.username]] : [])));
  return { session, orgNames: scope.names, usernames, can: { write: scope.can('record.write', session.orgId) } };
}

async function readable(ctx: AppContext, actor: Actor | null, id: string) {
  const [session, scope] = await Promise.all([ctx.repos.training.byId(id), loadRecordScope(ctx, actor)]);
  if (!session || !scope.can('record.read', session.orgId)) throw notFound('培训记录');
  return { session, scope };
}

async function writable(ctx: AppContext, actor: Actor | null, id: string) {
  const found = await readable(ctx, actor, id);
  if (!found.scope.can('record.write', found.session.orgId)) throw forbidden();
  return found;
}

/**
 * Records a session held by one of the actor's organizations.
 * @throws AppError 'forbidden' for an organization the actor may not write, 'invalid' with field errors
 */
export async function createTraining(
  ctx: AppContext,
  actor: Actor | null,
  input: TrainingInput,
): Promise<TrainingSession> {
  const scope = await loadRecordScope(ctx, actor);
  const orgId = (input.orgId ?? '').trim();
  const org = scope.tree.find((o) => o.id === orgId && o.retiredAt === null);
  if (org && !scope.can('record.write', orgId)) throw forbidden();
  const { details, participants } = await validate(ctx, scope, input, org ? {} : { orgId: '请选择记录机构' });
  const now = ctx.clock.nowIso();
  const id = ctx.crypto.newId();
  return ctx.uow.run(async (r) => {
    const materials = await storeMaterials(r, input.materials ?? [], 0, now);
    const session: TrainingSession = {
      ...details,
      id,
      orgId,
      participants,
      materials,
      actorId: actor?.userId ?? null,
      actorLabel: actorLabel(actor),
      createdAt: now,
      updatedAt: now,
    };
    await r.training.insert(session);
    await r.audit.append(entry(actor, 'training.created', id, orgId, null, audited(session)), now);
    return session;
  });
}

/**
 * Edits a session (its fields and participants) and adds the materials chosen; the holding organization stays.
 * @throws AppError 'not_found', 'forbidden' (read-only), 'invalid' with field errors
 */
export async function updateTraining(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  input: TrainingInput,
): Promise<TrainingSession> {
  const { session: before, scope } = await writable(ctx, actor, id);
  const { details, participants } = await validate(ctx, scope, input, {});
  const now = ctx.clock.nowIso();
  return ctx.uow.run(async (r) => {
    await r.training.update(id, details, participants, now);
    const next = (before.materials.at(-1)?.sort ?? 0) + 1;
    const added = await storeMaterials(r, input.materials ?? [], next, now);
    await r.training.addMaterials(id, added);
    const after = await r.training.byId(id);
    if (!after) throw notFound('培训记录');
    await r.audit.append(entry(actor, 'training.updated', id, before.orgId, audited(before), audited(after)), now);
    return after;
  });
}

/**
 * Removes one material of a session.
 * @throws AppError 'not_found' (unknown session or material), 'forbidden'
 */
export async function removeTrainingMaterial(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  sort: number,
): Promise<void> {
  const { session } = await writable(ctx, actor, id);
  const material = session.materials.find((m) => m.sort === sort);
  if (!material) throw notFound('培训材料');
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.training.removeMaterial(id, sort);
    await r.audit.append(
      entry(
        actor,
        'training.material_removed',
        id,
        session.orgId,
        { material: material.name, fileId: material.fileId },
        null,
      ),
      now,
    );
  });
}

/**
 * Deletes a session with its participants and materials.
 * @throws AppError 'not_found', 'forbidden'
 */
export async function deleteTraining(ctx: AppContext, actor: Actor | null, id: string): Promise<void> {
  const { session } = await writable(ctx, actor, id);
  const now = ctx.clock.nowIso();
  await ctx.uow.run(async (r) => {
    await r.training.delete(id);
    await r.audit.append(entry(actor, 'training.deleted', id, session.orgId, audited(session), null), now);
  });
}

/**
 * A material's bytes for download, to those who may read the session.
 * @throws AppError 'not_found'
 */
export async function trainingMaterial(
  ctx: AppContext,
  actor: Actor | null,
  id: string,
  sort: number,
): Promise<{ bytes: Uint8Array; mime: string; name: string }> {
  const { session } = await readable(ctx, actor, id);
  const material = session.materials.find((m) => m.sort === sort);
  const file = material ? await ctx.repos.files.get(material.fileId) : undefined;
  if (!material || !file) throw notFound('培训材料');
  return { bytes: file.content, mime: material.mime, name: material.name };
}

/** The audit entry of a change to a session. */
const entry = (actor: Actor | null, action: string, id: string, orgId: string, before: unknown, after: unknown) =>
  auditBy(actor, { action, entityType: 'training_session', entityId: id, orgId, before, after });

/** The session as written to the audit trail (materials by name and file id, not their bytes). */
const audited = (s: TrainingSession) => ({
  heldOn: s.heldOn,
  title: s.title,
  organizer: s.organizer,
  kind: s.kind,
  notes: s.notes,
  participants: s.participants,
  materials: s.materials.map((m) => ({ name: m.name, fileId: m.fileId, size: m.size })),
});

/** Validates the fields, the participants (accounts by username, of the participant's organization) and the files. */
async function validate(ctx: AppContext, scope: RecordScope, input: TrainingInput, known: FieldErrors) {
  const parsed = parseTraining(input, localDate(ctx.clock.today()));
  const errors: FieldErrors = { ...known, ...(parsed.ok ? {} : parsed.error) };
  const live = new Set(scope.tree.filter((o) => o.retiredAt === null).map((o) => o.id));
  const rows = [];
  const unknownAccounts: string[] = [];
  for (const row of input.participants) {
    const names = row.accounts
      .split(/[\s,，、;；]+/)
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const users = await Promise.all(names.map((n) => ctx.repos.users.byUsername(n)));
    const userIds: string[] = [];
    users.forEach((u, i) => {
      if (u && u.orgId === row.orgId) userIds.push(u.id);
      else unknownAccounts.push(`${names[i]}（${scope.names[row.orgId] ?? '未知单位'}）`);
    });
    rows.push({ orgId: row.orgId, headcount: row.headcount, userIds });
  }
  const participants = parseParticipants(rows, (id) => live.has(id));
  if (!participants.ok) Object.assign(errors, participants.error);
  if (unknownAccounts.length > 0) {
    const message = `以下账号不存在或不属于所填单位：${unknownAccounts.join('、')}`;
    errors.participants = errors.participants ? `${errors.participants}；${message}` : message;
  }
  (input.materials ?? []).forEach((f) => {
    if (!isAttachmentMime(f.mime)) {
      errors.materials = `材料“${f.name}”的类型不支持，可上传PDF、DOCX、XLSX或图片`;
    } else if (f.content.byteLength > MAX_ATTACHMENT_BYTES) errors.materials = `材料“${f.name}”超过20MB`;
  });
  if (!parsed.ok || !participants.ok || Object.keys(errors).length > 0) {
    throw invalid('请按提示更正以下内容', errors);
  }
  return { details: parsed.value, participants: participants.value };
}

/** Stores the files (by content hash) and numbers them from `first`. */
async function storeMaterials(
  r: Repos,
  files: readonly MaterialUpload[],
  first: number,
  at: string,
): Promise<TrainingMaterial[]> {
  const out: TrainingMaterial[] = [];
  for (const [i, f] of files.entries()) {
    const fileId = await r.files.put(f.content, f.mime, at);
    out.push({
      sort: first + i,
      fileId,
      name: f.name.trim() || `材料${first + i}`,
      mime: f.mime,
      size: f.content.byteLength,
    });
  }
  return out;
}
