/**
 * Stage conditions (V2). A condition is met when all its rules succeed; the rules of a check run
 * side by side and the check ends when the last one does, while the run keeps holding the stage.
 * As the user guide describes them ("How do stage conditions work?"):
 * - beforeEntry: met, the run enters the stage; not met, the failed condition's result applies:
 *   SKIP skips the stage (the run goes on), FAIL (or none) fails the stage and the run.
 * - onSuccess: met, the stage succeeds; not met, FAIL fails the stage and the run, ROLLBACK also
 *   rolls the stage back to the latest run that succeeded in it.
 * - onFailure with conditions: its result (the hook's own, else the condition's) applies only when
 *   the conditions are met, as the API reference puts it ("the specified result for when the
 *   failure conditions are met"); otherwise the stage just stays failed.
 * Rollback runs check no conditions: they redo one stage as it was, and an onSuccess rollback of a
 * rollback could never end.
 */
import { randomUUID } from "node:crypto";
import type { Condition, RuleDeclaration } from "../../shared/pipeline/model";
import type { RunContext } from "./action-runs";
import type { EngineCore } from "./engine-core";
import { isActive, latestInStage, recordsOf, visibleRuns } from "./execution-queries";
import { fail } from "./protocol";
import type {
  ActionRunRecord,
  ConditionCheckRecord,
  ConditionExecutionStatus,
  ConditionKind,
  ExecutionRecord,
  PipelineRecord,
  RuleRunRecord,
  StageRun,
} from "./records";
import { ruleInput, ruleProviderExecution, settleRule } from "./rule-runs";
import type { RunMachine, StageHooks } from "./run-machine";
import type { ConditionHook } from "./scenario";
import type { StageRecovery } from "./stage-recovery";

/** The declaration member each kind of check reads. */
export const HOOK_OF: Readonly<Record<ConditionKind, ConditionHook>> = {
  BEFORE_ENTRY: "beforeEntry",
  ON_SUCCESS: "onSuccess",
  ON_FAILURE: "onFailure",
};

/** The stage hooks with conditions: each hook checks its conditions, if any, before it goes on. */
export class ConditionChecks implements StageHooks {
  constructor(
    private readonly core: EngineCore,
    private readonly machine: RunMachine,
    private readonly recovery: StageRecovery,
  ) {}

  /** The conditions a check of this kind evaluates for the run's current stage (none for rollbacks). */
  private conditionsOf(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    kind: ConditionKind,
  ): Condition[] {
    if (execution.executionType !== "STANDARD") return [];
    const stage = this.core.stageDeclaration(pipeline, execution, execution.position);
    return stage[HOOK_OF[kind]]?.conditions ?? [];
  }

  entered(pipeline: PipelineRecord, execution: ExecutionRecord): void {
    const conditions = this.conditionsOf(pipeline, execution, "BEFORE_ENTRY");
    if (conditions.length === 0) return this.machine.runGroup(pipeline, execution);
    this.startCheck(pipeline, execution, "BEFORE_ENTRY", conditions);
  }

  actionsSucceeded(pipeline: PipelineRecord, execution: ExecutionRecord, stage: StageRun): void {
    const conditions = this.conditionsOf(pipeline, execution, "ON_SUCCESS");
    if (conditions.length === 0) return this.machine.leaveStage(pipeline, execution, stage, "Succeeded");
    this.startCheck(pipeline, execution, "ON_SUCCESS", conditions);
  }

  actionsFailed(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    stage: StageRun,
    summary: string,
  ): void {
    const conditions = this.conditionsOf(pipeline, execution, "ON_FAILURE");
    if (conditions.length === 0) return this.recovery.actionsFailed(pipeline, execution, stage, summary);
    this.startCheck(pipeline, execution, "ON_FAILURE", conditions);
  }

  private startCheck(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    kind: ConditionKind,
    conditions: readonly Condition[],
  ): void {
    const stage = execution.stages[execution.position] as StageRun;
    const now = this.core.clock.now();
    const check: ConditionCheckRecord = {
      id: randomUUID(),
      executionId: execution.id,
      version: execution.version,
      seq: this.core.nextSeq(),
      stageName: stage.name,
      kind,
      status: "InProgress",
      startTime: now,
      lastUpdateTime: now,
      conditions: conditions.map(() => ({ status: "InProgress", lastUpdateTime: now })),
    };
    pipeline.conditionChecks.push(check);
    stage.checking = kind;
    const ctx = this.core.runContext(pipeline, execution);
    const runs = visibleRuns(pipeline, execution);
    conditions.forEach((condition, index) => {
      for (const rule of condition.rules ?? []) this.startRule(pipeline, check, index, rule, ctx, runs);
    });
    this.core.touch(execution);
    // A condition without rules has nothing to wait for.
    this.ruleSettled(pipeline, execution, check);
  }

  private startRule(
    pipeline: PipelineRecord,
    check: ConditionCheckRecord,
    conditionIndex: number,
    rule: RuleDeclaration,
    ctx: RunContext,
    runs: readonly ActionRunRecord[],
  ): void {
    const plan = this.core.scenario.planRule(this.siteOf(pipeline, check, rule));
    const now = this.core.clock.now();
    const id = randomUUID();
    const { input, unresolved } = ruleInput(rule, ctx, runs);
    const run: RuleRunRecord = {
      id,
      checkId: check.id,
      executionId: check.executionId,
      version: check.version,
      seq: this.core.nextSeq(),
      stageName: check.stageName,
      kind: check.kind,
      conditionIndex,
      ruleName: rule.name,
      startTime: now,
      lastUpdateTime: now,
      status: "InProgress",
      dueAt: now + plan.durationSeconds * 1000,
      input,
      output: { executionResult: ruleProviderExecution(rule, input.region, id) },
    };
    pipeline.ruleRuns.push(run);
    const execution = ctx.execution;
    this.core.schedule(id, run.dueAt, () => {
      if (run.status !== "InProgress") return;
      settleRule(
        run,
        this.core.scenario.planRule(this.siteOf(pipeline, check, rule)),
        this.core.clock.now(),
        unresolved,
      );
      this.ruleSettled(pipeline, execution, check);
    });
  }

  private siteOf(pipeline: PipelineRecord, check: ConditionCheckRecord, rule: RuleDeclaration) {
    return {
      pipeline: pipeline.name,
      stage: check.stageName,
      condition: HOOK_OF[check.kind],
      rule: rule.name,
      provider: rule.ruleTypeId.provider,
    };
  }

  private rulesOfCheck(pipeline: PipelineRecord, check: ConditionCheckRecord): RuleRunRecord[] {
    const found: RuleRunRecord[] = [];
    for (let i = pipeline.ruleRuns.length - 1; i >= 0; i--) {
      const run = pipeline.ruleRuns[i];
      if (!run || run.seq < check.seq) break;
      if (run.checkId === check.id) found.push(run);
    }
    return found.reverse();
  }

  /** After a rule ends: update its condition, and end the check once no rule is running. */
  private ruleSettled(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    check: ConditionCheckRecord,
  ): void {
    this.core.changed();
    if (check.status !== "InProgress") return;
    const now = this.core.clock.now();
    const rules = this.rulesOfCheck(pipeline, check);
    check.conditions.forEach((condition, index) => {
      const own = rules.filter((r) => r.conditionIndex === index);
      const failed = own.find((r) => r.status === "Failed");
      const status: ConditionExecutionStatus = own.some((r) => r.status === "InProgress")
        ? "InProgress"
        : failed
          ? "Failed"
          : "Succeeded";
      if (status === condition.status) return;
      condition.status = status;
      condition.lastUpdateTime = now;
      if (status === "Succeeded") condition.summary = "All rules succeeded";
      if (failed) {
        const message = failed.output.executionResult.errorDetails?.message ?? "failed";
        condition.summary = `Rule ${failed.ruleName} failed: ${message}`.slice(0, 2048);
      }
    });
    check.lastUpdateTime = now;
    if (check.conditions.some((c) => c.status === "InProgress")) return this.core.touch(execution);
    const failedIndex = check.conditions.findIndex((c) => c.status === "Failed");
    check.status = failedIndex < 0 ? "Succeeded" : "Failed";
    check.summary =
      failedIndex < 0 ? "All conditions were met" : (check.conditions[failedIndex]?.summary ?? "Not met");
    this.checkFinished(pipeline, execution, check, failedIndex < 0 ? undefined : failedIndex);
  }

  /** Applies a finished (or overridden) check: `failedIndex` names the first unmet condition. */
  private checkFinished(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    check: ConditionCheckRecord,
    failedIndex: number | undefined,
  ): void {
    const stage = execution.stages[execution.position] as StageRun;
    delete stage.checking;
    this.core.touch(execution);
    if (!isActive(execution) || execution.stopMode) return;
    const conditions = this.conditionsOf(pipeline, execution, check.kind);
    const result = failedIndex === undefined ? undefined : conditions[failedIndex]?.result;
    const why = check.summary ?? "";
    switch (check.kind) {
      case "BEFORE_ENTRY":
        if (failedIndex === undefined) return this.machine.runGroup(pipeline, execution);
        if (result === "SKIP") return this.machine.leaveStage(pipeline, execution, stage, "Skipped");
        stage.failedCondition = "BEFORE_ENTRY";
        this.machine.failStage(execution, stage, `Stage ${stage.name} entry conditions were not met: ${why}`);
        return this.machine.pump(pipeline);
      case "ON_SUCCESS":
        if (failedIndex === undefined)
          return this.machine.leaveStage(pipeline, execution, stage, "Succeeded");
        stage.failedCondition = "ON_SUCCESS";
        this.machine.failStage(
          execution,
          stage,
          `Stage ${stage.name} success conditions were not met: ${why}`,
        );
        if (result === "ROLLBACK") this.recovery.startAutomatedRollback(pipeline, execution, stage);
        return this.machine.pump(pipeline);
      case "ON_FAILURE": {
        const summary =
          this.machine.groupFailureSummary(pipeline, execution, stage) ?? `Stage ${stage.name} failed`;
        this.machine.failStage(execution, stage, summary);
        if (failedIndex === undefined) {
          const onFailure = this.core.stageDeclaration(pipeline, execution, execution.position).onFailure;
          const chosen = onFailure?.result ?? conditions.find((c) => c.result !== undefined)?.result;
          this.recovery.applyFailureResult(
            pipeline,
            execution,
            stage,
            chosen,
            onFailure?.retryConfiguration?.retryMode,
          );
        }
        return this.machine.pump(pipeline);
      }
    }
  }

  /** Ends the run's open checks: a stopped, cancelled or interrupted run decides nothing more. */
  abandon(pipeline: PipelineRecord, execution: ExecutionRecord): void {
    const status = execution.stopMode === "cancel" ? "Cancelled" : "Abandoned";
    for (const check of recordsOf(pipeline.conditionChecks, execution)) {
      if (check.status !== "InProgress") continue;
      this.closeCheck(pipeline, check, status, `${status}: the run ended before the check did`);
    }
    const stage = execution.stages[execution.position];
    if (stage) delete stage.checking;
  }

  private closeCheck(
    pipeline: PipelineRecord,
    check: ConditionCheckRecord,
    status: ConditionExecutionStatus,
    summary: string,
    by?: string,
  ): void {
    const now = this.core.clock.now();
    for (const run of this.rulesOfCheck(pipeline, check)) {
      if (run.status !== "InProgress") continue;
      this.core.cancel(run.id);
      run.status = "Abandoned";
      run.lastUpdateTime = now;
      if (by !== undefined) run.updatedBy = by;
    }
    for (const condition of check.conditions) {
      if (condition.status !== "InProgress" && status !== "Overridden") continue;
      condition.status = status;
      condition.summary = summary;
      condition.lastUpdateTime = now;
    }
    check.status = status;
    check.summary = summary;
    check.lastUpdateTime = now;
    this.core.changed();
  }

  /**
   * OverrideStageCondition: a check still in progress is treated as met at once. Conditions that
   * would skip the stage cannot be overridden (UG stage-conditions).
   */
  overrideCondition(
    pipeline: PipelineRecord,
    execution: ExecutionRecord,
    stageName: string,
    kind: "BEFORE_ENTRY" | "ON_SUCCESS",
    by: string,
  ): void {
    const stage = execution.stages[execution.position];
    if (!isActive(execution) || execution.waiting || stage?.name !== stageName || stage.checking !== kind) {
      fail(
        "ConditionNotOverridableException",
        `No ${kind} condition of stage ${stageName} is being checked for execution ${execution.id}`,
      );
    }
    if (latestInStage(pipeline, stageName) !== execution) {
      fail(
        "NotLatestPipelineExecutionException",
        `A later run has entered stage ${stageName}: ${execution.id}`,
      );
    }
    if (this.conditionsOf(pipeline, execution, kind).some((c) => c.result === "SKIP")) {
      fail(
        "ConditionNotOverridableException",
        `Conditions with the result SKIP cannot be overridden: ${stageName}`,
      );
    }
    const check = recordsOf(pipeline.conditionChecks, execution).find(
      (c) => c.status === "InProgress" && c.stageName === stageName && c.kind === kind,
    );
    if (!check) throw new Error(`stage ${stageName} is checking ${kind} without an open check`);
    this.closeCheck(pipeline, check, "Overridden", `Overridden by ${by}`, by);
    this.checkFinished(pipeline, execution, check, undefined);
  }

  /** Forgets the timers of a deleted pipeline's rules. */
  forget(pipeline: PipelineRecord): void {
    for (const run of pipeline.ruleRuns) this.core.cancel(run.id);
  }
}
