// The fields of the 政府网站工作年度报表 (国办函〔2018〕12号《国务院办公厅关于印发政府网站发展指引的通知》 and its
// annual-report format): every field with its id, Chinese label, group, unit, and whether gongkai can fill it from
// what it records. The list is the believed one (no filled official form could be read): it is data, and an office
// replaces it with the setting `websiteReport.fields` (a JSON list of the same shape) when its format differs.

/** The groups of the table, in the order of the format: the header, then the eight contents of 国办函〔2018〕12号. */
export const FIELD_GROUPS = [
  '基本信息',
  '网站访问',
  '信息发布',
  '专栏专题',
  '解读回应',
  '办事服务',
  '互动交流',
  '安全防护',
  '移动新媒体',
  '创新发展',
  '填报信息',
] as const;
/** One group. */
export type FieldGroup = (typeof FIELD_GROUPS)[number];

/** How a value is typed: a count, a yes/no answer, a number of days, or free text. */
export type FieldUnit = '条' | '个' | '次' | '期' | '人' | '件' | '项' | '篇' | '天' | '是/否' | '文本';

/** One field of the table. */
export type ReportField = {
  /** Stable id, the key of the stored values (never rename). */
  id: string;
  label: string;
  group: FieldGroup;
  unit: FieldUnit;
  /** Whether gongkai fills it from its records (the rest is entered on the form). */
  filled: boolean;
};

const f = (id: string, group: FieldGroup, label: string, unit: FieldUnit, filled = false): ReportField => ({
  id,
  label,
  group,
  unit,
  filled,
});

/** The believed field list (the default): the header, the eight contents, and the signatures. */
export const DEFAULT_REPORT_FIELDS: readonly ReportField[] = [
  f('site_name', '基本信息', '网站名称', '文本', true),
  f('home_url', '基本信息', '首页网址', '文本', true),
  f('sponsor', '基本信息', '主办单位', '文本', true),
  f('site_kind', '基本信息', '网站类型', '文本', true),
  f('site_code', '基本信息', '政府网站标识码', '文本', true),
  f('icp_no', '基本信息', 'ICP备案号', '文本', true),
  f('police_no', '基本信息', '公安机关备案号', '文本', true),
  f('unique_visitors', '网站访问', '独立用户访问总量', '个'),
  f('page_views', '网站访问', '网站总访问量', '次'),
  f('pub_total', '信息发布', '信息发布总数', '条', true),
  f('pub_overview', '信息发布', '其中：概况类信息更新量', '条', true),
  f('pub_news', '信息发布', '其中：政务动态信息更新量', '条', true),
  f('pub_catalogue', '信息发布', '其中：信息公开目录信息更新量', '条', true),
  f('topics_maintained', '专栏专题', '专栏专题维护数量', '个'),
  f('topics_new', '专栏专题', '专栏专题新开设数量', '个'),
  f('interpretations', '解读回应', '解读信息发布总数', '条', true),
  f('interpretation_products', '解读回应', '其中：解读材料/产品数量', '条'),
  f('media_comments', '解读回应', '其中：媒体评论文章数量', '篇'),
  f('hot_responses', '解读回应', '回应公众关注热点或重大舆情数量', '次'),
  f('service_catalogue', '办事服务', '是否发布服务事项目录', '是/否'),
  f('service_users', '办事服务', '注册用户数', '人'),
  f('service_items', '办事服务', '政务服务事项数量', '项'),
  f('service_online', '办事服务', '可全程在线办理政务服务事项数量', '项'),
  f('service_cases', '办事服务', '办件量总数', '件'),
  f('service_cases_person', '办事服务', '其中：自然人办件量', '件'),
  f('service_cases_legal', '办事服务', '其中：法人办件量', '件'),
  f('unified_platform', '互动交流', '是否使用统一平台', '是/否'),
  f('messages_received', '互动交流', '留言办理：收到留言数量', '条', true),
  f('messages_done', '互动交流', '留言办理：办结留言数量', '条', true),
  f('messages_avg_days', '互动交流', '留言办理：平均办理时间', '天', true),
  f('messages_public', '互动交流', '留言办理：公开答复数量', '条'),
  f('applications_received', '互动交流', '政府信息公开申请：收到申请数量', '件', true),
  f('applications_closed', '互动交流', '政府信息公开申请：办结申请数量', '件', true),
  f('surveys', '互动交流', '征集调查：征集调查期数', '期'),
  f('survey_opinions', '互动交流', '征集调查：收到意见数量', '条'),
  f('survey_results', '互动交流', '征集调查：公布调查结果期数', '期'),
  f('interviews', '互动交流', '在线访谈：访谈期数', '期'),
  f('interview_questions', '互动交流', '在线访谈：网民留言数量', '条'),
  f('interview_answers', '互动交流', '在线访谈：答复网民提问数量', '条'),
  f('smart_qa', '互动交流', '是否提供智能问答功能', '是/否'),
  f('security_checks', '安全防护', '安全检测评估次数', '次', true),
  f('security_found', '安全防护', '发现问题数量', '个', true),
  f('security_fixed', '安全防护', '问题整改数量', '个', true),
  f('security_warning', '安全防护', '是否建立安全监测预警机制', '是/否'),
  f('security_drill', '安全防护', '是否开展应急演练', '是/否'),
  f('security_owner', '安全防护', '是否明确网站安全责任人', '是/否'),
  f('media_any', '移动新媒体', '是否有移动新媒体', '是/否', true),
  f('weibo_names', '移动新媒体', '微博：名称', '文本', true),
  f('weibo_posts', '移动新媒体', '微博：信息发布量', '条', true),
  f('weibo_followers', '移动新媒体', '微博：关注量', '个'),
  f('wechat_names', '移动新媒体', '微信：名称', '文本', true),
  f('wechat_posts', '移动新媒体', '微信：信息发布量', '条', true),
  f('wechat_subscribers', '移动新媒体', '微信：订阅数', '个'),
  f('media_other', '移动新媒体', '其他：名称', '文本', true),
  f('search_service', '创新发展', '搜索即服务', '是/否'),
  f('multilingual', '创新发展', '多语言版本', '是/否'),
  f('accessibility', '创新发展', '无障碍浏览', '是/否'),
  f('personalized', '创新发展', '千人千网', '是/否'),
  f('innovation_other', '创新发展', '其他', '文本'),
  f('unit_head', '填报信息', '单位负责人', '文本'),
  f('checker', '填报信息', '审核人', '文本'),
  f('filler', '填报信息', '填报人', '文本'),
  f('phone', '填报信息', '联系电话', '文本'),
  f('filled_on', '填报信息', '填报日期', '文本', true),
];

const UNITS: readonly string[] = ['条', '个', '次', '期', '人', '件', '天', '项', '篇', '是/否', '文本'];

/**
 * Reads a field list from a setting (a JSON array of `{ id, label, group, unit, filled }`). Returns every problem at
 * once, or the list. Ids are unique and made of lower-case letters, digits and underscores.
 */
export function parseFieldList(value: unknown): { ok: true; fields: ReportField[] } | { ok: false; errors: string[] } {
  if (!Array.isArray(value)) return { ok: false, errors: ['栏目列表应为 JSON 数组'] };
  const errors: string[] = [];
  const seen = new Set<string>();
  const fields: ReportField[] = [];
  value.forEach((v: unknown, i) => {
    const n = i + 1;
    const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
    const id = typeof o.id === 'string' ? o.id : '';
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(id)) errors.push(`第${n}项的 id 应为小写字母、数字或下划线`);
    else if (seen.has(id)) errors.push(`第${n}项的 id “${id}”重复`);
    seen.add(id);
    const label = typeof o.label === 'string' ? o.label.trim() : '';
    if (label === '') errors.push(`第${n}项缺少名称（label）`);
    const group = FIELD_GROUPS.find((g) => g === o.group);
    if (!group) errors.push(`第${n}项的分组（group）应为：${FIELD_GROUPS.join('、')}`);
    const unit = typeof o.unit === 'string' && UNITS.includes(o.unit) ? (o.unit as FieldUnit) : undefined;
    if (!unit) errors.push(`第${n}项的单位（unit）应为：${UNITS.join('、')}`);
    if (group && unit && label !== '') fields.push({ id, label, group, unit, filled: o.filled === true });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, fields };
}

/** Whether a field holds a number (a count or days), as opposed to yes/no or text. */
export function isNumeric(field: Pick<ReportField, 'unit'>): boolean {
  return field.unit !== '是/否' && field.unit !== '文本';
}

/**
 * Checks an entered value: counts are whole numbers ≥ 0 (days may have one decimal), yes/no is 是 or 否, text is
 * at most 500 characters. Blank is allowed (not yet entered). Returns the normalized value or a Chinese message.
 */
export function checkValue(
  field: ReportField,
  raw: string,
): { ok: true; value: string } | { ok: false; error: string } {
  const v = raw.trim();
  if (v === '') return { ok: true, value: '' };
  if (field.unit === '是/否') {
    if (v === '是' || v === '否') return { ok: true, value: v };
    return { ok: false, error: `“${field.label}”应填“是”或“否”` };
  }
  if (field.unit === '文本') {
    return v.length > 500 ? { ok: false, error: `“${field.label}”不能超过500个字` } : { ok: true, value: v };
  }
  const pattern = field.unit === '天' ? /^\d{1,6}(\.\d)?$/ : /^\d{1,12}$/;
  if (!pattern.test(v)) {
    return {
      ok: false,
      error: field.unit === '天' ? `“${field.label}”应为天数（最多一位小数）` : `“${field.label}”应为不小于0的整数`,
    };
  }
  return { ok: true, value: String(Number(v)) };
}
