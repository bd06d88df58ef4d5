// Tiny runner for the CLI tests: a commander program with only `report check`.
import { Command } from 'commander';
import { registerReportCheck } from '../../src/cli/commands/report-check.js';

const program = new Command('gongkai');
registerReportCheck(program);
await program.parseAsync(process.argv);
