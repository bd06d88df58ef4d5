/** @jsxImportSource hono/jsx */
// Field pieces beside `Field` (forms.tsx): a field's hint and error as a block of their own (for inputs
// `Field` does not draw: a row's inline date, a large textarea), and a file input with its label.
import type { Child } from 'hono/jsx';

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
        aria-describedby={describedBy(notes)}
        aria-invalid={p.error ? 'true' : undefined}
      />
    </div>
  );
}
