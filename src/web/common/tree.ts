// The organization tree drawn as a tree: nested lists (web/admin/system/org-views.tsx), their connecting lines and
// indentation classes of the stylesheet (static/app.css), never inline styles, which the Content-Security-Policy
// (style-src 'self') blocks.

/** A node with its children, in the order of the flat list it was nested from. */
export type Nested<T> = { node: T; children: Nested<T>[] };

/**
 * Nests a flat list by `parentId`, keeping the list's order among siblings.
 * @param nodes in tree order or any order; a node whose parent is not in the list is a root
 * @returns the roots, each with its subtree
 */
export function nest<T extends { id: string; parentId: string | null }>(nodes: readonly T[]): Nested<T>[] {
  const byId = new Map<string, Nested<T>>(nodes.map((n) => [n.id, { node: n, children: [] }]));
  const roots: Nested<T>[] = [];
  for (const n of nodes) {
    const item = byId.get(n.id);
    const parent = n.parentId === null || n.parentId === n.id ? undefined : byId.get(n.parentId);
    if (item) (parent ? parent.children : roots).push(item);
  }
  return roots;
}

/** How many nodes a subtree holds below its top. */
export const descendantCount = <T>(item: Nested<T>): number =>
  item.children.reduce((sum, c) => sum + 1 + descendantCount(c), 0);
