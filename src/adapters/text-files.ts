// Small text files in a folder outside the database (the audit chain's anchors), written whole: to a temporary
// name first, then renamed over the old file, so a reader never sees half a file.
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TextFileWriter } from '../app/audit/ports.js';

/** The file system behind the TextFileWriter port. */
export const textFileWriter: TextFileWriter = {
  async write(dir, name, text) {
    await mkdir(dir, { recursive: true });
    const file = join(dir, name);
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, text, 'utf8');
    await rename(partial, file);
    return file;
  },
};
