#!/usr/bin/env node
// Runs the TypeScript CLI directly: tsx compiles it on load, so there is no build step after `npm ci`.
import { register } from "tsx/esm/api";

// `pipewright export x.json | head` closes the pipe early; that is the reader's choice, not a crash.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

// The AWS SDK warns on every run under Node 20 that *future* SDK releases will need Node 22. The
// SDK version here is locked by package-lock.json and supports Node 20, so the warning only buries
// the CLI's own output; set the variable to "false" to see it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

register();
const { runCli } = await import("../main/cli.ts");
process.exitCode = await runCli(process.argv.slice(2));
