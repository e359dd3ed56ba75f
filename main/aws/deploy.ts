/**
 * The deploy service: `planDeploy` previews (validation, create or update, the diff, the conflict
 * guard, the impact) and `applyDeploy` carries a plan out. The document is never changed here, nor
 * its file: the caller records the deployed version for the target (deploy-targets.ts).
 */
import {
  diffPipelines,
  mergePipelines,
  samePipeline,
  serviceView,
  type PipelineDiff,
} from "../../shared/diff";
import type { DeployConflict } from "../../shared/ipc/aws-channels";
import type { PipelineDeclaration, PipelineDocument, Tag } from "../../shared/pipeline/model";
import { hasErrors, validateDocument, type Diagnostic } from "../../shared/validate";
import { validationOptions } from "./account-types";
import { deployTimeValuesOf, describeDeployTimeValue, RESOLVED_AT_DEPLOY_TIME } from "../../shared/iac";
import type { Connection } from "./connection";
import { assessImpact, OWNERSHIP_WARNINGS, type DeployWarning } from "./deploy-impact";
import type { DeployBase, DeployTargets } from "./deploy-targets";
import { fail, failWith, ok, type AwsError, type AwsResult } from "./errors";
import type { Gateway, RemotePipeline } from "./gateway";
import { pathFromStructureMessage } from "./structure-error-path";

export type { DeployConflict };

export interface DeployPlan {
  connection: Connection;
  name: string;
  action: "create" | "update";
  /** Validation warnings and info (errors block planning). */
  diagnostics: Diagnostic[];
  /** What is sent: the document's pipeline without `version` for create, with the remote's for update. */
  pipeline: PipelineDeclaration;
  /** Tags sent on create (from a create-pipeline input document). */
  tags: Tag[];
  /** The remote pipeline, for update. */
  remote?: RemotePipeline & { version: number };
  /** Remote -> document, for update. */
  diff?: PipelineDiff;
  /** Set when the deploy would overwrite changes the document is not based on. */
  conflict?: DeployConflict;
  warnings: DeployWarning[];
  /** Update with nothing to change (and no conflict): applying is a no-op. */
  upToDate: boolean;
}

export type DeployStep = "waiting-for-idle" | "checking-remote" | "creating" | "updating";

export interface ApplyOptions {
  /** Deploy over a conflict the plan reported (the user chose "overwrite"). */
  overwrite?: boolean;
  /** Wait until no run is in progress before updating. */
  waitUntilIdle?: boolean;
  /** Update a pipeline another tool owns (a stack, Terraform): the user chose to drift from it. */
  allowDrift?: boolean;
  /** Polling of the wait; defaults 5 s and 30 min. */
  pollIntervalMs?: number;
  waitTimeoutMs?: number;
  onProgress?: (step: DeployStep, detail?: string) => void;
  signal?: AbortSignal;
}

export interface DeployResult {
  action: "create" | "update" | "none";
  name: string;
  /** The remote version now; the document's `pipeline.version` should become this. */
  version: number;
  pipeline: PipelineDeclaration;
}

function withoutVersion(pipeline: PipelineDeclaration): PipelineDeclaration {
  return Object.fromEntries(
    Object.entries(pipeline).filter(([key]) => key !== "version"),
  ) as PipelineDeclaration;
}

/** Tags sent on create: a create-pipeline input's, or those `pipewright pull` kept beside get-pipeline output. */
function tagsOf(document: PipelineDocument): Tag[] {
  if (document.shape === "bare" || !Array.isArray(document.envelope.tags)) return [];
  return (document.envelope.tags as unknown[]).filter(
    (t): t is Tag =>
      typeof t === "object" &&
      t !== null &&
      typeof (t as Tag).key === "string" &&
      typeof (t as Tag).value === "string",
  );
}

function describeDamage(document: PipelineDocument): string {
  return (document.damaged ?? [])
    .slice(0, 3)
    .map((d) => d.path.join("."))
    .join(", ");
}

function versionOf(pipeline: PipelineDeclaration): number {
  return typeof pipeline.version === "number" ? pipeline.version : 0;
}

function conflictMessage(name: string, documentVersion: number | undefined, remoteVersion: number): string {
  return documentVersion === undefined
    ? `The pipeline already exists and the document is not based on any version of it; pull it or overwrite: ${name} (remote version ${remoteVersion})`
    : `The pipeline changed remotely since the document's version ${documentVersion}: ${name} (remote version ${remoteVersion})`;
}

/** The pipeline at version `base`, when the service still has it and it is older than `current`. */
async function baseVersion(
  gateway: Gateway,
  connection: Connection,
  name: string,
  base: number,
  current: PipelineDeclaration,
): Promise<PipelineDeclaration | undefined> {
  if (base < 1 || base >= versionOf(current)) return undefined;
  const old = await gateway.getPipeline(connection, name, base);
  // An endpoint that ignores `version` (moto does) answers with the current one; a diff or a
  // merge from it would lie.
  if (!old.ok || old.value.pipeline.version !== base) return undefined;
  return old.value.pipeline;
}

/**
 * Whether the document already holds every change the remote made since `base`: what merging the
 * remote's changes into it would give is the document itself (after "Merge their changes", or a
 * reload of the remote pipeline). Deploying it then overwrites nothing of anyone else's.
 */
function holdsRemoteChanges(
  base: PipelineDeclaration,
  remote: PipelineDeclaration,
  document: PipelineDeclaration,
): boolean {
  const merged = mergePipelines(base, remote, document);
  return merged.conflicts.length === 0 && samePipeline(merged.pipeline, document);
}

/**
 * Previews a deploy of `document` to `connection`. Validation errors stop it before any AWS call
 * (`validation-failed`, diagnostics attached). A pipeline that does not exist is a create plan;
 * otherwise an update plan with the diff, the conflict guard and warnings about runs in progress
 * and stack ownership.
 *
 * The guard: `base` is what was last deployed to this target from here (deploy-targets.ts). The
 * remote at that version, or with the same content, or with changes the document already holds,
 * is no conflict; any other change there is one, with the base pipeline for a three-way merge.
 * Without a record for the target, the file's own `pipeline.version` is the base, and the remote
 * must be at exactly that version.
 */
export async function planDeploy(
  gateway: Gateway,
  document: PipelineDocument,
  connection: Connection,
  base?: DeployBase,
  options: { ownerTagKeys?: readonly string[] } = {},
): Promise<AwsResult<DeployPlan>> {
  if (document.damaged !== undefined) {
    return failWith({
      code: "validation-failed",
      message: `The file has members of the wrong type; fix them before deploying: ${describeDamage(document)}`,
    });
  }
  const diagnostics = validateDocument(document, await validationOptions(gateway, connection, document));
  const name = document.pipeline.name;
  const deployTime = deployTimeValuesOf(document.pipeline);
  if (deployTime.length > 0) {
    // Only the template's tool can resolve these; AWS would get `{"Ref": …}` for a value.
    return failWith({
      code: "validation-failed",
      message: `The pipeline holds ${deployTime.length} value${deployTime.length === 1 ? "" : "s"} its template resolves at deploy time; deploy it with its template, or replace ${deployTime.length === 1 ? "it" : "them"}: ${describeDeployTimeValue(deployTime[0]?.value)}`,
      diagnostics: diagnostics
        .filter((d) => d.code === RESOLVED_AT_DEPLOY_TIME)
        .map((d) => ({ ...d, severity: "error" as const })),
    });
  }
  if (hasErrors(diagnostics)) {
    const errors = diagnostics.filter((d) => d.severity === "error");
    return failWith({
      code: "validation-failed",
      message: `The pipeline has ${errors.length} error${errors.length === 1 ? "" : "s"}; fix ${errors.length === 1 ? "it" : "them"} before deploying: ${errors[0]?.message ?? name}`,
      diagnostics,
    });
  }
  const warningsAndInfo = diagnostics.filter((d) => d.severity !== "error");
  // What AWS will store: the diff and the request leave out members outside the model (each is
  // already an `unknown-member` validation warning, so the plan does not repeat them).
  const view = serviceView(document.pipeline);
  const remote = await gateway.getPipeline(connection, name);
  if (!remote.ok && remote.error.code !== "pipeline-not-found") return remote;
  if (!remote.ok) {
    return ok({
      connection,
      name,
      action: "create",
      diagnostics: warningsAndInfo,
      pipeline: withoutVersion(view.pipeline),
      tags: tagsOf(document),
      warnings: [],
      upToDate: false,
    });
  }
  const remoteVersion = versionOf(remote.value.pipeline);
  const documentVersion =
    base?.version ?? (typeof document.pipeline.version === "number" ? document.pipeline.version : undefined);
  const diff = diffPipelines(remote.value.pipeline, view.pipeline);
  const plan: DeployPlan = {
    connection,
    name,
    action: "update",
    diagnostics: warningsAndInfo,
    pipeline: { ...view.pipeline, version: remoteVersion },
    tags: [],
    remote: { ...remote.value, version: remoteVersion },
    diff,
    warnings: [],
    upToDate: false,
  };
  const basePipeline =
    documentVersion === undefined || documentVersion === remoteVersion
      ? undefined
      : // What this machine deployed there, else the service's copy of that version.
        ((base?.version === documentVersion ? base.pipeline : undefined) ??
        (await baseVersion(gateway, connection, name, documentVersion, remote.value.pipeline)));
  const moved =
    documentVersion !== remoteVersion &&
    !(
      base !== undefined &&
      basePipeline !== undefined &&
      (samePipeline(basePipeline, remote.value.pipeline) ||
        holdsRemoteChanges(basePipeline, remote.value.pipeline, view.pipeline))
    );
  if (moved) {
    const conflict: DeployConflict = {
      remoteVersion,
      remotePipeline: remote.value.pipeline,
      message: conflictMessage(name, documentVersion, remoteVersion),
    };
    if (documentVersion !== undefined) conflict.documentVersion = documentVersion;
    if (basePipeline !== undefined) {
      conflict.basePipeline = basePipeline;
      conflict.remoteChanges = diffPipelines(basePipeline, remote.value.pipeline);
    }
    if (remote.value.metadata.updated) conflict.remoteUpdated = remote.value.metadata.updated;
    plan.conflict = conflict;
  } else if (diff.identical) {
    plan.upToDate = true;
  }
  const impact = await assessImpact(
    gateway,
    connection,
    name,
    remote.value.metadata.pipelineArn,
    options.ownerTagKeys,
  );
  plan.warnings = impact.warnings;
  return ok(plan);
}

/** A structure error with the path of the element it names, so the canvas can highlight it. */
function located(error: AwsError, pipeline: PipelineDeclaration): AwsError {
  if (error.code !== "invalid-structure" || error.path) return error;
  const path = pathFromStructureMessage(pipeline, error.message);
  return path ? { ...error, path } : error;
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

async function waitUntilIdle(
  gateway: Gateway,
  plan: DeployPlan,
  options: ApplyOptions,
): Promise<AwsResult<void>> {
  const deadline = Date.now() + (options.waitTimeoutMs ?? 30 * 60_000);
  for (;;) {
    if (options.signal?.aborted)
      return fail("cancelled", `The deploy was cancelled while waiting for runs to finish: ${plan.name}`);
    const active = await gateway.listActiveExecutions(plan.connection, plan.name);
    if (!active.ok) return active;
    if (active.value.length === 0) return ok(undefined);
    if (Date.now() >= deadline) {
      return fail(
        "wait-timeout",
        `Runs were still in progress when the wait ended; nothing was changed: ${active.value.map((e) => e.pipelineExecutionId).join(", ")}`,
      );
    }
    options.onProgress?.("waiting-for-idle", `${active.value.length} run(s) in progress`);
    await delay(options.pollIntervalMs ?? 5_000, options.signal);
  }
}

/**
 * Carries out a plan. A conflict needs `overwrite`; an update re-reads the remote version right
 * before sending and stops if it moved since the plan (or the pipeline was deleted), so a change
 * nobody has seen is never overwritten. CodePipeline has no conditional update, so a change landing
 * between that re-read and the update itself remains possible; the window is one round trip.
 */
export async function applyDeploy(
  gateway: Gateway,
  plan: DeployPlan,
  options: ApplyOptions = {},
): Promise<AwsResult<DeployResult>> {
  if (plan.conflict && !options.overwrite) {
    return failWith({ code: "conflict", message: plan.conflict.message });
  }
  const owned = plan.warnings.find((w) => OWNERSHIP_WARNINGS.has(w.code));
  if (owned && !options.allowDrift && !plan.upToDate) {
    return failWith({
      code: "owned-pipeline",
      message: `${owned.message}. Export the change as a template instead, or deploy anyway as an explicit choice (pipewright deploy --allow-drift)`,
    });
  }
  if (plan.action === "create") {
    options.onProgress?.("creating");
    const created = await gateway.createPipeline(plan.connection, plan.pipeline, plan.tags);
    if (!created.ok) return failWith(located(created.error, plan.pipeline));
    return ok({
      action: "create",
      name: plan.name,
      version: versionOf(created.value) || 1,
      pipeline: created.value,
    });
  }
  const planned = plan.remote?.version ?? 0;
  if (plan.upToDate) {
    return ok({
      action: "none",
      name: plan.name,
      version: planned,
      pipeline: plan.remote?.pipeline ?? plan.pipeline,
    });
  }
  if (options.waitUntilIdle) {
    const idle = await waitUntilIdle(gateway, plan, options);
    if (!idle.ok) return idle;
  }
  options.onProgress?.("checking-remote");
  const current = await gateway.getPipeline(plan.connection, plan.name);
  if (!current.ok) {
    if (current.error.code === "pipeline-not-found") {
      return fail(
        "pipeline-not-found",
        `The pipeline was deleted after the preview; nothing was deployed: ${plan.name}`,
      );
    }
    return current;
  }
  const now = versionOf(current.value.pipeline);
  if (now !== planned) {
    return failWith({
      code: "conflict",
      message: `The pipeline changed remotely after the preview (version ${planned} became ${now}); review it again: ${plan.name}`,
    });
  }
  options.onProgress?.("updating");
  const updated = await gateway.updatePipeline(plan.connection, plan.pipeline);
  if (!updated.ok) return failWith(located(updated.error, plan.pipeline));
  return ok({
    action: "update",
    name: plan.name,
    version: versionOf(updated.value) || now + 1,
    pipeline: updated.value,
  });
}

/** Keeps what a deploy left at its target as that target's base for the next deploy's guard. */
export function recordDeploy(targets: DeployTargets, plan: DeployPlan, result: DeployResult): Promise<void> {
  return targets.record(plan.connection, plan.name, result.version, result.pipeline);
}
