// `gongkai fee --pieces N | --pages N [--already-charged N]`: the 信息处理费 of an application
// (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号); the breakdown first, the amount in yuan alone on the last line.
import { AppError } from '../../app/errors.js';
import { pageBreakdown, pieceBreakdown, type FeeBreakdown } from '../../domain/applications/fees.js';
import type { CliDeps } from '../deps.js';

export type FeeOptions = { pieces?: string; pages?: string; alreadyCharged?: string };

/** `fee`: prints the breakdown, then the amount alone on the last line. */
export function fee(deps: Pick<CliDeps, 'out'>, opts: FeeOptions): void {
  for (const line of feeLines(computeFee(opts))) {
    deps.out(line);
  }
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
