import { z } from "zod";
import type {
  ApiActionExecutionDetail,
  ApiPipelineExecution,
  ApiPipelineExecutionSummary,
  ApiPipelineState,
  ApiRuleExecutionDetail,
} from "../execution";
import type { PipelineDeclaration } from "../pipeline/model";
import { connectionSchema, type ConnectionChoice } from "./aws-channels";
import type { ChannelDefinition } from "./contract";

/**
 * The runs channels: history, state and detail reads, run controls, and watching a pipeline
 * (updates arrive as `runs.updated` events). Spread into `CHANNELS`.
 */

function channel<Res>() {
  return <Req extends z.ZodType>(request: Req): ChannelDefinition<Req, Res> => ({ request });
}

const pipelineName = z.string().regex(/^[A-Za-z0-9.@_-]{1,100}$/, "Not a pipeline name");
const stageName = z.string().regex(/^[A-Za-z0-9.@_-]{1,100}$/, "Not a stage name");
const actionName = stageName;
const executionId = z.string().regex(/^[0-9a-fA-F-]{1,64}$|^[A-Za-z0-9_-]{1,64}$/, "Not an execution id");
const reason = z.string().max(300);
const target = { connection: connectionSchema, pipelineName };

/** The runs' statuses a history filter can ask for. */
export const RUN_STATUSES = [
  "Cancelled",
  "InProgress",
  "Stopped",
  "Stopping",
  "Succeeded",
  "Superseded",
  "Failed",
] as const;

/** One page of history, newest first. `nextToken` null: no older runs. */
export interface RunsPage {
  summaries: ApiPipelineExecutionSummary[];
  nextToken: string | null;
}

/** What a run's timeline is built from (the `TimelineInput` of shared/execution, as JSON). */
export interface RunDetail {
  summary?: ApiPipelineExecutionSummary;
  execution: ApiPipelineExecution;
  actionExecutions: ApiActionExecutionDetail[];
  /** ListRuleExecutions of the run: its stage condition checks (absent where the service has none). */
  ruleExecutions?: ApiRuleExecutionDetail[];
  /** The current declaration: orders the timeline and marks stages that are gone since the run. */
  pipeline?: PipelineDeclaration;
  /** The version of the declaration the run ran, when the service still has it (to compare two runs). */
  definition?: PipelineDeclaration;
}

/**
 * What a followed run (one whose timeline a view shows) has done so far: its ListActionExecutions
 * and, where its stages have conditions, ListRuleExecutions. Read only when its state changed.
 */
export interface RunProgress {
  pipelineExecutionId: string;
  actionExecutions: ApiActionExecutionDetail[];
  ruleExecutions?: ApiRuleExecutionDetail[];
}

/** What a watched pipeline looks like now: the payload of the `runs.updated` event. */
export interface RunsUpdate {
  pipelineName: string;
  /** The connection as the watch named it, so a view ignores updates of another connection. */
  connection: ConnectionChoice;
  /** Null until the first successful read. */
  state: ApiPipelineState | null;
  /** The newest runs, newest first. */
  runs: ApiPipelineExecutionSummary[];
  /** Why the last poll failed (throttling, network loss, a deleted pipeline); the data is the last good one. */
  error: { code: string; message: string } | null;
  /** A run is going: polls are fast. */
  active: boolean;
  /** Epoch ms of the poll. */
  polledAt: number;
  /** Milliseconds until the next poll; null when polling stopped. */
  nextPollMs: number | null;
  /** Followed runs whose progress this poll read (present only then: views keep what they got). */
  followed?: RunProgress[];
}

/** A watched run failed or waits for approval: the payload of `runs.attention` (for a notification). */
export interface RunsAttention {
  pipelineName: string;
  kind: "failed" | "approval";
  pipelineExecutionId: string | null;
  stageName: string | null;
  actionName: string | null;
  message: string;
}

/** The outcome of a control, to show the user. */
export interface RunControlResult {
  /** The run the control started or acted on, when there is one. */
  pipelineExecutionId: string | null;
  /** One sentence saying what happened. */
  message: string;
}

/** The runs channels, spread into `CHANNELS`. */
export const RUNS_CHANNELS = {
  /** One page of ListPipelineExecutions (50 runs), optionally only runs of one status. */
  "runs.list": channel<RunsPage>()(
    z.strictObject({
      ...target,
      nextToken: z.string().max(4096).optional(),
      status: z.enum(RUN_STATUSES).optional(),
    }),
  ),
  /** GetPipelineState: every stage's latest run, action states and transitions. */
  "runs.state": channel<ApiPipelineState>()(z.strictObject(target)),
  /** GetPipelineExecution, its summary, every page of ListActionExecutions, and the structure. */
  "runs.detail": channel<RunDetail>()(z.strictObject({ ...target, pipelineExecutionId: executionId })),
  /** Release change: StartPipelineExecution with V2 variables and source revision overrides. */
  "runs.start": channel<RunControlResult>()(
    z.strictObject({
      ...target,
      variables: z
        .array(z.strictObject({ name: z.string().min(1).max(128), value: z.string().max(1000) }))
        .max(50)
        .optional(),
      sourceRevisions: z
        .array(
          z.strictObject({
            actionName,
            revisionType: z.enum(["COMMIT_ID", "IMAGE_DIGEST", "S3_OBJECT_VERSION_ID", "S3_OBJECT_KEY"]),
            revisionValue: z.string().min(1).max(1500),
          }),
        )
        .max(50)
        .optional(),
    }),
  ),
  /** StopPipelineExecution: stop and wait, or stop and abandon, with a reason. */
  "runs.stop": channel<RunControlResult>()(
    z.strictObject({ ...target, pipelineExecutionId: executionId, abandon: z.boolean(), reason }),
  ),
  /** RetryStageExecution of a failed stage: its failed actions or all of them. */
  "runs.retry": channel<RunControlResult>()(
    z.strictObject({
      ...target,
      stageName,
      pipelineExecutionId: executionId,
      retryMode: z.enum(["FAILED_ACTIONS", "ALL_ACTIONS"]),
    }),
  ),
  /** PutApprovalResult; main reads the token from the current state, so only a waiting approval answers. */
  "runs.approve": channel<RunControlResult>()(
    z.strictObject({
      ...target,
      stageName,
      actionName,
      status: z.enum(["Approved", "Rejected"]),
      summary: z.string().max(512),
    }),
  ),
  /** Enable or disable the transition into (Inbound) or out of (Outbound) a stage. */
  "runs.transition": channel<RunControlResult>()(
    z.strictObject({
      ...target,
      stageName,
      transitionType: z.enum(["Inbound", "Outbound"]),
      enabled: z.boolean(),
      reason: reason.optional(),
    }),
  ),
  /** OverrideStageCondition (V2): lets a run past an entry or success check still being evaluated. */
  "runs.override": channel<RunControlResult>()(
    z.strictObject({
      ...target,
      stageName,
      pipelineExecutionId: executionId,
      conditionType: z.enum(["BEFORE_ENTRY", "ON_SUCCESS"]),
    }),
  ),
  /** RollbackStage (V2): runs the stage again with an earlier successful run's artifacts. */
  "runs.rollback": channel<RunControlResult>()(
    z.strictObject({ ...target, stageName, targetPipelineExecutionId: executionId }),
  ),
  /**
   * Watches a pipeline for a view: main polls it (one poller per pipeline however many views watch)
   * and sends `runs.updated` events. Call again with the same `viewId` to change nothing but keep it.
   */
  "runs.watch": channel<null>()(
    z.strictObject({ ...target, viewId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
  ),
  /**
   * The run whose timeline a view shows (null: none): while it goes, the poller reads its progress
   * when GetPipelineState shows it moved and sends it in `runs.updated`, so the view never re-reads
   * the whole run.
   */
  "runs.follow": channel<null>()(
    z.strictObject({
      viewId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
      pipelineExecutionId: executionId.nullable(),
    }),
  ),
  /** Stops a view's watch; the poller stops when no view watches its pipeline. */
  "runs.unwatch": channel<null>()(z.strictObject({ viewId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) })),
  /**
   * Whether a view's window is visible: a pipeline is polled slowly while every view watching it is
   * hidden. Without `viewId`, for every view (one desktop window).
   */
  "runs.visibility": channel<null>()(
    z.strictObject({
      visible: z.boolean(),
      viewId: z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,64}$/)
        .optional(),
    }),
  ),
} as const;
