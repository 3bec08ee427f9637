export { loadKamctlrc, describeSource, KamctlrcError, type Kamctlrc, type KamctlrcOptions, type EffectiveVariable, type ValueSource } from './load/load-kamctlrc.js';
export { kamctlrcSearchPath, SYSTEM_KAMCTLRC_FILES, type SearchPathOptions } from './search/rc-search-path.js';
export { parseKamctlrc } from './parse/parse-rc-file.js';
export type { ParsedRcFile, RcAssignment, RcStatement, RcWarning, Word, WordPart, ParameterOperator } from './parse/shell-word.js';
export { expandWord, type Expansion, type Lookup } from './expand/expand-word.js';
export { KNOWN_VARIABLES, knownVariableNames, isSecretVariable, maskSecret, type KnownVariable, type KamctlrcTool } from './variables/known-variables.js';
