/**
 * The run state machine: how runs progress. Runs move stage by stage; inside a stage, runOrder
 * groups run in sequence and the actions of a group in parallel. In SUPERSEDED and QUEUED modes a
 * stage holds one run at a time and later runs wait before it (SUPERSEDED: a newer waiting run
 * replaces an older one; QUEUED: first come, first served); PARALLEL runs never wait for each
 * other. A disabled transition holds runs before its stage in every mode. All timing comes from
 * the Clock.
 *
 * At three points the service may do more than move the run on (a stage entered, its actions all
 * succeeded, one of them failed); the machine hands those to its StageHooks, which check stage
 * conditions and apply onFailure results.
 */
import { randomUUID } from "node:crypto";
import type { PipelineDeclaration } from "../../shared/pipeline/model";
import type { ActionRunner } from "./action-runner";
import type { EngineCore, StartRequest } from "./engine-core";
import { isActive, latestRun, runOrderGroups, runsOf } from "./execution-queries";
import type { ActionRunRecord, ExecutionRecord, PipelineRecord, StageRun } from "./records";

/** What happens at the points where a stage may do more than let the run go on. */
export interface StageHooks {
  /** The run now holds the stage; without entry conditions its actions start at once. */
  entered(pipeline: PipelineRecord, execution: ExecutionRecord): void;
  /** Every action of the stage succeeded; without success conditions the run moves on. */
  actionsSucceeded(pipeline: PipelineRecord, execution: ExecutionRecord, stage: StageRun): void;
  /** An action of the stage failed, once its group finished. */
  actionsFailed(pipeline: PipelineRecord, execution: ExecutionRecord, stage: StageRun, summary: string): void;
}

/**
 * A run nobody gave variables to (the one CreatePipeline starts) resolves the pipeline's
 * variables to their defaults, as StartPipelineExecution does for variables it is not given.
 */
function defaultVariables(declaration: PipelineDeclaration): ExecutionRecord["variables"] {
  return (declaration.variables ?? []).flatMap((v) =>
    v.defaultValue === undefined ? [] : [{ name: v.name, resolvedValue: v.defaultValue }],
  );
}

export class RunMachine {
  constructor(
    private readonly core: EngineCore,
    private readonly actions: ActionRunner,
    private readonly hooks: StageHooks,
  ) {}

  start(pipeline: PipelineRecord, request: StartRequest): ExecutionRecord {
    const declaration = pipeline.versions[pipeline.versions.length - 1];
    if (!declaration) throw new Error(`pipeline ${pipeline.name} has no versions`);
    const now = this.core.clock.now();
    const target = request.rollback?.target;
    const execution: ExecutionRecord = {
      id: randomUUID(),
      version: declaration.version ?? pipeline.versions.length,
      seq: this.core.nextSeq(),
      status: "InProgress",
      startTime: now,
      lastUpdateTime: now,
      trigger: request.trigger,
      executionMode: declaration.executionMode ?? "SUPERSEDED",
      executionType: request.rollback ? "ROLLBACK" : "STANDARD",
      sourceRevisions: target ? target.sourceRevisions.map((r) => ({ ...r })) : [],
      artifactRevisions: target ? target.artifactRevisions.map((r) => ({ ...r })) : [],
      variables:
        request.variables ??
        (target ? target.variables.map((v) => ({ ...v })) : defaultVariables(declaration)),
      revisionOverrides: request.revisionOverrides ?? [],
      stages: declaration.stages.map((stage) => ({ name: stage.name, group: 0, manualRetries: 0 })),
      position: 0,
      waiting: false,
    };
    if (request.rollback) {
      execution.rollbackTargetId = request.rollback.target.id;
      execution.onlyStage = request.rollback.stageName;
      execution.position = declaration.stages.findIndex((s) => s.name === request.rollback?.stageName);
    }
    pipeline.executions.push(execution);
    this.arrive(pipeline, execution, execution.position);
    return execution;
  }

  /** The run reaches the transition before stage `index` (or the end of the pipeline). */
  arrive(pipeline: PipelineRecord, execution: ExecutionRecord, index: number): void {
    execution.position = index;
    if (
      index >= execution.stages.length ||
      (execution.onlyStage && execution.stages[index]?.name !== execution.onlyStage)
    ) {
      execution.position = execution.stages.length;
      execution.status = "Succeeded";
      execution.waiting = false;
      this.core.touch(execution);
      return;
    }
    execution.waiting = true;
    execution.waitSeq = this.core.nextSeq();
    if (execution.executionMode === "SUPERSEDED") {
      const stageName = execution.stages[index]?.name;
      for (const other of pipeline.executions) {
        if (other === execution || !other.waiting || !isActive(other)) continue;
        if (other.stages[other.position]?.name !== stageName) continue;
        other.waiting = false;
        other.status = "Superseded";
        other.statusSummary = `Superseded by execution ${execution.id}`;
        this.core.touch(other);
      }
    }
    this.core.touch(execution);
    this.pump(pipeline);
  }

  /** Lets every waiting run that can now enter its stage do so, oldest first. */
  pump(pipeline: PipelineRecord): void {
    for (let progressed = true; progressed;) {
      progressed = false;
      const waiting = pipeline.executions
        .filter((e) => e.waiting && isActive(e))
        .sort((a, b) => (a.waitSeq ?? 0) - (b.waitSeq ?? 0));
      for (const execution of waiting) {
        if (execution.waiting && this.tryEnter(pipeline, execution)) progressed = true;
      }
    }
  }

  transitionOpen(
    pipeline: PipelineRecord,
    stageName: string,
    transitionType: "Inbound" | "Outbound",
  ): boolean {
    const record = pipeline.transitions.find(
      (t) => t.stageName === stageName && t.transitionType === transitionType,
    );
    return record?.enabled ?? true;
  }

  /** Another run holding the stage, which keeps a SUPERSEDED or QUEUED run out of it. */
  occupant(
    pipeline: PipelineRecord,
    stageName: string,
    except: ExecutionRecord,
  ): ExecutionRecord | undefined {
    return pipeline.executions.find(
      (e) =>
        e !== except &&
        isActive(e) &&
        !e.waiting &&
        e.stages[e.position]?.name === stageName &&
        (e.stages[e.position]?.status === "InProgress" || e.stages[e.position]?.status === "Stopping"),
    );
  }

  private tryEnter(pipeline: PipelineRecord, execution: ExecutionRecord): boolean {
    const index = execution.position;
    const stage = execution.stages[index];
    if (!stage) return false;
    const previous = index > 0 && !execution.onlyStage ? execution.stages[index - 1] : undefined;
    if (!this.transitionOpen(pipeline, stage.name, "Inbound")) return false;
    if (previous && !this.transitionOpen(pipeline, previous.name, "Outbound")) return false;
    if (execution.executionMode !== "PARALLEL" && this.occupant(pipeline, stage.name, execution))
      return false;
    this.markEntered(execution, stage);
    this.hooks.entered(pipeline, execution);
    return true;
  }

  /** The run is in `stage` from its first runOrder group: on entry, and again on a retry. */
  markEntered(execution: ExecutionRecord, stage: StageRun): void {
    execution.waiting = false;
    stage.status = "InProgress";
    stage.enteredSeq = this.core.nextSeq();
    stage.group = 0;
    delete stage.failedCondition;
    this.core.touch(execution);
  }

  /** Starts the current runOrder group, skipping groups a FAILED_ACTIONS retry need not repeat. */
  runGroup(pipeline: PipelineRecord, execution: ExecutionRecord): void {
    const stage = execution.stages[execution.position] as StageRun;
    const groups = runOrderGroups(this.core.stageDeclaration(pipeline, execution, execution.position));
    for (; stage.group < groups.length; stage.group++) {
      const actions = (groups[stage.group] ?? []).filter(
        (action) =>
          execution.retryMode !== "FAILED_ACTIONS" ||
          latestRun(pipeline, execution, stage.name, action.name)?.status !== "Succeeded",
      );
      if (actions.length > 0) {
        for (const action of actions) this.actions.start(pipeline, execution, stage, action);
        return;
      }
    }
    this.hooks.actionsSucceeded(pipeline, execution, stage);
  }

  /** After any action ends: finish the stop, fail the stage, or move to the next group. */
  actionSettled(pipeline: PipelineRecord, execution: ExecutionRecord): void {
    this.core.changed();
    if (!isActive(execution)) return;
    const stage = execution.stages[execution.position];
    if (!stage) return;
    const running = runsOf(pipeline, execution).some(
      (r) => r.stageName === stage.name && r.status === "InProgress",
    );
    this.core.touch(execution);
    if (running) return;
    if (execution.stopMode) return this.finishStop(pipeline, execution);
    // A condition check decides what happens next, not the last action that ended.
    if (stage.checking) return;
    const summary = this.groupFailureSummary(pipeline, execution, stage);
    if (summary !== undefined) return this.hooks.actionsFailed(pipeline, execution, stage, summary);
    stage.group += 1;
    this.runGroup(pipeline, execution);
  }

  /** Why the stage's current runOrder group failed, or undefined when none of it failed. */
  groupFailureSummary(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    stage: StageRun,
  ): string | undefined {
    const group =
      runOrderGroups(this.core.stageDeclaration(pipeline, execution, execution.position))[stage.group] ?? [];
    const firstFailure = group
      .map((action) => latestRun(pipeline, execution, stage.name, action.name))
      .find((run): run is ActionRunRecord => run?.status === "Failed");
    if (!firstFailure) return undefined;
    const message = firstFailure.output.executionResult.errorDetails?.message ?? "failed";
    return `Stage ${stage.name} failed: action ${firstFailure.actionName}: ${message}`;
  }

  failStage(execution: ExecutionRecord, stage: StageRun, summary: string): void {
    stage.status = "Failed";
    execution.status = "Failed";
    delete execution.retryMode;
    execution.statusSummary = summary;
    this.core.touch(execution);
  }

  /** The stage is done (`Succeeded`, or `Skipped` by its entry conditions); the run moves on. */
  leaveStage(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    stage: StageRun,
    status: "Succeeded" | "Skipped",
  ): void {
    stage.status = status;
    delete execution.retryMode;
    this.core.touch(execution);
    this.arrive(pipeline, execution, execution.position + 1);
    this.pump(pipeline);
  }

  private finishStop(pipeline: PipelineRecord, execution: ExecutionRecord): void {
    const stage = execution.stages[execution.position];
    const status = execution.stopMode === "cancel" ? "Cancelled" : "Stopped";
    if (stage) stage.status = status;
    execution.status = status;
    this.core.touch(execution);
    this.pump(pipeline);
  }
}
