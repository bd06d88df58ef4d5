// Chinese labels of the audit trail's actions and entity types.

/** Chinese labels of the recorded actions (the back office's audit page); later capabilities add theirs here. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'org.created': '新建机构',
  'org.updated': '修改机构信息',
  'org.moved': '调整隶属关系',
  'org.retired': '撤销机构',
  'org.restored': '恢复机构',
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
  'application.personal_data_viewed': '凭授权查看申请人个人信息',
  'application.reply_file_viewed': '凭授权查看答复附件',
  'application.reply_draft_viewed': '凭授权查看答复告知书草稿',
  'notice.personal_data_viewed': '凭授权查看告知书',
  'review.personal_data_viewed': '凭授权查看复议、诉讼当事人信息',
  'api_token.issued': '签发 API 令牌',
  'api_token.revoked': '撤销 API 令牌',
  'calendar.seeded': '载入内置放假安排',
  'calendar.imported': '导入放假安排',
  'calendar.override_set': '设置本地调整日',
  'calendar.override_removed': '删除本地调整日',
  'settings.updated': '修改网站设置',
  'application.correction_sent': '申请人网上提交补正',
};

/** Chinese labels of entity types. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  organization: '机构',
  user: '账号',
  login: '登录名',
  calendar: '工作日日历',
  calendar_override: '本地调整日',
  setting: '网站设置',
};
