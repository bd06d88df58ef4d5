/** @jsxImportSource hono/jsx */
// The one pager of every list, back office and portal: previous, the numbers around the current page, next.

/** Builds a page link from the list's query as typed: every non-empty filter kept, `page` set. */
export function pageHref(path: string, query: Record<string, string | number>): (page: number) => string {
  const kept = Object.entries(query)
    .filter(([k, v]) => k !== 'page' && v !== '')
    .map(([k, v]): [string, string] => [k, String(v)]);
  return (page) => `${path}?${new URLSearchParams([...kept, ['page', String(page)]]).toString()}`;
}

/**
 * Page links. With `pageCount` it shows the numbers around the current page and the count; without it (lists
 * that do not count everything) only previous and next, `hasNext` telling whether there is more.
 */
export function Pager(p: { page: number; pageCount?: number; hasNext?: boolean; href: (n: number) => string }) {
  const last = p.pageCount;
  const hasNext = last !== undefined ? p.page < last : (p.hasNext ?? false);
  if (p.page <= 1 && !hasNext) return null;
  const numbers: number[] = [];
  if (last !== undefined) for (let n = Math.max(1, p.page - 3); n <= Math.min(last, p.page + 3); n++) numbers.push(n);
  return (
    <nav class="pager" aria-label="分页">
      {p.page > 1 ? (
        <a href={p.href(p.page - 1)} rel="prev">
          上一页
        </a>
      ) : null}
      {numbers.map((n) =>
        n === p.page ? (
          <span aria-current="page">第{n}页</span>
        ) : (
          <a href={p.href(n)} aria-label={`第${n}页`}>
            {n}
          </a>
        ),
      )}
      {last !== undefined ? <span class="muted">共{last}页</span> : null}
      {hasNext ? (
        <a href={p.href(p.page + 1)} rel="next">
          下一页
        </a>
      ) : null}
    </nav>
  );
}
