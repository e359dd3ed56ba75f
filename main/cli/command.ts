import type { CliIo } from "./cli-io";

/** One `pipewright <name>` command. */
export interface CliCommand {
  name: string;
  /** One line for the command list in `pipewright --help`. */
  summary: string;
  /** The full help of `pipewright <name> --help`, ending with a newline. */
  help: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** A command-line mistake: the message is shown with a pointer to the command's help, exit 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
