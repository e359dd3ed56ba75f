/**
 * What the service does by itself after a stage fails: a stage's onFailure result (RETRY: one
 * automatic retry of the stage; ROLLBACK: an automated rollback to the latest run that succeeded
 * in it), and the stage restart that manual and automatic retries share.
 */
import type { ConditionResult, StageRetryMode } from "../../shared/pipeline/model";
import type { EngineCore } from "./engine-core";
import type { ExecutionRecord, PipelineRecord, StageRun } from "./records";
import type { RunMachine } from "./run-machine";

export class StageRecovery {
  constructor(
    private readonly core: EngineCore,
    private readonly machine: RunMachine,
  ) {}

  restartStage(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    index: number,
    mode: StageRetryMode,
  ): void {
    const stage = execution.stages[index] as StageRun;
    execution.status = "InProgress";
    delete execution.statusSummary;
    delete execution.stopTrigger;
    delete execution.stopMode;
    execution.retryMode = mode;
    execution.position = index;
    this.machine.markEntered(execution, stage);
    this.machine.runGroup(pipeline, execution);
  }

  /** The stage's actions failed and no failure conditions are declared: fail, then apply onFailure. */
  actionsFailed(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    stage: StageRun,
    summary: string,
  ): void {
    const onFailure = this.core.stageDeclaration(pipeline, execution, execution.position).onFailure;
    this.machine.failStage(execution, stage, summary);
    // The result goes before the pump: an automatic retry must re-take the stage before a
    // waiting run can enter it.
    if (onFailure && (onFailure.conditions?.length ?? 0) === 0) {
      this.applyFailureResult(
        pipeline,
        execution,
        stage,
        onFailure.result,
        onFailure.retryConfiguration?.retryMode,
      );
    }
    this.machine.pump(pipeline);
  }

  /**
   * RETRY retries the failed stage once, on the current pipeline version only; ROLLBACK starts an
   * automated rollback. Other results leave the run Failed.
   */
  applyFailureResult(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    stage: StageRun,
    result: ConditionResult | undefined,
    retryMode: StageRetryMode | undefined,
  ): void {
    const current = execution.version === pipeline.versions.length;
    if (result === "RETRY" && current && (stage.autoRetries ?? 0) === 0) {
      stage.autoRetries = 1;
      stage.latestRetryTrigger = "AutomatedStageRetry";
      this.restartStage(pipeline, execution, execution.position, retryMode ?? "ALL_ACTIONS");
      return;
    }
    if (result === "ROLLBACK") this.startAutomatedRollback(pipeline, execution, stage);
  }

  /**
   * An automated rollback of the run's current stage to the latest run that succeeded in it on the
   * same version. Not for rollback runs, older versions, PARALLEL pipelines or the source stage,
   * as for RollbackStage.
   */
  startAutomatedRollback(pipeline: PipelineRecord, execution: ExecutionRecord, stage: StageRun): void {
    const current = execution.version === pipeline.versions.length;
    if (!current || execution.executionType !== "STANDARD") return;
    const declaration = this.core.declarationOf(pipeline, execution);
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
    this.machine.start(pipeline, {
      trigger: { triggerType: "AutomatedRollback", triggerDetail: execution.id },
      rollback: { stageName: stage.name, target },
    });
  }
}
