export {
  findKamcmdAlias,
  formatKamcmdHelp,
  formatKamcmdHelpIndex,
  KAMCMD_ALIASES,
  KAMCMD_BUILTINS,
  type KamcmdAlias,
} from './kamcmd-aliases.js';
export { formatKamcmdFault, formatKamcmdReply, KamcmdPrintError } from './kamcmd-printer.js';
export { formatJson, formatJsonError, type JsonPrintableError, type JsonPrintOptions } from './json-printer.js';
export { cFixed6 } from './c-printf.js';
