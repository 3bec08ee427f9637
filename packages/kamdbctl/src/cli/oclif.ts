/**
 * @oclif/core for kamdbctl's modules. Every kamdbctl module imports oclif from here, so all share
 * one instance: the installed modules, or the copy inside the start-up bundle (scripts/bundle.mjs).
 */
export { Args, Command, Config, Flags, flush, Plugin, run } from '@oclif/core';
