import { runSandboxCommand, SANDBOX_HELP, SANDBOX_SUMMARY } from "../sandbox/cli-command";
import type { CliCommand } from "./command";

/** `pipewright sandbox`: the local CodePipeline endpoint, on its own. */
export const sandboxCommand: CliCommand = {
  name: "sandbox",
  summary: SANDBOX_SUMMARY,
  help: SANDBOX_HELP,
  run: (args, io) => runSandboxCommand(args, io),
};
