/** @jsxImportSource hono/jsx */
// Blocks of pages: a data table in its scrolling frame, and an information list.
import type { Child } from 'hono/jsx';

/** A table with a heading row (`scope="col"`) and the given body rows; with `empty`, a row saying there are none. */
export function DataTable(p: {
  cols: readonly string[];
  class?: string;
  caption?: Child;
  labelledBy?: string;
  empty?: string;
  children?: Child;
}) {
  const none = p.empty !== undefined && Array.isArray(p.children) && p.children.length === 0;
  return (
    <div class="table-wrap">
      <table class={p.class} aria-labelledby={p.labelledBy}>
        {p.caption ? <caption>{p.caption}</caption> : null}
        <thead>
          <tr>
            {p.cols.map((col) => (
              <th scope="col">{col}</th>
            ))}
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
