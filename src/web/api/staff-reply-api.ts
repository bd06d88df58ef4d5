// The staff JSON API of a case's reply (docs/decisions/0012-reply-approval.md): read the draft 答复告知书 and the
// attachments, upload an attachment (JSON with the content in base64) while the reply is being drafted, download
// and remove one. The attachments are the case's own: draft_reply takes those uploaded before it, and the approval
// hash covers them; nothing refers to them by id in draft_reply's parameters.
import type { Hono } from 'hono';
import {
  removeReplyFile,
  replyDraftNotice,
  replyFileContent,
  replyPanel,
  uploadReplyFile,
} from '../../app/applications/reply-files.js';
import { notFound } from '../../app/errors.js';
import type { StaffEnv } from '../common/env.js';
import { requireApiUser } from '../common/pipeline.js';
import { download } from '../common/download.js';
import { z } from '../common/validation.js';
import type { ApiOperation } from './openapi-kit.js';
import { jsonObject, notAnObject, parsed, refusals } from './api-schemas.js';

const BASE = '/api/v1/applications';

const IdParam = z.object({ id: z.string().meta({ description: '申请的编号' }) });
const FileParams = IdParam.extend({ fileId: z.string().meta({ description: '附件的编号' }) });

const ReplyFile = z
  .object({
    id: z.string(),
    name: z.string(),
    mime: z.string().meta({ description: '按文件内容识别的类型' }),
    size: z.int(),
    sha256: z.string().meta({ description: '文件内容的 SHA-256（十六进制）' }),
    round: z.int().meta({ description: '上传时的起草轮次（第几稿）' }),
    uploadedAt: z.string().meta({ format: 'date-time' }),
  })
  .meta({ id: 'ReplyFile' });

const Reply = z
  .object({
    draftNotice: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: '最近一次起草答复生成的答复告知书草稿（文号为“（草稿）”）；尚未起草时为 null' }),
    attachments: z.array(ReplyFile),
    approvedHash: z.string().nullable().meta({ description: '审批通过时记录的校验值（已审批、已答复、已归档时）' }),
    maxFileBytes: z.int().meta({ description: '单个附件的大小上限（字节）' }),
    canEditAttachments: z.boolean().meta({ description: '当前用户此刻能否上传、删除附件' }),
  })
  .meta({ id: 'Reply' });

/** An upload: the file name (its extension must match the content) and the content in base64. */
const Upload = z
  .object({
    name: z.string().min(1, { error: '请填写文件名' }).max(200).meta({ description: '文件名，如“批复（遮盖后）.pdf”' }),
    content: z
      .base64({ error: 'content 应为 base64 编码的文件内容' })
      .meta({ description: '文件内容（base64）；PDF、DOCX、XLSX或图片，按内容识别类型' }),
  })
  .meta({ id: 'ReplyFileUpload' });

/** The reply operations, for the OpenAPI document. */
export const STAFF_REPLY_API_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: `${BASE}/{id}/reply`,
    summary: '答复告知书草稿与答复附件（工作人员）',
    description: '仅对办理机关可查看个人信息的角色（承办人、审查人、审批人等）。',
    tags: ['依申请公开'],
    auth: 'bearer',
    params: IdParam,
    responses: {
      200: { description: '草稿与附件', schema: Reply },
      ...refusals({ 401: '缺少或无效的访问令牌', 404: '申请不存在或无权查看' }),
    },
  },
  {
    method: 'post',
    path: `${BASE}/{id}/reply-attachments`,
    summary: '上传答复附件（工作人员）',
    description:
      '仅承办人、仅在承办起草阶段（registered）；送审、待审批、已审批时 409（reason: not_drafting）。类型按内容检查，' +
      '大小上限见设置 applications.reply.maxFileBytes（默认 20MB）；不符时 422（reason: invalid_reply_file）。' +
      '请求体大小受服务器上传上限（GONGKAI_UPLOAD_LIMIT_MB）限制，base64 约增加三分之一。',
    tags: ['依申请公开'],
    auth: 'bearer',
    params: IdParam,
    body: { schema: Upload },
    responses: {
      201: { description: '已保存的附件', schema: ReplyFile },
      ...refusals({
        400: '请求体不是 JSON 对象',
        401: '缺少或无效的访问令牌',
        403: '不是本案承办人',
        404: '申请不存在或无权查看',
        409: '不在承办起草阶段',
        422: '文件类型、大小或名称不符合要求',
      }),
    },
  },
  {
    method: 'get',
    path: `${BASE}/{id}/reply-attachments/{fileId}`,
    summary: '下载答复附件（工作人员）',
    tags: ['依申请公开'],
    auth: 'bearer',
    params: FileParams,
    responses: {
      200: { description: '文件内容' },
      ...refusals({ 401: '缺少或无效的访问令牌', 404: '附件不存在或无权查看' }),
    },
  },
  {
    method: 'delete',
    path: `${BASE}/{id}/reply-attachments/{fileId}`,
    summary: '删除答复附件（工作人员）',
    tags: ['依申请公开'],
    auth: 'bearer',
    params: FileParams,
    responses: {
      204: { description: '已删除' },
      ...refusals({ 401: '缺少或无效的访问令牌', 403: '不是本案承办人', 404: '附件不存在', 409: '不在承办起草阶段' }),
    },
  },
];

/** Registers the reply routes of the staff API. */
export function registerStaffReplyApi(staff: Hono<StaffEnv>): void {
  staff.get(`${BASE}/:id/reply`, requireApiUser(), async (c) => {
    const ctx = c.get('ctx');
    const id = c.req.param('id');
    const panel = await replyPanel(ctx, c.get('actor'), id);
    if (!panel) throw notFound('申请');
    const draft = panel.draft ? (await replyDraftNotice(ctx, c.get('actor'), id)).doc : null;
    return c.json({
      draftNotice: draft,
      attachments: panel.files,
      approvedHash: panel.approvedHash,
      maxFileBytes: panel.maxFileBytes,
      canEditAttachments: panel.can.editFiles,
    });
  });

  staff.post(`${BASE}/:id/reply-attachments`, requireApiUser(), async (c) => {
    const body = await jsonObject(c);
    if (!body) return notAnObject(c);
    const upload = parsed(Upload, body);
    if (!upload.ok) return c.json({ error: 'invalid', message: '附件有误', errors: upload.errors }, 422);
    const content = new Uint8Array(Buffer.from(upload.value.content, 'base64'));
    const file = await uploadReplyFile(c.get('ctx'), c.get('actor'), c.req.param('id'), {
      name: upload.value.name,
      content,
    });
    return c.json(file, 201);
  });

  staff.get(`${BASE}/:id/reply-attachments/:fileId`, requireApiUser(), async (c) =>
    download(c, await replyFileContent(c.get('ctx'), c.get('actor'), c.req.param('id'), c.req.param('fileId'))),
  );

  staff.delete(`${BASE}/:id/reply-attachments/:fileId`, requireApiUser(), async (c) => {
    await removeReplyFile(c.get('ctx'), c.get('actor'), c.req.param('id'), c.req.param('fileId'));
    return c.body(null, 204);
  });
}
