import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../errors/config-error.js';
import { Lexer, type FileReader } from '../lexer/lexer.js';
import { ScriptParser } from '../parser/script-parser.js';
import { TokenStream } from '../parser/token-stream.js';
import { DefineTable } from '../preprocessor/define-table.js';
import { Preprocessor } from '../preprocessor/preprocessor.js';
import { compilePosixRegex } from '../regex/posix-regex.js';
import { formatLocation } from '../source/source-location.js';
import type { CfgVarDeclaration, LoadedConfig, LoadedModule } from './loaded-config.js';

export interface LoadConfigOptions {
  /** `-A NAME[=VALUE]` defines: `true` for a define without a value. */
  defines?: Record<string, string | true>;
  /** For `#!defenv*`; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/** Reads, preprocesses and parses a config file; throws ConfigError at the first problem. */
export async function loadConfig(path: string, options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  return loadConfigWith(path, options, readTextFile);
}

/** loadConfig with another way to read files (the lexer pulls included files as it meets them). */
export function loadConfigWith(path: string, options: LoadConfigOptions, readFile: FileReader): LoadedConfig {
  const defines = new DefineTable(options.defines);
  const preprocessor = new Preprocessor(defines, options.env ?? process.env);
  const lexer = new Lexer(resolve(path), preprocessor, readFile);
  const modules: LoadedModule[] = [];
  const parser = new ScriptParser(new TokenStream(lexer), {
    onLoadModule(module) {
      modules.push(module);
      defines.redefine(`MOD_${module.name}`, '', module.loc);
    },
    onModuleParam(param) {
      const regex = compilePosixRegex(`^(${param.module})$`, 'i');
      if (regex instanceof Error) throw new ConfigError(param.loc, `bad module regular expression ${JSON.stringify(param.module)}: ${regex.message}`, 'a POSIX extended regular expression');
      if (!modules.some((m) => regex.test(m.name))) {
        throw new ConfigError(param.loc, `No module matching <${param.module}> found`, 'a loadmodule line for it before this modparam');
      }
    },
  });
  const script = parser.parse();
  checkCfgVarDeclarations(script.cfgVars);
  return { files: lexer.files, defines: defines.snapshot(), ...script };
}

function readTextFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** A variable is declared once; instance values are checked against the groups by the cfg framework. */
function checkCfgVarDeclarations(declarations: readonly CfgVarDeclaration[]): void {
  const seen = new Map<string, CfgVarDeclaration>();
  for (const declaration of declarations) {
    if (declaration.instance !== undefined) continue;
    const key = `${declaration.group}.${declaration.name}`;
    const first = seen.get(key);
    if (first) throw new ConfigError(declaration.loc, `variable already exists: ${key}`, `one declaration per variable (the first is at ${formatLocation(first.loc)})`);
    seen.set(key, declaration);
  }
}
