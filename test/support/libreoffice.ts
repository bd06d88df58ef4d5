// LibreOffice in tests: convert generated documents to PDF (and workbooks to CSV) headlessly and read the PDF's text.
// Debian packages: libreoffice-writer-nogui (soffice), poppler-utils (pdftotext; unpdf otherwise).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Finds an executable on PATH. */
function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** The soffice binary (GONGKAI_SOFFICE, else soffice on PATH), or undefined. */
export const SOFFICE = process.env.GONGKAI_SOFFICE ?? onPath('soffice');

/**
 * Why LibreOffice tests cannot run here, or false.
 * @throws Error in CI when soffice is missing: document tests must run, not skip, there.
 */
export function libreOfficeSkipReason(): string | false {
  if (SOFFICE !== undefined && existsSync(SOFFICE)) {
    return false;
  }
  if (process.env.CI === 'true' || process.env.GONGKAI_REQUIRE_ALL === '1') {
    throw new Error('soffice not found: install libreoffice-writer-nogui; LibreOffice tests must run in CI');
  }
  return 'LibreOffice not installed (soffice not on PATH; apt-get install libreoffice-writer-nogui)';
}

// Maps the GB/T 9704 font names to installed CJK fonts so the rendering is SC serif, not a
// Japanese-region fallback; the documents themselves keep the official names.
const FONT_ALIASES = `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family><family>WenQuanYi Zen Hei</family></prefer></alias>
  <alias binding="same"><family>方正小标宋简体</family><prefer><family>Noto Serif CJK SC</family><family>WenQuanYi Zen Hei</family></prefer></alias>
</fontconfig>
`;

/** Runs headless LibreOffice's `--convert-to <filter>` on a file, in a private profile so runs never share a lock. */
async function convertWithLibreOffice(file: string, outDir: string, filter: string): Promise<void> {
  if (SOFFICE === undefined) throw new Error('soffice not found');
  const work = mkdtempSync(join(tmpdir(), 'gongkai-lo-'));
  const fontsConf = join(work, 'fonts.conf');
  writeFileSync(fontsConf, FONT_ALIASES);
  const profile = pathToFileURL(join(work, 'profile')).href;
  await run(
    SOFFICE,
    [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, file],
    {
      timeout: 180_000,
      env: { ...process.env, FONTCONFIG_FILE: fontsConf, HOME: work },
    },
  );
}

/**
 * Converts a document to PDF with headless LibreOffice.
 * @param file the .docx (or other) file
 * @param outDir where the PDF goes
 * @returns the PDF's path
 */
export async function convertToPdf(file: string, outDir: string): Promise<string> {
  await convertWithLibreOffice(file, outDir, 'pdf');
  const pdf = join(outDir, basename(file).replace(/\.[^.]+$/, '.pdf'));
  if (!existsSync(pdf)) throw new Error(`LibreOffice produced no PDF for ${file}`);
  return pdf;
}

/**
 * Converts every sheet of a workbook to CSV (UTF-8, comma-separated) with headless LibreOffice.
 * @returns each sheet's CSV text by sheet name
 */
export async function convertSheetsToCsv(
  file: string,
  outDir: string,
  sheets: readonly string[],
): Promise<Map<string, string>> {
  // Filter options: comma, double quote, UTF-8, from line 1, …, the last field -1 = every sheet to its own file.
  await convertWithLibreOffice(
    file,
    outDir,
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
  );
  const base = basename(file).replace(/\.[^.]+$/, '');
  const out = new Map<string, string>();
  for (const sheet of sheets) {
    const csv = join(outDir, `${base}-${sheet}.csv`);
    if (!existsSync(csv)) throw new Error(`LibreOffice produced no CSV for sheet ${sheet} of ${file}`);
    out.set(sheet, await readFile(csv, 'utf8'));
  }
  return out;
}

/**
 * The text layer of a PDF: pdftotext (poppler-utils) when installed, else unpdf.
 * @returns the text, pages joined by newlines
 */
export async function pdfText(pdf: string): Promise<string> {
  const pdftotext = onPath('pdftotext');
  if (pdftotext !== undefined) {
    const { stdout } = await run(pdftotext, ['-enc', 'UTF-8', pdf, '-']);
    return stdout;
  }
  const { extractText, getDocumentProxy } = await import('unpdf');
  const doc = await getDocumentProxy(new Uint8Array(await readFile(pdf)));
  const { text } = await extractText(doc, { mergePages: true });
  return text;
}
