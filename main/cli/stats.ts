import { parseArgs } from "node:util";
import { deliveryMetrics, periodFromText } from "../../shared/execution";
import { EXIT_ERRORS, EXIT_OK, type CliIo } from "./cli-io";
import { UsageError, type CliCommand } from "./command";
import { formatStats } from "./stats-format";

const HELP = `Usage: pipewright stats <pipeline> [--since 30d] [--format table|json] [--profile P] [--region R] [--sandbox URL]

Delivery metrics of a pipeline over a period, computed here from its run history (runs and their
action executions; nothing is sent anywhere):

  deployments per day   succeeded runs / days of the period
  lead time             from the change (newest source commit date: CommitterDate, else AuthorDate;
                        else the run's start) to the run's success; p50 and p90; rollbacks left out
  change failure rate   Failed / (Succeeded + Failed); Stopped, Superseded, Cancelled do not count
  time to restore       from a failed run's end to the next succeeded run's end; p50
  run duration          start to end of runs that Succeeded or Failed; p50, p90, and the change
                        from the period's first half to its second
  slowest stage/action  by p90 per run (an action's last attempt; approvals not the slowest action)

A run belongs to the period when it started in it. p50 is the median; p90 the nearest-rank 90th
percentile.

Options:
  --since D       the period: 12h, 30d, 2w (default 30d, ending now)
  --format F      table (default) or json
  --profile P     AWS profile (default: AWS_PROFILE, else the SDK's default credential chain)
  --region R      AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, else the profile's)
  --sandbox URL   read from a Pipewright sandbox (or another CodePipeline endpoint)
  -h, --help      show this help

Exit status: 0 printed, 1 AWS error, 2 wrong command line.
`;

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      since: { type: "string", default: "30d" },
      format: { type: "string", default: "table" },
      profile: { type: "string" },
      region: { type: "string" },
      sandbox: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  const [name, ...extra] = positionals;
  if (name === undefined) throw new UsageError("name the pipeline whose metrics to show");
  if (extra.length > 0) throw new UsageError(`stats takes one pipeline name; unexpected: ${extra.join(" ")}`);
  if (values.format !== "table" && values.format !== "json")
    throw new UsageError(`--format takes table or json: ${values.format}`);
  const period = periodFromText(values.since, Date.now());
  if (!period)
    throw new UsageError(`--since takes hours, days or weeks, like 12h, 30d or 2w: ${values.since}`);
  // Loaded here, not at start-up, so commands that never talk to AWS do not pay for the SDK.
  const { connectionFromFlags, Gateway } = await import("../aws");
  const { readRunHistory } = await import("../aws/run-history");
  const connection = await connectionFromFlags(values);
  if (!connection.ok) throw new UsageError(connection.error.message);
  const gateway = new Gateway();
  try {
    const history = await readRunHistory(gateway, connection.value, name, period.since);
    if (!history.ok) {
      io.err(`pipewright stats: ${history.error.message}\n`);
      return EXIT_ERRORS;
    }
    const metrics = deliveryMetrics([history.value], period);
    io.out(
      values.format === "json"
        ? `${JSON.stringify({ pipeline: name, ...metrics }, null, 2)}\n`
        : formatStats(name, metrics),
    );
    return EXIT_OK;
  } finally {
    gateway.dispose();
  }
}

/** `pipewright stats`. */
export const statsCommand: CliCommand = {
  name: "stats",
  summary: "delivery metrics of a pipeline from its run history (deployments, lead time, failures)",
  help: HELP,
  run,
};
