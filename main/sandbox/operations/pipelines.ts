/** CreatePipeline, GetPipeline, UpdatePipeline, DeletePipeline, ListPipelines. */
import { withServiceDefaults } from "../../../shared/diff";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";
import {
  findPipeline,
  pipelineArn,
  requirePipeline,
  type OperationHandler,
  type SandboxContext,
} from "../context";
import { paginate } from "../pagination";
import { fail } from "../protocol";
import { currentDeclaration, type PipelineRecord, type TagRecord } from "../records";
import { pruneToShape } from "../request-validation";
import { metadataView, pipelineSummaryView } from "../views";
import { checkStructure, customTypeSpecs } from "./structure-check";
import { checkTags } from "./tags";

/** Pipelines per account and region, as the service quota says. */
const MAX_PIPELINES = 1000;

/**
 * What the service stores: only modelled members, the version it assigns, and the defaults it
 * reports back when the caller left them out (SUPERSEDED, V1, and per action `runOrder: 1`, an
 * empty configuration and empty artifact lists, as GetPipeline shows them; one list of them,
 * shared with the deploy diff).
 */
function storedDeclaration(input: unknown, version: number): PipelineDeclaration {
  const pruned = pruneToShape("PipelineDeclaration", input) as PipelineDeclaration;
  return { ...withServiceDefaults(pruned), version };
}

function startOnChange(ctx: SandboxContext, pipeline: PipelineRecord, triggerType: string): void {
  ctx.engine.start(pipeline, { trigger: { triggerType, triggerDetail: ctx.principal } });
}

export const createPipeline: OperationHandler = (ctx, input) => {
  const declaration = input.pipeline as PipelineDeclaration;
  if (findPipeline(ctx, declaration.name)) {
    fail("PipelineNameInUseException", `A pipeline with this name already exists: ${declaration.name}`);
  }
  checkStructure(declaration, ctx.region, customTypeSpecs(ctx.partition.data.customActionTypes));
  if (ctx.state.pipelines.length >= MAX_PIPELINES) {
    fail(
      "LimitExceededException",
      `The account already has the maximum number of pipelines: ${MAX_PIPELINES}`,
    );
  }
  const tags = (input.tags as TagRecord[] | undefined) ?? [];
  checkTags(tags, []);
  const now = ctx.engine.clock.now();
  const stored = storedDeclaration(declaration, 1);
  const pipeline: PipelineRecord = {
    name: stored.name,
    arn: pipelineArn(ctx, stored.name),
    versions: [stored],
    created: now,
    updated: now,
    tags: tags.map((t) => ({ key: t.key, value: t.value })),
    transitions: [],
    executions: [],
    actionRuns: [],
    conditionChecks: [],
    ruleRuns: [],
    clientTokens: [],
  };
  ctx.state.pipelines.push(pipeline);
  // The service starts a run as soon as a pipeline is created.
  startOnChange(ctx, pipeline, "CreatePipeline");
  ctx.changed();
  // Tags come back sorted by key, and as an empty list when none were given, as moto (an
  // independent implementation, compared in moto-compare.test.ts) answers too.
  const sorted = [...pipeline.tags].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { pipeline: stored, tags: sorted };
};

export const getPipeline: OperationHandler = (ctx, input) => {
  const pipeline = requirePipeline(ctx, input.name as string);
  const version = input.version as number | undefined;
  const declaration = version === undefined ? currentDeclaration(pipeline) : pipeline.versions[version - 1];
  if (!declaration) fail("PipelineVersionNotFoundException", `The pipeline has no such version: ${version}`);
  return { pipeline: declaration, metadata: metadataView(pipeline) };
};

export const updatePipeline: OperationHandler = (ctx, input) => {
  const declaration = input.pipeline as PipelineDeclaration;
  const pipeline = requirePipeline(ctx, declaration.name);
  checkStructure(declaration, ctx.region, customTypeSpecs(ctx.partition.data.customActionTypes));
  const stored = storedDeclaration(declaration, pipeline.versions.length + 1);
  ctx.engine.cancelForUpdate(pipeline);
  pipeline.versions.push(stored);
  pipeline.updated = ctx.engine.clock.now();
  const stageNames = new Set(stored.stages.map((s) => s.name));
  pipeline.transitions = pipeline.transitions.filter((t) => stageNames.has(t.stageName));
  ctx.changed();
  return { pipeline: stored };
};

export const deletePipeline: OperationHandler = (ctx, input) => {
  const pipeline = findPipeline(ctx, input.name as string);
  // Deleting a pipeline that does not exist succeeds: the model lists no not-found error here.
  if (pipeline) {
    ctx.engine.forget(pipeline);
    ctx.state.pipelines = ctx.state.pipelines.filter((p) => p !== pipeline);
    ctx.changed();
  }
  return {};
};

export const listPipelines: OperationHandler = (ctx, input) => {
  const sorted = [...ctx.state.pipelines].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const { page, nextToken } = paginate(
    sorted,
    (p) => p.name,
    input as { nextToken?: string; maxResults?: number },
    "ListPipelines",
    100,
  );
  return { pipelines: page.map(pipelineSummaryView), nextToken };
};
