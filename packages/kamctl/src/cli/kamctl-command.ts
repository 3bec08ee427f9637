import type { Kamctlrc } from '@kamkit/kamctlrc';
import type { RpcClient, RpcParam } from '@kamkit/rpc';
import { Command, Flags, type Interfaces } from '@oclif/core';
import type { Knex } from 'knex';

import type { DbAccess } from '../db/open-database.js';
import { readKamctlrc, reportKamctlrcWarnings, requireDbSettings, settingsFromKamctlrc } from '../settings/load-settings.js';
import type { DbSettings, KamctlSettings } from '../settings/kamctl-settings.js';
import { ExitCode, KamctlError, UsageError, type ExitCodeValue } from './exit-codes.js';
import { printError } from './print-error.js';

export type KamctlFlags<T extends typeof Command> = Interfaces.InferredFlags<T['baseFlags'] & T['flags']>;
export type KamctlArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>;

/**
 * What every kamctl command shares: `--json`, settings, and connections opened only when a command
 * first needs them (a DB command never touches RPC and vice versa), closed when it ends; errors
 * mapped to the documented exit codes.
 */
export abstract class KamctlCommand extends Command {
  static override baseFlags = {
    json: Flags.boolean({ description: 'print the result (or the error) as one JSON document', default: false }),
    rpc: Flags.string({
      description: 'RPC target: fifo:PATH, unix:PATH, tcp:HOST:PORT, http://HOST:PORT/RPC... (default: KAMCTL_RPC, else fifo:$RPCFIFOPATH)',
      helpGroup: 'GLOBAL',
    }),
    config: Flags.string({ description: 'read only this kamctlrc file instead of the usual ones', helpGroup: 'GLOBAL' }),
  };

  private settingsValue?: KamctlSettings;
  private kamctlrcValue?: Kamctlrc;
  private databases = new Map<DbAccess, Promise<Knex>>();
  private rpcClientValue?: RpcClient;
  /** @kamkit/rpc, loaded when a command first talks RPC or prints JSON (a DB-only command never loads it). */
  private rpcModule?: typeof import('@kamkit/rpc');
  protected jsonOutput = false;
  protected rpcOverride: string | undefined;
  protected configFile: string | undefined;

  /** The effective kamctlrc variables, read once; what could not be evaluated is said on stderr. */
  protected get kamctlrc(): Kamctlrc {
    if (!this.kamctlrcValue) {
      this.kamctlrcValue = readKamctlrc(process.env, this.configFile);
      reportKamctlrcWarnings(this.kamctlrcValue);
    }
    return this.kamctlrcValue;
  }

  protected get settings(): KamctlSettings {
    this.settingsValue ??= settingsFromKamctlrc(this.kamctlrc, { rpcTarget: this.rpcOverride });
    return this.settingsValue;
  }

  /** Parses argv and records the global flags before the command body runs. */
  protected async parseCommand<T extends typeof KamctlCommand>(
    command: T,
  ): Promise<{ flags: KamctlFlags<T>; args: KamctlArgs<T>; argv: string[] }> {
    this.jsonOutput = this.argv.includes('--json');
    // oclif would fill a missing argument from piped stdin; stdin is ours (--password-stdin, import -).
    for (const arg of Object.values(command.args ?? {})) (arg as { ignoreStdin?: boolean }).ignoreStdin = true;
    // oclif spreads the class's own static properties only: name the inherited ones too.
    const parsed = await this.parse({ args: command.args, flags: command.flags, baseFlags: command.baseFlags, strict: command.strict } as unknown as typeof Command);
    const flags = parsed.flags as KamctlFlags<T>;
    this.jsonOutput = flags.json;
    if (this.jsonOutput) await this.loadRpcModule();
    this.rpcOverride = flags.rpc;
    this.configFile = flags.config;
    return { flags, args: parsed.args as KamctlArgs<T>, argv: parsed.argv as string[] };
  }

  protected dbSettings(): DbSettings {
    return requireDbSettings(this.settings);
  }

  /** The database connection, opened on first use; `ro` uses DBROUSER like kamctl's reads. */
  protected async database(access: DbAccess): Promise<Knex> {
    let db = this.databases.get(access);
    if (!db) {
      const settings = this.dbSettings();
      const { openDatabase } = await import('../db/open-database.js');
      db = openDatabase(settings, access);
      this.databases.set(access, db);
    }
    return db;
  }

  /** Runs `work` on the database and maps any driver error to DbError (exit 4). */
  protected async withDatabase<T>(access: DbAccess, work: (db: Knex) => Promise<T>): Promise<T> {
    const settings = this.dbSettings();
    try {
      return await work(await this.database(access));
    } catch (error) {
      if (error instanceof KamctlError) throw error;
      const { toDbError } = await import('../db/open-database.js');
      throw toDbError(error, settings);
    }
  }

  /** Runs `work` in one transaction: all of it is written, or nothing. */
  protected inTransaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.withDatabase('rw', (db) => db.transaction(work));
  }

  private async loadRpcModule(): Promise<typeof import('@kamkit/rpc')> {
    this.rpcModule ??= await import('@kamkit/rpc');
    return this.rpcModule;
  }

  /** The RPC client for the configured target; nothing is connected until the first call. */
  protected async rpcClient(): Promise<RpcClient> {
    if (!this.rpcClientValue) {
      await this.loadRpcModule();
      const { openRpcClient } = await import('../rpc/rpc-session.js');
      this.rpcClientValue = openRpcClient(this.settings.rpc);
    }
    return this.rpcClientValue;
  }

  /** One RPC call; unreachable server = exit 3, a fault = exit 1, both with a one-line message. */
  protected async rpc(method: string, ...params: RpcParam[]): Promise<unknown> {
    const client = await this.rpcClient();
    const { callRpc } = await import('../rpc/rpc-session.js');
    return callRpc(client, method, params);
  }

  /** Prints `json` as one document with --json, else the human text (if any). */
  protected output(json: unknown, human?: string): void {
    if (this.jsonOutput) {
      process.stdout.write(this.rpcModule!.formatJson(json));
    } else if (human !== undefined && human !== '') {
      process.stdout.write(human.endsWith('\n') ? human : `${human}\n`);
    }
  }

  /** An RPC result: kamcmd's layout for humans, the JSON-RPC shape with --json. */
  protected outputRpcResult(result: unknown): void {
    // Only called with a result of rpc(), so the printers are loaded.
    const { formatKamcmdReply, plainToRecords } = this.rpcModule!;
    this.output(result ?? null, result === undefined ? '' : formatKamcmdReply(plainToRecords(result)));
  }

  /** A notice for humans (stderr, so stdout stays parseable); silent with --json. */
  protected notice(text: string): void {
    if (!this.jsonOutput) process.stderr.write(`${text}\n`);
  }

  override async catch(error: Error & { oclif?: { exit?: number } }): Promise<void> {
    const code = exitCodeOf(error);
    await printError(error, this.jsonOutput);
    process.exitCode = code;
  }

  override async finally(error: Error | undefined): Promise<void> {
    const closing: Promise<unknown>[] = [];
    for (const db of this.databases.values()) closing.push(db.then((k) => k.destroy()).catch(() => undefined));
    if (this.rpcClientValue) closing.push(this.rpcClientValue.close().catch(() => undefined));
    await Promise.all(closing);
    await super.finally(error);
  }
}

/** The exit code an error stands for. */
export function exitCodeOf(error: unknown): ExitCodeValue {
  if (error instanceof KamctlError) return error.exitCode;
  const oclifExit = (error as { oclif?: { exit?: number } }).oclif?.exit;
  if (oclifExit === 0) return ExitCode.ok;
  // oclif's own parse errors (missing argument, unknown flag...) are usage errors.
  if (typeof oclifExit === 'number') return ExitCode.usage;
  return ExitCode.error;
}
