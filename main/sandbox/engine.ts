/**
 * The engine the operations drive: ExecutionFlow moves runs along; this adds the requests
 * that interrupt or redirect them (approvals, stop and abandon, retry, pipeline updates,
 * restarts).
 */
import { ExecutionFlow } from "./execution-flow";
import { isActive, latestInStage } from "./execution-queries";
import { fail } from "./protocol";
import type { ActionRunRecord, ExecutionRecord, PipelineRecord, StageRun } from "./records";

export type { EngineOptions, StartRequest } from "./execution-flow";

export class Engine extends ExecutionFlow {
  /** PutApprovalResult: closes an open approval with the reviewer's decision. */
  decideApproval(
    pipeline: PipelineRecord,
    run: ActionRunRecord,
    approved: boolean,
    summary: string,
    by: string,
  ): void {
    const execution = pipeline.executions.find((e) => e.id === run.executionId);
    const handle = this.timers.get(run.id);
    if (handle) this.clock.cancel(handle);
    this.timers.delete(run.id);
    run.approvalOpen = false;
    run.status = approved ? "Succeeded" : "Failed";
    run.summary = summary;
    run.updatedBy = by;
    run.lastUpdateTime = this.clock.now();
    run.output.executionResult.externalExecutionSummary = summary;
    if (!approved) {
      run.output.executionResult.errorDetails = {
        code: "JobFailed",
        message: `Rejected: ${summary || "no reason given"}`,
      };
    }
    if (execution) this.actionSettled(pipeline, execution);
  }

  /**
   * StopPipelineExecution. Stop-and-wait lets running actions finish but abandons open manual
   * approvals at once, since nothing would ever finish them; abandon ends everything now.
   */
  stop(pipeline: PipelineRecord, execution: ExecutionRecord, abandon: boolean, reason?: string): void {
    if (!isActive(execution)) {
      fail("PipelineExecutionNotStoppableException", `Execution is not in progress: ${execution.status}`);
    }
    if (execution.status === "Stopping" && !abandon) {
      fail("DuplicatedStopRequestException", `Execution is already stopping: ${execution.id}`);
    }
    execution.stopTrigger = reason === undefined ? {} : { reason };
    if (execution.waiting) {
      execution.waiting = false;
      execution.status = "Stopped";
      this.touch(execution);
      return this.pump(pipeline);
    }
    const stage = execution.stages[execution.position];
    execution.stopMode = abandon ? "abandon" : "wait";
    execution.status = "Stopping";
    if (stage) stage.status = "Stopping";
    this.abandonRunning(pipeline, execution, !abandon);
    this.actionSettled(pipeline, execution);
  }

  /** RetryStageExecution; the caller has checked the stage exists in the current version. */
  retry(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    stageName: string,
    mode: "FAILED_ACTIONS" | "ALL_ACTIONS",
  ): void {
    const index = execution.stages.findIndex((s) => s.name === stageName);
    const stage = execution.stages[index];
    if (!stage || execution.version !== pipeline.versions.length) {
      fail(
        "StageNotRetryableException",
        `The pipeline changed since this run; start a new run instead: ${execution.id}`,
      );
    }
    if (latestInStage(pipeline, stageName) !== execution) {
      fail(
        "NotLatestPipelineExecutionException",
        `A later run has entered stage ${stageName}: ${execution.id}`,
      );
    }
    if (isActive(execution) || (stage.status !== "Failed" && stage.status !== "Stopped")) {
      fail(
        "StageNotRetryableException",
        `Only a failed or stopped stage can be retried; ${stageName} is: ${stage.status ?? "not run"}`,
      );
    }
    if (execution.executionMode !== "PARALLEL" && this.occupant(pipeline, stageName, execution)) {
      fail("ConflictException", `Another run is in stage ${stageName}`);
    }
    stage.manualRetries += 1;
    stage.latestRetryTrigger = "ManualStageRetry";
    this.restartStage(pipeline, execution, index, mode);
  }

  private restartStage(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    index: number,
    mode: "FAILED_ACTIONS" | "ALL_ACTIONS",
  ): void {
    const stage = execution.stages[index] as StageRun;
    execution.status = "InProgress";
    delete execution.statusSummary;
    delete execution.stopTrigger;
    delete execution.stopMode;
    execution.retryMode = mode;
    execution.position = index;
    execution.waiting = false;
    stage.status = "InProgress";
    stage.enteredSeq = this.nextSeq();
    stage.group = 0;
    this.touch(execution);
    this.runGroup(pipeline, execution);
  }

  /**
   * The stage's onFailure result, when it has no conditions (rule conditions are not
   * simulated): RETRY retries the stage once automatically; ROLLBACK starts an automated
   * rollback of the stage to the latest run that succeeded in it on this version.
   */
  protected override stageFailed(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    stage: StageRun,
  ): void {
    const declaration = this.declarationOf(pipeline, execution);
    const onFailure = declaration.stages[execution.position]?.onFailure;
    if (!onFailure || (onFailure.conditions?.length ?? 0) > 0) return;
    const current = execution.version === pipeline.versions.length;
    if (onFailure.result === "RETRY" && current && (stage.autoRetries ?? 0) === 0) {
      stage.autoRetries = 1;
      stage.latestRetryTrigger = "AutomatedStageRetry";
      this.restartStage(
        pipeline,
        execution,
        execution.position,
        onFailure.retryConfiguration?.retryMode ?? "ALL_ACTIONS",
      );
      return;
    }
    if (onFailure.result !== "ROLLBACK" || !current || execution.executionType !== "STANDARD") return;
    if (declaration.executionMode === "PARALLEL" || execution.position === 0) return;
    const index = execution.position;
    const target = [...pipeline.executions]
      .reverse()
      .find(
        (e) =>
          e !== execution &&
          e.version === execution.version &&
          e.executionType === "STANDARD" &&
          e.stages[index]?.status === "Succeeded",
      );
    if (!target) return;
    this.start(pipeline, {
      trigger: { triggerType: "AutomatedRollback", triggerDetail: execution.id },
      rollback: { stageName: stage.name, target },
    });
  }

  /**
   * UpdatePipeline. As the user guide says, running actions finish normally and the run then
   * ends; its status is Cancelled, which the model defines as "the pipeline's definition was
   * updated before the pipeline execution could be completed". Runs waiting between stages, and
   * open manual approvals, end at once.
   */
  cancelForUpdate(pipeline: PipelineRecord): void {
    for (const execution of pipeline.executions) {
      if (!isActive(execution)) continue;
      execution.statusSummary = "Cancelled because the pipeline definition was updated";
      if (execution.waiting) {
        execution.waiting = false;
        execution.status = "Cancelled";
        this.touch(execution);
        continue;
      }
      this.abandonRunning(pipeline, execution, true);
      execution.stopMode = "cancel";
      this.actionSettled(pipeline, execution);
    }
  }

  /**
   * After a restart nothing is running any more, as after a service interruption: open runs
   * end Stopped, their running actions Abandoned, with the reason in the stop trigger.
   */
  interruptAll(): number {
    let count = 0;
    for (const pipeline of this.state.pipelines) {
      for (const execution of pipeline.executions) {
        if (!isActive(execution)) continue;
        count += 1;
        this.abandonRunning(pipeline, execution, false);
        const stage = execution.stages[execution.position];
        if (stage && !execution.waiting) stage.status = "Stopped";
        execution.waiting = false;
        execution.status = "Stopped";
        execution.stopTrigger = { reason: "Sandbox restarted while the run was in progress" };
        execution.statusSummary = "Stopped: the sandbox restarted while the run was in progress";
        this.touch(execution);
      }
    }
    return count;
  }

  /** Forgets a deleted pipeline's timers. */
  forget(pipeline: PipelineRecord): void {
    for (const run of pipeline.actionRuns) {
      const handle = this.timers.get(run.id);
      if (handle) this.clock.cancel(handle);
      this.timers.delete(run.id);
    }
  }
}
