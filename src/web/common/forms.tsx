/** @jsxImportSource hono/jsx */
// Form building blocks: labelled fields that re-render what the user typed, with errors beside them.
import type { Child } from 'hono/jsx';

/** The CSRF hidden field every form carries. */
export function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** A summary of errors at the top of a form, linked to the fields. */
export function ErrorSummary(props: {
  message?: string;
  errors?: Record<string, string>;
  labels?: Record<string, string>;
}) {
  if (!props.message && (!props.errors || Object.keys(props.errors).length === 0)) {
    return null;
  }
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <p>{props.message ?? '请按提示更正以下内容'}</p>
      <ul>
        {Object.entries(props.errors ?? {}).map(([k, v]) => (
          <li>
            <a href={`#f-${k}`}>{props.labels?.[k] ? `${props.labels[k]}：${v}` : v}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  value?: string;
  error?: string;
  type?: string;
  required?: boolean;
  hint?: string;
  autocomplete?: string;
  multiline?: boolean;
  inputmode?: 'numeric' | 'tel' | 'email' | 'text';
};

/** A text input (or textarea) with its visible label, hint and error. */
export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const describedBy = [p.hint ? `${id}-hint` : '', p.error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: p.name,
    required: p.required,
    'aria-invalid': p.error ? 'true' : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={id}>
        {p.label}
        {p.required ? (
          <span class="req" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {p.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {p.error ? (
        <p class="error" id={`${id}-err`}>
          {p.error}
        </p>
      ) : null}
      {p.multiline ? (
        <textarea {...common} rows={4}>
          {p.value ?? ''}
        </textarea>
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          value={p.value ?? ''}
          autocomplete={p.autocomplete}
          inputmode={p.inputmode}
        />
      )}
    </div>
  );
}

/** A select with a visible label. */
export function Select(p: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  options: [string, string][];
  required?: boolean;
  children?: Child;
}) {
  const id = `f-${p.name}`;
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.error ? (
        <p class="error" id={`${id}-err`}>
          {p.error}
        </p>
      ) : null}
      <select
        id={id}
        name={p.name}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? `${id}-err` : undefined}
      >
        {p.options.map(([v, l]) => (
          <option value={v} selected={v === p.value}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}
