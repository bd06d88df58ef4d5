/** @jsxImportSource hono/jsx */
// The 办理程序 form of the site settings page: the choices the Regulation leaves to the office.
import type { ProcedureSettings } from '../../../app/applications/procedure-settings.js';
import { Checkbox, ErrorSummary, PostForm } from '../../common/forms.js';

/** The procedure settings form (its own POST, like the public address). */
export function ProcedureForm(p: { csrf: string; settings: ProcedureSettings; canEdit: boolean; message?: string }) {
  return (
    <PostForm action="/admin/settings/procedure" csrf={p.csrf} class="narrow">
      <ErrorSummary message={p.message} />
      <fieldset disabled={!p.canEdit}>
        <legend>依申请公开办理程序</legend>
        <Checkbox
          name="reasonsRequestStopsClock"
          label="要求申请人说明理由期间不计入答复期限"
          checked={p.settings.reasonsRequestStopsClock}
          hint={
            '《政府信息公开条例》第三十五条未规定说明理由期间是否计入答复期限，默认计入（不勾选）。' +
            '修改只影响此后发出的说明理由告知书，已记录的案件不重新计算。'
          }
        />
      </fieldset>
      {p.canEdit ? <button type="submit">保存办理程序设置</button> : null}
    </PostForm>
  );
}
