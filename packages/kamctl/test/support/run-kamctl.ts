import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** packages/kamctl/bin/kamctl.js, seen from dist/test/support. */
export const KAMCTL_BIN = fileURLToPath(new URL('../../../bin/kamctl.js', import.meta.url));

export interface KamctlRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the kamctl CLI with exactly `env` (plus PATH/HOME) and optional stdin. */
export function runKamctl(args: readonly string[], env: Record<string, string>, input?: string): Promise<KamctlRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KAMCTL_BIN, ...args], {
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
