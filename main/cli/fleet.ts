import { parseArgs } from "node:util";
import type { FleetSnapshot } from "../../shared/fleet/fleet-rows";
import { EXIT_ERRORS, EXIT_OK, type CliIo } from "./cli-io";
import { UsageError, type CliCommand } from "./command";
import { formatFleet, laneProblems, rowJson } from "./fleet-format";

const HELP = `Usage: pipewright fleet [--profiles a,b | --all-profiles] [--regions r1,r2] [--sandbox URL]
                       [--format table|json] [--watch] [--rate N]

Every pipeline of the chosen profiles and regions at a glance: profile, account, region, name,
type, execution mode, the newest run's status and age, stages done and approvals waiting. Failed
pipelines come first, then those waiting for approval.

Options:
  --profiles a,b   these profiles (default: every profile of the AWS config file, SSO included)
  --all-profiles   every profile of the config and credentials files, and the environment's keys
  --regions r1,r2  these regions for every profile (default: each profile's own region)
  --sandbox URL    a Pipewright sandbox as one more account
  --format F       table (default) or json: an array of objects with profile, account, region,
                   name, latestStatus (as AWS spells it, null if it never ran), pendingApprovals…
  --watch          keep polling and print again whenever something changes (json: one array a line)
  --rate N         API calls per second per account and region (default 1)
  -h, --help       show this help

Calls stay within the rate: reading 50 pipelines of one account and region takes about 100 calls
(their newest runs and state), so about 100 s at the default rate. A profile that cannot be used
(expired SSO, no permission) is reported on standard error; the others are still listed.

Exit status: 0 listed, 1 a profile could not be read, 2 wrong command line.
`;

/** Every lane listed and every pipeline read once (or failed). */
function complete(snapshot: FleetSnapshot): boolean {
  if (snapshot.lanes.some((l) => l.status === "loading")) return false;
  return snapshot.rows.every((r) => r.error !== null || (r.polledAt !== null && r.stagesTotal !== null));
}

function list(value: string | undefined, flag: string): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new UsageError(`${flag} takes a comma-separated list: ${value}`);
  return items;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      profiles: { type: "string" },
      "all-profiles": { type: "boolean", default: false },
      regions: { type: "string" },
      sandbox: { type: "string" },
      format: { type: "string", default: "table" },
      watch: { type: "boolean", default: false },
      rate: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`fleet takes no pipeline names: ${positionals.join(" ")}`);
  if (values.profiles !== undefined && values["all-profiles"])
    throw new UsageError("--profiles and --all-profiles exclude each other");
  if (values.format !== "table" && values.format !== "json")
    throw new UsageError(`--format takes table or json: ${values.format}`);
  const rate = values.rate === undefined ? 1 : Number(values.rate);
  if (!Number.isFinite(rate) || rate <= 0 || rate > 50)
    throw new UsageError(`--rate takes calls per second above 0, up to 50: ${values.rate}`);
  const regions = list(values.regions, "--regions");
  for (const region of regions ?? [])
    if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region))
      throw new UsageError(`not an AWS region name: ${region}`);
  if (values.sandbox !== undefined && !/^https?:\/\/[^\s]+$/.test(values.sandbox))
    throw new UsageError(`--sandbox needs an http(s) URL: ${values.sandbox}`);

  // Loaded here, not at start-up, so commands that never talk to AWS do not pay for the SDK.
  const { Gateway, listProfiles } = await import("../aws");
  const { FleetService } = await import("../fleet/fleet-service");
  const { laneSpecs } = await import("../fleet/fleet-selection");
  const profiles = await listProfiles();
  for (const note of profiles.notes) io.err(`pipewright fleet: ${note}\n`);
  const selection = laneSpecs(profiles, {
    profiles: values["all-profiles"] ? "all" : list(values.profiles, "--profiles"),
    regions,
    sandbox: values.sandbox === undefined ? undefined : { endpoint: values.sandbox.replace(/\/+$/, "") },
  });
  if (selection.unknown.length > 0)
    throw new UsageError(
      `not a profile of the AWS config or credentials files: ${selection.unknown.join(", ")}`,
    );
  for (const note of selection.notes) io.err(`pipewright fleet: ${note}\n`);
  if (selection.lanes.length === 0) {
    io.err("pipewright fleet: no profile to read; name some with --profiles, or add --sandbox URL\n");
    return EXIT_ERRORS;
  }

  const print = (snapshot: FleetSnapshot) => {
    if (values.format === "json") {
      const rows = snapshot.rows.map(rowJson);
      io.out(values.watch ? `${JSON.stringify(rows)}\n` : `${JSON.stringify(rows, null, 2)}\n`);
    } else {
      if (values.watch) io.out(`\n${new Date().toISOString()}\n`);
      io.out(formatFleet(snapshot.rows, Date.now()));
    }
    io.err(laneProblems(snapshot.lanes));
  };
  const gateway = new Gateway({ maxAttempts: 1 });
  let printed = "";
  let finish: (snapshot: FleetSnapshot) => void = () => {};
  const done = new Promise<FleetSnapshot>((resolve) => (finish = resolve));
  const fleet = new FleetService({
    gateway,
    budget: { callsPerSecond: rate },
    onChange: (snapshot) => {
      if (!complete(snapshot)) return;
      if (!values.watch) return finish(snapshot);
      const key = JSON.stringify(snapshot.rows.map(rowJson));
      if (key !== printed) print(snapshot);
      printed = key;
    },
  });
  try {
    fleet.setLanes(selection.lanes);
    if (values.watch) await new Promise<never>(() => {});
    const snapshot = await done;
    print(snapshot);
    return snapshot.lanes.some((l) => l.status === "error") ? EXIT_ERRORS : EXIT_OK;
  } finally {
    fleet.dispose();
    gateway.dispose();
  }
}

/** `pipewright fleet`. */
export const fleetCommand: CliCommand = {
  name: "fleet",
  summary: "every pipeline of your profiles and regions: status, approvals waiting, failures first",
  help: HELP,
  run,
};
