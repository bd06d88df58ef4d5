// The OpenAPI 3.1 description of the application API (issue 3) and the publication API (issue 4),
// served at /api/v1/openapi.json.
// Written by hand; enums, roles and each move's parameters are read from the domain so the
// document cannot drift from what the endpoints validate.
import {
  ACTIONS,
  APPLICANT_TYPES,
  APPLICATION_STATES,
  CARRIERS,
  CHANNELS,
  DELIVERIES,
  ID_TYPES,
  LEGAL_PERSON_SUBTYPES,
  OUTCOMES,
  type Action,
} from '../../domain/applications/application.js';
import { ACTION_LABELS, ACTION_ROLES, SYSTEM_ACTIONS } from '../../domain/applications/transition-table.js';
import { paramSpecs, type ParamSpec } from '../../domain/applications/transition-params.js';
import { RULES_2019 } from '../../domain/applications/rules.js';
import type { DeadlineStatus } from '../../domain/applications/deadlines.js';
import { MAX_LENGTH } from '../../domain/applications/intake.js';
import { MAX_PROOF_BYTES } from '../../domain/applications/proof.js';
import {
  PUBLICATION_KINDS,
  PUBLICATION_STATES,
  VALIDITIES,
  DISCLOSURES,
  WITHHELD_GROUNDS,
} from '../../domain/publications/publication.js';
import {
  ACTION_LABELS as PUBLICATION_ACTION_LABELS,
  ACTION_ROLES as PUBLICATION_ACTION_ROLES,
  PUBLICATION_ACTIONS,
  SYSTEM_ACTIONS as PUBLICATION_SYSTEM_ACTIONS,
} from '../../domain/publications/transition-table.js';

type Schema = Record<string, unknown>;

const STATUSES: readonly DeadlineStatus[] = ['on_time', 'due_soon', 'overdue', 'closed', 'paused'];

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string, extra: Schema = {}): Schema => ({
  type: 'string',
  ...(description ? { description } : {}),
  ...extra,
});
const date = (description?: string): Schema => str(description, { format: 'date' });
const nullable = (s: Schema): Schema => ({ oneOf: [s, { type: 'null' }] });
const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } });
const err = (description: string) => json(ref('Error'), description);

/** Moves offered through the API: every move of the table but the clock's own lapses. */
const API_ACTIONS = ACTIONS.filter((a) => !SYSTEM_ACTIONS.has(a));

/** A move parameter as JSON Schema; `assign` names the handler by username in the API. */
function paramSchema(spec: ParamSpec): [string, Schema] {
  if (spec.name === 'handlerId') return ['handler', str('承办人的用户名（须为本机关的 handler）')];
  const base: Schema = { description: spec.label };
  switch (spec.type) {
    case 'date':
      return [spec.name, { ...base, type: 'string', format: 'date' }];
    case 'int':
      return [
        spec.name,
        {
          ...base,
          type: 'integer',
          ...(spec.min !== undefined ? { minimum: spec.min } : {}),
          ...(spec.max !== undefined ? { maximum: spec.max } : {}),
        },
      ];
    case 'boolean':
      return [spec.name, { ...base, type: 'boolean' }];
    case 'enum':
      return [spec.name, { ...base, type: 'string', enum: [...(spec.values ?? [])] }];
    case 'text':
      return [spec.name, { ...base, type: 'string', ...(spec.max !== undefined ? { maxLength: spec.max } : {}) }];
  }
}

function actionSchema(action: Action): Schema {
  const specs = paramSpecs(action, RULES_2019).map((s) => [s, ...paramSchema(s)] as const);
  return {
    type: 'object',
    title: action,
    description: `${ACTION_LABELS[action]}（角色：${ACTION_ROLES[action]}）`,
    required: ['action', ...specs.filter(([s]) => s.required).map(([, name]) => name)],
    properties: { action: { const: action }, ...Object.fromEntries(specs.map(([, name, schema]) => [name, schema])) },
  };
}

const applicant: Schema = {
  type: 'object',
  required: ['type', 'name'],
  description:
    '申请人。法人或其他组织：subtype 必填，idNumber 为统一社会信用代码，另填 contactPerson（法定代表人 legalRepresentative 选填）；自然人：idType 与 idNumber 必填。联系电话、电子邮箱、通信地址至少一项。',
  properties: {
    type: str(undefined, { enum: [...APPLICANT_TYPES] }),
    subtype: str('法人或其他组织的类别（年报第三部分的列）', { enum: [...LEGAL_PERSON_SUBTYPES] }),
    name: str('姓名或名称', { maxLength: MAX_LENGTH.name }),
    idType: str('证件类型（自然人）', { enum: [...ID_TYPES] }),
    idNumber: str('证件号码；法人或其他组织为统一社会信用代码', { maxLength: MAX_LENGTH.idNumber }),
    legalRepresentative: str('法定代表人（法人或其他组织，选填）'),
    contactPerson: str('联系人（法人或其他组织）'),
    phone: str('联系电话'),
    email: str(undefined, { format: 'email' }),
    address: str('通信地址（选择邮寄时必填）'),
    postcode: str('邮政编码（6位数字）'),
  },
};

const applicationInput: Schema = {
  type: 'object',
  required: ['org', 'applicant', 'description', 'carrier', 'delivery'],
  properties: {
    org: str('受理机关的统一社会信用代码'),
    applicant: ref('ApplicantInput'),
    description: str('所需信息的内容描述', { maxLength: MAX_LENGTH.description }),
    title: str('所需信息的名称', { maxLength: MAX_LENGTH.short }),
    docNo: str('文号', { maxLength: MAX_LENGTH.short }),
    indexNo: str('索引号', { maxLength: MAX_LENGTH.short }),
    carrier: str('信息的提供形式：纸质、电子、光盘', { enum: [...CARRIERS] }),
    delivery: str('获取信息的方式：邮寄、电子邮件、当面领取、网上获取', { enum: [...DELIVERIES] }),
    proof: {
      type: 'object',
      description: `身份证明（选填；JPG、PNG 或 PDF，按内容检查，不超过 ${MAX_PROOF_BYTES} 字节）。未提供时案件显示缺少身份证明。`,
      required: ['fileName', 'contentBase64'],
      properties: { fileName: str(), contentBase64: str(undefined, { contentEncoding: 'base64' }) },
    },
    channel: str('仅工作人员（持令牌）：申请渠道；不填为 online（此时须填 submittedOn）', { enum: [...CHANNELS] }),
    submittedOn: date('仅工作人员：当面提交之日（in_person）'),
    signedForOn: date('仅工作人员：挂号信等签收之日（registered_mail）'),
    confirmedOn: date('仅工作人员：与申请人确认之日（ordinary_mail、fax、email）'),
  },
};

const event: Schema = {
  type: 'object',
  description: '期限台账的一行：事项、法定日期、此后的答复期限及说明',
  properties: {
    seq: { type: 'integer' },
    action: str(undefined, { enum: ['submit', ...ACTIONS] }),
    label: str('事项名称'),
    on: date('该事项的法定日期'),
    at: str('记录时间（UTC）', { format: 'date-time' }),
    actor: str('操作人'),
    params: { type: 'object', description: '参数与备注（仅对可见个人信息的角色）' },
    dueOn: nullable(date('此后的答复期限；暂停计算时为 null')),
    explanation: str(),
    provisional: { type: 'boolean' },
  },
};

/** 主动公开 moves offered through the API (`release` is the scheduler's). */
const API_PUBLICATION_ACTIONS = PUBLICATION_ACTIONS.filter((a) => !PUBLICATION_SYSTEM_ACTIONS.has(a));

/** 主动公开 (issue 4): the open-data item, the draft input and the review-chain move. */
const publicationSchemas: Record<string, Schema> = {
  PublicationItem: {
    type: 'object',
    description: '已发布的主动公开信息（现行版本）：信息属性表的各项与链接',
    required: ['id', 'url', 'indexNo', 'title', 'publishedOn', 'kind'],
    properties: {
      id: str('信息编号（工作人员接口使用的 id）'),
      url: str('门户网站上的信息页面', { format: 'uri' }),
      indexNo: str('索引号'),
      title: str('名称'),
      publisher: str('发布机构'),
      org: nullable({ type: 'object', properties: { creditCode: str('统一社会信用代码'), name: str() } }),
      docNo: str('发文字号（无则为空字符串）'),
      writtenOn: date('成文日期'),
      publishedOn: date('发布日期'),
      kind: str('体裁', { enum: [...PUBLICATION_KINDS] }),
      kindLabel: str(),
      category: { type: 'object', description: '栏目', properties: { id: str(), name: str() } },
      topic: str('主题分类'),
      validity: str('有效性', { enum: [...VALIDITIES] }),
      validityLabel: str(),
      validityOn: nullable(date('失效或废止日期')),
      summary: str('内容概述'),
      keyAreas: { type: 'array', items: str(), description: '重点领域' },
      keywords: { type: 'array', items: str() },
      attachments: {
        type: 'array',
        items: {
          type: 'object',
          properties: { name: str(), mime: str(), size: { type: 'integer' }, url: str(undefined, { format: 'uri' }) },
        },
      },
    },
  },
  PublicationList: {
    type: 'object',
    required: ['items', 'total'],
    properties: {
      items: { type: 'array', items: ref('PublicationItem') },
      total: { type: 'integer', description: '符合条件的条数；totalCapped 为 true 时为计数上限（实际更多）' },
      totalCapped: { type: 'boolean' },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
    },
  },
  PublicationDraftInput: {
    type: 'object',
    required: ['org', 'title', 'kind', 'writtenOn', 'body'],
    properties: {
      org: str('发布机关的统一社会信用代码'),
      title: str('名称', { maxLength: 200 }),
      kind: str('体裁', { enum: [...PUBLICATION_KINDS] }),
      category: str('栏目编号或代码；不填时按体裁归入政策文件的相应栏目'),
      docNo: str('发文字号', { maxLength: 60 }),
      writtenOn: date('成文日期（不晚于今天）'),
      summary: str('内容概述'),
      body: str('正文（HTML，按白名单清理）'),
      publisher: str('发布机构（不填为本机关名称）'),
      topic: str('主题分类'),
      keyAreas: { type: 'array', items: str(), description: '重点领域' },
      keywords: { type: 'array', items: str() },
      interprets: str('政策解读所解读文件的索引号（kind 为 interpretation 时必填）'),
      catalogueRow: str('对应的基层政务公开标准目录事项编号（本机关未停用的目录事项；可不填）'),
      validity: str('有效性', { enum: [...VALIDITIES] }),
      validityOn: date('失效或废止日期'),
      disclosure: str('公开属性（默认 proactive）', { enum: [...DISCLOSURES] }),
      withheldGround: str('不予公开的理由', { enum: [...WITHHELD_GROUNDS] }),
      major: { type: 'boolean', description: '重大事项（须由主要负责人签发）' },
    },
  },
  PublicationDraftReceipt: {
    type: 'object',
    required: ['id', 'indexNo', 'state'],
    properties: { id: str(), indexNo: str('索引号'), state: str(undefined, { const: 'draft' }) },
  },
  PublicationActionRequest: {
    type: 'object',
    required: ['action'],
    description: API_PUBLICATION_ACTIONS.map(
      (a) => `${a}：${PUBLICATION_ACTION_LABELS[a]}（${PUBLICATION_ACTION_ROLES[a].join('、')}）`,
    ).join('；'),
    properties: {
      action: str(undefined, { enum: [...API_PUBLICATION_ACTIONS] }),
      note: str('意见；reject 时必填'),
      reason: str('撤稿理由；withdraw 时必填'),
      at: str('publish：定时发布的时间（不填为立即发布）', { format: 'date-time' }),
      acceptFindings: { type: 'boolean', description: 'approve：已核实发布前检查发现的问题' },
    },
  },
};

const schemas: Record<string, Schema> = {
  ...publicationSchemas,
  Error: {
    type: 'object',
    required: ['error', 'message'],
    properties: {
      error: str('错误代码：invalid、not_found、forbidden、conflict、unauthenticated、rate_limited、bad_request'),
      message: str('中文说明'),
      fields: {
        type: 'object',
        additionalProperties: { type: 'string' },
        description: '提交申请时按字段的中文错误，如 applicant.phone',
      },
      errors: { type: 'object', additionalProperties: { type: 'string' }, description: '工作人员接口按参数的中文错误' },
    },
  },
  ApplicantInput: applicant,
  ApplicationInput: applicationInput,
  Receipt: {
    type: 'object',
    required: ['id', 'trackingCode', 'receivedOn', 'dueOn'],
    properties: {
      id: str(),
      trackingCode: str('查询码', { pattern: '^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$' }),
      receivedOn: date('收到申请之日'),
      dueOn: nullable(date('答复期限')),
      provisional: { type: 'boolean', description: '答复期限涉及尚未公布放假安排的年度' },
    },
  },
  TrackResult: {
    type: 'object',
    description: '公开查询结果：不含申请人的任何个人信息',
    properties: {
      trackingCode: str(),
      organization: str('受理机关'),
      state: str(undefined, { enum: [...APPLICATION_STATES] }),
      stateLabel: str(),
      receivedOn: date(),
      dueOn: nullable(date()),
      closedOn: nullable(date()),
      outcome: nullable(str(undefined, { enum: [...OUTCOMES] })),
      outcomeLabel: nullable(str()),
      steps: {
        type: 'array',
        items: {
          type: 'object',
          properties: { action: str(), actionLabel: str(), on: date(), dueOn: nullable(date()), explanation: str() },
        },
      },
    },
  },
  CaseSummary: {
    type: 'object',
    description: '列表行：证件号码一律打码；无权查看个人信息时申请人姓名与证件号为 null',
    properties: {
      id: str(),
      trackingCode: str(),
      org: { type: 'object', properties: { id: str(), name: str() } },
      channel: str(undefined, { enum: [...CHANNELS] }),
      receivedOn: date(),
      applicant: {
        type: 'object',
        properties: {
          type: str(undefined, { enum: [...APPLICANT_TYPES] }),
          name: nullable(str()),
          idNumberMasked: nullable(str()),
        },
      },
      state: str(undefined, { enum: [...APPLICATION_STATES] }),
      stateLabel: str(),
      dueOn: nullable(date()),
      status: str('期限状态', { enum: [...STATUSES] }),
      handler: nullable(str('承办人用户名')),
      outcome: nullable(str(undefined, { enum: [...OUTCOMES] })),
      closedOn: nullable(date()),
    },
  },
  CaseList: {
    type: 'object',
    required: ['items', 'total'],
    properties: {
      items: { type: 'array', items: ref('CaseSummary') },
      total: { type: 'integer' },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
    },
  },
  Event: event,
  Case: {
    type: 'object',
    description:
      '一件申请：办理结果 outcome 与期限台账 events。申请人个人信息（applicant、各步参数 params）仅对办理机关的相应角色可见，否则为 null 或省略。',
    properties: {
      id: str(),
      trackingCode: str(),
      org: { type: 'object', properties: { id: str(), creditCode: str(), name: str() } },
      channel: str(undefined, { enum: [...CHANNELS] }),
      receivedOn: date(),
      state: str(undefined, { enum: [...APPLICATION_STATES] }),
      stateLabel: str(),
      dueOn: nullable(date()),
      status: str(undefined, { enum: [...STATUSES] }),
      waitingUntil: nullable(date()),
      extended: { type: 'boolean' },
      closedOn: nullable(date()),
      handler: nullable(str('承办人用户名')),
      outcome: nullable(str('办理结果代码（年报第三部分的行）', { enum: [...OUTCOMES] })),
      outcomeDetail: nullable({
        type: 'object',
        properties: { label: str(), group: str(), citation: nullable(str()) },
      }),
      personalVisible: { type: 'boolean' },
      applicant: nullable({ type: 'object' }),
      request: { type: 'object' },
      events: { type: 'array', items: ref('Event') },
      moves: {
        type: 'array',
        description: '当前用户此刻可办理的事项',
        items: {
          type: 'object',
          properties: { action: str(), label: str(), to: str(), group: str(), params: { type: 'array' } },
        },
      },
    },
  },
  ActionRequest: {
    oneOf: API_ACTIONS.map((a) => ref(`Action_${a}`)),
    discriminator: {
      propertyName: 'action',
      mapping: Object.fromEntries(API_ACTIONS.map((a) => [a, `#/components/schemas/Action_${a}`])),
    },
  },
  ...Object.fromEntries(API_ACTIONS.map((a) => [`Action_${a}`, actionSchema(a)])),
};

const bearer = [{ bearerAuth: [] }];
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const query = (name: string, description: string, schema: Schema = { type: 'string' }) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});
const trackResponses = {
  '200': json(ref('TrackResult'), '办理进度'),
  '404': err('查询码或联系方式不符（不说明是哪一项）'),
  '429': { ...err('查询过于频繁'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
};

/** The OpenAPI document. */
export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'gongkai 政府信息公开 API',
    version: '1',
    description:
      '政府信息公开申请的提交、查询与办理（《政府信息公开条例》第二十七条至第四十五条），以及主动公开信息的开放数据与起草、审核发布（第十九条至第二十六条）。错误信息为中文。',
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: {
      bearerAuth: { type: 'http', scheme: 'bearer', description: '工作人员访问令牌：npx gongkai user token' },
    },
    schemas,
  },
  paths: {
    '/api/v1/applications': {
      post: {
        summary: '提交申请（公众在线申请；持令牌的承办人可登记其他渠道的申请）',
        description:
          '不带令牌为公众在线申请，渠道固定为 online，收到申请之日为当日。带令牌时须为受理机关的 handler，可填写 channel 及第三十一条所需的日期。可选请求头 Idempotency-Key（16–64位）：同一键重复提交只产生一件申请，再次提交返回 200 与原回执。',
        security: [{}, ...bearer],
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$' },
          },
        ],
        requestBody: { required: true, content: { 'application/json': { schema: ref('ApplicationInput') } } },
        responses: {
          '201': json(ref('Receipt'), '已受理'),
          '200': json(ref('Receipt'), '重复提交：原申请的回执'),
          '400': err('请求体不是 JSON 对象'),
          '401': err('令牌无效，或无令牌登记其他渠道'),
          '403': err('无权为该机关登记申请'),
          '404': err('受理机关不存在'),
          '422': err('内容有误，fields 按字段列出'),
        },
      },
      get: {
        summary: '申请列表（工作人员）',
        description: 'handler 可见本机关的全部申请，包括尚未分配的新申请。',
        security: bearer,
        parameters: [
          query('state', '状态', { type: 'string', enum: [...APPLICATION_STATES] }),
          query('open', 'true：办理中；false：已办结', { type: 'boolean' }),
          query('overdue', 'true：仅已逾期的在办申请', { type: 'boolean' }),
          query('org', '机构的统一社会信用代码'),
          query('handler', '承办人用户名'),
          query('receivedFrom', '收到日期自', { type: 'string', format: 'date' }),
          query('receivedTo', '收到日期至', { type: 'string', format: 'date' }),
          query('q', '搜索查询码、申请人、内容'),
          query('limit', '每页条数（默认20）', { type: 'integer', minimum: 1, maximum: 100 }),
          query('offset', '跳过条数', { type: 'integer', minimum: 0 }),
        ],
        responses: {
          '200': json(ref('CaseList'), '{items, total}'),
          '401': err('缺少或无效的访问令牌'),
          '422': err('筛选条件有误'),
        },
      },
    },
    '/api/v1/applications/{id}': {
      get: {
        summary: '一件申请及其期限台账（工作人员）',
        security: bearer,
        parameters: [idParam],
        responses: {
          '200': json(ref('Case'), '申请'),
          '401': err('缺少或无效的访问令牌'),
          '404': err('申请不存在或无权查看'),
        },
      },
    },
    '/api/v1/applications/{id}/actions': {
      post: {
        summary: '办理一步（工作人员）',
        description:
          '请求体为 {action, …该步参数}（参数与 action 同级）。先检查角色（无该角色一律 403），再检查状态转换表（不允许的转换 409），再检查参数（422）；出错时不作任何改动。每步可附 note。',
        security: bearer,
        parameters: [idParam],
        requestBody: { required: true, content: { 'application/json': { schema: ref('ActionRequest') } } },
        responses: {
          '200': json(
            {
              type: 'object',
              properties: {
                state: str(undefined, { enum: [...APPLICATION_STATES] }),
                dueOn: nullable(date()),
                noticeIds: { type: 'array', items: str(), description: '随之生成的告知书' },
              },
            },
            '办理后的状态与答复期限',
          ),
          '401': err('缺少或无效的访问令牌'),
          '403': err('没有执行该操作的角色'),
          '404': err('申请不存在或无权查看'),
          '409': err('当前状态不允许该操作'),
          '422': err('参数有误'),
        },
      },
    },
    '/api/v1/publications': {
      get: {
        summary: '已发布的主动公开信息（开放数据，无需令牌）',
        description:
          '按发布日期由新到旧排列；带 q 时为全文检索（标题、内容概述、正文、发文字号，至少两个字），结果按相关度排列，匹配很多时按日期排列。',
        security: [{}],
        parameters: [
          query('org', '发布机关的统一社会信用代码'),
          query('category', '栏目编号（含下级栏目；全文检索时仅本栏目）'),
          query('kind', '体裁', { type: 'string', enum: [...PUBLICATION_KINDS] }),
          query('year', '发布年份', { type: 'integer' }),
          query('q', '全文检索词'),
          query('limit', '每页条数（默认20）', { type: 'integer', minimum: 1, maximum: 100 }),
          query('offset', '跳过条数', { type: 'integer', minimum: 0 }),
        ],
        responses: {
          '200': json(ref('PublicationList'), '{items, total}'),
          '422': err('查询参数有误，errors 按参数列出'),
        },
      },
      post: {
        summary: '起草一条信息（工作人员：信息编辑）',
        description: '生成索引号，状态为草稿；附件请在管理后台上传。',
        security: bearer,
        requestBody: { required: true, content: { 'application/json': { schema: ref('PublicationDraftInput') } } },
        responses: {
          '201': json(ref('PublicationDraftReceipt'), '已创建草稿'),
          '400': err('请求体不是 JSON 对象'),
          '401': err('缺少或无效的访问令牌'),
          '403': err('不是该机关的信息编辑'),
          '422': err('内容有误，errors 按字段列出'),
        },
      },
    },
    '/api/v1/publications/{id}/actions': {
      post: {
        summary: '审核发布流程的一步（工作人员）',
        description:
          '与管理后台规则相同：先检查角色（403，如编辑审核自己起草的信息），再检查状态（409），再检查参数（422）；编审分离。出错时不作任何改动。',
        security: bearer,
        parameters: [idParam],
        requestBody: { required: true, content: { 'application/json': { schema: ref('PublicationActionRequest') } } },
        responses: {
          '200': json(
            {
              type: 'object',
              properties: {
                state: str(undefined, { enum: [...PUBLICATION_STATES] }),
                reviewLevel: nullable({ type: 'integer' }),
                findings: { type: 'array', items: { type: 'object' }, description: '发布前检查的发现' },
              },
            },
            '操作后的状态',
          ),
          '401': err('缺少或无效的访问令牌'),
          '403': err('没有执行该操作的角色，或违反编审分离'),
          '404': err('信息不存在或无权查看'),
          '409': err('当前状态不允许该操作'),
          '422': err('参数有误'),
        },
      },
    },
    '/api/v1/track': {
      get: {
        summary: '查询办理进度',
        description:
          '凭查询码和申请时填写的手机号码或证件号码查询；不返回个人信息。有频率限制。联系方式会出现在网址中，建议使用 POST。',
        parameters: [query('code', '查询码'), query('contact', '手机号码或证件号码')],
        responses: trackResponses,
      },
      post: {
        summary: '查询办理进度（联系方式不进入网址）',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { type: 'object', required: ['code', 'contact'], properties: { code: str(), contact: str() } },
            },
          },
        },
        responses: trackResponses,
      },
    },
    '/org/{code}/annual-reports/{year}.json': {
      get: {
        summary: '已公开发布的政府信息公开工作年度报告（开放数据，无需令牌）',
        description:
          '年度报告的数据，格式见 docs/annual-report.schema.json（format、year、organization、contact、sections、article20、applications、reviews）。仅已公开发布的报告；草稿和已报送未发布的返回 404。同一路径的 .docx、.xlsx、.pdf、.md 为相应文档。',
        security: [{}],
        parameters: [
          {
            name: 'code',
            in: 'path',
            required: true,
            description: '机构的统一社会信用代码',
            schema: { type: 'string' },
          },
          {
            name: 'year',
            in: 'path',
            required: true,
            description: '报告年度',
            schema: { type: 'integer', minimum: 2019 },
          },
        ],
        responses: {
          '200': {
            description: '年度报告（AnnualReport）',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['format', 'year', 'organization', 'sections', 'article20', 'applications', 'reviews'],
                },
              },
            },
          },
          '404': { description: '机构不存在，或该年度报告尚未公开发布（HTML 页面）' },
        },
      },
    },
    '/api/v1/openapi.json': {
      get: {
        summary: '本文档',
        responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': {} } } },
      },
    },
  },
} as const;
