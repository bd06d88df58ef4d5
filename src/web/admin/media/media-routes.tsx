/** @jsxImportSource hono/jsx */
// Back-office pages of 政务新媒体 (docs/new-media.md):
// GET  /admin/media                                  the list with each account's check as of today, import forms
// GET  /admin/media/accounts/new · POST /admin/media/accounts              register an account
// GET  /admin/media/accounts/:id                     one account: lifecycle, posts (?page=)
// GET  /admin/media/accounts/:id/edit · POST /admin/media/accounts/:id     edit it
// POST /admin/media/accounts/:id/events · POST /admin/media/accounts/:id/posts
// POST /admin/media/import/accounts|posts            CSV or XLSX, all or nothing
// GET  /admin/media/export/accounts.csv|xlsx, /admin/media/export/posts.csv|xlsx
// Thin handlers: parse → use case or query (which authorizes) → render; errors go to the pipeline.
import type { Hono } from 'hono';
import { invalid } from '../../../app/errors.js';
import { accountPage, mediaAdminPage, mediaWriterOrgs } from '../../../app/media/media-pages.js';
import { saveAccountThresholds } from '../../../app/media/check-accounts.js';
import {
  addPost,
  createAccount,
  loadAccount,
  recordAccountEvent,
  updateAccount,
} from '../../../app/media/manage-accounts.js';
import {
  exportAccounts,
  exportPosts,
  importAccounts,
  importPosts,
  type MediaExportFormat,
} from '../../../app/media/import-media.js';
import type { MediaImportError } from '../../../domain/monitoring/accounts-import.js';
import type { MediaAccount } from '../../../domain/monitoring/accounts.js';
import { type StaffContext, type StaffEnv, staffPage } from '../../common/env.js';
import { download } from '../../common/download.js';
import { flashOf, formAction, parseBody, type FormState, valueOf } from '../../common/pipeline.js';
import { z, type FormValues } from '../../common/validation.js';
import { AccountFormView, AccountView, MediaListView, type PageForm } from './media-views.js';

const FLASH: Readonly<Record<string, string>> = {
  created: '账号已登记。',
  saved: '账号信息已修改。',
  event: '事项已登记。',
  post: '发布记录已登记。',
  thresholds: '检查阈值已保存。',
};

const MIME = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Any form as typed (the use cases check every field at once). */
const anyForm = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

const PAGE_SIZE = 50;

/** Form values as plain strings (the first of a repeated field). */
const flat = (values: FormValues): Record<string, string> =>
  Object.fromEntries(Object.keys(values).map((k) => [k, valueOf(values, k)]));

function listFlash(c: StaffContext): string | undefined {
  const q = (k: string) => Number(c.req.query(k)) || 0;
  if (c.req.query('flash') === 'accounts') return `账号导入完成：新增 ${q('inserted')} 个，更新 ${q('updated')} 个。`;
  if (c.req.query('flash') === 'posts') {
    return `发布记录导入完成：新增 ${q('inserted')} 条，已存在 ${q('duplicates')} 条。`;
  }
  return undefined;
}

type ListExtras = Omit<Parameters<typeof MediaListView>[0], 'actor' | 'csrf' | 'run' | 'canWrite' | 'canSettings'>;

async function listPage(c: StaffContext, extras: ListExtras = {}) {
  const data = await mediaAdminPage(c.get('ctx'), c.get('actor'));
  return (
    <MediaListView
      {...staffPage(c)}
      run={data.run}
      canWrite={data.can.write}
      canSettings={data.can.settings}
      {...extras}
    />
  );
}

async function formPage(c: StaffContext, values: Record<string, string>, state?: FormState, id?: string) {
  const orgs = await mediaWriterOrgs(c.get('ctx'), c.get('actor'));
  return (
    <AccountFormView
      {...staffPage(c)}
      orgs={orgs}
      values={state ? flat(state.values) : values}
      errors={state?.errors}
      message={state?.message}
      accountId={id}
    />
  );
}

const accountValues = (a: MediaAccount): Record<string, string> => ({
  platform: a.platform,
  name: a.name,
  verifiedName: a.verifiedName,
  orgId: a.orgId,
  filingNo: a.filingNo,
  interaction: a.interaction ? '1' : '',
  openedOn: a.openedOn ?? '',
  ownerContact: a.ownerContact,
  feedUrl: a.feedUrl,
});

async function detailPage(c: StaffContext, id: string, form?: PageForm) {
  const page = Math.max(1, Number(c.req.query('page')) || 1);
  const data = await accountPage(c.get('ctx'), c.get('actor'), id, {
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  return (
    <AccountView
      {...staffPage(c)}
      data={data}
      page={page}
      pageSize={PAGE_SIZE}
      form={form}
      flash={form ? undefined : flashOf(c, FLASH)}
    />
  );
}

/** Registers the 政务新媒体 pages. */
export function registerMediaRoutes(admin: Hono<StaffEnv>): void {
  admin.get('/admin/media', async (c) => c.html(await listPage(c, { flash: listFlash(c) ?? flashOf(c, FLASH) })));

  admin.get('/admin/media/accounts/new', async (c) => c.html(await formPage(c, { interaction: '1' })));

  admin.post('/admin/media/accounts', (c) =>
    formAction(c, {
      schema: anyForm,
      run: (_input, values) => createAccount(c.get('ctx'), c.get('actor'), flat(values)),
      done: (id) => c.redirect(`/admin/media/accounts/${id}?flash=created`, 303),
      again: (state) => formPage(c, {}, state),
    }),
  );

  admin.get('/admin/media/accounts/:id', async (c) => c.html(await detailPage(c, c.req.param('id'))));

  admin.get('/admin/media/accounts/:id/edit', async (c) => {
    const a = await loadAccount(c.get('ctx'), c.get('actor'), c.req.param('id'), 'media.write');
    return c.html(await formPage(c, accountValues(a), undefined, a.id));
  });

  admin.post('/admin/media/accounts/:id', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: anyForm,
      run: (_input, values) => updateAccount(c.get('ctx'), c.get('actor'), id, flat(values)),
      done: () => c.redirect(`/admin/media/accounts/${id}?flash=saved`, 303),
      again: (state) => formPage(c, {}, state, id),
    });
  });

  admin.post('/admin/media/accounts/:id/events', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: anyForm,
      run: (_input, values) => recordAccountEvent(c.get('ctx'), c.get('actor'), id, flat(values)),
      done: () => c.redirect(`/admin/media/accounts/${id}?flash=event`, 303),
      again: (state) => detailPage(c, id, { form: 'event', ...state, values: flat(state.values) }),
    });
  });

  admin.post('/admin/media/accounts/:id/posts', (c) => {
    const id = c.req.param('id');
    return formAction(c, {
      schema: anyForm,
      run: (_input, values) => addPost(c.get('ctx'), c.get('actor'), id, flat(values)),
      done: () => c.redirect(`/admin/media/accounts/${id}?flash=post`, 303),
      again: (state) => detailPage(c, id, { form: 'post', ...state, values: flat(state.values) }),
    });
  });

  admin.post('/admin/media/thresholds', (c) =>
    formAction(c, {
      schema: anyForm,
      run: (_input, values) => saveAccountThresholds(c.get('ctx'), c.get('actor'), flat(values)),
      done: () => c.redirect('/admin/media?flash=thresholds', 303),
      again: (state) => listPage(c, { thresholdForm: { ...state, values: flat(state.values) } }),
    }),
  );

  registerFileRoutes(admin);
}

function registerFileRoutes(admin: Hono<StaffEnv>): void {
  for (const kind of ['accounts', 'posts'] as const) {
    admin.post(`/admin/media/import/${kind}`, async (c) => {
      const body = await parseBody(c);
      const field = kind === 'accounts' ? 'accountsFile' : 'postsFile';
      const chosen = body[field];
      const file = chosen instanceof File && chosen.size > 0 ? chosen : undefined;
      return formAction(c, {
        values: {},
        schema: z.object({}),
        run: async () => {
          if (!file) throw invalid('请选择要导入的文件', { file: '请选择 CSV 或 XLSX 文件' });
          const input = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
          const ctx = c.get('ctx');
          return kind === 'accounts'
            ? importAccounts(ctx, c.get('actor'), input)
            : importPosts(ctx, c.get('actor'), input);
        },
        done: async (r) => {
          if (!r.ok) {
            const importErrors = { kind, errors: r.errors as MediaImportError[] };
            return c.html(await listPage(c, { importErrors }), 422);
          }
          const counts = 'updated' in r ? `updated=${r.updated}` : `duplicates=${r.duplicates}`;
          return c.redirect(`/admin/media?flash=${kind}&inserted=${r.inserted}&${counts}`, 303);
        },
        again: (state) =>
          listPage(c, { fileError: { kind, message: state.errors.file ?? state.message ?? '无法读取该文件' } }),
      });
    });
    for (const format of ['csv', 'xlsx'] as const satisfies readonly MediaExportFormat[]) {
      admin.get(`/admin/media/export/${kind}.${format}`, async (c) => {
        const run = kind === 'accounts' ? exportAccounts : exportPosts;
        const bytes = await run(c.get('ctx'), c.get('actor'), format);
        const name = `${kind === 'accounts' ? '政务新媒体账号' : '政务新媒体发布记录'}.${format}`;
        return download(c, { bytes, mime: MIME[format], name });
      });
    }
  }
}
