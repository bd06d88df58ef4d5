/** @jsxImportSource hono/jsx */
// Back-office pages of the training records: list with the year filter and totals, create, edit (participants and
// materials), delete, material download and removal. Thin handlers: parse → use case (which authorizes) → render.
import type { Hono } from 'hono';
import {
  createTraining,
  deleteTraining,
  removeTrainingMaterial,
  trainingChoices,
  trainingMaterial,
  trainingPage,
  trainingRegister,
  updateTraining,
  type MaterialUpload,
  type ParticipantInput,
  type TrainingInput,
} from '../../../app/training/manage-training.js';
import { sniffAttachmentType } from '../../../domain/publications/attachments.js';
import type { TrainingSession } from '../../../domain/training/training.js';
import { download } from '../../common/download.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import {
  flashOf,
  formAction,
  parseBody,
  readForm,
  readQuery,
  uploadedFiles,
  valueOf,
  type FormState,
} from '../../common/pipeline.js';
import { optionalYear, parseQuery, text, z, type FormValues } from '../../common/validation.js';
import { TRAINING_PATH as PATH, TrainingDetailPage, TrainingFormPage, TrainingListPage } from './training-views.js';

const FLASH: Record<string, string> = {
  created: '培训记录已登记。',
  saved: '培训记录已保存。',
  removed: '材料已删除。',
  deleted: '培训记录已删除。',
};

/** The session's own fields as typed (the domain checks them); participants are read from `hc.*` / `acc.*`. */
const trainingForm = z.object({
  orgId: text(64),
  heldOn: text(20),
  title: text(),
  organizer: text(),
  kind: text(32),
  notes: text(),
});

const listQuery = { org: text(64), year: optionalYear() };

/** The participants rows of the form: every organization with a head count or accounts typed. */
function participantsOf(values: FormValues): ParticipantInput[] {
  const orgIds = new Set(
    Object.keys(values)
      .filter((k) => k.startsWith('hc.') || k.startsWith('acc.'))
      .map((k) => k.slice(k.indexOf('.') + 1)),
  );
  return [...orgIds].map((orgId) => ({
    orgId,
    headcount: valueOf(values, `hc.${orgId}`),
    accounts: valueOf(values, `acc.${orgId}`),
  }));
}

/** The form's values and the chosen files, their type read from their first bytes. */
async function readTrainingForm(c: StaffContext): Promise<{ values: FormValues; files: MaterialUpload[] }> {
  const values = await readForm(c);
  const body = await parseBody(c, { all: true });
  const chosen = await uploadedFiles(body.materials);
  const files = chosen.map((f) => ({
    name: f.fileName,
    mime: sniffAttachmentType(f.fileName, f.content),
    content: f.content,
  }));
  return { values, files };
}

/** The stored session as form values. */
function valuesOf(s: TrainingSession, usernames: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {
    heldOn: s.heldOn,
    title: s.title,
    organizer: s.organizer,
    kind: s.kind,
    notes: s.notes,
  };
  for (const p of s.participants) {
    out[`hc.${p.orgId}`] = String(p.headcount);
    out[`acc.${p.orgId}`] = p.userIds.map((u) => usernames[u] ?? '').join(' ');
  }
  return out;
}

const asText = (values: FormValues): Record<string, string> =>
  Object.fromEntries(Object.keys(values).map((k) => [k, valueOf(values, k)]));

/** Registers the /admin/training pages. */
export function registerTrainingRoutes(admin: Hono<StaffEnv>): void {
  admin.get(PATH, async (c) => {
    const raw = readQuery(c);
    const { value, errors } = parseQuery(listQuery, raw);
    // No year in the address: this year; an empty one: every year.
    const thisYear = c.get('ctx').clock.today().slice(0, 4);
    const yearText = raw.year === undefined ? thisYear : valueOf(raw, 'year').trim();
    const year = raw.year === undefined ? Number(thisYear) : value.year;
    const register = await trainingRegister(c.get('ctx'), c.get('actor'), { year, orgId: value.org || undefined });
    return c.html(
      <TrainingListPage
        {...staffPage(c)}
        flash={flashOf(c, FLASH)}
        orgs={register.orgs}
        orgNames={register.orgNames}
        sessions={register.sessions}
        totals={register.totals}
        query={{ org: valueOf(raw, 'org'), year: yearText }}
        errors={errors}
        canCreate={register.can.create}
      />,
    );
  });

  admin.get(`${PATH}/new`, async (c) => {
    const choices = await trainingChoices(c.get('ctx'), c.get('actor'));
    return c.html(
      <TrainingFormPage
        {...staffPage(c)}
        orgs={choices.orgs}
        participantOrgs={choices.participantOrgs}
        values={{ orgId: choices.defaultOrgId, kind: 'centralized' }}
      />,
    );
  });

  admin.post(`${PATH}/new`, async (c) => {
    const [ctx, actor] = [c.get('ctx'), c.get('actor')];
    const { values, files } = await readTrainingForm(c);
    return formAction(c, {
      values,
      schema: trainingForm,
      run: (input) => createTraining(ctx, actor, { ...input, participants: participantsOf(values), materials: files }),
      done: (created) => c.redirect(`${PATH}/${created.id}?flash=created`, 303),
      again: async (state: FormState) => {
        const choices = await trainingChoices(ctx, actor);
        return (
          <TrainingFormPage
            {...staffPage(c)}
            orgs={choices.orgs}
            participantOrgs={choices.participantOrgs}
            values={asText(state.values)}
            errors={state.errors}
            message={state.message}
          />
        );
      },
    });
  });

  admin.get(`${PATH}/:id`, async (c) => {
    const [ctx, actor] = [c.get('ctx'), c.get('actor')];
    const page = await trainingPage(ctx, actor, c.req.param('id'));
    if (!page.can.write) return c.html(<TrainingDetailPage {...staffPage(c)} {...page} />);
    const choices = await trainingChoices(ctx, actor);
    return c.html(
      <TrainingFormPage
        {...staffPage(c)}
        flash={flashOf(c, FLASH)}
        id={page.session.id}
        orgs={[]}
        orgName={page.orgNames[page.session.orgId]}
        participantOrgs={choices.participantOrgs}
        values={valuesOf(page.session, page.usernames)}
        session={page.session}
      />,
    );
  });

  admin.post(`${PATH}/:id`, async (c) => {
    const id = c.req.param('id');
    const [ctx, actor] = [c.get('ctx'), c.get('actor')];
    const { values, files } = await readTrainingForm(c);
    const input = (fields: z.output<typeof trainingForm>): TrainingInput => ({
      ...fields,
      participants: participantsOf(values),
      materials: files,
    });
    return formAction(c, {
      values,
      schema: trainingForm,
      run: (fields) => updateTraining(ctx, actor, id, input(fields)),
      done: () => c.redirect(`${PATH}/${id}?flash=saved`, 303),
      again: async (state: FormState) => {
        const [page, choices] = await Promise.all([trainingPage(ctx, actor, id), trainingChoices(ctx, actor)]);
        return (
          <TrainingFormPage
            {...staffPage(c)}
            id={id}
            orgs={[]}
            orgName={page.orgNames[page.session.orgId]}
            participantOrgs={choices.participantOrgs}
            values={asText(state.values)}
            errors={state.errors}
            message={state.message}
            session={page.session}
          />
        );
      },
    });
  });

  admin.post(`${PATH}/:id/delete`, async (c) => {
    await deleteTraining(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return c.redirect(`${PATH}?flash=deleted`, 303);
  });

  admin.get(`${PATH}/:id/materials/:sort`, async (c) => {
    const { id, sort } = c.req.param();
    return download(c, await trainingMaterial(c.get('ctx'), c.get('actor'), id, Number(sort)));
  });

  admin.post(`${PATH}/:id/materials/:sort/delete`, async (c) => {
    const { id, sort } = c.req.param();
    await removeTrainingMaterial(c.get('ctx'), c.get('actor'), id, Number(sort));
    return c.redirect(`${PATH}/${id}?flash=removed`, 303);
  });
}
