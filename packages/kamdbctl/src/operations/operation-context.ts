import type { Progress } from '../cli/progress.js';
import type { Engine } from '../engine/engine.js';
import type { KamdbctlSettings } from '../settings/kamdbctl-settings.js';

/** What an operation works with; commands build it. */
export interface OperationContext {
  readonly engine: Engine;
  readonly settings: KamdbctlSettings;
  readonly progress: Progress;
  /** Aborted on Ctrl-C / SIGTERM: the operation stops between steps and cleans up. */
  readonly signal: AbortSignal;
  /** A line for humans (stderr); silent with --json. */
  readonly notice: (message: string) => void;
}
