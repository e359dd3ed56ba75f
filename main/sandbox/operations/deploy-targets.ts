/**
 * ListDeployActionExecutionTargets: "Lists the targets for the deploy action"
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ListDeployActionExecutionTargets.html).
 * The EC2 deploy action is the one that deploys to targets (its fleet of instances or SSM
 * managed nodes); the sandbox simulates a fleet of two per action execution, whose status follows
 * the action's. Lifecycle events are not simulated (`events` is empty). Other actions have no
 * targets.
 */
import { createHash } from "node:crypto";
import { requirePipeline, type OperationHandler } from "../context";
import { paginate } from "../pagination";
import { epochSeconds, fail } from "../protocol";
import type { ActionRunRecord, PipelineRecord } from "../records";

const FLEET_SIZE = 2;

interface Target {
  targetId: string;
  targetType: string;
  status: string;
  startTime: number;
  endTime?: number;
}

function targetsOf(run: ActionRunRecord): Target[] {
  const type = run.input.actionTypeId;
  if (type.category !== "Deploy" || type.owner !== "AWS" || type.provider !== "EC2") return [];
  const targetType = run.input.configuration.InstanceType === "SSM_MANAGED_NODE" ? "SSM_MANAGED_NODE" : "EC2";
  return Array.from({ length: FLEET_SIZE }, (_, i) => ({
    // Instance ids are i- and 17 hex digits; derived from the run so they stay the same on every call.
    targetId: `${targetType === "EC2" ? "i" : "mi"}-${createHash("sha1").update(`${run.id}/${i}`).digest("hex").slice(0, 17)}`,
    targetType,
    status: run.status,
    startTime: run.startTime,
    ...(run.status === "InProgress" ? {} : { endTime: run.lastUpdateTime }),
  }));
}

export const listDeployActionExecutionTargets: OperationHandler = (ctx, input) => {
  const id = input.actionExecutionId as string;
  const pipelines: readonly PipelineRecord[] =
    input.pipelineName === undefined
      ? ctx.state.pipelines
      : [requirePipeline(ctx, input.pipelineName as string)];
  let run: ActionRunRecord | undefined;
  for (const pipeline of pipelines) {
    run = pipeline.actionRuns.find((r) => r.id === id);
    if (run) break;
  }
  if (!run) fail("ActionExecutionNotFoundException", `No action execution with this id: ${id}`);
  const filters = (input.filters as { name?: string; values?: string[] }[] | undefined) ?? [];
  const wanted = filters.filter((f) => f.name === "TARGET_STATUS").flatMap((f) => f.values ?? []);
  const targets = targetsOf(run).filter((t) => wanted.length === 0 || wanted.includes(t.status));
  const { page, nextToken } = paginate(
    targets,
    (t) => t.targetId,
    input as { nextToken?: string; maxResults?: number },
    `ListDeployActionExecutionTargets:${id}:${wanted.join(",")}`,
    100,
  );
  return {
    targets: page.map((t) => ({
      targetId: t.targetId,
      targetType: t.targetType,
      status: t.status,
      startTime: epochSeconds(t.startTime),
      ...(t.endTime === undefined ? {} : { endTime: epochSeconds(t.endTime) }),
      events: [],
    })),
    nextToken,
  };
};
