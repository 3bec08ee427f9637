import { register } from 'node:module';

// `node --import <this file>`: record every module the run resolves (see import-recorder-hooks).
if (process.env['KAMCMD_IMPORT_LOG']) register('./import-recorder-hooks.js', import.meta.url);
