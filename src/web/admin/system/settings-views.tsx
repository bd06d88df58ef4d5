/** @jsxImportSource hono/jsx */
// View of the site settings page: the footer marks of the public portal.
import type { Actor } from '../../../domain/policies/actor.js';
import { AdminLayout } from '../../common/layout.js';
import { Checkbox, ErrorSummary, Field, PostForm } from '../../common/forms.js';
import { BaseUrlForm, type BaseUrlFormState } from './settings-base-url-views.js';
import { ProcedureForm } from './settings-procedure-views.js';
import type { ProcedureSettings } from '../../../app/applications/procedure-settings.js';

/** Labels of the footer fields (also used in the error summary). */
export const SETTINGS_LABELS: Record<string, string> = {
  siteName: '网站名称',
  sponsor: '主办单位',
  operator: '承办单位',
  siteCode: '网站标识码',
  icp: 'ICP备案号',
  publicSecurityRecord: '公安机关备案号',
  contact: '联系方式',
  showPartyGovMark: '显示党政机关网站标识',
  notice: '网站公告',
};

/** The text fields, in form order, with their hints. */
const TEXT_FIELDS: [string, string | undefined][] = [
  ['siteName', '显示在门户页眉和浏览器标题中，例如“示例区人民政府门户网站”'],
  ['sponsor', '网站的主办单位，例如“示例区人民政府办公室”'],
  ['operator', '负责网站运行维护的承办单位（可不填）'],
  ['siteCode', '全国政府网站基本数据库分配的10位网站标识码'],
  ['icp', '例如“京ICP备12345678号”'],
  ['publicSecurityRecord', '例如“京公网安备 11010502000001号”'],
  ['contact', '联系电话或电子邮箱'],
  ['notice', '显示在门户每个页面顶部的一句提示，例如演示站点的说明；不需要时留空（200字以内）'],
];

/** The settings form; `values` are strings as typed, `showPartyGovMark` '1' when checked. */
export function SettingsPage(p: {
  actor: Actor;
  csrf: string;
  values: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
  flash?: string;
  canEdit: boolean;
  /** The public address form (publicBaseUrl). */
  baseUrl?: BaseUrlFormState;
  /** The 依申请公开 procedure form. */
  procedure?: { settings: ProcedureSettings; message?: string };
}) {
  const e = p.errors ?? {};
  return (
    <AdminLayout title="网站设置" actor={p.actor} csrf={p.csrf} path="/admin/settings" flash={p.flash}>
      <p class="muted">
        {'以下内容显示在政府信息公开门户每个页面的底部。按《政府网站发展指引》（国办发〔2017〕47号），政府网站须标明主办单位、' +
          '网站标识码、党政机关网站标识、ICP备案号、公安机关备案号和联系方式。'}
      </p>
      {p.canEdit ? null : <p class="notice">只有根机构（本级人民政府）的管理员可以修改网站设置。</p>}
      <PostForm action="/admin/settings" csrf={p.csrf} class="narrow">
        <ErrorSummary message={p.message} errors={p.errors} labels={SETTINGS_LABELS} />
        <fieldset disabled={!p.canEdit}>
          <legend>门户页脚</legend>
          {TEXT_FIELDS.map(([name, hint]) => (
            <Field
              name={name}
              label={SETTINGS_LABELS[name] ?? name}
              value={p.values[name]}
              error={e[name]}
              hint={hint}
            />
          ))}
          <Checkbox
            name="showPartyGovMark"
            label={SETTINGS_LABELS.showPartyGovMark ?? ''}
            checked={p.values.showPartyGovMark === '1'}
            hint="党政机关网站须在页面底部显示“党政机关”标识。"
            error={e.showPartyGovMark}
          />
        </fieldset>
        {p.canEdit ? <button type="submit">保存</button> : null}
      </PostForm>
      {p.baseUrl ? <BaseUrlForm csrf={p.csrf} state={p.baseUrl} canEdit={p.canEdit} /> : null}
      {p.procedure ? (
        <ProcedureForm
          csrf={p.csrf}
          settings={p.procedure.settings}
          canEdit={p.canEdit}
          message={p.procedure.message}
        />
      ) : null}
    </AdminLayout>
  );
}
