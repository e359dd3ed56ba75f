import { DEFAULT_OWNER_TAG_KEYS } from "../../shared/iac/ownership";
import { createInterface } from "node:readline/promises";
// Types only: the SDK is loaded when a command that talks to AWS runs, so `validate` starts fast.
import type { AwsError, DeployPlan } from "../aws";
import { renderDiff } from "../../shared/diff";
import { awsRemedy } from "../../shared/ipc";
import type { Diagnostic } from "../../shared/validate";
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type CliIo } from "./cli-io";
import { CONNECTION_OPTIONS, onlyArgument, parseCommand, UsageError, type CliCommand } from "./command";
import { mergeIntoFile } from "./deploy-merge";
import { formatCompilerLine, placeDiagnostics } from "./diagnostic-report";
import { defaultDataDir } from "../app/data-dir";
import { errorCode, readPipelineFile } from "./pipeline-file";

/** The remote pipeline changed since the file's version; only --overwrite deploys over it. */
export const EXIT_CONFLICT = 3;

const HELP = `Usage: pipewright deploy <file> [--profile P] [--region R] [--sandbox URL] [--data DIR] [--yes] [--overwrite | --merge] [--wait] [--allow-drift] [--owner-tag KEY]

Validates the pipeline file, compares it with the pipeline in the account (or sandbox), shows the
differences and warnings, asks for confirmation, then creates or updates the pipeline. The file is
never changed by a deploy (only --merge writes the merged pipeline into it).

What was last deployed to each target (connection, region and pipeline name) is kept in the app
data folder, in deploy-targets.json, so one file deploys to several targets. A change made there
by someone else since is a conflict: what changed remotely is shown and nothing is deployed unless
--overwrite or --merge is given. A target never deployed to from here is based on the file's own
pipeline.version (as get-pipeline writes it); without one, an existing pipeline is a conflict.

Options:
  --profile P      AWS profile (default: AWS_PROFILE, else the SDK's default credential chain)
  --region R       AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, else the profile's region)
  --sandbox URL    deploy to a Pipewright sandbox (or another CodePipeline endpoint) instead
  --data DIR       the app data folder that keeps the deploy targets (default: the app's own)
  --yes            do not ask for confirmation (needed when not on a terminal); never skips the
                   conflict check
  --overwrite      deploy even though the remote pipeline changed since the file's version
  --merge          on a conflict, merge the remote changes into the file (a three-way merge with
                   the target's base version), write it, then deploy the merge; refused when both
                   sides changed the same part
  --wait           wait until no run is in progress before updating (an update stops runs)
  --allow-drift    update a pipeline that a CloudFormation stack, CDK or another tool owns (read
                   from its tags); without it such an update is refused, since the owner reverts
                   it at its next update: export the change as a template instead
  --owner-tag KEY  a tag key that names a pipeline's owner besides CloudFormation's and CDK's
                   (default ManagedBy); repeat for several
  -h, --help       show this help

AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_CODEPIPELINE point AWS connections at another endpoint.

Exit status: 0 deployed (or nothing to deploy), 1 errors (validation, AWS, declined), 2 wrong
command line, 3 conflict.
`;

function printDiagnostics(io: CliIo, file: string, text: string, diagnostics: readonly Diagnostic[]): void {
  const placed = placeDiagnostics(file, text, diagnostics);
  if (placed.length > 0) io.err(placed.map(formatCompilerLine).join(""));
}

function printError(io: CliIo, error: AwsError): void {
  io.err(`pipewright deploy: ${error.message}\n`);
  if (error.denied?.action) io.err(`  missing permission: ${error.denied.action}\n`);
  const remedy = awsRemedy(error.code);
  if (remedy) io.err(`  what to do: ${remedy}\n`);
}

function printPlan(io: CliIo, plan: DeployPlan): void {
  if (plan.action === "create") {
    const actions = plan.pipeline.stages.reduce(
      (n, s) => n + (Array.isArray(s.actions) ? s.actions.length : 0),
      0,
    );
    io.out(
      `New pipeline: ${plan.pipeline.stages.length} stages, ${actions} actions${plan.tags.length > 0 ? `, ${plan.tags.length} tags` : ""}.\n`,
    );
  } else if (plan.diff) {
    io.out(`Changes to the remote pipeline (version ${plan.remote?.version ?? "?"}):\n`);
    io.out(renderDiff(plan.diff));
  }
  for (const warning of plan.warnings) io.err(`warning: ${warning.message}\n`);
}

function printConflict(io: CliIo, plan: DeployPlan): void {
  const conflict = plan.conflict;
  if (!conflict) return;
  io.err(`conflict: ${conflict.message}\n`);
  if (conflict.remoteUpdated) io.err(`  remote last updated ${conflict.remoteUpdated}\n`);
  if (conflict.remoteChanges) {
    io.err(`What changed remotely since version ${conflict.documentVersion ?? "?"}:\n`);
    io.err(renderDiff(conflict.remoteChanges).replace(/^/gm, "  "));
  } else {
    io.err("  The changes above include whatever was changed remotely; deploying would undo them.\n");
  }
}

/**
 * Records a target's new base; the deploy has happened either way, so a failure is a warning (the
 * next deploy then falls back to the file's own version).
 */
async function remember(io: CliIo, record: () => Promise<void>): Promise<void> {
  try {
    await record();
  } catch (error) {
    io.err(
      `warning: the deploy was not recorded for its target (${errorCode(error)}); the next one may report a conflict\n`,
    );
  }
}

/** Asks on the terminal; anything but y/yes declines. */
async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(question);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(args, io, HELP, {
    ...CONNECTION_OPTIONS,
    data: { type: "string" },
    yes: { type: "boolean", short: "y", default: false },
    overwrite: { type: "boolean", default: false },
    merge: { type: "boolean", default: false },
    wait: { type: "boolean", default: false },
    "allow-drift": { type: "boolean", default: false },
    "owner-tag": { type: "string", multiple: true },
  });
  if (!parsed) return EXIT_OK;
  const { values, positionals } = parsed;
  const file = onlyArgument(positionals, "name the pipeline file to deploy", "deploy takes one file");
  if (values.overwrite && values.merge) throw new UsageError("--overwrite and --merge exclude each other");
  const interactive = process.stdin.isTTY === true;
  if (!values.yes && !interactive) {
    io.err(
      "pipewright deploy: not on a terminal, so there is no one to confirm; pass --yes to deploy without asking\n",
    );
    return EXIT_USAGE;
  }

  const {
    applyDeploy,
    connectionFromFlags,
    describeConnection,
    DeployTargets,
    Gateway,
    OWNERSHIP_WARNINGS,
    planDeploy,
    recordDeploy,
  } = await import("../aws");
  const read = await readPipelineFile(file);
  if (!read.document) {
    printDiagnostics(io, file, read.text, read.diagnostics);
    return EXIT_ERRORS;
  }
  const connection = await connectionFromFlags(values);
  if (!connection.ok) throw new UsageError(connection.error.message);

  const targets = new DeployTargets(values.data ?? defaultDataDir(), (message) =>
    io.err(`warning: ${message}\n`),
  );
  const gateway = new Gateway();
  try {
    io.out(
      `Deploying ${read.document.pipeline.name} from ${file} to ${describeConnection(connection.value)}.\n`,
    );
    const ownership = { ownerTagKeys: values["owner-tag"] ?? DEFAULT_OWNER_TAG_KEYS };
    const base = await targets.base(connection.value, read.document.pipeline.name);
    const planned = await planDeploy(gateway, read.document, connection.value, base, ownership);
    if (!planned.ok) {
      printDiagnostics(io, file, read.text, [...read.diagnostics, ...(planned.error.diagnostics ?? [])]);
      printError(io, planned.error);
      return EXIT_ERRORS;
    }
    let plan = planned.value;
    let written = { document: read.document, text: read.text };
    if (plan.conflict && values.merge) {
      printConflict(io, plan);
      const conflict = plan.conflict;
      const merged = await mergeIntoFile(io, file, written, conflict);
      if ("failed" in merged) return EXIT_CONFLICT;
      written = merged;
      // The merge's own base: the file now holds the remote's changes since it, so no conflict unless
      // the remote moved again meanwhile.
      const mergeBase =
        conflict.documentVersion !== undefined && conflict.basePipeline !== undefined
          ? { version: conflict.documentVersion, pipeline: conflict.basePipeline }
          : base;
      const replanned = await planDeploy(gateway, merged.document, connection.value, mergeBase, ownership);
      if (!replanned.ok) {
        printDiagnostics(io, file, merged.text, replanned.error.diagnostics ?? []);
        printError(io, replanned.error);
        return EXIT_ERRORS;
      }
      plan = replanned.value;
    }
    printDiagnostics(io, file, written.text, [...read.diagnostics, ...plan.diagnostics]);
    if (plan.upToDate) {
      io.out(
        `Nothing to deploy: the remote pipeline already matches the file (version ${plan.remote?.version ?? "?"}).\n`,
      );
      if (plan.remote !== undefined)
        await remember(io, () =>
          recordDeploy(targets, plan, {
            action: "none",
            name: plan.name,
            version: plan.remote!.version,
            pipeline: plan.remote!.pipeline,
          }),
        );
      return EXIT_OK;
    }
    printPlan(io, plan);
    if (plan.conflict) {
      printConflict(io, plan);
      if (!values.overwrite) {
        io.err(
          "Nothing was deployed. Pass --merge to merge the remote changes into the file, or --overwrite to replace them.\n",
        );
        return EXIT_CONFLICT;
      }
      io.err("--overwrite: the remote changes will be replaced.\n");
    }
    const owned = plan.warnings.find((w) => OWNERSHIP_WARNINGS.has(w.code));
    if (owned) {
      if (!values["allow-drift"]) {
        io.err(
          `Nothing was deployed: ${owned.message}. Export the change as a template (pipewright export ${file} --format cfn-yaml, terraform or cdk-ts) for its repository, or pass --allow-drift to update it directly anyway.\n`,
        );
        return EXIT_ERRORS;
      }
      io.err("--allow-drift: the pipeline will drift from its owner until the owner's next update.\n");
    }
    if (!values.yes) {
      const verb = plan.action === "create" ? "Create" : "Update";
      if (!(await confirm(`${verb} ${plan.name} on ${describeConnection(plan.connection)}? [y/N] `))) {
        io.err("Cancelled; nothing was deployed.\n");
        return EXIT_ERRORS;
      }
    }
    const applied = await applyDeploy(gateway, plan, {
      overwrite: values.overwrite,
      waitUntilIdle: values.wait,
      allowDrift: values["allow-drift"],
      onProgress: (step, detail) => {
        if (step === "waiting-for-idle")
          io.err(`Waiting for runs to finish${detail ? ` (${detail})` : ""}…\n`);
      },
    });
    if (!applied.ok) {
      printError(io, applied.error);
      return applied.error.code === "conflict" ? EXIT_CONFLICT : EXIT_ERRORS;
    }
    const verb = applied.value.action === "create" ? "Created" : "Updated";
    io.out(`${verb} ${applied.value.name}: version ${applied.value.version}.\n`);
    await remember(io, () => recordDeploy(targets, plan, applied.value));
    return EXIT_OK;
  } finally {
    gateway.dispose();
  }
}

/** `pipewright deploy`. */
export const deployCommand: CliCommand = {
  name: "deploy",
  summary: "create or update a pipeline in AWS or the sandbox: diff, conflict guard, confirmation",
  help: HELP,
  run,
};
