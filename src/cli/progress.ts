// Progress bars on standard error for long CLI jobs (periodic lines when not a TTY).
import cliProgress from 'cli-progress';

/** Starts a progress bar; call update(done) and stop(). */
export function progressBar(label: string, total: number): { update: (n: number) => void; stop: () => void } {
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total}`,
      stream: process.stderr,
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
