import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { defaultDataDir } from "../app/data-dir";
import { openBrowser } from "./open-browser";
import { ensureRendererBuilt } from "./renderer-build";
import { startWebMode, urlLine } from "./web-mode";

const USAGE = `Usage: npm run web -- [--port N] [--data DIR] [--no-open]
  --port N     port on 127.0.0.1 (0 or absent: a free port)
  --data DIR   app data folder (settings, recent files, recovery copies)
  --no-open    do not open the browser`;

/** Parsed command-line options of web mode. */
export interface WebCliOptions {
  port: number;
  dataDir: string;
  open: boolean;
}

/** Parses `--port N --data DIR --no-open`; throws with a message for the user on bad input. */
export function parseWebArgs(argv: readonly string[]): WebCliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: "string" },
      data: { type: "string" },
      "no-open": { type: "boolean" },
      help: { type: "boolean" },
    },
    strict: true,
  });
  if (values.help === true) throw new Error(USAGE);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`Not a port number: ${values.port}`);
  return {
    port,
    dataDir: values.data === undefined ? defaultDataDir() : resolve(values.data),
    open: values["no-open"] !== true,
  };
}

/**
 * Runs web mode until interrupted. Prints exactly one line on stdout (the URL); the build's and
 * errors' output goes to stderr.
 */
export async function runWebCli(argv: readonly string[]): Promise<void> {
  let options: WebCliOptions;
  try {
    options = parseWebArgs(argv);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
    return;
  }
  await ensureRendererBuilt();
  const web = await startWebMode({ port: options.port, dataDir: options.dataDir });
  process.stdout.write(`${urlLine(web.url)}\n`);
  if (options.open) openBrowser(web.url);
  const stop = () => void web.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  runWebCli(process.argv.slice(2)).catch((error: unknown) => {
    console.error(
      `Pipewright web could not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
}
