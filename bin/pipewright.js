#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles it on load, so there is no build step after `npm ci`.
import { register } from "tsx/esm/api";

// `pipewright export x.json | head` closes the pipe early; that is the reader's choice, not a crash.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

register();
const { runCli } = await import("../main/cli.ts");
process.exitCode = await runCli(process.argv.slice(2));
