// The `gongkai` command runs JavaScript compiled from src/ (docs/deploy.md, "Compiled start"): running the
// TypeScript through tsx's loader costs a loader thread and in-memory transforms, about 70 MB of resident memory
// for the life of a server. On start, the sources' fingerprint (path, size and modification time of every file
// under src/, the tsconfig and the compiler's version) names a directory under .build/; when it is missing, every
// source is compiled there file by file (esbuild, a second or two) and the other files under src/ (static assets)
// are copied beside them, so paths relative to a module stay the same. The directory appears by one rename, so
// processes starting together never see half of it. GONGKAI_FROM_SOURCE=1 runs the TypeScript through tsx instead.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const OUT = join(ROOT, '.build');
/** Builds of other fingerprints are removed once they are this old (a running process may still load from one). */
const KEEP_MS = 24 * 3600_000;

/** Tests are never listed (listFiles); of the rest, TypeScript is compiled and everything else copied. */
const isTest = (name) => /\.test\.tsx?$/.test(name);
const isSource = (name) => /\.tsx?$/.test(name) && !name.endsWith('.d.ts');

/** Every file under src/ (relative paths, sorted) with its size and modification time. */
function listFiles() {
  const out = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && !isTest(e.name)) {
        const s = statSync(p);
        out.push({ rel: relative(SRC, p), size: s.size, mtime: s.mtimeMs });
      }
    }
  };
  walk(SRC);
  return out.sort((a, b) => (a.rel < b.rel ? -1 : 1));
}

function fingerprint(files, compilerVersion) {
  const h = createHash('sha256');
  const tsconfig = statSync(join(ROOT, 'tsconfig.json'));
  h.update(`${compilerVersion}\n${tsconfig.size}:${tsconfig.mtimeMs}\n`);
  for (const f of files) h.update(`${f.rel}\n${f.size}:${f.mtime}\n`);
  return h.digest('hex').slice(0, 16);
}

/** Removes old builds and abandoned partial ones. */
function sweep(current) {
  let names;
  try {
    names = readdirSync(OUT);
  } catch {
    return;
  }
  for (const name of names) {
    if (name === current) continue;
    try {
      const age = Date.now() - statSync(join(OUT, name)).mtimeMs;
      if (age > (name.startsWith('.tmp-') ? 3600_000 : KEEP_MS))
        rmSync(join(OUT, name), { recursive: true, force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

/**
 * The URL of the compiled cli-main.js, compiling first when the sources changed.
 * @returns undefined when compiling is switched off or failed (the caller runs the sources through tsx)
 */
export async function compiledEntry(env = process.env) {
  if (env.GONGKAI_FROM_SOURCE === '1') return undefined;
  try {
    const esbuild = await import('esbuild');
    const files = listFiles();
    const fp = fingerprint(files, esbuild.version);
    const dir = join(OUT, fp);
    const entry = join(dir, 'src', 'cli-main.js');
    try {
      statSync(entry);
      return pathToFileURL(entry).href;
    } catch {
      // Not built yet.
    }
    const tmp = join(OUT, `.tmp-${process.pid}-${Date.now()}`);
    const sources = files.filter((f) => isSource(f.rel));
    esbuild.buildSync({
      entryPoints: sources.map((f) => join(SRC, f.rel)),
      outdir: join(tmp, 'src'),
      outbase: SRC,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: 'linked',
      tsconfig: join(ROOT, 'tsconfig.json'),
      logLevel: 'silent',
    });
    for (const f of files) {
      if (isSource(f.rel)) continue;
      mkdirSync(dirname(join(tmp, 'src', f.rel)), { recursive: true });
      copyFileSync(join(SRC, f.rel), join(tmp, 'src', f.rel));
    }
    writeFileSync(join(tmp, 'FINGERPRINT'), `${fp}\n`);
    try {
      renameSync(tmp, dir);
    } catch {
      // Another process finished the same build first: use it.
      rmSync(tmp, { recursive: true, force: true });
    }
    sweep(fp);
    return pathToFileURL(entry).href;
  } catch (e) {
    process.stderr.write(
      `警告：无法编译源代码，改为直接运行 TypeScript / warning: compiling failed, running the sources: ${e instanceof Error ? e.message : e}\n`,
    );
    return undefined;
  }
}
