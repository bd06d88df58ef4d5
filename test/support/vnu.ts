// The W3C Nu HTML checker (npm vnu-jar, run on Java): checks pages as the HTML standard defines them.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The Java launcher: GONGKAI_JAVA, else `java` on the PATH. */
function findJava(): string | undefined {
  const given = process.env.GONGKAI_JAVA;
  if (given) return existsSync(given) ? given : undefined;
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'java'))
    .find((p) => existsSync(p));
}

const JAVA = findJava();

/** The checker's JAR, shipped by the vnu-jar package (its main export is the path). */
export const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar') as string);

/**
 * Why the checker cannot run here, or false.
 * @throws Error in CI when Java is missing: the HTML check must run, not skip, there (.ci/run installs it).
 */
export function vnuSkipReason(): string | false {
  if (JAVA && existsSync(VNU_JAR)) return false;
  const given = process.env.GONGKAI_JAVA;
  const why = JAVA
    ? `vnu.jar not found (${VNU_JAR})`
    : given
      ? `Java not found at GONGKAI_JAVA (${given})`
      : 'Java not installed (no java on the PATH)';
  if (process.env.CI === 'true' || process.env.GONGKAI_REQUIRE_ALL === '1') {
    throw new Error(`${why}: the HTML check must run in CI`);
  }
  return why;
}

/** One message of the checker. */
export type VnuMessage = { type: string; subType?: string; message: string; extract?: string; lastLine?: number };

/**
 * Checks HTML documents with one run of the checker.
 * @param pages a label (the page's path) and its HTML
 * @returns the errors, each as "label:line: message «extract»" (warnings and notes left out)
 */
export async function vnuErrors(pages: readonly { label: string; html: string }[]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-vnu-'));
  try {
    const files = pages.map((p, i) => {
      const file = join(dir, `page-${i}.html`);
      writeFileSync(file, p.html);
      return file;
    });
    const stderr = await new Promise<string>((resolve, reject) => {
      execFile(
        JAVA ?? 'java',
        ['-Xss4m', '-jar', VNU_JAR, '--format', 'json', ...files],
        { maxBuffer: 64 * 1024 * 1024, timeout: 180_000 },
        (error, _stdout, err) => {
          // The checker exits 1 when it finds errors; its report is on stderr either way.
          if (error && !err.trim().startsWith('{')) reject(error);
          else resolve(err);
        },
      );
    });
    const report = JSON.parse(stderr) as { messages: (VnuMessage & { url?: string })[] };
    const labelOf = (url = '') => pages[files.findIndex((f) => url.endsWith(f))]?.label ?? url;
    return report.messages
      .filter((m) => m.type === 'error' || m.type === 'non-document-error')
      .map((m) => `${labelOf(m.url)}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? ` «${m.extract.trim()}»` : ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
