#!/usr/bin/env node
// kamkit-server entry point. npm links bins before anything is built, so the link must point at a
// file that exists in the repository; the compiled server runs on import.
await import('../dist/src/bin/kamkit-server.js');
