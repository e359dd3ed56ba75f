/**
 * What a rehearsal reports: the rehearsed run's outcome per stage and action (the JSON of
 * `pipewright rehearse`), the path it took as events (for the canvas and timeline playback), and
 * the runs' history in CodePipeline's own API shapes (for the timeline).
 *
 * Statuses are spelled as the API spells them (`PipelineExecutionStatus`, `StageExecutionStatus`,
 * `ActionExecutionStatus`).
 */
import type {
  ApiActionExecutionDetail,
  ApiPipelineExecution,
  ApiPipelineExecutionSummary,
  ApiRuleExecutionDetail,
} from "../execution";

/** Which run of the rehearsal: the all-succeed baseline, the rehearsed run, or a rollback of it. */
export type RehearsalRole = "baseline" | "rehearsal" | "rollback";

/** One stage of the rehearsed run. */
export interface RehearsedStage {
  readonly name: string;
  /** `StageExecutionStatus`, or null when the run never reached the stage. */
  readonly status: string | null;
  /** Times the run entered the stage, retries included (0 when skipped or refused on entry). */
  readonly attempts: number;
  /** True when the stage was rolled back (an automated rollback started for it). */
  readonly rolledBack: boolean;
  /** The execution the stage was rolled back to. */
  readonly rollbackTargetExecutionId?: string;
  /** How a retry re-ran the stage, when it was retried. */
  readonly retryMode?: "FAILED_ACTIONS" | "ALL_ACTIONS";
}

/** One action execution of the rehearsed run (a retried action appears once per attempt). */
export interface RehearsedAction {
  readonly stage: string;
  readonly name: string;
  /** `ActionExecutionStatus`. */
  readonly status: string;
  readonly resolvedConfiguration: Readonly<Record<string, string>>;
  readonly outputVariables: Readonly<Record<string, string>>;
  readonly errorMessage?: string;
  /** 1 for the first execution of the action in this run, 2 after a retry, … */
  readonly attempt: number;
}

/** One run the rehearsal started, with its history as the API reports it. */
export interface RehearsalRun {
  readonly role: RehearsalRole;
  readonly executionId: string;
  readonly status: string;
  readonly rollbackTargetExecutionId?: string;
  /** ListPipelineExecutions summary, GetPipelineExecution and ListActionExecutions, wire JSON. */
  readonly summary: ApiPipelineExecutionSummary;
  readonly execution: ApiPipelineExecution;
  readonly actionExecutions: readonly ApiActionExecutionDetail[];
  /** ListRuleExecutions of the run (stage condition rules), wire JSON. */
  readonly ruleExecutions: readonly ApiRuleExecutionDetail[];
}

/** What happened, in order: the steps of the playback. */
export type RehearsalEventKind =
  | "run-started"
  | "run-finished"
  | "stage-entered"
  | "stage-retried"
  | "stage-skipped"
  | "stage-succeeded"
  | "stage-failed"
  | "stage-ended"
  | "action-started"
  | "action-finished"
  | "condition-started"
  | "condition-finished"
  | "rule-finished";

/** One step of the path. Members beyond `kind` are set where they apply. */
export interface RehearsalEvent {
  readonly kind: RehearsalEventKind;
  /** Simulated milliseconds since the rehearsed run started. */
  readonly atMs: number;
  readonly role: RehearsalRole;
  readonly executionId: string;
  readonly stage?: string;
  readonly action?: string;
  /** The new status of the run, stage, action, condition check or rule. */
  readonly status?: string;
  /** Why: an error message, a check's summary, a run's status summary. */
  readonly message?: string;
  /** stage-retried: how (automatic retries use the stage's onFailure retryMode). */
  readonly retryMode?: "FAILED_ACTIONS" | "ALL_ACTIONS";
  readonly retryTrigger?: "AutomatedStageRetry" | "ManualStageRetry";
  /** stage-entered / stage-retried: which time the run enters the stage. */
  readonly attempt?: number;
  /** condition-started / -finished / rule-finished: the hook. */
  readonly hook?: "beforeEntry" | "onSuccess" | "onFailure";
  readonly rule?: string;
  /** action-started: the configuration with variables resolved. */
  readonly resolvedConfiguration?: Readonly<Record<string, string>>;
  /** action-finished: the variables the action emitted. */
  readonly outputVariables?: Readonly<Record<string, string>>;
  /** run-started for a rollback: the execution rolled back to. */
  readonly rollbackTargetExecutionId?: string;
}

/** One expectation of a what-if's `expect` section, checked against the rehearsal. */
export interface ExpectationOutcome {
  readonly passed: boolean;
  /** What was expected, e.g. `stage Deploy rolledBack = true`. */
  readonly expected: string;
  /** What the rehearsal did instead (or confirms). */
  readonly actual: string;
  /** JSON path into the scenario file of the expectation. */
  readonly path: readonly (string | number)[];
  /** The stage (and action) the expectation is about, to point at it in the pipeline. */
  readonly stage?: string;
  readonly action?: string;
}

/** The whole outcome of one rehearsal. */
export interface RehearsalResult {
  readonly pipelineName: string;
  /** `PipelineExecutionStatus` of the rehearsed run. */
  readonly status: string;
  readonly stages: readonly RehearsedStage[];
  readonly actions: readonly RehearsedAction[];
  readonly events: readonly RehearsalEvent[];
  readonly runs: readonly RehearsalRun[];
  /** Simulated milliseconds from the rehearsed run's start to its last event. */
  readonly durationMs: number;
  /** Things to know, e.g. a baseline that did not succeed everywhere (no rollback target). */
  readonly notes: readonly string[];
  /** Present when the scenario has an `expect` section. */
  readonly expectations?: readonly ExpectationOutcome[];
}
