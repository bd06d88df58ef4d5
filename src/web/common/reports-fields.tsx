/** @jsxImportSource hono/jsx */
// A file input with its visible label, hint and error, as `Field` (forms.tsx) has them for text.
import type { Child } from 'hono/jsx';

type Props = {
  name: string;
  label: string;
  hint: Child;
  error?: string;
  accept: string;
  multiple?: true;
  required?: true;
};

/** A file input (the form must be `multipart/form-data`) with its label, its hint and the error below it. */
export function FileField(p: Props) {
  const id = `f-${p.name}`;
  const notes: [suffix: string, text: Child][] = [
    ['hint', p.hint],
    ...(p.error ? [['err', p.error] as [string, Child]] : []),
  ];
  return (
    <div class={p.error ? 'field has-error' : 'field'}>
      <label for={id}>{p.label}</label>
      {notes.map(([suffix, text]) => (
        <p class={suffix === 'err' ? 'error' : 'hint'} id={`${id}-${suffix}`}>
          {text}
        </p>
      ))}
      <input
        id={id}
        name={p.name}
        type="file"
        multiple={p.multiple}
        accept={p.accept}
        required={p.required}
        aria-describedby={notes.map(([suffix]) => `${id}-${suffix}`).join(' ')}
        aria-invalid={p.error ? 'true' : undefined}
      />
    </div>
  );
}
