/** @jsxImportSource hono/jsx */
// Form building blocks: labelled fields that re-render what the user typed, with their hints and errors
// beside them (`f-name` → `f-name-hint`, `f-name-err`, named by the input's `aria-describedby`).
import type { Child } from 'hono/jsx';

/** The CSRF hidden field every form carries. */
export function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

/** A form drawn inside a page: the form token, the values as typed and the messages by field. */
export type FormPart = { csrf: string; values: Record<string, string>; errors: Record<string, string> };

/** A form posting to `action`, carrying the CSRF token. */
export function PostForm(p: { action: string; csrf: string; multipart?: boolean; class?: string; children?: Child }) {
  return (
    <form method="post" action={p.action} enctype={p.multipart ? 'multipart/form-data' : undefined} class={p.class}>
      <Csrf token={p.csrf} />
      {p.children}
    </form>
  );
}

/** A one-button form acting on a row of a table (POST with the CSRF token), e.g. 撤销 or 立即重试. */
export function RowAction(p: { action: string; csrf: string; label: string; ariaLabel?: string }) {
  return (
    <PostForm action={p.action} csrf={p.csrf} class="inline">
      <button type="submit" class="secondary" aria-label={p.ariaLabel}>
        {p.label}
      </button>
    </PostForm>
  );
}

/** A list's filters (`GET`, a search landmark named by `label`): the fields, then the submit button. */
export function FilterForm(p: { action: string; label: string; submit?: string; children?: Child }) {
  return (
    <form method="get" action={p.action} class="filters" role="search" aria-label={p.label}>
      {p.children}
      <button type="submit">{p.submit ?? '筛选'}</button>
    </form>
  );
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

/** The mark after a required field's label (screen readers hear the input's `required` instead). */
export function RequiredMark() {
  return (
    <span class="req" aria-hidden="true">
      {' '}
      *
    </span>
  );
}

/** A field's label, marked when the field is required. */
export function Label(p: { for: string; required?: boolean; children: Child }) {
  return (
    <label for={p.for}>
      {p.children}
      {p.required ? <RequiredMark /> : null}
    </label>
  );
}

/** A field's notes: its hint and its error, under the field's id (`f-name` → `f-name-hint`, `f-name-err`). */
type Notes = { id: string; hint?: Child; error?: string };

const present = (p: Notes) => {
  const notes: [suffix: 'hint' | 'err', text: Child][] = [
    ['hint', p.hint],
    ['err', p.error],
  ];
  return notes.filter(([, text]) => text !== undefined && text !== '');
};

/** The ids of a field's notes, for its input's `aria-describedby`. */
export const describedBy = (p: Notes): string | undefined =>
  present(p)
    .map(([suffix]) => `${p.id}-${suffix}`)
    .join(' ') || undefined;

/** A field's hint and error paragraphs. */
export function FieldNotes(p: Notes) {
  return (
    <>
      {present(p).map(([suffix, text]) => (
        <p class={suffix === 'err' ? 'error' : 'hint'} id={`${p.id}-${suffix}`}>
          {text}
        </p>
      ))}
    </>
  );
}

/** The attributes an input takes from its notes: invalid when there is an error, described by its notes. */
const noted = (notes: Notes) => ({
  'aria-invalid': notes.error ? 'true' : undefined,
  'aria-describedby': describedBy(notes),
});

/** The options of a select, `value` chosen. */
export function Options(p: { options: readonly (readonly [value: string, label: string])[]; value?: string }) {
  return (
    <>
      {p.options.map(([v, l]) => (
        <option value={v} selected={v === p.value}>
          {l}
        </option>
      ))}
    </>
  );
}

/** A select's options from a domain list and its labels, after a blank option when `blank` is given. */
export const labelledOptions = <K extends string>(
  keys: readonly K[],
  labels: Readonly<Record<K, string>>,
  blank?: string,
): [string, string][] => [
  ...(blank === undefined ? [] : [['', blank] as [string, string]]),
  ...keys.map((k): [string, string] => [k, labels[k]]),
];

type FieldProps = {
  name: string;
  /** The input's id when a form repeats on a page (one per table row); default `f-<name>`. */
  id?: string;
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
  const notes = { id: p.id ?? `f-${p.name}`, hint: p.hint, error: p.error };
  const common = { id: notes.id, name: p.name, required: p.required, ...noted(notes) };
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <Label for={notes.id} required={p.required}>
        {p.label}
      </Label>
      <FieldNotes {...notes} />
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

/** A checkbox with its label after it, a hint below and the field's error state; sends `value` ('1') when ticked. */
export function Checkbox(p: { name: string; label: string; checked: boolean; hint?: string; error?: string }) {
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={`f-${p.name}`} class="check">
        <input id={`f-${p.name}`} type="checkbox" name={p.name} value="1" checked={p.checked} />
        {` ${p.label}`}
      </label>
      {p.hint ? <p class="hint">{p.hint}</p> : null}
    </div>
  );
}

/** What a bound field may add to its name, label, value and error. */
export type FieldExtra = Omit<FieldProps, 'name' | 'label' | 'value' | 'error'>;

/**
 * A form's fields bound by name to its labels, the values as typed and the messages:
 * `field('title', { required: true })`, `field('docNo', { optional: true })`, `select('kind', options)`.
 */
export function boundFields<K extends string>(
  labels: Readonly<Record<K, string>>,
  values: Readonly<Record<string, string | undefined>> | ((name: K) => string | undefined),
  errors: Readonly<Record<string, string | undefined>> = {},
) {
  const value = typeof values === 'function' ? values : (name: K) => values[name];
  const bound = (name: K) => ({ name, label: labels[name] ?? name, value: value(name), error: errors[name] });
  return {
    /** A text field; `optional` says （选填） after the label. */
    field: (name: K, { optional, ...extra }: FieldExtra & { optional?: boolean } = {}) => {
      const b = bound(name);
      return <Field {...b} label={optional ? `${b.label}（选填）` : b.label} {...extra} />;
    },
    select: (name: K, options: [string, string][], extra: { required?: boolean } = {}) => (
      <Select {...bound(name)} options={options} {...extra} />
    ),
  };
}

/** A select with a visible label. */
export function Select(p: {
  name: string;
  label: string;
  value?: string;
  error?: string;
  options: [string, string][];
  required?: boolean;
}) {
  const notes = { id: `f-${p.name}`, error: p.error };
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={notes.id}>{p.label}</label>
      <FieldNotes {...notes} />
      <select id={notes.id} name={p.name} required={p.required} {...noted(notes)}>
        <Options options={p.options} value={p.value} />
      </select>
    </div>
  );
}

type FileProps = { name: string; label: string; hint: Child; error?: string; accept: string; multiple?: true };

/** A file input (the form must be `multipart/form-data`) with its label, its hint and the error below it. */
export function FileField(p: FileProps & { required?: true }) {
  const notes = { id: `f-${p.name}`, hint: p.hint, error: p.error };
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={notes.id}>{p.label}</label>
      <FieldNotes {...notes} />
      <input
        id={notes.id}
        name={p.name}
        type="file"
        multiple={p.multiple}
        accept={p.accept}
        required={p.required}
        {...noted(notes)}
      />
    </div>
  );
}
