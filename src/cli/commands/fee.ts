// `gongkai fee --pieces N | --pages N [--already-charged N]`: the 信息处理费 of an application
// (国办函〔2020〕109号, SPEC §3.9); the breakdown first, the amount in yuan alone on the last line.
import type { Command } from 'commander';
import { AppError } from '../../app/errors.js';
import { pageBreakdown, pieceBreakdown, type FeeBreakdown } from '../../domain/applications/fees.js';

type FeeOptions = { pieces?: string; pages?: string; alreadyCharged?: string };

const stdoutLine = (line: string): void => void process.stdout.write(`${line}\n`);

/**
 * Registers `fee`.
 * @param program the root command
 * @param out where lines go (default standard output; tests pass a collector)
 */
export function registerFee(program: Command, out: (line: string) => void = stdoutLine): void {
  program
    .command('fee')
    .description(
      '计算信息处理费（按件或按量，二者选一） / Compute the information processing fee (per piece or per page, not both)',
    )
    .option(
      '--pieces <n>',
      "按件计收：申请人本月累计件数（含本申请） / per piece: the applicant's pieces this month, this application included",
    )
    .option('--pages <n>', '按量计收：页数 / per page: number of pages')
    .option(
      '--already-charged <n>',
      '按件计收：本月此前已计件数 / per piece: pieces already counted earlier this month',
    )
    .action((opts: FeeOptions) => {
      for (const line of feeLines(computeFee(opts))) {
        out(line);
      }
    });
}

/**
 * Validates the options and computes the fee.
 * @throws AppError `invalid` (bilingual) when both or neither basis is given, or a count is not a whole number
 */
function computeFee(opts: FeeOptions): FeeBreakdown {
  if ((opts.pieces === undefined) === (opts.pages === undefined)) {
    throw new AppError(
      'invalid',
      '请指定 --pieces 或 --pages 其中之一（按件和按量不能同时计收） / give exactly one of --pieces or --pages',
    );
  }
  if (opts.pages !== undefined) {
    if (opts.alreadyCharged !== undefined) {
      throw new AppError('invalid', '--already-charged 只用于按件计收 / --already-charged applies to --pieces only');
    }
    return pageBreakdown(count(opts.pages, '--pages'));
  }
  const already = opts.alreadyCharged === undefined ? 0 : count(opts.alreadyCharged, '--already-charged');
  const total = count(opts.pieces ?? '', '--pieces');
  if (already > total) {
    throw new AppError(
      'invalid',
      `本月此前已计件数不能大于累计件数 / --already-charged (${already}) exceeds --pieces (${total})`,
    );
  }
  return pieceBreakdown(total, already);
}

function count(value: string, option: string): number {
  if (!/^\d{1,6}$/.test(value)) {
    throw new AppError('invalid', `${option} 应为非负整数 / ${option} must be a whole number: ${value}`);
  }
  return Number(value);
}

function feeLines(fee: FeeBreakdown): string[] {
  const unit = fee.basis === 'pieces' ? '件' : '页';
  const head = fee.basis === 'pieces' ? '按件计收 / per piece' : '按量计收 / per page';
  const lines = fee.lines.map((l) => `  第${l.from}–${l.to}${unit}：${l.count} × ${l.rate} = ${l.amount}`);
  return [`${head}：${fee.quantity}${unit}`, ...lines, `合计（元） / total (yuan):`, String(fee.amount)];
}
