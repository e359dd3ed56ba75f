/**
 * Building one simulated action execution: its input as ListActionExecutions shows it (with
 * `#{...}` variables resolved), and the plausible output a real provider would report (source
 * revisions, artifact locations, external execution ids and URLs).
 */
import { createHash } from "node:crypto";
import type { ActionDeclaration, PipelineDeclaration } from "../../shared/pipeline/model";
import type { ActionRunRecord, ArtifactDetailRecord, ExecutionRecord, PipelineRecord } from "./records";
import type { PlannedOutcome } from "./scenario";

export interface RunContext {
  pipeline: PipelineRecord;
  declaration: PipelineDeclaration;
  execution: ExecutionRecord;
  region: string;
}

/** Deterministic hex from the run's identity, so revisions look like commit ids and stay stable. */
export function fakeHex(length: number, ...parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, length);
}

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

/** Variables visible to an action: the pipeline's, codepipeline's own, and earlier namespaces. */
function variableScope(ctx: RunContext, runs: readonly ActionRunRecord[]): Map<string, string> {
  const scope = new Map<string, string>();
  scope.set("codepipeline.PipelineExecutionId", ctx.execution.id);
  for (const variable of ctx.execution.variables)
    scope.set(`variables.${variable.name}`, variable.resolvedValue);
  for (const run of runs) {
    if (run.executionId !== ctx.execution.id || run.status !== "Succeeded" || !run.input.namespace) continue;
    for (const [key, value] of Object.entries(run.output.outputVariables)) {
      scope.set(`${run.input.namespace}.${key}`, value);
    }
  }
  return scope;
}

export function resolveConfiguration(
  configuration: Record<string, string>,
  ctx: RunContext,
  runs: readonly ActionRunRecord[],
): Record<string, string> {
  const scope = variableScope(ctx, runs);
  return Object.fromEntries(
    Object.entries(configuration).map(([key, value]) => [
      key,
      value.replace(
        /#\{([A-Za-z0-9@\-_]+\.[A-Za-z0-9@\-_.]+)\}/g,
        (whole, ref: string) => scope.get(ref) ?? whole,
      ),
    ]),
  );
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
    if (run.executionId !== ctx.execution.id) continue;
    for (const artifact of run.output.outputArtifacts) produced.set(artifact.name, artifact);
  }
  return artifacts.map(
    (artifact) => produced.get(artifact.name) ?? artifactLocation(ctx, artifact.name, region),
  );
}

/** The input half of an ActionExecutionDetail; input artifacts point at the producers' outputs. */
export function buildInput(
  action: ActionDeclaration,
  ctx: RunContext,
  runs: readonly ActionRunRecord[],
): ActionRunRecord["input"] {
  const configuration = action.configuration ?? {};
  const region = action.region ?? ctx.region;
  const input: ActionRunRecord["input"] = {
    actionTypeId: { ...action.actionTypeId },
    configuration: { ...configuration },
    resolvedConfiguration: resolveConfiguration(configuration, ctx, runs),
    region,
    inputArtifacts: inputArtifactDetails(action.inputArtifacts ?? [], ctx, runs, region),
  };
  if (action.roleArn !== undefined) input.roleArn = action.roleArn;
  if (action.namespace !== undefined) input.namespace = action.namespace;
  return input;
}

export interface SourceRevision {
  revisionId: string;
  revisionSummary: string;
  revisionUrl: string;
  branch?: string;
}

/** A revision a source provider could report: a commit, an image digest or an S3 version. */
export function sourceRevision(action: ActionDeclaration, ctx: RunContext, summary?: string): SourceRevision {
  const override = ctx.execution.revisionOverrides.find((o) => o.actionName === action.name);
  const config = action.configuration ?? {};
  const provider = action.actionTypeId.provider;
  const branch = config.BranchName;
  const seed = [ctx.pipeline.name, action.name, ctx.execution.id];
  const isImage = provider === "ECR";
  const isObject = provider === "S3";
  const revisionId =
    override?.revisionValue ??
    (isImage ? `sha256:${fakeHex(64, ...seed)}` : isObject ? fakeHex(32, ...seed) : fakeHex(40, ...seed));
  const repo = config.FullRepositoryId ?? config.RepositoryName ?? config.S3Bucket ?? "repository";
  const revisionUrl =
    provider === "CodeStarSourceConnection"
      ? `https://github.com/${repo}/commit/${revisionId}`
      : `https://console.aws.amazon.com/codesuite/codecommit/repositories/${repo}/commit/${revisionId}?region=${ctx.region}`;
  const message =
    summary ?? (isImage ? `Image ${config.ImageTag ?? "latest"}` : `Simulated change on ${branch ?? "main"}`);
  const result: SourceRevision = { revisionId, revisionSummary: message, revisionUrl };
  if (branch !== undefined) result.branch = branch;
  return result;
}

/** Fills a succeeded run's output; source actions also stamp the run's source revisions. */
export function recordSuccess(
  run: ActionRunRecord,
  action: ActionDeclaration,
  ctx: RunContext,
  plan: PlannedOutcome,
  now: number,
): void {
  const result = run.output.executionResult;
  const execution = ctx.execution;
  const variables: Record<string, string> = {};
  if (run.category === "Source") {
    const { branch, ...revision } = sourceRevision(action, ctx, plan.summary);
    result.externalExecutionId = revision.revisionId;
    result.externalExecutionSummary = revision.revisionSummary;
    result.externalExecutionUrl ??= revision.revisionUrl;
    variables.CommitId = revision.revisionId;
    variables.CommitMessage = revision.revisionSummary;
    if (branch !== undefined) variables.BranchName = branch;
    execution.sourceRevisions = execution.sourceRevisions.filter((r) => r.actionName !== action.name);
    execution.sourceRevisions.push({ actionName: action.name, ...revision });
    for (const artifact of action.outputArtifacts ?? []) {
      execution.artifactRevisions = execution.artifactRevisions.filter((r) => r.name !== artifact.name);
      execution.artifactRevisions.push({ name: artifact.name, ...revision, created: now });
    }
  } else {
    result.externalExecutionSummary = plan.summary ?? `${run.actionName} succeeded (simulated)`;
  }
  run.summary = result.externalExecutionSummary;
  run.output.outputVariables = Object.fromEntries([
    ...Object.entries(variables),
    ...Object.entries(plan.outputVariables),
  ]);
  run.output.outputArtifacts = (action.outputArtifacts ?? []).map((a) =>
    artifactLocation(ctx, a.name, run.input.region),
  );
}

/** What a provider reports when it takes a job: its own execution id, a console link, a log stream. */
export interface ProviderExecution {
  externalExecutionId: string;
  externalExecutionUrl?: string;
  logStreamARN?: string;
}

/**
 * The external execution a provider would start for an action (a CodeBuild build, a CodeDeploy
 * deployment, a Commands action's log stream), so action details in the runs view have the links
 * and log streams the service gives for the same providers. Other providers get an opaque id.
 */
export function providerExecution(
  action: ActionDeclaration,
  ctx: RunContext,
  runId: string,
): ProviderExecution {
  const { provider, owner } = action.actionTypeId;
  const region = action.region ?? ctx.region;
  const account = /^arn:[^:]+:codepipeline:[^:]*:(\d{12}):/.exec(ctx.pipeline.arn)?.[1] ?? "123456789012";
  const config = action.configuration ?? {};
  const id = `${fakeHex(8, runId)}-${fakeHex(4, runId, "x")}`;
  if (owner !== "AWS") return { externalExecutionId: id };
  if (provider === "CodeBuild") {
    const project = config.ProjectName ?? "project";
    const build = `${project}:${fakeHex(8, runId)}-${fakeHex(4, runId, "a")}-${fakeHex(4, runId, "b")}-${fakeHex(12, runId, "c")}`;
    return {
      externalExecutionId: build,
      externalExecutionUrl: `https://${region}.console.aws.amazon.com/codesuite/codebuild/${account}/projects/${encodeURIComponent(project)}/build/${encodeURIComponent(build)}/?region=${region}`,
    };
  }
  if (provider === "CodeDeploy") {
    const deployment = `d-${fakeHex(9, runId).toUpperCase()}`;
    return {
      externalExecutionId: deployment,
      externalExecutionUrl: `https://${region}.console.aws.amazon.com/codesuite/codedeploy/deployments/${deployment}?region=${region}`,
    };
  }
  if (provider === "Commands") {
    return {
      externalExecutionId: id,
      logStreamARN: `arn:aws:logs:${region}:${account}:log-group:/aws/codepipeline/${ctx.pipeline.name}:log-stream:${action.name}/${runId}`,
    };
  }
  return { externalExecutionId: id };
}
