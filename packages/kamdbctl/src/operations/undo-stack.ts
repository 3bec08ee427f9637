/**
 * What a run has made, in order, with how to remove it. On failure everything is undone in
 * reverse; an undo that fails is reported with the original error, never hidden.
 */
import { KamdbctlError } from '../cli/exit-codes.js';
import { driverMessage } from '../engine/database-error.js';

export class UndoStack {
  private readonly steps: { what: string; undo: () => Promise<unknown> }[] = [];

  push(what: string, undo: () => Promise<unknown>): void {
    this.steps.push({ what, undo });
  }

  /** Undoes everything, then rethrows `error` (with the undo failures added to its message). */
  async unwindAndThrow(error: unknown): Promise<never> {
    const failures: string[] = [];
    for (const step of this.steps.reverse()) {
      try {
        await step.undo();
      } catch (e) {
        failures.push(`${step.what}: ${driverMessage(e)}`);
      }
    }
    this.steps.length = 0;
    if (failures.length === 0) throw error;
    const base = error instanceof KamdbctlError ? error : new KamdbctlError('failed', driverMessage(error), { cause: error });
    throw new KamdbctlError(base.kind, `${base.message}; cleaning up FAILED, remove by hand: ${failures.join('; ')}`, { cause: error });
  }
}
