import type { CliCommand } from "./command";

/** A command by name, its module loaded only when it is run or its help is shown. */
export interface CommandEntry {
  name: string;
  load(): Promise<CliCommand>;
}

/**
 * Every `pipewright` command, in the order `--help` lists them. Each module is imported on demand,
 * so a command starts without loading the others (validate never loads the sandbox or the AWS SDK).
 * A new command is a `CliCommand` in its own file under main/cli/, registered by adding it here.
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: "validate", load: async () => (await import("./validate-command")).validateCommand },
  { name: "export", load: async () => (await import("./export-command")).exportCommand },
  { name: "import", load: async () => (await import("./import-command")).importCommand },
  { name: "sandbox", load: async () => (await import("./sandbox-command")).sandboxCommand },
  { name: "deploy", load: async () => (await import("./deploy")).deployCommand },
  { name: "pull", load: async () => (await import("./pull")).pullCommand },
  { name: "runs", load: async () => (await import("./runs")).runsCommand },
  { name: "rehearse", load: async () => (await import("./rehearse-command")).rehearseCommand },
  { name: "trigger-test", load: async () => (await import("./trigger-test-command")).triggerTestCommand },
];
