/**
 * Building one simulated action execution: its input as ListActionExecutions shows it (with
 * `#{...}` variables resolved), and the output a real provider would report (source revisions,
 * artifact locations, external execution ids and URLs).
 */
import type { ActionDeclaration } from "../../shared/pipeline/model";
import { codeBuildBuildUrl, codeDeployDeploymentUrl } from "./provider-links";
import type { ActionRunRecord, ArtifactDetailRecord, ExecutionRecord } from "./records";
import { accountOf, fakeHex, fakeUuid, type RunContext } from "./run-context";
import type { PlannedOutcome } from "./scenario";
import { sourceOutput, type SourceInputs } from "./source-revisions";
import { referencedNames, resolveConfiguration } from "./variables";

export type { RunContext } from "./run-context";

function artifactBucket(ctx: RunContext, region: string): string {
  const stores = ctx.declaration.artifactStores;
  const regional = stores && Object.hasOwn(stores, region) ? stores[region] : undefined;
  return regional?.location ?? ctx.declaration.artifactStore?.location ?? "codepipeline-sandbox-artifacts";
}

/** Where a real pipeline would keep the artifact: `<first 20 chars of name>/<artifact>/<random>`. */
export function artifactLocation(ctx: RunContext, name: string, region: string): ArtifactDetailRecord {
  return {
    name,
    s3location: {
      bucket: artifactBucket(ctx, region),
      key: `${ctx.pipeline.name.slice(0, 20)}/${name.slice(0, 20)}/${fakeHex(7, ctx.execution.id, name)}`,
    },
  };
}

/** Where the named input artifacts are: the run's producers' outputs, or a plausible location. */
export function inputArtifactDetails(
  artifacts: readonly { name: string }[],
  ctx: RunContext,
  runs: readonly ActionRunRecord[],
  region: string,
): ArtifactDetailRecord[] {
  const produced = new Map<string, ArtifactDetailRecord>();
  for (const run of runs) {
    for (const artifact of run.output.outputArtifacts) produced.set(artifact.name, artifact);
  }
  return artifacts.map(
    (artifact) => produced.get(artifact.name) ?? artifactLocation(ctx, artifact.name, region),
  );
}

/**
 * The input half of an ActionExecutionDetail; input artifacts point at the producers' outputs.
 * `unresolved` lists the references nothing answered: such an action fails before it runs, and its
 * input then carries no resolved configuration, so a resolved configuration never holds a
 * reference.
 */
export function buildInput(
  action: ActionDeclaration,
  ctx: RunContext,
  runs: readonly ActionRunRecord[],
): { input: ActionRunRecord["input"]; unresolved: string[] } {
  const configuration = action.configuration ?? {};
  const region = action.region ?? ctx.region;
  const resolution = resolveConfiguration(configuration, ctx, runs);
  const input: ActionRunRecord["input"] = {
    actionTypeId: { ...action.actionTypeId },
    configuration: { ...configuration },
    region,
    inputArtifacts: inputArtifactDetails(action.inputArtifacts ?? [], ctx, runs, region),
  };
  if (resolution.unresolved.length === 0) input.resolvedConfiguration = resolution.configuration;
  if (action.roleArn !== undefined) input.roleArn = action.roleArn;
  if (action.namespace !== undefined) input.namespace = action.namespace;
  return { input, unresolved: resolution.unresolved };
}

/** The revision a run was told to use for a source action (StartPipelineExecution, PutActionRevision). */
function revisionOverride(action: ActionDeclaration, ctx: RunContext): string | undefined {
  const override = ctx.execution.revisionOverrides.find((o) => o.actionName === action.name);
  // An object key names which object to read, not its version; the version is the object's.
  return override && override.revisionType !== "S3_OBJECT_KEY" ? override.revisionValue : undefined;
}

/** A source action's revision becomes the run's source revision and its artifacts' revision. */
export function stampSourceRevision(
  execution: ExecutionRecord,
  action: ActionDeclaration,
  revision: { revisionId: string; revisionSummary?: string; revisionUrl?: string },
  changeIdentifier: string | undefined,
  created: number,
): void {
  execution.sourceRevisions = execution.sourceRevisions.filter((r) => r.actionName !== action.name);
  execution.sourceRevisions.push({ actionName: action.name, ...revision });
  for (const artifact of action.outputArtifacts ?? []) {
    execution.artifactRevisions = execution.artifactRevisions.filter((r) => r.name !== artifact.name);
    execution.artifactRevisions.push({
      name: artifact.name,
      ...revision,
      ...(changeIdentifier === undefined ? {} : { revisionChangeIdentifier: changeIdentifier }),
      created,
    });
  }
}

/** Fills a succeeded run's output; source actions also stamp the run's source revisions. */
export function recordSuccess(
  run: ActionRunRecord,
  action: ActionDeclaration,
  ctx: RunContext,
  plan: PlannedOutcome,
  now: number,
  connectionProvider: SourceInputs["connectionProvider"],
): void {
  const result = run.output.executionResult;
  let variables: Record<string, string> = {};
  if (run.category === "Source") {
    const override = ctx.execution.revisionOverrides.find((o) => o.actionName === action.name);
    const source = sourceOutput(action, ctx, revisionOverride(action, ctx), {
      connectionProvider,
      ...(plan.summary === undefined ? {} : { summary: plan.summary }),
    });
    const { outputVariables, revisionChangeIdentifier, ...revision } = source;
    variables = outputVariables;
    result.externalExecutionId = revision.revisionId;
    if (revision.revisionSummary !== undefined) result.externalExecutionSummary = revision.revisionSummary;
    if (revision.revisionUrl !== undefined) result.externalExecutionUrl ??= revision.revisionUrl;
    stampSourceRevision(
      ctx.execution,
      action,
      revision,
      override?.changeIdentifier ?? revisionChangeIdentifier,
      override?.created ?? now,
    );
  } else {
    result.externalExecutionSummary = plan.summary ?? `${run.actionName} succeeded (simulated)`;
    variables = userDefinedVariables(action, ctx, run.id);
  }
  if (result.externalExecutionSummary !== undefined) run.summary = result.externalExecutionSummary;
  run.output.outputVariables = { ...variables, ...plan.outputVariables };
  run.output.outputArtifacts = outputLocations(action, ctx, run);
}

/** Providers whose variables are whatever the user's build, stack or function produces. */
const USER_DEFINED_VARIABLES = new Set(["CodeBuild", "CloudFormation", "Lambda"]);

/**
 * The variables an action whose variable names the user chooses would produce. The user guide
 * ("Variables reference"): "CodeBuild actions produce as variables all environment variables that
 * were exported as part of the build"; CloudFormation actions produce their stack's outputs and
 * Lambda actions the variables the function returns. The sandbox runs no build, stack or function,
 * so such an action produces every variable the pipeline references in its namespace, as a
 * correctly configured one would (a scenario rule's `outputVariables` give real values). A Commands
 * action exports the variables its declaration lists in `outputVariables`.
 */
function userDefinedVariables(
  action: ActionDeclaration,
  ctx: RunContext,
  runId: string,
): Record<string, string> {
  const { owner, provider } = action.actionTypeId;
  if (owner !== "AWS") return {};
  const names =
    provider === "Commands"
      ? (action.outputVariables ?? [])
      : USER_DEFINED_VARIABLES.has(provider) && action.namespace !== undefined
        ? referencedNames(ctx.declaration, action.namespace)
        : [];
  return Object.fromEntries(names.map((name) => [name, `${name.toLowerCase()}-${fakeHex(8, runId, name)}`]));
}

/** Where a succeeded action's output artifacts are. */
export function outputLocations(
  action: ActionDeclaration,
  ctx: RunContext,
  run: ActionRunRecord,
): ArtifactDetailRecord[] {
  return (action.outputArtifacts ?? []).map((a) => artifactLocation(ctx, a.name, run.input.region));
}

/** What a provider reports when it takes a job: its own execution id, a console link, a log stream. */
interface ProviderExecution {
  externalExecutionId: string;
  externalExecutionUrl?: string;
  logStreamARN?: string;
}

/**
 * The external execution a provider would start for an action (a CodeBuild build, a CodeDeploy
 * deployment, a Commands action's log stream), so action details in the runs view have the links
 * and log streams the service gives for the same providers. Other providers get an opaque id.
 * CodeBuild build ids are `<project>:<uuid>` (the service's, e.g.
 * `PipelineBuildSynthCdkBuildP-72ly4l5as5hX:444c1ea1-c84f-4bd9-8b35-8af9ad3883ce`); CodeDeploy
 * deployment ids `d-` and nine characters (`d-KFGF3WTS2` in pipelines-view-cli).
 */
export function providerExecution(
  action: ActionDeclaration,
  ctx: RunContext,
  runId: string,
): ProviderExecution {
  const { provider, owner } = action.actionTypeId;
  const region = action.region ?? ctx.region;
  const config = action.configuration ?? {};
  const id = `${fakeHex(8, runId)}-${fakeHex(4, runId, "x")}`;
  if (owner !== "AWS") return { externalExecutionId: id };
  if (provider === "CodeBuild") {
    const build = `${config.ProjectName ?? "project"}:${fakeUuid(runId, "build")}`;
    return { externalExecutionId: build, externalExecutionUrl: codeBuildBuildUrl(region, build) };
  }
  if (provider === "CodeDeploy") {
    const deployment = `d-${fakeHex(9, runId).toUpperCase()}`;
    return {
      externalExecutionId: deployment,
      externalExecutionUrl: codeDeployDeploymentUrl(region, deployment),
    };
  }
  if (provider === "Commands") {
    return {
      externalExecutionId: id,
      logStreamARN: `arn:aws:logs:${region}:${accountOf(ctx)}:log-group:/aws/codepipeline/${ctx.pipeline.name}:log-stream:${action.name}/${runId}`,
    };
  }
  return { externalExecutionId: id };
}
