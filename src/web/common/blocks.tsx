/** @jsxImportSource hono/jsx */
// Blocks of pages: a data table in its scrolling frame, and an information list.
import type { Child } from 'hono/jsx';

/** A heading cell of a data table: its text, or its text and class (`num` over figures). */
export type Column = string | { label: string; class: string };

/** A table with a heading row (`scope="col"`) and the given body rows; with `empty`, a row saying there are none. */
export function DataTable(p: {
  cols: readonly Column[];
  class?: string;
  caption?: Child;
  /** `muted` for a caption that reads as a note, `vh` for one only screen readers need. */
  captionClass?: string;
  labelledBy?: string;
  describedBy?: string;
  empty?: string;
  children?: Child;
}) {
  const none = p.empty !== undefined && Array.isArray(p.children) && p.children.length === 0;
  return (
    <div class="table-wrap">
      <table class={p.class} aria-labelledby={p.labelledBy} aria-describedby={p.describedBy}>
        {p.caption ? <caption class={p.captionClass}>{p.caption}</caption> : null}
        <thead>
          <tr>
            {p.cols.map((col) =>
              typeof col === 'string' ? (
                <th scope="col">{col}</th>
              ) : (
                <th scope="col" class={col.class}>
                  {col.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {none ? (
            <tr>
              <td colspan={p.cols.length} class="muted">
                {p.empty}
              </td>
            </tr>
          ) : (
            p.children
          )}
        </tbody>
      </table>
    </div>
  );
}

/** One row of an information list: its term and value; rows whose value is null or false are left out. */
export type InfoRow = readonly [term: string, value: Child | null | false];

/** A description list (`<dl class="info">`) of the rows that have a value. */
export function InfoList(p: { rows: readonly InfoRow[] }) {
  return (
    <dl class="info">
      {p.rows
        .filter(([, v]) => v !== null && v !== false)
        .map(([term, v]) => (
          <>
            <dt>{term}</dt>
            <dd>{v}</dd>
          </>
        ))}
    </dl>
  );
}
