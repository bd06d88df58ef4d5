/** @jsxImportSource hono/jsx */
// The correction part of the applicant's page (/track/case) while the case waits for a correction (补正,
// 《政府信息公开条例》第三十条): what must be corrected and until when, the correction sent online and waiting for the
// handler, and the form to send it (multipart: the corrected request, optional files checked by content).
import type { TrackCorrection } from '../../../app/applications/online-correction.js';
import { ATTACHMENT_TYPES, attachmentTypeLabel, ATTACHMENT_MIMES } from '../../../domain/publications/attachments.js';
import { MAX_CORRECTION_FILES, MAX_CORRECTION_FILE_BYTES } from '../../../domain/applications/online-correction.js';
import { InfoList } from '../../common/blocks.js';
import { ErrorSummary, Field, FileField, PostForm, type FormPart } from '../../common/forms.js';

/** Where the form posts. */
export const CORRECTION_ACTION = '/track/case/correction';

/** The form's fields by name. */
export const CORRECTION_LABELS = { correctedRequest: '补正后的申请内容', files: '补充材料' } as const;

/** The correction form after a refused post: what was typed, the messages by field and the summary. */
export type CorrectionFormState = FormPart & { message?: string };

const ACCEPT = [...ATTACHMENT_MIMES, ...ATTACHMENT_MIMES.map((m) => ATTACHMENT_TYPES[m].ext)].join(',');
const TYPES = [...new Set(ATTACHMENT_MIMES.map(attachmentTypeLabel))].join('、');

/**
 * The correction section, or nothing (but a refused post's message) when the case does not wait for a correction.
 * @param p.form what was typed and the messages, after a refused post
 */
export function TrackCorrectionSection(p: {
  correction: TrackCorrection | null;
  csrf: string;
  form?: CorrectionFormState;
}) {
  const k = p.correction;
  const f = p.form;
  if (!k) {
    // A post refused because the case no longer waits for a correction (e.g. the handler confirmed it meanwhile).
    return f?.message ? (
      <p class="notice" role="alert">
        {f.message}
      </p>
    ) : null;
  }
  return (
    <section aria-labelledby="correction" class="correction">
      <h2 id="correction">补正申请</h2>
      <p>本机关已告知您补正申请（《中华人民共和国政府信息公开条例》第三十条），需要补正的事项：</p>
      <ol>
        {k.items.map((item) => (
          <li>{item}</li>
        ))}
      </ol>
      <p>
        {k.dueOn ? (
          <>
            请于<strong>{k.dueOn}</strong>前提交补正。
          </>
        ) : null}
        答复期限自本机关收到补正的申请之日起计算；无正当理由逾期不补正的，视为放弃申请。
      </p>
      {k.sent ? (
        <div class="notice" role="status">
          <p>{`您已于${k.sent.receivedOn}在网上提交补正，正在等待办理人员确认。`}</p>
          <InfoList
            rows={[
              [CORRECTION_LABELS.correctedRequest, k.sent.correctedRequest],
              [CORRECTION_LABELS.files, k.sent.files.length > 0 ? k.sent.files.join('、') : '无'],
            ]}
          />
        </div>
      ) : null}
      <h3>{k.sent ? '重新提交补正' : '在网上提交补正'}</h3>
      {k.sent ? <p class="hint">重新提交将替换此前提交的补正，收到补正的日期以最后一次提交之日为准。</p> : null}
      {f ? <ErrorSummary message={f.message} errors={f.errors} labels={CORRECTION_LABELS} /> : null}
      <PostForm action={CORRECTION_ACTION} csrf={p.csrf} multipart class="narrow">
        <Field
          name="correctedRequest"
          label={CORRECTION_LABELS.correctedRequest}
          hint="请按上述事项写明所需政府信息的名称、文号或者便于查询的其他特征性描述"
          value={f?.values.correctedRequest}
          error={f?.errors.correctedRequest}
          multiline
          required
        />
        <FileField
          name="files"
          label={`${CORRECTION_LABELS.files}（可选）`}
          hint={`${TYPES}，最多${MAX_CORRECTION_FILES}个，每个不超过${MAX_CORRECTION_FILE_BYTES / 1024 / 1024}MB`}
          error={f?.errors.files}
          accept={ACCEPT}
          multiple
        />
        <p>
          <button type="submit">提交补正</button>
        </p>
      </PostForm>
    </section>
  );
}
