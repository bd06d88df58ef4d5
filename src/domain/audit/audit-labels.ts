// Chinese labels of the audit trail: every action code a use case writes, entity types, field names, and the
// before → after summary of a change. Moves of cases and publications take their labels from the transition tables.
import { ACTION_LABELS as APPLICATION_MOVES } from '../applications/transition-table.js';
import { ACTIONS as APPLICATION_ACTIONS } from '../applications/application.js';
import {
  ACTION_LABELS as PUBLICATION_MOVES,
  PUBLICATION_ACTIONS,
  STATE_LABELS as PUBLICATION_STATES,
} from '../publications/transition-table.js';
import { STATE_LABELS as APPLICATION_STATES } from '../applications/transition-table.js';
import { ROLE_LABELS } from '../users/roles.js';
import { USER_STATUS_LABELS } from '../users/user.js';

/** Labels of the actions written with a fixed code (the moves of cases and publications are added below). */
const FIXED_ACTIONS: Record<string, string> = {
  'org.created': '新建机构',
  'org.updated': '修改机构信息',
  'org.moved': '调整隶属关系',
  'org.retired': '撤销机构',
  'org.restored': '恢复机构',
  'org.guide_saved': '修改政府信息公开指南',
  'org.guide_reset': '政府信息公开指南恢复为按机构信息生成的默认文本',
  'org.rules_saved': '修改政府信息公开制度',
  'org.rules_reset': '政府信息公开制度恢复为默认文本',
  'user.created': '新建账号',
  'user.updated': '修改账号',
  'user.login': '登录',
  'user.logout': '退出登录',
  'user.login_failed': '登录失败',
  'user.locked': '账号被锁定',
  'user.login_attack': '登录尝试过多（疑似攻击）',
  'user.password_changed': '修改密码',
  'user.password_reset': '重置密码',
  'user.deactivated': '停用账号',
  'user.reactivated': '启用账号',
  'user.handed_over': '工作交接',
  'user.personal_data_granted': '授权查看申请人个人信息',
  'user.personal_data_revoked': '撤销查看申请人个人信息的授权',
  'application.submitted': '收到申请',
  'application.imported': '导入历史申请',
  'application.released_to_all': '依申请公开的信息转为主动公开',
  'application.correction_sent': '申请人网上提交补正',
  'application.reply_file_added': '添加答复附件',
  'application.reply_file_removed': '删除答复附件',
  'application.personal_data_viewed': '凭授权查看申请人个人信息',
  'application.reply_file_viewed': '凭授权查看答复附件',
  'application.reply_draft_viewed': '凭授权查看答复告知书草稿',
  'notice.served': '登记告知书送达',
  'notice.personal_data_viewed': '凭授权查看告知书',
  'notice_settings.updated': '修改告知书设置',
  'review.created': '登记复议、诉讼、投诉案件',
  'review.updated': '修改复议、诉讼、投诉案件',
  'review.personal_data_viewed': '凭授权查看复议、诉讼当事人信息',
  'api_token.issued': '签发 API 令牌',
  'api_token.revoked': '撤销 API 令牌',
  'calendar.seeded': '载入内置放假安排',
  'demo.seeded': '生成示例区演示数据',
  'calendar.imported': '导入放假安排',
  'calendar.override_set': '设置本地调整日',
  'calendar.override_removed': '删除本地调整日',
  'settings.updated': '修改网站设置',
  'mail.retried': '重新发送邮件',
  'publication.created': '新建信息草稿',
  'publication.edited': '修改信息',
  'publication.imported': '批量导入信息',
  'publication.import_interrupted': '批量导入中断',
  'publication.exported': '导出归档数据包',
  'publication.reassessed': '定期评估',
  'publication.config_saved': '修改主动公开设置',
  'publication.integrity': '记录发布内容指纹',
  'catalogue.created': '建立主动公开目录',
  'category.created': '新建栏目',
  'category.renamed': '栏目改名',
  'category.reordered': '调整栏目顺序',
  'category.retired': '停用栏目',
  'category.restored': '恢复栏目',
  'catalogue.imported': '导入标准目录',
  'catalogue.area_added': '新增重点领域',
  'catalogue.area_excluded': '不适用重点领域',
  'catalogue.area_included': '恢复适用重点领域',
  'catalogue.row_added': '新增标准目录事项',
  'catalogue.row_updated': '修改标准目录事项',
  'catalogue.row_retired': '删除标准目录事项',
  'report.draft_saved': '保存年度报告草稿',
  'report.narrative_regenerated': '重新生成年度报告文字部分',
  'report.figures_imported': '导入年度报告数据',
  'report.submitted': '报送年度报告',
  'report.published': '发布年度报告',
  'report.returned': '退回年度报告',
  'report.correction_started': '开始更正年度报告',
  'report.correction_cancelled': '放弃更正年度报告',
  'report.corrected': '发布年度报告更正',
  'report.withdrawn': '撤回已公开的年度报告',
  'report.deadline_set': '设置年度报告报送期限',
  'media.account_created': '登记政务新媒体账号',
  'media.account_updated': '修改政务新媒体账号',
  'media.account_event': '登记政务新媒体开设、变更、关停或注销',
  'media.post_added': '登记政务新媒体发布记录',
  'media.accounts_imported': '导入政务新媒体账号',
  'media.posts_imported': '导入政务新媒体发布记录',
  'media.feed_read': '从订阅地址读取政务新媒体发布记录',
  'monitoring.site_registered': '登记监测网站',
  'monitoring.words_saved': '修改错敏词表',
  'monitoring.site_updated': '修改监测网站',
  'monitoring.sites_imported': '导入监测网站',
  'monitoring.messages_registered': '登记互动留言',
  'monitoring.run_requested': '发起网站监测',
  'monitoring.run_completed': '网站监测完成',
  'monitoring.run_failed': '网站监测失败',
  'monitoring.run_cancelled': '网站监测已取消',
  'monitoring.run_cancel_requested': '取消网站监测',
  'assessment.scheme_created': '新建考核方案',
  'assessment.scheme_copied': '复制考核方案',
  'assessment.scheme_updated': '修改考核方案',
  'assessment.scheme_deleted': '删除考核方案',
  'assessment.value_entered': '录入考核指标值',
  'assessment.adjusted': '调整考核得分',
  'assessment.published': '发布考核结果',
  'assessment.publication_linked': '考核结果生成公开信息',
  'monitoring.finding_confirmed': '确认监测问题',
  'monitoring.finding_dismissed': '排除监测问题',
  'monitoring.task_created': '生成整改任务',
  'monitoring.task_fixed': '标记整改完成',
  'monitoring.task_reopened': '整改复核未通过，重新打开',
  'monitoring.task_closed': '整改任务销号',
  'monitoring.task_due_set': '修改整改期限',
  'monitoring.letter_issued': '生成提醒函',
  'monitoring.letter_sent': '发送提醒函',
  'monitoring.letter_delivered': '提醒函已送达',
  'monitoring.letter_closed': '提醒函所列问题全部整改',
};

/**
 * Chinese labels of every recorded action: the fixed codes, `application.<move>` (act-on-application) and
 * `publication.<move>` (act-on-publication). A unit test fails when a written code has no label here.
 */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  ...FIXED_ACTIONS,
  ...Object.fromEntries(APPLICATION_ACTIONS.map((a) => [`application.${a}`, `申请：${APPLICATION_MOVES[a]}`])),
  ...Object.fromEntries(PUBLICATION_ACTIONS.map((a) => [`publication.${a}`, `主动公开：${PUBLICATION_MOVES[a]}`])),
};

/** The Chinese label of an action code (the code itself when unknown, e.g. an entry older than its label). */
export function auditActionLabel(code: string): string {
  return AUDIT_ACTION_LABELS[code] ?? code;
}

/** Chinese labels of entity types. */
export const AUDIT_ENTITY_LABELS: Readonly<Record<string, string>> = {
  organization: '机构',
  user: '账号',
  login: '登录名',
  calendar: '工作日日历',
  calendar_override: '本地调整日',
  setting: '网站设置',
  application: '政府信息公开申请',
  notice: '告知书',
  review_case: '复议、诉讼、投诉案件',
  publication: '主动公开信息',
  publication_import: '信息批量导入',
  category: '栏目',
  catalogue: '目录',
  catalogue_row: '标准目录事项',
  media_account: '政务新媒体账号',
  key_area: '重点领域',
  annual_report: '年度报告',
  email: '邮件',
  monitor_site: '监测网站',
  monitor_run: '网站监测',
  monitor_finding: '监测问题',
  monitor_task: '整改任务',
  monitor_letter: '提醒函',
  assessment_scheme: '考核方案',
};

/** Chinese names of the fields recorded before and after a change. */
export const AUDIT_FIELD_LABELS: Readonly<Record<string, string>> = {
  // organizations
  kind: '类别',
  name: '名称',
  shortName: '简称',
  creditCode: '统一社会信用代码',
  address: '地址',
  postcode: '邮政编码',
  phone: '电话',
  officeHours: '办公时间',
  officeName: '信息公开工作机构',
  officeAddress: '工作机构地址',
  officePhone: '工作机构电话',
  officeFax: '工作机构传真',
  officeEmail: '工作机构电子邮箱',
  functions: '机构职能',
  leadership: '领导信息',
  parentId: '上级机构',
  sortOrder: '排列顺序',
  retiredAt: '撤销时间',
  // the 指南 and 制度 pages
  updatedOn: '更新日期',
  length: '字符数',
  // accounts
  username: '用户名',
  displayName: '姓名',
  email: '电子邮箱',
  orgId: '所属机构',
  status: '状态',
  roles: '角色',
  mustChangePassword: '须修改密码',
  tokensRevoked: '撤销的令牌数',
  replacedBy: '接替人',
  rolesMovedTo: '角色移交给',
  moved: '移交的事项',
  grantId: '授权编号',
  reason: '理由',
  grantedAt: '授权时间',
  revokedAt: '撤销时间',
  underGrant: '凭授权查看',
  tokenId: '令牌编号',
  scope: '权限范围',
  expiresAt: '有效期至',
  // cases, publications, reviews, reports
  state: '状态',
  dueOn: '答复期限',
  outcome: '办理结果',
  seq: '台账序号',
  reviewLevel: '审核级次',
  level: '审核级次',
  findings: '检查发现的问题',
  publishedOn: '发布日期',
  title: '标题',
  indexNo: '索引号',
  disclosure: '公开属性',
  caseNo: '案号',
  filedOn: '立案日期',
  body: '受理机关',
  subject: '事由',
  result: '结果',
  resultOn: '结果日期',
  handling: '处理情况',
  notes: '备注',
  litigationRoute: '诉讼途径',
  applicationId: '关联申请',
  year: '年度',
  deadline: '报送期限',
  version: '版本',
  correctedOn: '更正日期',
  correctionWhat: '更正内容',
  correctionWhy: '更正原因',
  value: '值',
  // assessment
  indicators: '指标',
  indicator: '指标',
  evidence: '依据',
  points: '调整分值',
  units: '单位数',
  publicationId: '公开信息',
  nextAttemptAt: '下次发送时间',
  attempts: '已尝试次数',
  // site settings
  siteName: '网站名称',
  sponsor: '主办单位',
  operator: '承办单位',
  siteCode: '网站标识码',
  icp: 'ICP 备案号',
  publicSecurityRecord: '公安机关备案号',
  contact: '联系方式',
  showPartyGovMark: '显示党政机关网站标识',
  notice: '网站公告',
  years: '年份',
  days: '天数',
  date: '日期',
  count: '数量',
  categories: '栏目数',
  direction: '方向',
};

/** The Chinese name of a recorded field (the field's own name when unknown). */
export function auditFieldLabel(field: string): string {
  return AUDIT_FIELD_LABELS[field] ?? field;
}

/** One field that differs between the recorded before and after states, with both values as display text. */
export type FieldChange = { field: string; label: string; before: string; after: string };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Display text of one recorded value; states of cases and publications in Chinese. */
function showValue(field: string, value: unknown, entityType: string): string {
  if (value === undefined || value === null || value === '') return '（无）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (field === 'state' && typeof value === 'string') {
    const states: Record<string, string> = entityType === 'publication' ? PUBLICATION_STATES : APPLICATION_STATES;
    return states[value] ?? value;
  }
  if (field === 'status' && typeof value === 'string') {
    return (USER_STATUS_LABELS as Record<string, string>)[value] ?? value;
  }
  if (field === 'roles' && Array.isArray(value)) {
    const role = (r: unknown) => (ROLE_LABELS as Record<string, string>)[String(r)] ?? String(r);
    return value.map((g) => (isRecord(g) ? role(g.role) : role(g))).join('、');
  }
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/**
 * The fields a change touched, before → after, in the order they were recorded. A creation lists what was
 * recorded (before '（无）'); a value that is not an object is shown as one change named '内容'.
 */
export function describeChange(before: unknown, after: unknown, entityType: string): FieldChange[] {
  if (before === null && after === null) return [];
  if (!isRecord(before) && !isRecord(after)) {
    return [
      { field: '', label: '内容', before: showValue('', before, entityType), after: showValue('', after, entityType) },
    ];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({
      field: k,
      label: auditFieldLabel(k),
      before: showValue(k, b[k], entityType),
      after: showValue(k, a[k], entityType),
    }));
}
