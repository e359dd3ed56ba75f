#!/usr/bin/env node
// Runs the CLI from the prebuilt bundle (see node-bundle.mjs): no TypeScript is compiled at start,
// and each command loads only what it needs, so `pipewright validate` never loads the AWS SDK.
import { importEntry } from "./node-bundle.mjs";

// `pipewright export x.json | head` closes the pipe early; that is the reader's choice, not a crash.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

const { runCli } = await importEntry("cli");
process.exitCode = await runCli(process.argv.slice(2));
