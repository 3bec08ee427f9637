/** Exit statuses of every mode (one-shot, batch, REPL). */
export const EXIT_OK = 0;
/** The server answered with a fault (kamcmd exits 0 here; `--kamcmd-compat` does too). */
export const EXIT_FAULT = 1;
/** Bad command line. */
export const EXIT_USAGE = 2;
/** Transport failure, timeout or an unreadable reply. */
export const EXIT_TRANSPORT = 3;

/** The worse of two statuses: transport beats usage beats fault beats success. */
export function worstStatus(a: number, b: number): number {
  return Math.max(a, b);
}
