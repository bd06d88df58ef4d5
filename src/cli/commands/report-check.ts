// PLACEHOLDER (foundation): the report-check helper replaces this file with the real command.
import type { Command } from 'commander';

/** Registers `report check` (placeholder). */
export function registerReportCheck(program: Command): void {
  void program;
}
