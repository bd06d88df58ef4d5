// Reading the file a command imports, and refusing a file with errors, in the same words everywhere.
import { readFile } from 'node:fs/promises';
import { AppError } from '../app/errors.js';

/** The file's bytes; a file that cannot be read is `not_found` with a bilingual message. */
export function readInputFile(file: string): Promise<Buffer> {
  return readFile(file).catch(() => {
    throw new AppError('not_found', `无法读取文件 / cannot read file: ${file}`);
  });
}

/** The file as UTF-8 text (see {@link readInputFile}). */
export async function readInputText(file: string): Promise<string> {
  return (await readInputFile(file)).toString('utf8');
}

/** The error ending an all-or-nothing import whose file had `count` errors (listed before it). */
export function nothingImported(count: number): AppError {
  return new AppError('invalid', `文件有 ${count} 处错误，未导入任何内容 / ${count} error(s), nothing imported`);
}
