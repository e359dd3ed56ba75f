/**
 * Turns the engine's changes into the rehearsal's path. The engine calls `onChange` after every
 * status it sets (it saves the state there), so comparing the records with what was seen at the
 * previous call tells each step exactly once: a stage entered, failed and then re-entered by an
 * automatic retry shows as three events, not as a stage that was simply in progress.
 */
import type { RehearsalEvent, RehearsalRole } from "../../shared/rehearse";
import type { ExecutionRecord, PipelineRecord, SandboxState } from "../sandbox/records";

type Hook = "beforeEntry" | "onSuccess" | "onFailure";
const HOOKS: Readonly<Record<string, Hook>> = {
  BEFORE_ENTRY: "beforeEntry",
  ON_SUCCESS: "onSuccess",
  ON_FAILURE: "onFailure",
};

interface SeenStage {
  status: string | undefined;
  /** Times the run entered the stage so far. */
  entries: number;
  /** Automatic plus manual retries at the last look: a rise means the stage was re-entered. */
  retries: number;
}

type EventDraft = Omit<RehearsalEvent, "atMs" | "role" | "executionId">;

/** Records the path of every run started after `start()`. */
export class PathRecorder {
  readonly events: RehearsalEvent[] = [];
  private recording = false;
  private originMs = 0;
  private readonly roles = new Map<string, RehearsalRole>();
  private readonly runStatus = new Map<string, string>();
  private readonly stages = new Map<string, SeenStage[]>();
  private readonly actionStatus = new Map<string, string>();
  private readonly checkStatus = new Map<string, string>();
  private readonly ruleStatus = new Map<string, string>();

  /**
   * @param onRunStarted told of each new run as it starts, before it runs any action (the
   * rehearsal plays rollbacks with their own scenario).
   */
  constructor(
    private readonly state: SandboxState,
    private readonly now: () => number,
    private readonly onRunStarted: (role: RehearsalRole) => void = () => {},
  ) {}

  /** From now on, every new run is recorded; runs that exist already are the baseline. */
  start(): void {
    for (const pipeline of this.state.pipelines) {
      for (const execution of pipeline.executions) this.roles.set(execution.id, "baseline");
    }
    this.originMs = this.now();
    this.recording = true;
  }

  roleOf(executionId: string): RehearsalRole | undefined {
    return this.roles.get(executionId);
  }

  /** The engine's change callback. */
  observe(): void {
    if (!this.recording) return;
    for (const pipeline of this.state.pipelines) this.observePipeline(pipeline);
  }

  private push(execution: ExecutionRecord, draft: EventDraft): void {
    const role = this.roles.get(execution.id) ?? "rehearsal";
    this.events.push({ atMs: this.now() - this.originMs, role, executionId: execution.id, ...draft });
  }

  private observePipeline(pipeline: PipelineRecord): void {
    const byId = new Map(pipeline.executions.map((e) => [e.id, e]));
    for (const execution of pipeline.executions) {
      if (this.roles.get(execution.id) === "baseline") continue;
      this.observeExecution(execution);
    }
    for (const run of pipeline.actionRuns) {
      const execution = byId.get(run.executionId);
      if (!execution || this.roles.get(execution.id) === "baseline") continue;
      const seen = this.actionStatus.get(run.id);
      if (seen === run.status) continue;
      this.actionStatus.set(run.id, run.status);
      if (seen === undefined) {
        this.push(execution, {
          kind: "action-started",
          stage: run.stageName,
          action: run.actionName,
          status: "InProgress",
          resolvedConfiguration: { ...run.input.resolvedConfiguration },
        });
      }
      if (run.status !== "InProgress") {
        const message = run.output.executionResult.errorDetails?.message ?? run.summary;
        this.push(execution, {
          kind: "action-finished",
          stage: run.stageName,
          action: run.actionName,
          status: run.status,
          ...(message === undefined ? {} : { message }),
          outputVariables: { ...run.output.outputVariables },
        });
      }
    }
    for (const check of pipeline.conditionChecks) {
      const execution = byId.get(check.executionId);
      if (!execution || this.roles.get(execution.id) === "baseline") continue;
      const seen = this.checkStatus.get(check.id);
      if (seen === check.status) continue;
      this.checkStatus.set(check.id, check.status);
      const hook = HOOKS[check.kind];
      if (seen === undefined) {
        this.push(execution, {
          kind: "condition-started",
          stage: check.stageName,
          status: "InProgress",
          ...(hook ? { hook } : {}),
        });
      }
      if (check.status !== "InProgress") {
        this.push(execution, {
          kind: "condition-finished",
          stage: check.stageName,
          status: check.status,
          ...(hook ? { hook } : {}),
          ...(check.summary === undefined ? {} : { message: check.summary }),
        });
      }
    }
    for (const rule of pipeline.ruleRuns) {
      const execution = byId.get(rule.executionId);
      if (!execution || this.roles.get(execution.id) === "baseline") continue;
      const seen = this.ruleStatus.get(rule.id);
      if (seen === rule.status) continue;
      this.ruleStatus.set(rule.id, rule.status);
      if (rule.status === "InProgress") continue;
      const hook = HOOKS[rule.kind];
      const message = rule.output.executionResult.errorDetails?.message ?? rule.summary;
      this.push(execution, {
        kind: "rule-finished",
        stage: rule.stageName,
        rule: rule.ruleName,
        status: rule.status,
        ...(hook ? { hook } : {}),
        ...(message === undefined ? {} : { message }),
      });
    }
  }

  private observeExecution(execution: ExecutionRecord): void {
    if (!this.roles.has(execution.id)) {
      const rollback = execution.executionType === "ROLLBACK";
      this.roles.set(execution.id, rollback ? "rollback" : "rehearsal");
      this.onRunStarted(rollback ? "rollback" : "rehearsal");
      this.push(execution, {
        kind: "run-started",
        status: execution.status,
        message: execution.trigger.triggerType,
        ...(execution.onlyStage === undefined ? {} : { stage: execution.onlyStage }),
        ...(execution.rollbackTargetId === undefined
          ? {}
          : { rollbackTargetExecutionId: execution.rollbackTargetId }),
      });
    }
    const seenStages =
      this.stages.get(execution.id) ??
      execution.stages.map(() => ({ status: undefined, entries: 0, retries: 0 }));
    this.stages.set(execution.id, seenStages);
    execution.stages.forEach((stage, index) => {
      const seen = seenStages[index] as SeenStage;
      const retries = (stage.autoRetries ?? 0) + stage.manualRetries;
      const entered =
        stage.status === "InProgress" && (seen.status !== "InProgress" || retries > seen.retries);
      seen.retries = retries;
      if (entered) {
        seen.entries += 1;
        const retried = seen.entries > 1;
        this.push(execution, {
          kind: retried ? "stage-retried" : "stage-entered",
          stage: stage.name,
          status: "InProgress",
          attempt: seen.entries,
          ...(retried && execution.retryMode ? { retryMode: execution.retryMode } : {}),
          ...(retried && stage.latestRetryTrigger ? { retryTrigger: stage.latestRetryTrigger } : {}),
        });
      } else if (
        stage.status !== seen.status &&
        stage.status !== undefined &&
        stage.status !== "InProgress"
      ) {
        const kind =
          stage.status === "Skipped"
            ? "stage-skipped"
            : stage.status === "Succeeded"
              ? "stage-succeeded"
              : stage.status === "Failed"
                ? "stage-failed"
                : "stage-ended";
        const message = stage.status === "Failed" ? execution.statusSummary : undefined;
        this.push(execution, {
          kind,
          stage: stage.name,
          status: stage.status,
          ...(message === undefined ? {} : { message }),
        });
      }
      seen.status = stage.status;
    });
    const seenRun = this.runStatus.get(execution.id);
    if (seenRun !== execution.status) {
      this.runStatus.set(execution.id, execution.status);
      if (execution.status !== "InProgress" && execution.status !== "Stopping") {
        this.push(execution, {
          kind: "run-finished",
          status: execution.status,
          ...(execution.statusSummary === undefined ? {} : { message: execution.statusSummary }),
        });
      }
    }
  }
}
