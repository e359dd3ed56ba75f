/**
 * `pipewright sandbox`: runs the local CodePipeline endpoint in the foreground until SIGINT or
 * SIGTERM, then saves its state and exits 0. Exit 2 for a wrong command line, 1 when the
 * sandbox cannot start (port taken, unreadable scenario).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { processIo, type CliIo } from "../cli/cli-io";
import { startSandbox, type SandboxOptions } from "./index";
import { DEFAULT_MAX_HISTORY } from "./history-bounds";
import { isRegionName } from "./request-identity";
import { pruneToShape, validateAgainstShape } from "./request-validation";

export const SANDBOX_SUMMARY = "run the local CodePipeline sandbox endpoint";

export const SANDBOX_HELP = `Usage: pipewright sandbox [--port N] [--data DIR] [--scenario FILE] [--speed N]
                         [--region R] [--max-history N] [--action-types FILE]

Runs a local AWS CodePipeline endpoint (AWS JSON 1.1) with a simulated execution engine, until
interrupted (Ctrl+C). It listens on loopback only and accepts any SigV4 signature: it is a
local test endpoint, so use dummy credentials, e.g.
  AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=y aws codepipeline list-pipelines \\
    --endpoint-url http://127.0.0.1:PORT --region eu-west-1
Every region is served at the one endpoint (the region a request is signed for); an access key
id of exactly 12 digits is used as the account id, any other key is account 123456789012.

Options:
  --port N              port to listen on (default 0: any free port)
  --data DIR            keep pipelines and run history in DIR (default: memory only); every
                        change is on disk before it is answered
  --scenario FILE       JSON file with action durations and outcomes
  --speed N             simulated seconds per real second (default 1; 100 = 100x faster)
  --region R            region of unsigned requests (default us-east-1)
  --max-history N       runs kept per pipeline (default ${DEFAULT_MAX_HISTORY}); runs older than 12 months
                        are dropped as AWS drops them
  --action-types FILE   JSON array of action type declarations (get-action-type output) that
                        every account and region offers, for GetActionType and UpdateActionType
  -h, --help            show this help
`;

function usage(io: CliIo, message: string): number {
  io.err(`pipewright sandbox: ${message}\n\n${SANDBOX_HELP}`);
  return 2;
}

/** Resolves when the process is asked to stop. */
function terminationSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/**
 * Runs the sandbox command. `until` replaces the signal wait for in-process callers (tests);
 * the returned exit code comes once the sandbox has shut down and saved.
 */
export async function runSandboxCommand(
  argv: string[],
  io: CliIo = processIo,
  until?: Promise<void>,
): Promise<number> {
  let values: {
    port?: string;
    data?: string;
    scenario?: string;
    speed?: string;
    region?: string;
    "max-history"?: string;
    "action-types"?: string;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: "string" },
        data: { type: "string" },
        scenario: { type: "string" },
        speed: { type: "string" },
        region: { type: "string" },
        "max-history": { type: "string" },
        "action-types": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  if (values.help) {
    io.out(SANDBOX_HELP);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    return usage(io, `--port must be an integer from 0 to 65535: ${values.port}`);
  }
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 1_000_000) {
    return usage(io, `--speed must be a number above 0 and at most 1000000: ${values.speed}`);
  }
  if (values.region !== undefined && !isRegionName(values.region)) {
    return usage(io, `--region must be a region name such as us-east-1: ${values.region}`);
  }
  const maxHistory =
    values["max-history"] === undefined ? DEFAULT_MAX_HISTORY : Number(values["max-history"]);
  if (!Number.isInteger(maxHistory) || maxHistory < 1) {
    return usage(io, `--max-history must be a whole number of runs, at least 1: ${values["max-history"]}`);
  }
  let actionTypes: SandboxOptions["actionTypes"];
  if (values["action-types"] !== undefined) {
    try {
      actionTypes = readActionTypes(values["action-types"]);
    } catch (error) {
      io.err(`pipewright sandbox: could not read --action-types: ${(error as Error).message}\n`);
      return 1;
    }
  }
  let sandbox;
  try {
    sandbox = await startSandbox({
      port,
      speed,
      maxHistory,
      log: (message) => io.err(`${message}\n`),
      ...(values.data === undefined ? {} : { dataDir: values.data }),
      ...(values.scenario === undefined ? {} : { scenario: values.scenario }),
      ...(values.region === undefined ? {} : { region: values.region }),
      ...(actionTypes === undefined ? {} : { actionTypes }),
    });
  } catch (error) {
    io.err(`pipewright sandbox: could not start: ${(error as Error).message}\n`);
    return 1;
  }
  io.out(`Sandbox endpoint: ${sandbox.endpoint}\n`);
  io.out(
    `Local test endpoint on loopback only: it accepts any SigV4 signature, so use dummy credentials; every region is served (unsigned requests: ${values.region ?? "us-east-1"}).\n`,
  );
  io.out(values.data === undefined ? "State: in memory only.\n" : `State: saved in ${values.data}\n`);
  io.out("Press Ctrl+C to stop.\n");
  await (until ?? terminationSignal());
  await sandbox.close();
  io.out("Sandbox stopped.\n");
  return 0;
}

/**
 * Reads action type declarations: a JSON array of ActionTypeDeclaration objects, or of
 * `aws codepipeline get-action-type` outputs (`{"actionType": …}`).
 */
function readActionTypes(path: string): NonNullable<SandboxOptions["actionTypes"]> {
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.map((item: unknown, index) => {
    const declaration = (item as { actionType?: unknown } | null)?.actionType ?? item;
    // The same checks UpdateActionType makes, so a declaration the sandbox starts with is one it would accept.
    const problem = validateAgainstShape("ActionTypeDeclaration", declaration);
    if (problem) throw new Error(`entry ${index + 1} is not an action type declaration: ${problem}`);
    return pruneToShape("ActionTypeDeclaration", declaration) as NonNullable<
      SandboxOptions["actionTypes"]
    >[number];
  });
}
