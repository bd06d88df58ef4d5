// Entry point of the `gongkai` command (bin/gongkai.js): wires the composition root into the CLI.
import { loadConfig } from './config/config.js';
import { startRuntime, serveHttp, startBackgroundJobs, reportDocumentRenderers } from './main.js';
import { seedDemoDistrict } from './app/bootstrap.js';
import { runCli } from './cli/program.js';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    return '';
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
}

const code = await runCli(process.argv.slice(2), {
  start: () => startRuntime(config),
  serve: async (rt) => {
    const server = await serveHttp(rt as Parameters<typeof serveHttp>[0], config);
    startBackgroundJobs(rt as Parameters<typeof serveHttp>[0], config);
    return server;
  },
  seedDemo: (rt) => seedDemoDistrict(rt.ctx),
  stdin: readStdin,
  reportDocuments: reportDocumentRenderers,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
// `serve` keeps running: only exit for the other commands.
if (process.argv[2] !== 'serve' || code !== 0) {
  process.exitCode = code;
}
