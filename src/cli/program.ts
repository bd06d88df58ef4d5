// The `gongkai` command line: builds the commander program and maps errors to bilingual messages.
// It never exits the process nor touches its streams: a run writes through its CliDeps and returns its status,
// so that tests can run the real program in-process.
import { Command, CommanderError } from 'commander';
import { AppError } from '../app/errors.js';
import { CliFailure, type CliDeps } from './deps.js';
import { addCommands } from './command-tree.js';

/**
 * Builds the program with every command.
 * @param status receives the exit status an action returns (`report check --strict`, `audit verify`, …)
 */
export function buildProgram(deps: CliDeps, status: { code: number } = { code: 0 }): Command {
  const program = new Command('gongkai')
    .description('gongkai 政府信息公开平台 / government information disclosure platform')
    .helpOption('-h, --help', '显示帮助 / show help')
    .helpCommand('help [command]', '显示命令帮助 / show help for a command')
    .showHelpAfterError('（使用 --help 查看用法 / use --help for usage）')
    .exitOverride()
    .configureOutput({ writeOut: (s) => deps.stdout(s), writeErr: (s) => deps.stderr(translate(s)) });
  addCommands(program, deps, (fn) => async (...args) => {
    const code = await fn(...args);
    if (typeof code === 'number') status.code = code;
  });
  return program;
}

const TRANSLATIONS: [RegExp, string][] = [
  [/^error: unknown option '(.*)'/m, "错误：未知选项 '$1' / error: unknown option '$1'"],
  [/^error: unknown command '(.*)'/m, "错误：未知命令 '$1' / error: unknown command '$1'"],
  [/^error: missing required argument '(.*)'/m, "错误：缺少参数 '$1' / error: missing required argument '$1'"],
  [
    /^error: required option '(.*)' not specified/m,
    "错误：缺少必需选项 '$1' / error: required option '$1' not specified",
  ],
  [/^error: too many arguments/m, '错误：参数过多 / error: too many arguments'],
  [/^error: option '(.*)' argument missing/m, "错误：选项 '$1' 缺少值 / error: option '$1' argument missing"],
];

function translate(s: string): string {
  for (const [re, zh] of TRANSLATIONS) {
    if (re.test(s)) {
      return s.replace(re, zh);
    }
  }
  return s;
}

/**
 * Runs the CLI. Resolves with the exit code (0 success, 1 failure, 2 usage error).
 */
export async function runCli(argv: string[], deps: CliDeps): Promise<number> {
  const status = { code: 0 };
  const program = buildProgram(deps, status);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return status.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // `report check` promises exit 0 or 1 whatever it is given (docs/report-check.md); elsewhere usage
      // errors exit 2.
      return e.exitCode === 0 ? 0 : argv[0] === 'report' ? 1 : 2;
    }
    if (e instanceof CliFailure) {
      deps.err(e.message);
      return e.exitCode;
    }
    if (e instanceof AppError) {
      deps.err(`错误 / error: ${e.message}`);
      for (const [field, msg] of Object.entries(e.fieldErrors)) {
        deps.err(`  ${field}: ${msg}`);
      }
      return 1;
    }
    deps.err(`错误 / error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}
