export { systemCommands } from './system-commands.js';
export { coreCommands, type CoreFacts, type SocketInfo } from './core-commands.js';
export { statsCommands } from './stats-commands.js';
export { counterCommands } from './counter-commands.js';
export { ctlCommands, type CtlFacts } from './ctl-commands.js';
