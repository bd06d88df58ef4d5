// ESLint rule: no import cycles among the project's own modules, type-only imports included.
// (eslint-plugin-import-x's no-cycle skips `import type`, and a type-only cycle still ties two modules
// together: neither can be understood, moved or tested without the other.)
// The graph is read once per lint run from the files' static `import … from` / `export … from`
// specifiers (relative ones, `.js` standing for the `.ts`/`.tsx` source, as NodeNext resolution does).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SPECIFIER = /(?:^|[\s;}])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/g;

function resolveSpecifier(fromFile, spec) {
  const base = resolve(dirname(fromFile), spec);
  const stem = base.replace(/\.(js|jsx|mjs)$/, '');
  for (const candidate of [`${stem}.ts`, `${stem}.tsx`, base, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

/** Strongly connected components of more than one module (Tarjan), as a map file → its component. */
function cycles(root) {
  const files = walk(join(root, 'src'), []);
  const edges = new Map();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const targets = new Set();
    for (const m of text.matchAll(SPECIFIER)) {
      const target = resolveSpecifier(f, m[1]);
      if (target) targets.add(target);
    }
    edges.set(f, [...targets]);
  }
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const member = new Map();
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v), idx.get(w)));
      }
    }
    if (low.get(v) === idx.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) for (const c of component) member.set(c, component);
    }
  };
  for (const f of files) if (!idx.has(f)) visit(f);
  return { member, edges };
}

let cached;

export default {
  meta: {
    type: 'problem',
    docs: { description: 'disallow import cycles between project modules, type-only imports included' },
    schema: [],
    messages: { cycle: 'Import cycle: {{path}}' },
  },
  create(context) {
    const root = context.cwd;
    cached ??= cycles(root);
    const file = context.filename;
    const component = cached.member.get(file);
    if (!component) return {};
    return {
      'ImportDeclaration, ExportNamedDeclaration, ExportAllDeclaration'(node) {
        if (!node.source || typeof node.source.value !== 'string' || !node.source.value.startsWith('.')) return;
        const target = resolveSpecifier(file, node.source.value);
        if (!target || !component.includes(target)) return;
        const path = [relative(root, file), relative(root, target)].join(' → ');
        context.report({ node, messageId: 'cycle', data: { path: `${path} → … (${component.length} modules)` } });
      },
    };
  },
};
