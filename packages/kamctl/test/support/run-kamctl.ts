import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** packages/kamctl/bin/kamctl.cjs, seen from dist/test/support. */
export const KAMCTL_BIN = fileURLToPath(new URL('../../../bin/kamctl.cjs', import.meta.url));

export interface KamctlRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** kamctl through oclif only, never the start-up path of bin/kamctl.cjs (to compare the two). */
const OCLIF_ONLY = [
  '--input-type=module',
  '-e',
  `const { runKamctl } = await import(${JSON.stringify(new URL('../../src/cli/run.js', import.meta.url).href)});
await runKamctl(process.argv.slice(1), ${JSON.stringify(new URL('../../../bin/kamctl.cjs', import.meta.url).href)});`,
];

/** Runs the kamctl CLI with exactly `env` (plus PATH/HOME) and optional stdin. */
export function runKamctl(args: readonly string[], env: Record<string, string>, input?: string, via: 'bin' | 'oclif' = 'bin'): Promise<KamctlRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(via === 'bin' ? [KAMCTL_BIN] : OCLIF_ONLY), ...args], {
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/tmp', ...env },
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    if (input !== undefined) child.stdin?.end(input);
  });
}
