#!/usr/bin/env node
// Runs the TypeScript file named in argv[2] through tsx (used by `npm run bench`); the script sees
// its own arguments from argv[2] on, as if it had been started directly.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { register as registerCommonJs } from "tsx/cjs/api";
import { register } from "tsx/esm/api";

const [script] = process.argv.splice(2, 1);
if (script === undefined) {
  process.stderr.write("Usage: node bin/run-ts.js <file.ts> [args...]\n");
  process.exit(2);
}
// Both loaders: a .ts file outside a "type": "module" package is CommonJS to Node.
registerCommonJs();
register();
await import(pathToFileURL(resolve(script)).href);
