import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export interface MainResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs kamcmd's main in-process with `input` as a non-terminal stdin. */
export async function runMain(argv: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<MainResult> {
  let stdout = '';
  let stderr = '';
  const stdin = Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]) as Readable & { isTTY?: boolean };
  stdin.isTTY = false;
  const status = await main(argv, {
    stdin,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: options.env ?? {},
    program: 'kamcmd',
  });
  return { status, stdout, stderr };
}
