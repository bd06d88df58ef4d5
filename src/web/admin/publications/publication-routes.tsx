/** @jsxImportSource hono/jsx */
// Back-office pages of 主动公开: the register, drafting and editing (with attachments), the item page with
// its review trail, the moves and the art. 18 re-assessment made from it, and attachment downloads; the
// catalogue pages are in catalogue-routes.tsx. Thin handlers: parse → use case (which authorizes) → render;
// errors go to the pipeline.
import type { Hono } from 'hono';
import type { HtmlEscapedString } from 'hono/utils/html';
import { AppError } from '../../../app/errors.js';
import { createDraft, draftInterpretation, type AttachmentUpload } from '../../../app/publications/drafts.js';
import { actOnPublication } from '../../../app/publications/act-on-publication.js';
import { recordReassessment } from '../../../app/publications/reassessment.js';
import {
  importedImages,
  importedUploads,
  importWordBody,
  type ImportTarget,
  type WordImport,
} from '../../../app/publications/word-import.js';
import {
  draftChoices,
  draftEditPage,
  editDraft,
  publicationAttachment,
  publicationPage,
  publicationRegister,
  type DraftChoices,
  type DraftEditPage,
} from '../../../app/publications/back-office.js';
import { parseLocalDate } from '../../../domain/core/local-date.js';
import { zonedInstant } from '../../../domain/core/zoned-time.js';
import { sniffAttachmentType } from '../../../domain/publications/attachments.js';
import { PUBLICATION_KINDS, PUBLICATION_STATES } from '../../../domain/publications/publication.js';
import { ACTION_LABELS, PUBLICATION_ACTIONS } from '../../../domain/publications/transition-table.js';
import type { PublicationRecord } from '../../../app/publications/ports.js';
import { download } from '../../common/download.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import {
  flashOf,
  formAction,
  parseBody,
  readForm,
  readQuery,
  type FormState,
  uploadedFile,
  valueOf,
} from '../../common/pipeline.js';
import { officeTimeZone } from '../../common/time.js';
import {
  checkbox,
  integer,
  list,
  oneOf,
  optionalOneOf,
  parseQuery,
  text,
  z,
  type FieldErrors,
  type FormValues,
} from '../../common/validation.js';
import {
  PublicationFormPage,
  PublicationListPage,
  type EditedDraft,
  type RegisterFilters,
} from './publication-views.js';
import { PublicationItemPage, type PageFailure } from './publication-page-views.js';
import { registerCatalogueRoutes } from './catalogue-routes.js';

const FLASH: Readonly<Record<string, string>> = {
  created: '草稿已保存。',
  saved: '修改已保存。',
  reassessed: '已记录定期评估审查结论。',
  ...Object.fromEntries(PUBLICATION_ACTIONS.map((a) => [a, `已完成“${ACTION_LABELS[a]}”。`])),
};

/** Free text as typed (the domain sets the limits that matter, with its own messages). */
const LONG = 20_000;

/** The register's filters: a malformed one is reported and ignored. */
const registerQuery = {
  q: text(200),
  state: optionalOneOf([...PUBLICATION_STATES, 'review'], '状态有误'),
  kind: optionalOneOf(PUBLICATION_KINDS, '体裁有误'),
  category: text(64),
  org: text(64),
  page: integer('页码有误', 1),
};
const FILTERS = ['q', 'state', 'kind', 'category', 'org'] as const;

/** The draft form: every field as typed (the domain checks the values, every field at once). */
const draftForm = z.object({
  org: text(64),
  title: text(LONG),
  category: text(64),
  kind: text(64),
  docNo: text(LONG),
  writtenOn: text(64),
  publisher: text(LONG),
  topic: text(LONG),
  summary: text(LONG),
  keywords: text(LONG),
  keyAreas: list(),
  catalogueRow: text(64),
  validity: text(64),
  validityOn: text(64),
  disclosure: text(64),
  withheldGround: text(64),
  major: checkbox(),
  interprets: text(LONG),
  // The HTML as typed: the allow-list shrinks it before the domain's length limit applies.
  body: text(50_000_000),
  removeAttachment: list(),
  // Images imported from a Word document (their signed references), attached when the draft is saved.
  imported: list(),
});

/** A typed `YYYY-MM-DDTHH:mm` (datetime-local) as the instant it means in the office's time zone. */
function officeInstant(typed: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(typed);
  const day = m?.[1] ? parseLocalDate(m[1]) : undefined;
  return m?.[2] && day?.ok ? zonedInstant(day.value, officeTimeZone(), m[2]) : undefined;
}

/** A move of the review chain; `at` (publishing at a set time) read in the office's time zone. */
const moveForm = z
  .object({
    action: oneOf(PUBLICATION_ACTIONS, '未知的办理事项'),
    comment: text(LONG),
    reason: text(LONG),
    acceptFindings: checkbox(),
    interpretations: list(),
    when: text(8),
    at: text(32),
  })
  .transform(({ when, at, ...move }, ctx) => {
    if (when !== 'at') return { ...move, at: '' };
    const instant = officeInstant(at);
    if (instant === undefined) {
      ctx.addIssue({ code: 'custom', path: ['at'], message: at === '' ? '请填写定时发布时间' : '定时发布时间有误' });
      return z.NEVER;
    }
    return { ...move, at: instant };
  });

/** An art. 18 re-assessment as typed (the domain checks it, every field at once). */
const reassessForm = z.object({
  decision: text(64),
  assessedOn: text(64),
  withheldGround: text(64),
  reason: text(LONG),
});

/** A Word document chosen in "从Word导入正文", or `import` asked for without one (the use case says so). */
type WordChoice = { name: string; content: Uint8Array } | 'none' | undefined;

/** The draft form's text values, its new files and the Word document to import the body from. */
async function readDraftForm(c: StaffContext): Promise<{ values: FormValues; files: File[]; word: WordChoice }> {
  const values = await readForm(c);
  const body = await parseBody(c, { all: true });
  const sent = body.attachments;
  const files = (Array.isArray(sent) ? sent : [sent]).filter((x): x is File => x instanceof File && x.size > 0);
  const chosen = await uploadedFile(Array.isArray(body.word) ? body.word[0] : body.word);
  // A chosen document is always imported (never dropped unread), whichever button sent the form.
  const word = chosen ? { name: chosen.fileName, content: chosen.content } : undefined;
  return { values, files, word: word ?? (valueOf(values, 'intent') === 'import' ? 'none' : undefined) };
}

/** The imported images' references the form carries. */
const importedRefs = (values: FormValues): string[] => list().parse(values.imported);

/** Uploaded files, their type read from their first bytes (the declared type is not trusted). */
async function uploadsOf(files: readonly File[]): Promise<AttachmentUpload[]> {
  return Promise.all(
    files.map(async (f) => {
      const content = new Uint8Array(await f.arrayBuffer());
      return { name: f.name, mime: sniffAttachmentType(f.name, content), content };
    }),
  );
}

/** A stored item as the form's values. */
function valuesOf(pub: PublicationRecord, interpretsIndexNo: string): FormValues {
  return {
    org: pub.orgId,
    title: pub.title,
    category: pub.categoryId,
    kind: pub.kind,
    docNo: pub.docNo,
    writtenOn: pub.writtenOn,
    publisher: pub.publisher,
    topic: pub.topic,
    summary: pub.summary,
    keywords: pub.keywords,
    keyAreas: [...pub.keyAreas],
    validity: pub.validity,
    validityOn: pub.validityOn ?? '',
    disclosure: pub.disclosure,
    withheldGround: pub.withheldGround ?? '',
    major: pub.major ? 'on' : '',
    interprets: interpretsIndexNo,
    body: pub.bodyHtml,
    catalogueRow: pub.catalogueRowId ?? '',
  };
}

/** The edit form of a draft. */
const editForm = (page: DraftEditPage): { choices: DraftChoices; edit: EditedDraft; values: FormValues } => ({
  choices: page.choices,
  edit: { id: page.pub.id, indexNo: page.pub.indexNo, attachments: page.pub.attachments },
  values: valuesOf(page.pub, page.interpretsIndexNo),
});

/** Per-file upload errors (`attachments.0` …) folded into the form's one attachments field. */
function attachmentErrors(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(errors)) {
    if (k.startsWith('attachments.')) out.attachments = out.attachments ? `${out.attachments}；${v}` : v;
    else out[k] = v;
  }
  return out;
}

/** The draft form (new or edit), with what was typed, the images imported from Word and the messages. */
function formPage(
  c: StaffContext,
  p: {
    choices: DraftChoices;
    values: FormValues;
    edit?: EditedDraft;
    errors?: FieldErrors;
    message?: string;
    notice?: string;
  },
) {
  return (
    <PublicationFormPage
      {...staffPage(c)}
      choices={p.choices}
      values={p.values}
      imported={importedImages(c.get('ctx'), c.get('actor'), importedRefs(p.values))}
      edit={p.edit}
      errors={attachmentErrors(p.errors ?? {})}
      message={p.message}
      notice={p.notice}
    />
  );
}

/** The draft form shown again (with a notice after an import). */
type FormAgain = (state: FormState & { notice?: string }) => Promise<HtmlEscapedString>;

/** What the form says once a Word document's body is imported. */
function importNotice(name: string, done: WordImport): string {
  const images = done.images.length > 0 ? `和 ${done.images.length} 张图片（保存草稿后列为附件）` : '';
  const skipped =
    done.skipped > 0
      ? `另有 ${done.skipped} 张图片的格式（如EMF、WMF、TIFF）不能在网页上显示，未导入，请另存为PNG或JPEG后作为附件上传。`
      : '';
  return `已从“${name}”导入正文${images}，原有正文已被替换。请检查后保存，尚未保存。${skipped}`;
}

/**
 * "从Word导入正文": the form shown again with the body read from the document in place of the typed one (every
 * other field as typed), or, when the document is refused, with the message under the file field (422).
 */
async function importAction(
  c: StaffContext,
  p: { values: FormValues; word: Exclude<WordChoice, undefined>; target: ImportTarget; again: FormAgain },
): Promise<Response> {
  const file = p.word === 'none' ? { name: '', content: new Uint8Array() } : p.word;
  try {
    const done = await importWordBody(c.get('ctx'), c.get('actor'), p.target, file);
    const values = { ...p.values, body: done.body, imported: done.images.map((i) => i.ref) };
    return c.html(await p.again({ values, errors: {}, notice: importNotice(file.name, done) }));
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'invalid') throw e;
    return c.html(await p.again({ values: p.values, errors: e.fieldErrors, message: e.message }), 422);
  }
}

/** The item page, with a refused form reopened. */
async function itemPage(c: StaffContext, id: string, failed?: PageFailure) {
  const page = await publicationPage(c.get('ctx'), c.get('actor'), id);
  const flash = failed ? undefined : flashOf(c, FLASH);
  return <PublicationItemPage {...staffPage(c)} page={page} flash={flash} failed={failed} />;
}

/** Form values as single texts (what a reopened form shows; a list's values joined by commas). */
const textValues = (values: FormValues): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : valueOf(values, k)]));

/**
 * A form posted from the item page (a move, a re-assessment): run, then back to the page. A refusal — the
 * form's own errors, or the use case's invalid, conflict or forbidden — shows the page again with that form
 * reopened, what was typed and why (422, 409, 403); an unknown item goes on to the 404 page.
 */
async function pageAction<S extends z.ZodType>(
  c: StaffContext,
  id: string,
  spec: {
    schema: S;
    run: (input: z.output<S>) => Promise<unknown>;
    /** Where to go once done. */
    done: (input: z.output<S>) => string;
    failure: (s: FormState) => PageFailure;
  },
): Promise<Response> {
  const values = await readForm(c);
  const again = (state: FormState) => itemPage(c, id, spec.failure(state));
  const run = async (input: z.output<S>) => {
    await spec.run(input);
    return spec.done(input);
  };
  try {
    return await formAction(c, { schema: spec.schema, values, run, done: (to) => c.redirect(to, 303), again });
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'forbidden') throw e;
    return c.html(await again({ values, errors: e.fieldErrors, message: e.message }), 403);
  }
}

/** Registers the /admin/publications pages and the catalogue pages. */
export function registerPublicationRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/publications', async (c) => {
    const raw = readQuery(c);
    const { value, errors } = parseQuery(registerQuery, raw);
    const register = await publicationRegister(c.get('ctx'), c.get('actor'), value);
    const filters = Object.fromEntries(FILTERS.map((k) => [k, valueOf(raw, k).trim()])) as RegisterFilters;
    return c.html(<PublicationListPage {...staffPage(c)} register={register} filters={filters} errors={errors} />);
  });

  admin.get('/admin/publications/new', async (c) => {
    const choices = await draftChoices(c.get('ctx'), c.get('actor'), c.req.query('org'));
    const values = { kind: 'other_document', validity: 'valid', disclosure: 'proactive', writtenOn: choices.today };
    return c.html(formPage(c, { choices, values }));
  });

  admin.post('/admin/publications/new', async (c) => {
    const { values, files, word } = await readDraftForm(c);
    const [ctx, actor] = [c.get('ctx'), c.get('actor')];
    const again: FormAgain = async (state) =>
      formPage(c, { ...state, choices: await draftChoices(ctx, actor, valueOf(state.values, 'org')) });
    if (word) return importAction(c, { values, word, target: { org: valueOf(values, 'org') }, again });
    return formAction(c, {
      values,
      schema: draftForm,
      run: async ({ removeAttachment: _none, imported, ...input }) =>
        createDraft(ctx, actor, {
          ...input,
          attachments: [...(await uploadsOf(files)), ...(await importedUploads(ctx, actor, imported))],
        }),
      done: (created) => c.redirect(`/admin/publications/${created.id}?flash=created`, 303),
      again,
    });
  });

  admin.get('/admin/publications/:id', async (c) => c.html(await itemPage(c, c.req.param('id'))));

  admin.get('/admin/publications/:id/edit', async (c) =>
    c.html(formPage(c, editForm(await draftEditPage(c.get('ctx'), c.get('actor'), c.req.param('id'))))),
  );

  admin.post('/admin/publications/:id/edit', async (c) => {
    const id = c.req.param('id');
    const { values, files, word } = await readDraftForm(c);
    const [ctx, actor] = [c.get('ctx'), c.get('actor')];
    const again: FormAgain = async (state) =>
      formPage(c, { ...editForm(await draftEditPage(ctx, actor, id)), ...state });
    if (word) return importAction(c, { values, word, target: { publicationId: id }, again });
    return formAction(c, {
      values,
      schema: draftForm,
      run: async ({ removeAttachment, imported, ...input }) =>
        editDraft(ctx, actor, id, input, {
          remove: removeAttachment,
          added: [...(await uploadsOf(files)), ...(await importedUploads(ctx, actor, imported, id))],
        }),
      done: () => c.redirect(`/admin/publications/${id}?flash=saved`, 303),
      again,
    });
  });

  admin.get('/admin/publications/:id/files/:fileId', async (c) => {
    const { id, fileId } = c.req.param();
    return download(c, await publicationAttachment(c.get('ctx'), c.get('actor'), id, fileId));
  });

  admin.post('/admin/publications/:id/actions', (c) => {
    const id = c.req.param('id');
    return pageAction(c, id, {
      schema: moveForm,
      run: ({ action, ...params }) => actOnPublication(c.get('ctx'), c.get('actor'), id, action, params),
      done: ({ action }) => `/admin/publications/${id}?flash=${action}`,
      failure: (s) => ({
        form: 'move',
        action: valueOf(s.values, 'action'),
        message: [s.message, ...Object.values(s.errors)].filter((m) => m).join('：'),
        values: textValues(s.values),
      }),
    });
  });

  // "为本文件起草解读": the linked interpretation draft, opened in the editor.
  admin.post('/admin/publications/:id/interpretation', async (c) => {
    const created = await draftInterpretation(c.get('ctx'), c.get('actor'), c.req.param('id'));
    return c.redirect(`/admin/publications/${created.id}/edit`, 303);
  });

  admin.post('/admin/publications/:id/reassess', (c) => {
    const id = c.req.param('id');
    return pageAction(c, id, {
      schema: reassessForm,
      run: (input) => recordReassessment(c.get('ctx'), c.get('actor'), id, input),
      done: () => `/admin/publications/${encodeURIComponent(id)}?flash=reassessed#reassess-h`,
      failure: (s) => ({
        form: 'reassess',
        message: s.message ?? '请按提示更正以下内容',
        errors: s.errors,
        values: textValues(s.values),
      }),
    });
  });

  registerCatalogueRoutes(admin);
}
