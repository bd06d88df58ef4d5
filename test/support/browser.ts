// Real-browser tests: playwright-core driving Debian's Chromium (no bundled browser download).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Path of the Chromium binary (GONGKAI_CHROMIUM, default Debian's /usr/bin/chromium). */
export const CHROMIUM = process.env.GONGKAI_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Why browser tests cannot run here, or false.
 * @throws Error in CI when Chromium is missing: browser tests must run, not skip, there.
 */
export function browserSkipReason(): string | false {
  if (existsSync(CHROMIUM)) {
    return false;
  }
  if (process.env.CI === 'true' || process.env.GONGKAI_REQUIRE_ALL === '1') {
    throw new Error(`Chromium not found at ${CHROMIUM}: browser tests must run in CI`);
  }
  return `Chromium not installed (${CHROMIUM})`;
}

/** Launches headless Chromium with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/**
 * Saves a screenshot for a person to look at after the run; it is evidence, not an assertion.
 * Headless Chromium on a loaded machine sometimes answers "Unable to capture screenshot" for a
 * full-page capture, so this tries again on the viewport and, failing that, only says so.
 */
export async function keepScreenshot(page: Page, path: string): Promise<void> {
  for (const fullPage of [true, false]) {
    try {
      await page.screenshot({ path, fullPage, timeout: 15_000 });
      return;
    } catch (err) {
      process.stderr.write(`screenshot ${path} (fullPage ${fullPage}) not taken: ${String(err).split('\n')[0]}\n`);
    }
  }
}
