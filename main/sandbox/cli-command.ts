/**
 * `pipewright sandbox`: runs the local CodePipeline endpoint in the foreground until SIGINT or
 * SIGTERM, then saves its state and exits 0. Exit 2 for a wrong command line, 1 when the
 * sandbox cannot start (port taken, unreadable scenario).
 */
import { parseArgs } from "node:util";
import { processIo, type CliIo } from "../cli/cli-io";
import { startSandbox } from "./index";

export const SANDBOX_SUMMARY = "run the local CodePipeline sandbox endpoint";

export const SANDBOX_HELP = `Usage: pipewright sandbox [--port N] [--data DIR] [--scenario FILE] [--speed N]

Runs a local AWS CodePipeline endpoint (AWS JSON 1.1) with a simulated execution engine, until
interrupted (Ctrl+C). It listens on 127.0.0.1 only and accepts any SigV4 signature: it is a
local test endpoint, so use dummy credentials, e.g.
  AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=y aws codepipeline list-pipelines \\
    --endpoint-url http://127.0.0.1:PORT --region us-east-1

Options:
  --port N         port to listen on (default 0: any free port)
  --data DIR       keep pipelines and run history in DIR (default: memory only)
  --scenario FILE  JSON file with action durations and outcomes
  --speed N        simulated seconds per real second (default 1; 100 = 100x faster)
  -h, --help       show this help
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
  let values: { port?: string; data?: string; scenario?: string; speed?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: "string" },
        data: { type: "string" },
        scenario: { type: "string" },
        speed: { type: "string" },
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
  let sandbox;
  try {
    sandbox = await startSandbox({
      port,
      speed,
      log: (message) => io.err(`${message}\n`),
      ...(values.data === undefined ? {} : { dataDir: values.data }),
      ...(values.scenario === undefined ? {} : { scenario: values.scenario }),
    });
  } catch (error) {
    io.err(`pipewright sandbox: could not start: ${(error as Error).message}\n`);
    return 1;
  }
  io.out(`Sandbox endpoint: ${sandbox.endpoint}\n`);
  io.out(
    "Local test endpoint on 127.0.0.1 only: it accepts any SigV4 signature, so use dummy credentials and region us-east-1.\n",
  );
  io.out(values.data === undefined ? "State: in memory only.\n" : `State: saved in ${values.data}\n`);
  io.out("Press Ctrl+C to stop.\n");
  await (until ?? terminationSignal());
  await sandbox.close();
  io.out("Sandbox stopped.\n");
  return 0;
}
