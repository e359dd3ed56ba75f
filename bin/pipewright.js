#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles it on load, so there is no build step after `npm ci`.
import { register } from "tsx/esm/api";

register();
const { runCli } = await import("../main/cli.ts");
process.exitCode = await runCli(process.argv.slice(2));
