import type { CliCommand } from "./command";
import { deployCommand } from "./deploy";
import { exportCommand } from "./export-command";
import { fleetCommand } from "./fleet";
import { pullCommand } from "./pull";
import { runsCommand } from "./runs";
import { sandboxCommand } from "./sandbox-command";
import { statsCommand } from "./stats";
import { validateCommand } from "./validate-command";

/**
 * Every `pipewright` command, in the order `--help` lists them. A new command (sandbox, deploy,
 * pull, runs) is a `CliCommand` in its own file under main/cli/, registered by adding it here.
 */
export const COMMANDS: readonly CliCommand[] = [
  validateCommand,
  exportCommand,
  sandboxCommand,
  deployCommand,
  pullCommand,
  runsCommand,
  fleetCommand,
  statsCommand,
];
