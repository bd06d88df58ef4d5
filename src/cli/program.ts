// The `gongkai` command line: builds the commander program and maps errors to bilingual messages.
import { Command, CommanderError } from 'commander';
import { AppError } from '../app/errors.js';
import type { CliDeps } from './deps.js';
import { registerOrg } from './commands/org.js';
import { registerUser } from './commands/user.js';
import { registerSystem } from './commands/system.js';
import { registerCalendar } from './commands/calendar.js';
import { registerReportCheck } from './commands/report-check.js';
import { registerFee } from './commands/fee.js';
import { registerApplications } from './commands/applications.js';
import { registerCatalogue } from './commands/catalogue.js';
import { registerReportRender } from './commands/report-render.js';
import { registerReportBuild } from './commands/report-build.js';
import { registerReportValidate } from './commands/report-validate.js';
import { registerPublications } from './commands/publications.js';
import { registerPublicationsExport } from './commands/publications-export.js';

/** Builds the program with every command. */
export function buildProgram(deps: CliDeps): Command {
  const program = new Command('gongkai')
    .description('gongkai 政府信息公开平台 / government information disclosure platform')
    .helpOption('-h, --help', '显示帮助 / show help')
    .helpCommand('help [command]', '显示命令帮助 / show help for a command')
    .showHelpAfterError('（使用 --help 查看用法 / use --help for usage）')
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(translate(s)) });
  registerSystem(program, deps);
  registerOrg(program, deps);
  registerUser(program, deps);
  registerCalendar(program, deps);
  registerReportCheck(program);
  registerFee(program);
  registerApplications(program, deps);
  registerCatalogue(program, deps);
  registerReportRender(program, deps);
  registerReportBuild(program, deps);
  registerReportValidate(program, deps);
  registerPublications(program, deps);
  registerPublicationsExport(program, deps);
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
  const program = buildProgram(deps);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // `report check` promises exit 0 or 1 whatever it is given (issue 6); elsewhere usage errors exit 2.
      return e.exitCode === 0 ? 0 : argv[0] === 'report' ? 1 : 2;
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
