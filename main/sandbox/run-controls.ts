/**
 * The requests that interrupt or redirect runs: stop and abandon, retry, pipeline updates, and the
 * interruption a restart leaves behind.
 */
import type { EngineCore } from "./engine-core";
import { isActive, latestInStage } from "./execution-queries";
import { fail } from "./protocol";
import type { ExecutionRecord, PipelineRecord } from "./records";
import type { RunMachine } from "./run-machine";
import type { StageRecovery } from "./stage-recovery";

/** Ends what a run has going: its running actions (or only open approvals) and its open checks. */
type Abandon = (pipeline: PipelineRecord, execution: ExecutionRecord, onlyApprovals: boolean) => void;

export class RunControls {
  constructor(
    private readonly core: EngineCore,
    private readonly machine: RunMachine,
    private readonly recovery: StageRecovery,
    private readonly abandon: Abandon,
  ) {}

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
      this.core.touch(execution);
      return this.machine.pump(pipeline);
    }
    const stage = execution.stages[execution.position];
    execution.stopMode = abandon ? "abandon" : "wait";
    execution.status = "Stopping";
    if (stage) stage.status = "Stopping";
    this.abandon(pipeline, execution, !abandon);
    this.machine.actionSettled(pipeline, execution);
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
    if (stage.failedCondition === "BEFORE_ENTRY") {
      fail(
        "StageNotRetryableException",
        `Stage ${stageName} failed its entry conditions and ran no actions; start a new run instead`,
      );
    }
    if (execution.executionMode !== "PARALLEL" && this.machine.occupant(pipeline, stageName, execution)) {
      fail("ConflictException", `Another run is in stage ${stageName}`);
    }
    stage.manualRetries += 1;
    stage.latestRetryTrigger = "ManualStageRetry";
    this.recovery.restartStage(pipeline, execution, index, mode);
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
        this.core.touch(execution);
        continue;
      }
      // Set before abandoning, so open condition checks end Cancelled rather than Abandoned.
      execution.stopMode = "cancel";
      this.abandon(pipeline, execution, true);
      this.machine.actionSettled(pipeline, execution);
    }
  }

  /**
   * After a restart nothing is running any more, as after a service interruption: open runs
   * end Stopped, their running actions Abandoned, with the reason in the stop trigger.
   */
  interruptAll(): number {
    let count = 0;
    for (const pipeline of this.core.state.pipelines) {
      for (const execution of pipeline.executions) {
        if (!isActive(execution)) continue;
        count += 1;
        this.abandon(pipeline, execution, false);
        const stage = execution.stages[execution.position];
        if (stage && !execution.waiting) stage.status = "Stopped";
        execution.waiting = false;
        execution.status = "Stopped";
        execution.stopTrigger = { reason: "Sandbox restarted while the run was in progress" };
        execution.statusSummary = "Stopped: the sandbox restarted while the run was in progress";
        this.core.touch(execution);
      }
    }
    return count;
  }
}
