import { ConfigError } from '../config/errors/config-error.js';
import type { LoadedConfig, LoadedModule, ModuleParam } from '../config/load/loaded-config.js';
import { compilePosixRegex } from '../config/regex/posix-regex.js';
import { readFileSync } from 'node:fs';


/** The value types modparam() accepts for a parameter. */
export type ModparamType = 'int' | 'str' | 'any';

type ModuleParams = Readonly<Record<string, Readonly<Record<string, ModparamType>>>>;

let catalogue: ModuleParams | undefined;

/**
 * Every module of Kamailio 5.6.3 and its parameters: data/kamailio-modparams.json, generated from
 * the installed modules by scripts/probe-modparams.mjs; read on first use.
 */
function kamailioModparams(): ModuleParams {
  catalogue ??= (JSON.parse(readFileSync(new URL('../../../data/kamailio-modparams.json', import.meta.url), 'utf8')) as { modules: ModuleParams }).modules;
  return catalogue;
}

/** Whether `name` is a module of Kamailio 5.6.3 (the server accepts all of them, even before it implements them). */
export function isKnownModule(name: string): boolean {
  return Object.hasOwn(kamailioModparams(), name);
}

/** The type modparam() accepts for a parameter, or undefined when the module has no such parameter. */
export function modparamType(module: string, param: string): ModparamType | undefined {
  const params = kamailioModparams()[module];
  return params && Object.hasOwn(params, param) ? params[param] : undefined;
}

/** Kamailio's type codes in its "not found" message. */
function typeLabel(value: number | string): string {
  return typeof value === 'number' ? '2:int' : '1:string';
}

function accepts(type: ModparamType, value: number | string): boolean {
  return type === 'any' || (type === 'int') === (typeof value === 'number');
}

/** The loaded modules a modparam's module expression names (a POSIX ERE matched whole, ignoring case). */
function matchingModules(param: ModuleParam, modules: readonly LoadedModule[]): LoadedModule[] {
  const regex = compilePosixRegex(`^(${param.module})$`, 'i');
  // loadConfig has already refused expressions that do not compile.
  return regex instanceof Error ? [] : modules.filter((m) => regex.test(m.name));
}

/**
 * Checks the modules and module parameters of a loaded config against the 5.6.3 catalogue: an unknown
 * module, or a parameter a module does not have (with that value type), is a start-up error at its
 * line, with Kamailio's wording.
 */
export function validateModules(config: Pick<LoadedConfig, 'modules' | 'modparams'>): ConfigError | undefined {
  for (const module of config.modules) {
    if (!isKnownModule(module.name)) {
      return new ConfigError(module.loc, `failed to load module: could not find module <${module.name}>`, 'a Kamailio 5.6.3 module');
    }
  }
  for (const param of config.modparams) {
    for (const module of matchingModules(param, config.modules)) {
      const type = modparamType(module.name, param.param);
      if (type === undefined || !accepts(type, param.value)) {
        return new ConfigError(
          param.loc,
          `Can't set module parameter: parameter <${param.param}> of type <${typeLabel(param.value)}> not found in module <${module.name}>`,
          type === undefined ? undefined : `a value of type ${type}`,
        );
      }
    }
  }
  return undefined;
}

/** Every modparam that applies to one module, in file order (some modules read them in that order). */
export function moduleParams(config: Pick<LoadedConfig, 'modules' | 'modparams'>, module: string): ModuleParam[] {
  return config.modparams.filter((p) => matchingModules(p, config.modules).some((m) => m.name === module));
}

/** The values of one module parameter in file order (modparams may repeat: ctl binrpc, htable...). */
export function modparamValues(config: Pick<LoadedConfig, 'modules' | 'modparams'>, module: string, param: string): (number | string)[] {
  return moduleParams(config, module)
    .filter((p) => p.param === param)
    .map((p) => p.value);
}

/** The last value of a module parameter, or the default. */
export function modparamValue<T extends number | string>(
  config: Pick<LoadedConfig, 'modules' | 'modparams'>,
  module: string,
  param: string,
  fallback: T,
): number | string | T {
  const values = modparamValues(config, module, param);
  return values.length ? values[values.length - 1]! : fallback;
}
