/**
 * One action execution from start to end: the scenario decides how long it takes and how it
 * ends; a manual approval waits for PutApprovalResult until its timeout; a custom or partner
 * action waits for a job worker (job-queue.ts). When an action ends the
 * runner tells the run machine (`settled`), which decides what the run does next.
 */
import { randomUUID } from "node:crypto";
import type { ActionDeclaration } from "../../shared/pipeline/model";
import { buildInput, providerExecution, recordSuccess } from "./action-runs";
import type { EngineCore } from "./engine-core";
import { jobKindOf, type JobQueue } from "./job-queue";
import { runsOf, visibleRuns } from "./execution-queries";
import { unresolvedMessage } from "./variables";
import type { ActionRunRecord, ExecutionRecord, PipelineRecord, StageRun } from "./records";

/** A manual approval waits seven days unless its timeoutInMinutes says otherwise. */
const DEFAULT_APPROVAL_MINUTES = 7 * 24 * 60;

type SettledListener = (pipeline: PipelineRecord, execution: ExecutionRecord) => void;

/** How many times the run has started the action so far (a stage retry runs it again). */
function attemptsOf(
  pipeline: PipelineRecord,
  execution: ExecutionRecord,
  stage: string,
  action: string,
): number {
  return runsOf(pipeline, execution).filter((r) => r.stageName === stage && r.actionName === action).length;
}

export class ActionRunner {
  constructor(
    private readonly core: EngineCore,
    private readonly jobs: JobQueue,
    private readonly settled: SettledListener,
  ) {}

  start(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    stage: StageRun,
    action: ActionDeclaration,
  ): void {
    const core = this.core;
    const now = core.clock.now();
    const category = action.actionTypeId.category;
    const attempt = attemptsOf(pipeline, execution, stage.name, action.name) + 1;
    const plan = core.scenario.plan(pipeline.name, stage.name, action.name, category, attempt);
    const ctx = core.runContext(pipeline, execution);
    const id = randomUUID();
    const { input, unresolved } = buildInput(action, ctx, visibleRuns(pipeline, execution));
    const run: ActionRunRecord = {
      id,
      executionId: execution.id,
      version: execution.version,
      seq: core.nextSeq(),
      stageName: stage.name,
      actionName: action.name,
      category,
      startTime: now,
      lastUpdateTime: now,
      status: "InProgress",
      dueAt: now + plan.durationSeconds * 1000,
      input,
      output: { outputArtifacts: [], executionResult: {}, outputVariables: {} },
    };
    pipeline.actionRuns.push(run);
    core.touch(execution);
    if (unresolved.length > 0) {
      // Ends on the next tick rather than at once, so the rest of its runOrder group starts first.
      run.dueAt = now;
      const message = unresolvedMessage("Action", action.name, unresolved);
      core.schedule(id, now, () => this.fail(pipeline, execution, run, message));
      return;
    }
    if (jobKindOf(action) !== undefined) {
      // A custom or partner action does nothing until a job worker takes its job.
      this.jobs.open(pipeline, execution, run, action);
      return;
    }
    if (category === "Approval" && plan.outcome === undefined) {
      run.token = randomUUID();
      run.approvalOpen = true;
      run.dueAt = now + (action.timeoutInMinutes ?? DEFAULT_APPROVAL_MINUTES) * 60_000;
    } else {
      Object.assign(run.output.executionResult, providerExecution(action, ctx, id));
    }
    core.schedule(id, run.dueAt, () => this.finish(pipeline, execution, run, action));
  }

  /** Ends a running action Failed with `message` (the service's JobFailed). */
  private fail(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    run: ActionRunRecord,
    message: string,
  ): void {
    if (run.status !== "InProgress") return;
    run.status = "Failed";
    run.lastUpdateTime = this.core.clock.now();
    run.output.executionResult.errorDetails = { code: "JobFailed", message };
    run.summary = message;
    this.settled(pipeline, execution);
  }

  /** The action's time is up: apply the scenario's outcome, or expire an unanswered approval. */
  private finish(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    run: ActionRunRecord,
    action: ActionDeclaration,
  ): void {
    if (run.status !== "InProgress") return;
    const core = this.core;
    const now = core.clock.now();
    run.lastUpdateTime = now;
    if (run.approvalOpen) {
      run.approvalOpen = false;
      run.status = "Failed";
      const minutes = action.timeoutInMinutes ?? DEFAULT_APPROVAL_MINUTES;
      run.output.executionResult.errorDetails = {
        code: "JobFailed",
        message: `The approval request expired after ${minutes} minutes without a response`,
      };
      return this.settled(pipeline, execution);
    }
    const attempt = attemptsOf(pipeline, execution, run.stageName, run.actionName);
    const plan = core.scenario.plan(pipeline.name, run.stageName, run.actionName, run.category, attempt);
    const ctx = core.runContext(pipeline, execution);
    const result = run.output.executionResult;
    if (plan.externalExecutionUrl !== undefined) result.externalExecutionUrl = plan.externalExecutionUrl;
    if (plan.outcome === "fail") {
      run.status = "Failed";
      const message = plan.errorMessage ?? `Action ${run.actionName} failed (simulated)`;
      result.errorDetails = { code: "JobFailed", message };
      if (plan.summary !== undefined) result.externalExecutionSummary = plan.summary;
      run.summary = plan.summary ?? message;
      return this.settled(pipeline, execution);
    }
    run.status = "Succeeded";
    recordSuccess(run, action, ctx, plan, now, (arn) => core.scenario.connectionProvider(arn));
    this.settled(pipeline, execution);
  }

  /** PutApprovalResult: closes an open approval with the reviewer's decision. */
  decideApproval(
    pipeline: PipelineRecord,
    run: ActionRunRecord,
    approved: boolean,
    summary: string,
    by: string,
  ): void {
    const execution = pipeline.executions.find((e) => e.id === run.executionId);
    this.core.cancel(run.id);
    run.approvalOpen = false;
    run.status = approved ? "Succeeded" : "Failed";
    run.summary = summary;
    run.updatedBy = by;
    run.lastUpdateTime = this.core.clock.now();
    run.output.executionResult.externalExecutionSummary = summary;
    if (!approved) {
      run.output.executionResult.errorDetails = {
        code: "JobFailed",
        message: `Rejected: ${summary || "no reason given"}`,
      };
    }
    if (execution) this.settled(pipeline, execution);
  }

  /** Ends the run's running actions `Abandoned` (only its open approvals, when `onlyApprovals`). */
  abandon(pipeline: PipelineRecord, execution: ExecutionRecord, onlyApprovals: boolean): void {
    for (const run of runsOf(pipeline, execution)) {
      if (run.status !== "InProgress") continue;
      if (onlyApprovals && !run.approvalOpen) continue;
      this.core.cancel(run.id);
      this.jobs.close(run.id);
      run.status = "Abandoned";
      run.approvalOpen = false;
      run.lastUpdateTime = this.core.clock.now();
    }
  }

  /** Forgets a deleted pipeline's action timers. */
  forget(pipeline: PipelineRecord): void {
    for (const run of pipeline.actionRuns) this.core.cancel(run.id);
    this.jobs.forget(pipeline);
  }
}
