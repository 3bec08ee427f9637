import type { RouteBlock } from '../ast/route-block.js';
import type { SourceLocation } from '../source/source-location.js';

/** `name = value` at the top of the script (`listen`, `debug`, `children`, …), in file order. */
export interface GlobalParam {
  readonly name: string;
  /** A number or a string as written; a value of several words (`udp:1.2.3.4:5060 advertise …`) is its text. */
  readonly value: number | string;
  readonly loc: SourceLocation;
}

/** `loadmodule "path/name.so"`. */
export interface LoadedModule {
  /** The module's name: the path without directory and `.so`. */
  readonly name: string;
  /** The path as written. */
  readonly path: string;
  readonly loc: SourceLocation;
}

/** `modparam("module-regex", "param", value)`. */
export interface ModuleParam {
  /** The module regular expression as written. */
  readonly module: string;
  readonly param: string;
  readonly value: number | string;
  readonly loc: SourceLocation;
}

/** `group.var = value [desc "text"]` and `group[N].var = value`. */
export interface CfgVarDeclaration {
  readonly group: string;
  readonly instance?: number;
  readonly name: string;
  readonly value: number | string;
  readonly description?: string;
  readonly loc: SourceLocation;
}

/** Everything a config file declares, after the preprocessor. */
export interface LoadedConfig {
  /** Every file read: the main file first, then included files in the order met. */
  readonly files: string[];
  /** The defines in force at the end of the file (predefined, -A, #!define, MOD_<name>, …). */
  readonly defines: Map<string, string>;
  readonly globals: GlobalParam[];
  readonly modules: LoadedModule[];
  readonly modparams: ModuleParam[];
  readonly cfgVars: CfgVarDeclaration[];
  readonly routes: RouteBlock[];
}
