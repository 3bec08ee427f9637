/** A progress bar on stderr when it is a terminal; otherwise nothing (scripts, pipes, --json). */
export async function openProgress(total: number, enabled: boolean): Promise<{ update(done: number): void; stop(): void }> {
  if (!enabled || !process.stderr.isTTY || total === 0) return { update() {}, stop() {} };
  const { default: progress } = await import('cli-progress');
  const bar = new progress.SingleBar({ stream: process.stderr, format: 'import [{bar}] {value}/{total} rows' }, progress.Presets.shades_classic);
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
