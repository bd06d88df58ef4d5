// A real gongkai server on a temporary SQLite database plus a Chromium browser, for the e2e journeys.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config/config.js';
import { serveHttp, startRuntime, type Runtime } from '../../src/main.js';
import type { BootstrapResult } from '../../src/app/bootstrap.js';
import { launchBrowser } from './browser.js';

/** A running server with its browser. */
export type E2eServer = {
  runtime: Runtime;
  boot: BootstrapResult;
  url: string;
  browser: Browser;
  dir: string;
  close: () => Promise<void>;
};

/**
 * Starts gongkai (bootstrapped demo district) on a free port, runs `prepare` before serving (e.g. to
 * create staff or publish items through the use cases), and launches Chromium.
 */
export async function startE2eServer(
  prepare: (runtime: Runtime) => Promise<void> = async () => undefined,
): Promise<E2eServer> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-'));
  const config = loadConfig({ GONGKAI_DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1' });
  const { runtime, boot } = await startRuntime(config);
  await prepare(runtime);
  const server = await serveHttp(runtime, config);
  const browser = await launchBrowser();
  return {
    runtime,
    boot,
    url: server.url,
    browser,
    dir,
    close: async () => {
      await browser.close();
      await server.close();
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
