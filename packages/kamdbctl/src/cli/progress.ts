/**
 * Feedback while tables are made: a progress bar on a terminal (stderr), nothing per table
 * otherwise (logs stay short; the command prints a summary), nothing at all with --json.
 */
export interface Progress {
  start(total: number, what: string): void;
  tick(item: string): void;
  stop(): void;
}

export const silentProgress: Progress = { start() {}, tick() {}, stop() {} };

export async function terminalProgress(): Promise<Progress> {
  const { default: cliProgress } = await import('cli-progress');
  let bar: InstanceType<typeof cliProgress.SingleBar> | undefined;
  return {
    start(total, what) {
      bar = new cliProgress.SingleBar(
        { format: `${what} [{bar}] {value}/{total} {item}`, stream: process.stderr, hideCursor: true, clearOnComplete: true, barsize: 30 },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { item: '' });
    },
    tick(item) {
      bar?.increment(1, { item });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
