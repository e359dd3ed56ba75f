import { buildTimeline, ruleRows, summarizeRuns, type RuleRow, type Timeline } from "../../shared/execution";
import { EXIT_ERRORS, EXIT_OK, type CliIo } from "./cli-io";
import { CONNECTION_OPTIONS, onlyArgument, parseCommand, UsageError, type CliCommand } from "./command";
import { formatRuns, formatTimeline } from "./runs-format";

const HELP = `Usage: pipewright runs <pipeline> [--profile P] [--region R] [--sandbox URL] [--watch] [-n N]

Prints the latest runs of a pipeline (id, status, trigger, start, duration, source revision) and a
text timeline of the latest run: every action with its status, duration and a bar on the run's time
axis ("#" running, "." waiting for approval, "x" failed). A stage's condition rules come first, marked
"◆" ("~" checking or passed, "x" failed).

Options:
  --profile P     AWS profile (default: AWS_PROFILE, else the SDK's default credential chain)
  --region R      AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, else the profile's)
  --sandbox URL   read from a Pipewright sandbox (or another CodePipeline endpoint)
  -n, --limit N   how many runs to list (1-100, default 10)
  --watch         keep polling and print the latest run again whenever it changes, until it ends
  -h, --help      show this help

Exit status: 0 printed, 1 AWS error, 2 wrong command line.
`;

/** Between polls of `--watch`, as the app polls a pipeline with a run in progress. */
const WATCH_INTERVAL_MS = 3_000;

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, io, HELP, {
    ...CONNECTION_OPTIONS,
    limit: { type: "string", short: "n" },
    watch: { type: "boolean", default: false },
  });
  if (!parsed) return EXIT_OK;
  const { values, positionals } = parsed;
  const name = onlyArgument(
    positionals,
    "name the pipeline whose runs to show",
    "runs takes one pipeline name",
  );
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new UsageError(`--limit takes a whole number from 1 to 100: ${values.limit ?? ""}`);
  // Loaded here, not at start-up, so commands that never talk to AWS do not pay for the SDK.
  const { connectionFromFlags, Gateway } = await import("../aws");
  const { RunsService } = await import("../aws/runs-service");
  const connection = await connectionFromFlags(values);
  if (!connection.ok) throw new UsageError(connection.error.message);
  const gateway = new Gateway();
  const runs = new RunsService(gateway);
  try {
    const load = async () => {
      const page = await runs.listRuns(connection.value, name, { pageSize: limit });
      if (!page.ok) return { error: page.error.message } as const;
      const now = Date.now();
      const rows = summarizeRuns(page.value.summaries, now);
      const latestId = rows[0]?.pipelineExecutionId;
      if (!latestId) return { rows, now, timeline: undefined } as const;
      const detail = await runs.getRunDetail(connection.value, name, latestId);
      if (!detail.ok) return { error: detail.error.message } as const;
      const rules = ruleRows(
        detail.value.ruleExecutions ?? [],
        detail.value.definition ?? detail.value.pipeline,
      );
      return { rows, now, timeline: buildTimeline(detail.value), rules } as const;
    };
    const changeKey = (timeline: Timeline | undefined, rules: readonly RuleRow[] = []): string =>
      JSON.stringify([
        timeline?.pipelineExecutionId,
        timeline?.status,
        timeline?.stages.map((s) => s.actions.map((a) => [a.status, a.attempts])),
        rules.map((r) => [r.ruleName, r.status, r.segments.length]),
      ]);

    let loaded = await load();
    if ("error" in loaded) {
      io.err(`pipewright runs: ${loaded.error}\n`);
      return EXIT_ERRORS;
    }
    io.out(`Runs of ${name}, newest first:\n${formatRuns(loaded.rows)}`);
    if (loaded.timeline) io.out(`\n${formatTimeline(loaded.timeline, loaded.now, loaded.rules)}`);
    let key = changeKey(loaded.timeline, loaded.timeline ? loaded.rules : []);
    // Watching: the app poller's fast cadence while the latest run goes; only changes are printed.
    while (values.watch && loaded.timeline && loaded.timeline.end === null) {
      await new Promise((resolve) => setTimeout(resolve, WATCH_INTERVAL_MS));
      loaded = await load();
      if ("error" in loaded) {
        io.err(`pipewright runs: ${loaded.error}\n`);
        return EXIT_ERRORS;
      }
      const rules = loaded.timeline ? loaded.rules : [];
      const next = changeKey(loaded.timeline, rules);
      if (next !== key && loaded.timeline) io.out(`\n${formatTimeline(loaded.timeline, loaded.now, rules)}`);
      key = next;
    }
    return EXIT_OK;
  } finally {
    gateway.dispose();
  }
}

/** `pipewright runs`. */
export const runsCommand: CliCommand = {
  name: "runs",
  summary: "list a pipeline's latest runs and print a text timeline of the latest one",
  help: HELP,
  run,
};
