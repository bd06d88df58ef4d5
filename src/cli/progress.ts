// Progress bars on standard error for long CLI jobs (periodic lines when it is not a terminal).
import cliProgress from 'cli-progress';

/** Where a bar is drawn: the run's standard error, and whether (and how wide) it is a terminal (deps.ts CliIo). */
export type ProgressIo = { stderr: (text: string) => void; stderrTerminal?: { columns: number } };

/** A running progress bar. */
export type Progress = { update: (n: number) => void; stop: () => void };

/** Starts a progress bar on the run's standard error; call update(done) and stop(). */
export function progressBar(io: ProgressIo, label: string, total: number): Progress {
  // cli-progress only writes to its stream (the cursor moves are escape sequences), so the run's
  // standard error stands in for a stream.
  const stream = {
    isTTY: io.stderrTerminal !== undefined,
    columns: io.stderrTerminal?.columns,
    write: (text: string) => {
      io.stderr(text);
      return true;
    },
  } as unknown as NodeJS.WritableStream;
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total}`,
      stream,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(total, 1), 0);
  return {
    update: (n) => bar.update(n),
    stop: () => bar.stop(),
  };
}

/**
 * A progress callback that starts its bar on the first report (when the total is known).
 * @returns the callback, and `stop` for the bar if it was started
 */
export function lazyProgress(
  io: ProgressIo,
  label: string,
): { onProgress: (done: number, total: number) => void; stop: () => void } {
  let bar: Progress | undefined;
  return {
    onProgress: (done, total) => {
      bar ??= progressBar(io, label, total);
      bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}
