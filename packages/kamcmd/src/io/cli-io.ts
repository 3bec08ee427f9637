/** The streams a run uses, injectable so tests can drive every mode in-process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: NodeJS.ProcessEnv;
  /** Program name for messages (`kamcmd` or `sercmd`). */
  program: string;
}
