/**
 * The sandbox's own state. Plain JSON-able data (no Maps, no Dates) so the whole state can be
 * persisted and reloaded as is; times are simulated epoch milliseconds from the Clock.
 * Collections keyed by user-chosen names (stages, actions, tags) are arrays of records, never
 * objects indexed by the name, so a stage called "__proto__" is just another stage.
 */
import type { PipelineDeclaration } from "../../shared/pipeline/model";

export type PipelineExecutionStatus =
  "Cancelled" | "InProgress" | "Stopped" | "Stopping" | "Succeeded" | "Superseded" | "Failed";
export type StageExecutionStatus =
  "Cancelled" | "InProgress" | "Failed" | "Stopped" | "Stopping" | "Succeeded" | "Skipped";
export type ActionExecutionStatus = "InProgress" | "Abandoned" | "Succeeded" | "Failed";
export type ExecutionType = "STANDARD" | "ROLLBACK";
/** Which of a stage's hooks a condition check runs (ConditionType, plus the failure hook). */
export type ConditionKind = "BEFORE_ENTRY" | "ON_SUCCESS" | "ON_FAILURE";
export type ConditionExecutionStatus =
  "InProgress" | "Failed" | "Errored" | "Succeeded" | "Cancelled" | "Abandoned" | "Overridden";
export type RuleExecutionStatus = "InProgress" | "Abandoned" | "Succeeded" | "Failed";
export type ExecutionModeValue = "QUEUED" | "SUPERSEDED" | "PARALLEL";

export interface TagRecord {
  key: string;
  value: string;
}

export interface TransitionRecord {
  stageName: string;
  transitionType: "Inbound" | "Outbound";
  enabled: boolean;
  lastChangedBy: string;
  lastChangedAt: number;
  disabledReason?: string;
}

export interface StageRun {
  name: string;
  status?: StageExecutionStatus;
  /** Global sequence number of the moment this run entered the stage: orders "latest". */
  enteredSeq?: number;
  /** Index into the stage's runOrder groups currently running. */
  group: number;
  manualRetries: number;
  /** Automatic retries done by the stage's onFailure RETRY result (absent in older state files). */
  autoRetries?: number;
  latestRetryTrigger?: "AutomatedStageRetry" | "ManualStageRetry";
  /** Set while this hook's conditions are being checked; the stage holds the run meanwhile. */
  checking?: ConditionKind;
  /** The hook whose unmet conditions failed the stage (absent when its actions failed it). */
  failedCondition?: ConditionKind;
}

export interface SourceRevisionRecord {
  actionName: string;
  revisionId?: string;
  revisionSummary?: string;
  revisionUrl?: string;
}

export interface ArtifactRevisionRecord {
  name: string;
  revisionId?: string;
  revisionChangeIdentifier?: string;
  revisionSummary?: string;
  revisionUrl?: string;
  created: number;
}

export interface ExecutionRecord {
  id: string;
  version: number;
  seq: number;
  status: PipelineExecutionStatus;
  statusSummary?: string;
  startTime: number;
  lastUpdateTime: number;
  trigger: { triggerType: string; triggerDetail?: string };
  stopTrigger?: { reason?: string };
  /** Set while running actions drain: a stop request, or a pipeline update ("cancel"). */
  stopMode?: "wait" | "abandon" | "cancel";
  executionMode: ExecutionModeValue;
  executionType: ExecutionType;
  rollbackTargetId?: string;
  sourceRevisions: SourceRevisionRecord[];
  artifactRevisions: ArtifactRevisionRecord[];
  variables: { name: string; resolvedValue: string }[];
  /**
   * Revisions the run was told to use per source action (StartPipelineExecution sourceRevisions,
   * PutActionRevision, which also gives the change identifier and creation time).
   */
  revisionOverrides: {
    actionName: string;
    revisionType: string;
    revisionValue: string;
    changeIdentifier?: string;
    created?: number;
  }[];
  stages: StageRun[];
  /** Index of the stage the run is in or waiting before; stages.length once past the last. */
  position: number;
  /** Waiting before stages[position] (transition disabled, stage busy, or queued). */
  waiting: boolean;
  waitSeq?: number;
  /** Rollback runs execute this one stage only. */
  onlyStage?: string;
  /** Retry mode of the current stage attempt, when the stage is being retried. */
  retryMode?: "FAILED_ACTIONS" | "ALL_ACTIONS";
}

export interface ArtifactDetailRecord {
  name: string;
  s3location: { bucket: string; key: string };
}

export interface ActionRunRecord {
  id: string;
  executionId: string;
  version: number;
  seq: number;
  stageName: string;
  actionName: string;
  category: string;
  startTime: number;
  lastUpdateTime: number;
  status: ActionExecutionStatus;
  /** Simulated time the action completes; approvals use it as their timeout. */
  dueAt: number;
  /** Approval token while the approval is open, kept after completion to recognise late replies. */
  token?: string;
  approvalOpen?: boolean;
  input: {
    actionTypeId: { category: string; owner: string; provider: string; version: string };
    configuration: Record<string, string>;
    /** Absent when a reference could not be resolved (the execution then failed before it ran). */
    resolvedConfiguration?: Record<string, string>;
    roleArn?: string;
    region: string;
    inputArtifacts: ArtifactDetailRecord[];
    namespace?: string;
  };
  output: {
    outputArtifacts: ArtifactDetailRecord[];
    executionResult: {
      externalExecutionId?: string;
      externalExecutionSummary?: string;
      externalExecutionUrl?: string;
      errorDetails?: { code: string; message: string };
      logStreamARN?: string;
    };
    outputVariables: Record<string, string>;
  };
  summary?: string;
  updatedBy?: string;
  /** What a job worker last reported of its progress (ExecutionDetails.percentComplete). */
  percentComplete?: number;
}

/** One check of a stage hook's conditions for one run: what StageConditionState reports. */
export interface ConditionCheckRecord {
  id: string;
  executionId: string;
  version: number;
  seq: number;
  stageName: string;
  kind: ConditionKind;
  status: ConditionExecutionStatus;
  summary?: string;
  startTime: number;
  lastUpdateTime: number;
  /** Per declared condition, in declaration order. */
  conditions: { status: ConditionExecutionStatus; summary?: string; lastUpdateTime: number }[];
}

/** One run of a condition's rule: what ListRuleExecutions and RuleState report. */
export interface RuleRunRecord {
  id: string;
  checkId: string;
  executionId: string;
  version: number;
  seq: number;
  stageName: string;
  kind: ConditionKind;
  conditionIndex: number;
  ruleName: string;
  startTime: number;
  lastUpdateTime: number;
  status: RuleExecutionStatus;
  dueAt: number;
  updatedBy?: string;
  summary?: string;
  input: {
    ruleTypeId: { category: string; owner?: string; provider: string; version?: string };
    configuration: Record<string, string>;
    /** Absent when a reference could not be resolved (the execution then failed before it ran). */
    resolvedConfiguration?: Record<string, string>;
    roleArn?: string;
    region: string;
    inputArtifacts: ArtifactDetailRecord[];
  };
  output: {
    executionResult: {
      externalExecutionId?: string;
      externalExecutionSummary?: string;
      externalExecutionUrl?: string;
      errorDetails?: { code: string; message: string };
    };
  };
}

export interface PipelineRecord {
  name: string;
  arn: string;
  /** versions[i] is version i + 1, as stored (pruned to the model, defaults filled). */
  versions: PipelineDeclaration[];
  created: number;
  updated: number;
  tags: TagRecord[];
  transitions: TransitionRecord[];
  /** In start order. */
  executions: ExecutionRecord[];
  /** In start order. */
  actionRuns: ActionRunRecord[];
  /** In start order; state files written before conditions were simulated get [] on load. */
  conditionChecks: ConditionCheckRecord[];
  /** In start order, like actionRuns. */
  ruleRuns: RuleRunRecord[];
  clientTokens: { token: string; executionId: string }[];
}

export interface SandboxState {
  pipelines: PipelineRecord[];
  /** Monotonic counter behind every `seq`, so order survives equal timestamps and restarts. */
  seq: number;
  /** Simulated time at the last save; a reloaded clock starts no earlier. */
  clockMs: number;
}

export function currentDeclaration(pipeline: PipelineRecord): PipelineDeclaration {
  const latest = pipeline.versions[pipeline.versions.length - 1];
  if (!latest) throw new Error(`pipeline ${pipeline.name} has no versions`);
  return latest;
}
