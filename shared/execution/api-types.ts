/**
 * The execution API output members this model reads, named exactly as CodePipeline names them
 * (GetPipelineState, ListPipelineExecutions, GetPipelineExecution, ListActionExecutions).
 *
 * Every member is optional and every timestamp is a {@link Timestamp}, because the data arrives in
 * three forms: raw wire JSON (epoch seconds), SDK output (Date) and IPC payloads (ISO strings or
 * epoch milliseconds). The functions of this module read these shapes defensively, so a value that
 * does not match its declared type is ignored, never trusted.
 */

/** A point in time as any layer may hand it over: a Date, epoch seconds or milliseconds, or an ISO string. */
export type Timestamp = Date | number | string;

/** `ActionTypeId` as it appears in action execution input. */
export interface ApiActionTypeId {
  category?: string;
  owner?: string;
  provider?: string;
  version?: string;
}

/** `ArtifactDetail`: an input or output artifact of one action execution. */
export interface ApiArtifactDetail {
  name?: string;
  s3location?: { bucket?: string; key?: string };
}

/** `ErrorDetails`. */
export interface ApiErrorDetails {
  code?: string;
  message?: string;
}

/** `ActionExecutionInput`. */
export interface ApiActionExecutionInput {
  actionTypeId?: ApiActionTypeId;
  configuration?: Record<string, string>;
  resolvedConfiguration?: Record<string, string>;
  roleArn?: string;
  region?: string;
  inputArtifacts?: readonly ApiArtifactDetail[];
  namespace?: string;
}

/** `ActionExecutionResult`. */
export interface ApiActionExecutionResult {
  externalExecutionId?: string;
  externalExecutionSummary?: string;
  externalExecutionUrl?: string;
  errorDetails?: ApiErrorDetails;
  logStreamARN?: string;
}

/** `ActionExecutionOutput`. */
export interface ApiActionExecutionOutput {
  outputArtifacts?: readonly ApiArtifactDetail[];
  executionResult?: ApiActionExecutionResult;
  outputVariables?: Record<string, string>;
}

/** `ActionExecutionDetail`: one attempt of one action in one run (ListActionExecutions). */
export interface ApiActionExecutionDetail {
  pipelineExecutionId?: string;
  actionExecutionId?: string;
  pipelineVersion?: number;
  stageName?: string;
  actionName?: string;
  startTime?: Timestamp;
  lastUpdateTime?: Timestamp;
  updatedBy?: string;
  status?: string;
  input?: ApiActionExecutionInput;
  output?: ApiActionExecutionOutput;
}

/** `RuleExecutionDetail` of ListRuleExecutions: one evaluation of a stage condition's rule. */
export interface ApiRuleExecutionDetail {
  pipelineExecutionId?: string;
  ruleExecutionId?: string;
  pipelineVersion?: number;
  stageName?: string;
  ruleName?: string;
  startTime?: Timestamp;
  lastUpdateTime?: Timestamp;
  updatedBy?: string;
  status?: string;
  input?: {
    ruleTypeId?: { category?: string; owner?: string; provider?: string; version?: string };
    configuration?: Readonly<Record<string, string>>;
    resolvedConfiguration?: Readonly<Record<string, string>>;
    region?: string;
  };
  output?: {
    executionResult?: {
      externalExecutionId?: string;
      externalExecutionSummary?: string;
      externalExecutionUrl?: string;
      errorDetails?: { code?: string; message?: string };
    };
  };
}

/** `SourceRevision` of an execution summary. */
export interface ApiSourceRevision {
  actionName?: string;
  revisionId?: string;
  revisionSummary?: string;
  revisionUrl?: string;
}

/** `ExecutionTrigger`. */
export interface ApiExecutionTrigger {
  triggerType?: string;
  triggerDetail?: string;
}

/** `PipelineExecutionSummary` (ListPipelineExecutions). */
export interface ApiPipelineExecutionSummary {
  pipelineExecutionId?: string;
  status?: string;
  statusSummary?: string;
  startTime?: Timestamp;
  lastUpdateTime?: Timestamp;
  sourceRevisions?: readonly ApiSourceRevision[];
  trigger?: ApiExecutionTrigger;
  stopTrigger?: { reason?: string };
  executionMode?: string;
  executionType?: string;
  rollbackMetadata?: { rollbackTargetPipelineExecutionId?: string };
}

/** `ArtifactRevision` of GetPipelineExecution. */
export interface ApiArtifactRevision {
  name?: string;
  revisionId?: string;
  revisionChangeIdentifier?: string;
  revisionSummary?: string;
  created?: Timestamp;
  revisionUrl?: string;
}

/** `PipelineExecution` (GetPipelineExecution). It carries no start or end time. */
export interface ApiPipelineExecution {
  pipelineName?: string;
  pipelineVersion?: number;
  pipelineExecutionId?: string;
  status?: string;
  statusSummary?: string;
  artifactRevisions?: readonly ApiArtifactRevision[];
  variables?: readonly { name?: string; resolvedValue?: string }[];
  trigger?: ApiExecutionTrigger;
  executionMode?: string;
  executionType?: string;
  rollbackMetadata?: { rollbackTargetPipelineExecutionId?: string };
}

/** `ActionExecution` of an action state (GetPipelineState). */
export interface ApiActionStateExecution {
  actionExecutionId?: string;
  status?: string;
  summary?: string;
  lastStatusChange?: Timestamp;
  token?: string;
  lastUpdatedBy?: string;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  percentComplete?: number;
  errorDetails?: ApiErrorDetails;
  logStreamARN?: string;
}

/** `StageExecution` of a stage state. */
export interface ApiStageExecution {
  pipelineExecutionId?: string;
  status?: string;
  type?: string;
}

/** `StageState` (GetPipelineState). */
export interface ApiStageState {
  stageName?: string;
  inboundExecution?: ApiStageExecution;
  inboundExecutions?: readonly ApiStageExecution[];
  inboundTransitionState?: {
    enabled?: boolean;
    lastChangedBy?: string;
    lastChangedAt?: Timestamp;
    disabledReason?: string;
  };
  actionStates?: readonly {
    actionName?: string;
    latestExecution?: ApiActionStateExecution;
    entityUrl?: string;
    revisionUrl?: string;
    currentRevision?: { revisionId?: string; revisionChangeId?: string; created?: Timestamp };
  }[];
  latestExecution?: ApiStageExecution;
  beforeEntryConditionState?: ApiStageConditionState;
  onSuccessConditionState?: ApiStageConditionState;
  onFailureConditionState?: ApiStageConditionState;
}

/** A stage hook's latest condition check (`StageConditionState`), per condition and rule. */
export interface ApiStageConditionState {
  latestExecution?: { status?: string; summary?: string };
  conditionStates?: readonly {
    latestExecution?: { status?: string; summary?: string; lastStatusChange?: Timestamp };
    ruleStates?: readonly {
      ruleName?: string;
      entityUrl?: string;
      latestExecution?: {
        ruleExecutionId?: string;
        status?: string;
        summary?: string;
        lastStatusChange?: Timestamp;
        externalExecutionUrl?: string;
        errorDetails?: { code?: string; message?: string };
      };
    }[];
  }[];
}

/** GetPipelineState output. */
export interface ApiPipelineState {
  pipelineName?: string;
  pipelineVersion?: number;
  stageStates?: readonly ApiStageState[];
  created?: Timestamp;
  updated?: Timestamp;
}

/**
 * The parts of a pipeline declaration the timeline reads (stage and action order, runOrder,
 * action types). Both the document model's `PipelineDeclaration` and GetPipeline's `pipeline` fit.
 */
export interface PipelineStructure {
  stages?: readonly {
    name?: string;
    actions?: readonly {
      name?: string;
      runOrder?: number;
      actionTypeId?: ApiActionTypeId;
    }[];
  }[];
}
