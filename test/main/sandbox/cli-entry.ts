// Runs `pipewright sandbox` as its own process for cli-command.test.ts, as bin/pipewright.js would.
import { runSandboxCommand } from "../../../main/sandbox/cli-command";

process.exitCode = await runSandboxCommand(process.argv.slice(2));
