import type { Interfaces } from '@oclif/core';
import { Command, Flags } from './oclif.js';
import { KamctlrcError, loadKamctlrc, type Kamctlrc } from '@kamkit/kamctlrc';

import type { Engine } from '../engine/engine.js';
import { openEngine } from '../engine/open-engine.js';
import type { OperationContext } from '../operations/operation-context.js';
import { loadSchema, schemaDir } from '../schema/schema-source.js';
import { KAMDBCTL_DEFAULTS } from '../settings/kamdbctl-defaults.js';
import { settingsFromVariables, type InstallChoice, type KamdbctlSettings } from '../settings/kamdbctl-settings.js';
import { ExitCode, KamdbctlError, usageError, type ExitCodeValue } from './exit-codes.js';
import { silentProgress, terminalProgress, type Progress } from './progress.js';
import { askYesNo, isInteractive, promptSecret } from './terminal.js';

export type CommandFlags<T extends typeof Command> = Interfaces.InferredFlags<T['baseFlags'] & T['flags']>;
export type CommandArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>;

/**
 * What every kamdbctl command shares: --config/--json/--yes, the kamctlrc settings, the engine
 * (connected on first use, closed at the end), Ctrl-C turned into a clean abort, questions that
 * are never asked without a terminal, and errors mapped to the documented exit codes.
 */
export abstract class KamdbctlCommand extends Command {
  static override baseFlags = {
    config: Flags.string({ char: 'c', description: 'read only this kamctlrc file (default: kamdbctl\'s search order)', helpGroup: 'GLOBAL' }),
    json: Flags.boolean({ description: 'print the result (or the error) as one JSON document on stdout', default: false, helpGroup: 'GLOBAL' }),
    yes: Flags.boolean({ char: 'y', description: 'answer yes to every question; never prompt', default: false, helpGroup: 'GLOBAL' }),
    'schema-dir': Flags.string({ description: 'Kamailio XML table definitions (default: the schemas/ of this kamkit)', env: 'KAMDBCTL_SCHEMA_DIR', helpGroup: 'GLOBAL' }),
  };

  protected jsonOutput = false;
  protected assumeYes = false;
  private configFile: string | undefined;
  private schemaDirFlag: string | undefined;
  private rcValue?: Kamctlrc;
  private settingsValue?: KamdbctlSettings;
  private engineValue?: Engine;
  private readonly abort = new AbortController();
  private readonly onSignal = () => {
    if (!this.abort.signal.aborted) process.stderr.write('\nkamdbctl: interrupted, undoing what this run made...\n');
    this.abort.abort();
  };

  protected async parseCommand<T extends typeof KamdbctlCommand>(command: T): Promise<{ flags: CommandFlags<T>; args: CommandArgs<T> }> {
    this.jsonOutput = this.argv.includes('--json');
    const parsed = await this.parse(command as unknown as typeof Command);
    const flags = parsed.flags as CommandFlags<T>;
    this.jsonOutput = flags.json;
    this.assumeYes = flags.yes;
    this.configFile = flags.config;
    this.schemaDirFlag = flags['schema-dir'];
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
    return { flags, args: parsed.args as CommandArgs<T> };
  }

  protected get rc(): Kamctlrc {
    if (!this.rcValue) {
      try {
        this.rcValue = loadKamctlrc({ tool: 'kamdbctl', configFile: this.configFile, defaults: KAMDBCTL_DEFAULTS });
      } catch (error) {
        if (error instanceof KamctlrcError) throw usageError(error.message);
        throw error;
      }
      for (const w of this.rcValue.warnings) process.stderr.write(`kamdbctl: warning: ${w.file}:${w.line}: ${w.message}\n`);
    }
    return this.rcValue;
  }

  protected get settings(): KamdbctlSettings {
    this.settingsValue ??= settingsFromVariables((name) => this.rc.get(name));
    return this.settingsValue;
  }

  protected get engine(): Engine {
    // The administrator password is asked for only on a terminal, only without --yes, only when refused.
    this.engineValue ??= openEngine(this.settings, isInteractive() && !this.assumeYes ? promptSecret : undefined);
    return this.engineValue;
  }

  protected get schemaDirectory(): string {
    return schemaDir(this.schemaDirFlag);
  }

  protected schema(groups?: readonly string[]) {
    return loadSchema(this.schemaDirectory, groups);
  }

  protected async context(): Promise<OperationContext> {
    const progress: Progress = !this.jsonOutput && process.stderr.isTTY ? await terminalProgress() : silentProgress;
    return {
      engine: this.engine,
      settings: this.settings,
      progress,
      signal: this.abort.signal,
      notice: (message) => this.notice(message),
    };
  }

  /** The database a command works on: its argument, else DBNAME (SQLite: DB_PATH). */
  protected databaseName(argument: string | undefined): string {
    if (argument !== undefined && argument === '') throw usageError('empty database name');
    return argument ?? this.settings.database;
  }

  /** Destructive steps: --yes, or an exact y/yes on a terminal; never read from a pipe. */
  protected async confirm(question: string, what: string): Promise<void> {
    if (this.assumeYes) return;
    if (!isInteractive()) throw new KamdbctlError('notConfirmed', `${what}: not confirmed (no terminal to ask on): pass --yes`);
    if (!(await askYesNo(question))) throw new KamdbctlError('notConfirmed', `${what}: not confirmed, nothing changed`);
  }

  /**
   * An INSTALL_*_TABLES decision: the flag if given, else yes/no from the settings; `ask` asks on a
   * terminal, is yes with --yes, and no (with a notice) when there is no terminal.
   */
  protected async decide(flag: boolean | undefined, choice: InstallChoice, variable: string, question: string): Promise<boolean> {
    if (flag !== undefined) return flag;
    if (choice !== 'ask') return choice === 'yes';
    if (this.assumeYes) return true;
    if (isInteractive()) return askYesNo(question);
    this.notice(`${variable}=ask and no terminal: skipped (set ${variable}=yes or no, or pass the flag)`);
    return false;
  }

  /** Warns when users get kamdbctl's well-known default passwords. */
  protected warnDefaultPasswords(): void {
    for (const u of this.settings.users) {
      if (u.defaultPassword) this.notice(`warning: DB${u.access.toUpperCase()}PW is not set: user ${u.name} gets kamdbctl's default password`);
    }
  }

  /** Prints `json` with --json, else the human text. */
  protected output(json: unknown, human: string): void {
    if (this.jsonOutput) process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    else if (human !== '') process.stdout.write(human.endsWith('\n') ? human : `${human}\n`);
  }

  /** A line for humans on stderr (stdout stays parseable); silent with --json. */
  protected notice(text: string): void {
    if (!this.jsonOutput) process.stderr.write(`${text}\n`);
  }

  override async catch(error: Error & { oclif?: { exit?: number } }): Promise<void> {
    process.exitCode = exitCodeOf(error);
    printError(error, this.jsonOutput);
  }

  override async finally(error: Error | undefined): Promise<void> {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
    await this.engineValue?.close().catch(() => undefined);
    await super.finally(error);
  }
}

export function exitCodeOf(error: unknown): ExitCodeValue {
  if (error instanceof KamdbctlError) return error.exitCode;
  const oclifExit = (error as { oclif?: { exit?: number } }).oclif?.exit;
  if (oclifExit === 0) return ExitCode.ok;
  // oclif's own parse errors (missing argument, unknown flag) are usage errors.
  if (typeof oclifExit === 'number') return ExitCode.usage;
  return ExitCode.failed;
}

/** One line on stderr, or with --json one `{"error": ...}` document on stdout. */
export function printError(error: Error, json: boolean): void {
  const kind = error instanceof KamdbctlError ? error.kind : 'oclif' in error ? 'usage' : 'failed';
  if (json) {
    process.stdout.write(`${JSON.stringify({ error: { kind, exitCode: exitCodeOf(error), message: error.message } }, null, 2)}\n`);
  } else {
    process.stderr.write(`kamdbctl: ${error.message}\n`);
  }
}
