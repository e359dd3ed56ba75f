import { DEFAULT_OWNER_TAG_KEYS } from "../../shared/iac/ownership";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
// Types only: the SDK is loaded when a command that talks to AWS runs, so `validate` starts fast.
import type { AwsError, DeployPlan } from "../aws";
import { renderDiff } from "../../shared/diff";
import type { Diagnostic } from "../../shared/validate";
import { writeFileAtomic } from "./atomic-write";
import { EXIT_ERRORS, EXIT_OK, EXIT_USAGE, type CliIo } from "./cli-io";
import { UsageError, type CliCommand } from "./command";
import { mergeIntoFile } from "./deploy-merge";
import { formatCompilerLine, placeDiagnostics } from "./diagnostic-report";
import { errorCode, readPipelineFile } from "./pipeline-file";

/** The remote pipeline changed since the file's version; only --overwrite deploys over it. */
export const EXIT_CONFLICT = 3;

const HELP = `Usage: pipewright deploy <file> [--profile P] [--region R] [--sandbox URL] [--yes] [--overwrite | --merge] [--wait] [--allow-drift] [--owner-tag KEY]

Validates the pipeline file, compares it with the pipeline in the account (or sandbox), shows the
differences and warnings, asks for confirmation, then creates or updates the pipeline. After a
successful deploy only the file's pipeline "version" member is rewritten, to the new version.

The file's pipeline.version is the remote version it is based on. Deploying over an existing
pipeline whose version differs (or when the file has none) is a conflict: what changed remotely is
shown and nothing is deployed unless --overwrite or --merge is given.

Options:
  --profile P      AWS profile (default: AWS_PROFILE, else the SDK's default credential chain)
  --region R       AWS region (default: AWS_REGION, AWS_DEFAULT_REGION, else the profile's region)
  --sandbox URL    deploy to a Pipewright sandbox (or another CodePipeline endpoint) instead
  --yes            do not ask for confirmation (needed when not on a terminal); never skips the
                   conflict check
  --overwrite      deploy even though the remote pipeline changed since the file's version
  --merge          on a conflict, merge the remote changes into the file (a three-way merge with
                   the file's base version), write it, then deploy the merge; refused when both
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

/**
 * Writes the new version into the file, changing nothing else; refuses when the file changed on
 * disk during the deploy (the user's newer edits win, and the version is printed instead).
 */
async function recordVersion(io: CliIo, file: string, readText: string, version: number): Promise<number> {
  const { setVersionInText } = await import("../aws");
  let current: string;
  try {
    current = await readFile(file, "utf8");
  } catch (error) {
    io.err(
      `pipewright deploy: could not re-read the file to record version ${version} (${errorCode(error)}): ${file}\n`,
    );
    return EXIT_ERRORS;
  }
  if (current !== readText) {
    io.err(
      `pipewright deploy: the file changed during the deploy; set its pipeline.version to ${version} yourself: ${file}\n`,
    );
    return EXIT_ERRORS;
  }
  const patched = setVersionInText(current, version);
  if ("problem" in patched) {
    io.err(
      `pipewright deploy: ${patched.problem}; set its pipeline.version to ${version} yourself: ${file}\n`,
    );
    return EXIT_ERRORS;
  }
  if (patched.text === current) return EXIT_OK;
  try {
    await writeFileAtomic(file, patched.text);
  } catch (error) {
    io.err(
      `pipewright deploy: could not write version ${version} into the file (${errorCode(error)}): ${file}\n`,
    );
    return EXIT_ERRORS;
  }
  io.out(`Recorded version ${version} in ${file}.\n`);
  return EXIT_OK;
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      profile: { type: "string" },
      region: { type: "string" },
      sandbox: { type: "string" },
      yes: { type: "boolean", short: "y", default: false },
      overwrite: { type: "boolean", default: false },
      merge: { type: "boolean", default: false },
      wait: { type: "boolean", default: false },
      "allow-drift": { type: "boolean", default: false },
      "owner-tag": { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError("name the pipeline file to deploy");
  if (extra.length > 0) throw new UsageError(`deploy takes one file; unexpected: ${extra.join(" ")}`);
  if (values.overwrite && values.merge) throw new UsageError("--overwrite and --merge exclude each other");
  const interactive = process.stdin.isTTY === true;
  if (!values.yes && !interactive) {
    io.err(
      "pipewright deploy: not on a terminal, so there is no one to confirm; pass --yes to deploy without asking\n",
    );
    return EXIT_USAGE;
  }

  const { applyDeploy, connectionFromFlags, describeConnection, Gateway, OWNERSHIP_WARNINGS, planDeploy } =
    await import("../aws");
  const read = await readPipelineFile(file);
  if (!read.document) {
    printDiagnostics(io, file, read.text, read.diagnostics);
    return EXIT_ERRORS;
  }
  const connection = await connectionFromFlags(values);
  if (!connection.ok) throw new UsageError(connection.error.message);

  const gateway = new Gateway();
  try {
    io.out(
      `Deploying ${read.document.pipeline.name} from ${file} to ${describeConnection(connection.value)}.\n`,
    );
    const ownership = { ownerTagKeys: values["owner-tag"] ?? DEFAULT_OWNER_TAG_KEYS };
    const planned = await planDeploy(gateway, read.document, connection.value, ownership);
    if (!planned.ok) {
      printDiagnostics(io, file, read.text, [...read.diagnostics, ...(planned.error.diagnostics ?? [])]);
      printError(io, planned.error);
      return EXIT_ERRORS;
    }
    let plan = planned.value;
    let written = { document: read.document, text: read.text };
    if (plan.conflict && values.merge) {
      printConflict(io, plan);
      const merged = await mergeIntoFile(io, file, written, plan.conflict);
      if ("failed" in merged) return EXIT_CONFLICT;
      written = merged;
      const replanned = await planDeploy(gateway, merged.document, connection.value, ownership);
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
    return await recordVersion(io, file, written.text, applied.value.version);
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
