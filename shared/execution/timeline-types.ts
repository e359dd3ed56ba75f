/**
 * The timeline of one run: rows per stage and per action, each action row holding one segment per
 * attempt. All times are epoch milliseconds (numbers survive IPC and JSON unchanged); null means
 * "not known" or, for an end, "still going".
 */
import type { Phase } from "./status";

/** Names one attempt of one action in a run. */
export interface SegmentRef {
  stageName: string;
  actionName: string;
  /** 1-based attempt number. */
  attempt: number;
}

/** Error details of a failed attempt. */
export interface SegmentError {
  code: string | null;
  message: string | null;
}

/** One attempt of one action: a bar on the time axis. */
export interface TimelineSegment extends SegmentRef {
  actionExecutionId: string | null;
  /** True from the second attempt on (a stage retry ran the action again). */
  retry: boolean;
  /** The API status as given (e.g. `InProgress`, `Succeeded`, or one this code does not know). */
  status: string | null;
  /** `waiting` instead of `running` for a manual approval in progress. */
  phase: Phase;
  start: number | null;
  /** Null while the attempt is in progress or when the API gave no usable time. */
  end: number | null;
  durationMs: number | null;
  /** Gap between what this attempt waited for ({@link after}, or the run start) and its start. */
  waitBeforeMs: number | null;
  /** The attempt whose end this one followed: the previous runOrder group, stage or attempt. */
  after: SegmentRef | null;
  /** A manual approval: its whole bar is time spent waiting for a person, not work. */
  approval: boolean;
  error: SegmentError | null;
  summary: string | null;
  externalExecutionId: string | null;
  /** Only http(s) URLs are kept. */
  externalExecutionUrl: string | null;
  logStreamArn: string | null;
  /** CloudWatch Logs console page of {@link logStreamArn}. */
  logUrl: string | null;
  outputVariables: Readonly<Record<string, string>>;
  configuration: Readonly<Record<string, string>>;
  resolvedConfiguration: Readonly<Record<string, string>>;
  inputArtifacts: readonly string[];
  outputArtifacts: readonly string[];
  pipelineVersion: number | null;
  updatedBy: string | null;
}

/** One action of a run: all its attempts, plus the latest attempt's facts for a quick read. */
export interface TimelineActionRow {
  stageName: string;
  actionName: string;
  /** From the pipeline declaration; null when the action is not in it (or none was given). */
  runOrder: number | null;
  category: string | null;
  provider: string | null;
  /** Ran in this run but is not in the current pipeline declaration. */
  removed: boolean;
  segments: readonly TimelineSegment[];
  attempts: number;
  retried: boolean;
  /** The latest attempt's status, or null when the action never ran in this run. */
  status: string | null;
  phase: Phase;
  /** A manual approval in progress: the run is waiting for a person. */
  waiting: boolean;
  start: number | null;
  /** Null while running (or never ran). */
  end: number | null;
  /** Time of the first attempt's wait before it started. */
  waitBeforeMs: number | null;
  error: SegmentError | null;
  externalExecutionUrl: string | null;
  logUrl: string | null;
  outputVariables: Readonly<Record<string, string>>;
}

/** One stage of a run. */
export interface TimelineStageRow {
  stageName: string;
  /** Ran in this run but is no longer in the current pipeline declaration. */
  removed: boolean;
  phase: Phase;
  start: number | null;
  end: number | null;
  actions: readonly TimelineActionRow[];
}

/** The timeline of one run. */
export interface Timeline {
  pipelineExecutionId: string | null;
  status: string | null;
  phase: Phase;
  executionType: string | null;
  executionMode: string | null;
  /** A rollback run (V2 RollbackStage or an automatic rollback). */
  rollback: boolean;
  rollbackTargetId: string | null;
  pipelineVersion: number | null;
  start: number | null;
  /** Null while the run is going. */
  end: number | null;
  durationMs: number | null;
  stages: readonly TimelineStageRow[];
}
