/**
 * The execution state machine: how runs progress. Runs move stage by stage; inside a stage, runOrder groups run in
 * sequence and the actions of a group in parallel. In SUPERSEDED and QUEUED modes a stage holds
 * one run at a time and later runs wait before it (SUPERSEDED: a newer waiting run replaces an
 * older one; QUEUED: first come, first served); PARALLEL runs never wait for each other. A
 * disabled transition holds runs before its stage in every mode. All timing comes from the Clock.
 */
import { randomUUID } from "node:crypto";
import type { ActionDeclaration, PipelineDeclaration, StageDeclaration } from "../../shared/pipeline/model";
import { buildInput, providerExecution, recordSuccess, type RunContext } from "./action-runs";
import { isActive, runOrderGroups, runsOf } from "./execution-queries";
import type { Clock, TimerHandle } from "./clock";
import type { ActionRunRecord, ExecutionRecord, PipelineRecord, SandboxState, StageRun } from "./records";
import type { ScenarioBook } from "./scenario";

/** A manual approval waits seven days unless its timeoutInMinutes says otherwise. */
const DEFAULT_APPROVAL_MINUTES = 7 * 24 * 60;

export interface EngineOptions {
  clock: Clock;
  scenario: ScenarioBook;
  region: string;
  onChange: () => void;
}

export interface StartRequest {
  trigger: { triggerType: string; triggerDetail?: string };
  variables?: { name: string; resolvedValue: string }[];
  revisionOverrides?: ExecutionRecord["revisionOverrides"];
  rollback?: { stageName: string; target: ExecutionRecord };
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

export class ExecutionFlow {
  protected readonly timers = new Map<string, TimerHandle>();

  constructor(
    protected readonly state: SandboxState,
    protected readonly options: EngineOptions,
  ) {}

  get clock(): Clock {
    return this.options.clock;
  }

  nextSeq(): number {
    this.state.seq += 1;
    return this.state.seq;
  }

  protected touch(execution: ExecutionRecord): void {
    execution.lastUpdateTime = this.clock.now();
    this.options.onChange();
  }

  declarationOf(pipeline: PipelineRecord, execution: ExecutionRecord): PipelineDeclaration {
    const declaration = pipeline.versions[execution.version - 1];
    if (!declaration) throw new Error(`run ${execution.id} refers to missing version ${execution.version}`);
    return declaration;
  }

  protected stageDeclaration(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    index: number,
  ): StageDeclaration {
    const stage = this.declarationOf(pipeline, execution).stages[index];
    if (!stage) throw new Error(`run ${execution.id} has no stage ${index}`);
    return stage;
  }

  start(pipeline: PipelineRecord, request: StartRequest): ExecutionRecord {
    const declaration = pipeline.versions[pipeline.versions.length - 1];
    if (!declaration) throw new Error(`pipeline ${pipeline.name} has no versions`);
    const now = this.clock.now();
    const target = request.rollback?.target;
    const execution: ExecutionRecord = {
      id: randomUUID(),
      version: declaration.version ?? pipeline.versions.length,
      seq: this.nextSeq(),
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
  protected arrive(pipeline: PipelineRecord, execution: ExecutionRecord, index: number): void {
    execution.position = index;
    if (
      index >= execution.stages.length ||
      (execution.onlyStage && execution.stages[index]?.name !== execution.onlyStage)
    ) {
      execution.position = execution.stages.length;
      execution.status = "Succeeded";
      execution.waiting = false;
      this.touch(execution);
      return;
    }
    execution.waiting = true;
    execution.waitSeq = this.nextSeq();
    if (execution.executionMode === "SUPERSEDED") {
      const stageName = execution.stages[index]?.name;
      for (const other of pipeline.executions) {
        if (other === execution || !other.waiting || !isActive(other)) continue;
        if (other.stages[other.position]?.name !== stageName) continue;
        other.waiting = false;
        other.status = "Superseded";
        other.statusSummary = `Superseded by execution ${execution.id}`;
        this.touch(other);
      }
    }
    this.touch(execution);
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

  protected occupant(
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

  protected tryEnter(pipeline: PipelineRecord, execution: ExecutionRecord): boolean {
    const index = execution.position;
    const stage = execution.stages[index];
    if (!stage) return false;
    const previous = index > 0 && !execution.onlyStage ? execution.stages[index - 1] : undefined;
    if (!this.transitionOpen(pipeline, stage.name, "Inbound")) return false;
    if (previous && !this.transitionOpen(pipeline, previous.name, "Outbound")) return false;
    if (execution.executionMode !== "PARALLEL" && this.occupant(pipeline, stage.name, execution))
      return false;
    this.markEntered(execution, stage);
    this.stageEntered(pipeline, execution);
    return true;
  }

  /** The run is in `stage` from its first runOrder group: on entry, and again on a retry. */
  protected markEntered(execution: ExecutionRecord, stage: StageRun): void {
    execution.waiting = false;
    stage.status = "InProgress";
    stage.enteredSeq = this.nextSeq();
    stage.group = 0;
    delete stage.failedCondition;
    this.touch(execution);
  }

  /** The run now holds the stage; the base flow starts its actions at once. */
  protected stageEntered(pipeline: PipelineRecord, execution: ExecutionRecord): void {
    this.runGroup(pipeline, execution);
  }

  latestRun(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    stageName: string,
    actionName: string,
  ): ActionRunRecord | undefined {
    const runs = runsOf(pipeline, execution);
    for (let i = runs.length - 1; i >= 0; i--) {
      const run = runs[i];
      if (run && run.stageName === stageName && run.actionName === actionName) return run;
    }
    return undefined;
  }

  /** How many times the run has started the action so far (retries run it again). */
  protected attemptOf(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    stage: string,
    action: string,
  ): number {
    return runsOf(pipeline, execution).filter((r) => r.stageName === stage && r.actionName === action).length;
  }

  /** Starts the current runOrder group, skipping groups a FAILED_ACTIONS retry need not repeat. */
  protected runGroup(pipeline: PipelineRecord, execution: ExecutionRecord): void {
    const stage = execution.stages[execution.position] as StageRun;
    const groups = runOrderGroups(this.stageDeclaration(pipeline, execution, execution.position));
    for (; stage.group < groups.length; stage.group++) {
      const actions = (groups[stage.group] ?? []).filter(
        (action) =>
          execution.retryMode !== "FAILED_ACTIONS" ||
          this.latestRun(pipeline, execution, stage.name, action.name)?.status !== "Succeeded",
      );
      if (actions.length > 0) {
        for (const action of actions) this.startAction(pipeline, execution, stage, action);
        return;
      }
    }
    this.completeStage(pipeline, execution, stage);
  }

  protected context(pipeline: PipelineRecord, execution: ExecutionRecord): RunContext {
    return {
      pipeline,
      declaration: this.declarationOf(pipeline, execution),
      execution,
      region: this.options.region,
    };
  }

  protected startAction(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    stage: StageRun,
    action: ActionDeclaration,
  ): void {
    const now = this.clock.now();
    const category = action.actionTypeId.category;
    const attempt = this.attemptOf(pipeline, execution, stage.name, action.name) + 1;
    const plan = this.options.scenario.plan(pipeline.name, stage.name, action.name, category, attempt);
    const ctx = this.context(pipeline, execution);
    const id = randomUUID();
    const run: ActionRunRecord = {
      id,
      executionId: execution.id,
      version: execution.version,
      seq: this.nextSeq(),
      stageName: stage.name,
      actionName: action.name,
      category,
      startTime: now,
      lastUpdateTime: now,
      status: "InProgress",
      dueAt: now + plan.durationSeconds * 1000,
      input: buildInput(action, ctx, runsOf(pipeline, execution)),
      output: { outputArtifacts: [], executionResult: {}, outputVariables: {} },
    };
    if (category === "Approval" && plan.outcome === undefined) {
      run.token = randomUUID();
      run.approvalOpen = true;
      run.dueAt = now + (action.timeoutInMinutes ?? DEFAULT_APPROVAL_MINUTES) * 60_000;
    } else {
      Object.assign(run.output.executionResult, providerExecution(action, ctx, id));
    }
    pipeline.actionRuns.push(run);
    this.touch(execution);
    this.timers.set(
      id,
      this.clock.schedule(run.dueAt, () => {
        this.timers.delete(id);
        this.finishAction(pipeline, execution, run, action);
      }),
    );
  }

  /** The action's time is up: apply the scenario's outcome, or expire an unanswered approval. */
  protected finishAction(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    run: ActionRunRecord,
    action: ActionDeclaration,
  ): void {
    if (run.status !== "InProgress") return;
    const now = this.clock.now();
    run.lastUpdateTime = now;
    if (run.approvalOpen) {
      run.approvalOpen = false;
      run.status = "Failed";
      const minutes = action.timeoutInMinutes ?? DEFAULT_APPROVAL_MINUTES;
      run.output.executionResult.errorDetails = {
        code: "JobFailed",
        message: `The approval request expired after ${minutes} minutes without a response`,
      };
      return this.actionSettled(pipeline, execution);
    }
    const attempt = this.attemptOf(pipeline, execution, run.stageName, run.actionName);
    const plan = this.options.scenario.plan(
      pipeline.name,
      run.stageName,
      run.actionName,
      run.category,
      attempt,
    );
    const ctx = this.context(pipeline, execution);
    const result = run.output.executionResult;
    if (plan.externalExecutionUrl !== undefined) result.externalExecutionUrl = plan.externalExecutionUrl;
    if (plan.outcome === "fail") {
      run.status = "Failed";
      const message = plan.errorMessage ?? `Action ${run.actionName} failed (simulated)`;
      result.errorDetails = { code: "JobFailed", message };
      if (plan.summary !== undefined) result.externalExecutionSummary = plan.summary;
      run.summary = plan.summary ?? message;
      return this.actionSettled(pipeline, execution);
    }
    run.status = "Succeeded";
    recordSuccess(run, action, ctx, plan, now);
    this.actionSettled(pipeline, execution);
  }

  /** After any action ends: finish the stop, fail the stage, or move to the next group. */
  protected actionSettled(pipeline: PipelineRecord, execution: ExecutionRecord): void {
    this.options.onChange();
    if (!isActive(execution)) return;
    const stage = execution.stages[execution.position];
    if (!stage) return;
    const running = runsOf(pipeline, execution).some(
      (r) => r.stageName === stage.name && r.status === "InProgress",
    );
    this.touch(execution);
    if (running) return;
    if (execution.stopMode) return this.finishStop(pipeline, execution);
    // A condition check decides what happens next, not the last action that ended.
    if (stage.checking) return;
    const summary = this.groupFailureSummary(pipeline, execution, stage);
    if (summary !== undefined) return this.actionsFailed(pipeline, execution, stage, summary);
    stage.group += 1;
    this.runGroup(pipeline, execution);
  }

  /** Why the stage's current runOrder group failed, or undefined when none of it failed. */
  protected groupFailureSummary(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    stage: StageRun,
  ): string | undefined {
    const group =
      runOrderGroups(this.stageDeclaration(pipeline, execution, execution.position))[stage.group] ?? [];
    const firstFailure = group
      .map((action) => this.latestRun(pipeline, execution, stage.name, action.name))
      .find((run): run is ActionRunRecord => run?.status === "Failed");
    if (!firstFailure) return undefined;
    const message = firstFailure.output.executionResult.errorDetails?.message ?? "failed";
    return `Stage ${stage.name} failed: action ${firstFailure.actionName}: ${message}`;
  }

  /** An action of the stage failed once its group finished; the base flow fails the run. */
  protected actionsFailed(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    stage: StageRun,
    summary: string,
  ): void {
    this.failStage(execution, stage, summary);
    this.pump(pipeline);
  }

  protected failStage(execution: ExecutionRecord, stage: StageRun, summary: string): void {
    stage.status = "Failed";
    execution.status = "Failed";
    delete execution.retryMode;
    execution.statusSummary = summary;
    this.touch(execution);
  }

  protected completeStage(pipeline: PipelineRecord, execution: ExecutionRecord, stage: StageRun): void {
    stage.status = "Succeeded";
    delete execution.retryMode;
    this.touch(execution);
    this.arrive(pipeline, execution, execution.position + 1);
    this.pump(pipeline);
  }

  protected abandonRunning(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    onlyApprovals: boolean,
  ): void {
    for (const run of runsOf(pipeline, execution)) {
      if (run.status !== "InProgress") continue;
      if (onlyApprovals && !run.approvalOpen) continue;
      const handle = this.timers.get(run.id);
      if (handle) this.clock.cancel(handle);
      this.timers.delete(run.id);
      run.status = "Abandoned";
      run.approvalOpen = false;
      run.lastUpdateTime = this.clock.now();
    }
  }

  protected finishStop(pipeline: PipelineRecord, execution: ExecutionRecord): void {
    const stage = execution.stages[execution.position];
    const status = execution.stopMode === "cancel" ? "Cancelled" : "Stopped";
    if (stage) stage.status = status;
    execution.status = status;
    this.touch(execution);
    this.pump(pipeline);
  }
}
