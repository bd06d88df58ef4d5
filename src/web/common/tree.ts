// Indentation of a row by its depth in the organization tree: a class of the stylesheet (static/app.css), never
// an inline style, which the Content-Security-Policy (style-src 'self') blocks.

/** The deepest level the stylesheet indents; deeper rows are indented as much. */
export const MAX_INDENTED_DEPTH = 7;

/** The class indenting a tree row: `depth-0` … `depth-7`. */
export const depthClass = (depth: number): string =>
  `depth-${Math.max(0, Math.min(Math.floor(depth), MAX_INDENTED_DEPTH))}`;
