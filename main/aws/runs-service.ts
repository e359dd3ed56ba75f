/**
 * Reads and controls of pipeline runs through the gateway: history pages, state, a run's detail
 * for its timeline, and the controls (release, stop, retry, approve, transitions, rollback). Every
 * method resolves to an `AwsResult` with plain JSON (ISO timestamps), never throwing.
 */
import {
  DisableStageTransitionCommand,
  EnableStageTransitionCommand,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListPipelineExecutionsCommand,
  OverrideStageConditionCommand,
  PutApprovalResultCommand,
  RetryStageExecutionCommand,
  RollbackStageCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  type ListPipelineExecutionsInput,
  type StartPipelineExecutionInput,
} from "@aws-sdk/client-codepipeline";
import type { ApiPipelineExecutionSummary, ApiPipelineState } from "../../shared/execution";
import type { PipelineDeclaration } from "../../shared/pipeline/model";
import type { RunControlResult, RunDetail, RunProgress, RunsPage } from "../../shared/ipc/runs-channels";
import type { Connection } from "./connection";
import { fail, type AwsResult } from "./errors";
import type { Gateway } from "./gateway";
import { refineRunError } from "./runs-errors";
import { toJson } from "./runs-json";
import { readActions, readRules } from "./run-executions";

/** Runs per history page: enough to fill a screen, few enough to answer quickly. */
export const RUNS_PAGE_SIZE = 50;

/** ListPipelineExecutions pages read to find one run's summary (which only that call has). */
const SUMMARY_SCAN_PAGES = 4;

export interface StartOptions {
  variables?: readonly { name: string; value: string }[];
  sourceRevisions?: readonly { actionName: string; revisionType: string; revisionValue: string }[];
}

export type RunStatusFilter =
  "Cancelled" | "InProgress" | "Stopped" | "Stopping" | "Succeeded" | "Superseded" | "Failed";

function control(pipelineExecutionId: string | null, message: string): RunControlResult {
  return { pipelineExecutionId, message };
}

export class RunsService {
  constructor(private readonly gateway: Gateway) {}

  /** One page of history, newest first; the status filter is applied by the service. */
  listRuns(
    connection: Connection,
    pipelineName: string,
    options: { nextToken?: string; status?: RunStatusFilter; pageSize?: number } = {},
  ): Promise<AwsResult<RunsPage>> {
    return this.gateway.send(connection, "ListPipelineExecutions", pipelineName, async (client) => {
      const input: ListPipelineExecutionsInput = {
        pipelineName,
        maxResults: options.pageSize ?? RUNS_PAGE_SIZE,
      };
      // The API filters only by "succeeded in stage"; a status filter reads on until a page has
      // matches (or the history ends), so an old status is still found without loading everything.
      const summaries: ApiPipelineExecutionSummary[] = [];
      let token = options.nextToken;
      for (let pages = 0; pages < 20; pages++) {
        const out = await client.send(
          new ListPipelineExecutionsCommand({ ...input, ...(token ? { nextToken: token } : {}) }),
        );
        const page = toJson(out.pipelineExecutionSummaries ?? []) as ApiPipelineExecutionSummary[];
        summaries.push(...(options.status ? page.filter((s) => s.status === options.status) : page));
        token = out.nextToken;
        if (!token || !options.status || summaries.length > 0) break;
      }
      return { summaries, nextToken: token ?? null };
    });
  }

  /** GetPipelineState. */
  getState(connection: Connection, pipelineName: string): Promise<AwsResult<ApiPipelineState>> {
    return this.gateway.send(connection, "GetPipelineState", pipelineName, async (client) => {
      const out = await client.send(new GetPipelineStateCommand({ name: pipelineName }));
      return toJson(out) as ApiPipelineState;
    });
  }

  /** Everything the timeline of one run needs. */
  async getRunDetail(
    connection: Connection,
    pipelineName: string,
    pipelineExecutionId: string,
  ): Promise<AwsResult<RunDetail>> {
    const detail = await this.gateway.send(
      connection,
      "GetPipelineExecution",
      pipelineName,
      async (client) => {
        const execution = await client.send(
          new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId }),
        );
        const actions = await readActions(client, pipelineName, pipelineExecutionId);
        const rules = await readRules(client, pipelineName, pipelineExecutionId);
        let summary: ApiPipelineExecutionSummary | undefined;
        let token: string | undefined;
        for (let pages = 0; pages < SUMMARY_SCAN_PAGES && !summary; pages++) {
          const out = await client.send(
            new ListPipelineExecutionsCommand({
              pipelineName,
              maxResults: 100,
              ...(token ? { nextToken: token } : {}),
            }),
          );
          const found = out.pipelineExecutionSummaries?.find(
            (s) => s.pipelineExecutionId === pipelineExecutionId,
          );
          if (found) summary = toJson(found) as ApiPipelineExecutionSummary;
          token = out.nextToken;
          if (!token) break;
        }
        // The current structure orders the timeline and marks stages a run ran that are gone now;
        // the version the run ran is what comparing two runs diffs.
        const read = (version?: number) =>
          client
            .send(
              new GetPipelineCommand({ name: pipelineName, ...(version === undefined ? {} : { version }) }),
            )
            .then(
              (out) => toJson(out.pipeline) as PipelineDeclaration | undefined,
              () => undefined,
            );
        const pipeline = await read();
        const version = execution.pipelineExecution?.pipelineVersion;
        let definition =
          version === undefined || version === pipeline?.version ? pipeline : await read(version);
        // moto ignores `version`: a definition of another version is not this run's.
        if (definition !== undefined && definition.version !== version) definition = undefined;
        const result: RunDetail = {
          execution: toJson<RunDetail["execution"]>(execution.pipelineExecution ?? {}),
          actionExecutions: actions,
        };
        if (summary) result.summary = summary;
        if (rules.length > 0) result.ruleExecutions = rules;
        if (pipeline) result.pipeline = pipeline;
        if (definition) result.definition = definition;
        return result;
      },
    );
    return refineRunError(detail, pipelineExecutionId);
  }

  /**
   * A going run's executions so far, for the timeline that follows it: ListActionExecutions, and
   * ListRuleExecutions when `rules` (its stages have condition checks).
   */
  getRunProgress(
    connection: Connection,
    pipelineName: string,
    pipelineExecutionId: string,
    rules: boolean,
  ): Promise<AwsResult<RunProgress>> {
    return this.gateway.send(connection, "ListActionExecutions", pipelineName, async (client) => {
      const progress: RunProgress = {
        pipelineExecutionId,
        actionExecutions: await readActions(client, pipelineName, pipelineExecutionId),
      };
      const ruleExecutions = rules ? await readRules(client, pipelineName, pipelineExecutionId) : [];
      if (ruleExecutions.length > 0) progress.ruleExecutions = ruleExecutions;
      return progress;
    });
  }

  /** Release change. */
  async startRun(
    connection: Connection,
    pipelineName: string,
    options: StartOptions = {},
  ): Promise<AwsResult<RunControlResult>> {
    const input: StartPipelineExecutionInput = { name: pipelineName };
    if (options.variables?.length) input.variables = options.variables.map((v) => ({ ...v }));
    if (options.sourceRevisions?.length)
      input.sourceRevisions = options.sourceRevisions.map((r) => ({
        actionName: r.actionName,
        revisionType: r.revisionType as "COMMIT_ID",
        revisionValue: r.revisionValue,
      }));
    const result = await this.gateway.send(connection, "StartPipelineExecution", pipelineName, async (c) => {
      const out = await c.send(new StartPipelineExecutionCommand(input));
      const id = out.pipelineExecutionId ?? null;
      return control(id, `Started a run of ${pipelineName}: ${id ?? "(no id returned)"}`);
    });
    return refineRunError(result, pipelineName);
  }

  /** Stop and wait (in-progress actions finish) or stop and abandon. */
  async stopRun(
    connection: Connection,
    pipelineName: string,
    pipelineExecutionId: string,
    abandon: boolean,
    reason: string,
  ): Promise<AwsResult<RunControlResult>> {
    const result = await this.gateway.send(connection, "StopPipelineExecution", pipelineName, async (c) => {
      await c.send(
        new StopPipelineExecutionCommand({
          pipelineName,
          pipelineExecutionId,
          abandon,
          ...(reason ? { reason } : {}),
        }),
      );
      return control(
        pipelineExecutionId,
        abandon
          ? `Stopping the run and abandoning its in-progress actions: ${pipelineExecutionId}`
          : `Stopping the run once its in-progress actions finish: ${pipelineExecutionId}`,
      );
    });
    return refineRunError(result, pipelineExecutionId);
  }

  /** Retries a failed stage of a run. */
  async retryStage(
    connection: Connection,
    pipelineName: string,
    stageName: string,
    pipelineExecutionId: string,
    retryMode: "FAILED_ACTIONS" | "ALL_ACTIONS",
  ): Promise<AwsResult<RunControlResult>> {
    const result = await this.gateway.send(connection, "RetryStageExecution", pipelineName, async (c) => {
      const out = await c.send(
        new RetryStageExecutionCommand({ pipelineName, stageName, pipelineExecutionId, retryMode }),
      );
      const what = retryMode === "FAILED_ACTIONS" ? "its failed actions" : "all its actions";
      return control(out.pipelineExecutionId ?? pipelineExecutionId, `Retrying ${stageName} with ${what}`);
    });
    return refineRunError(result, stageName);
  }

  /**
   * Approves or rejects a waiting manual approval. The token comes from the current state, so an
   * approval that is no longer waiting is refused here with a clear message.
   */
  async answerApproval(
    connection: Connection,
    pipelineName: string,
    stageName: string,
    actionName: string,
    status: "Approved" | "Rejected",
    summary: string,
  ): Promise<AwsResult<RunControlResult>> {
    const state = await this.getState(connection, pipelineName);
    if (!state.ok) return state;
    const stage = state.value.stageStates?.find((s) => s.stageName === stageName);
    if (!stage) return fail("validation", `The stage is not in the pipeline: ${stageName}`);
    const latest = stage.actionStates?.find((a) => a.actionName === actionName)?.latestExecution;
    if (!latest?.token || latest.status !== "InProgress")
      return fail("validation", `No approval is waiting in this action: ${stageName}/${actionName}`);
    const token = latest.token;
    const result = await this.gateway.send(connection, "PutApprovalResult", pipelineName, async (c) => {
      await c.send(
        new PutApprovalResultCommand({
          pipelineName,
          stageName,
          actionName,
          token,
          result: { status, summary },
        }),
      );
      return control(
        stage.latestExecution?.pipelineExecutionId ?? null,
        `${status === "Approved" ? "Approved" : "Rejected"} ${stageName}/${actionName}`,
      );
    });
    return refineRunError(result, `${stageName}/${actionName}`);
  }

  /** Enables or disables the transition into or out of a stage. */
  async setTransition(
    connection: Connection,
    pipelineName: string,
    stageName: string,
    transitionType: "Inbound" | "Outbound",
    enabled: boolean,
    reason = "",
  ): Promise<AwsResult<RunControlResult>> {
    if (!enabled && !reason.trim())
      return fail("validation", `Disabling a transition needs a reason: ${stageName}`);
    const result = await this.gateway.send(
      connection,
      enabled ? "EnableStageTransition" : "DisableStageTransition",
      pipelineName,
      async (c) => {
        if (enabled)
          await c.send(new EnableStageTransitionCommand({ pipelineName, stageName, transitionType }));
        else
          await c.send(
            new DisableStageTransitionCommand({
              pipelineName,
              stageName,
              transitionType,
              reason: reason.trim(),
            }),
          );
        const side = transitionType === "Inbound" ? "into" : "out of";
        return control(null, `${enabled ? "Enabled" : "Disabled"} the transition ${side} ${stageName}`);
      },
    );
    return refineRunError(result, stageName);
  }

  /**
   * OverrideStageCondition (V2): lets a run past a stage's entry or success check that is still being
   * evaluated (an alarm watched, a window waited for), as a person with the authority to decide.
   */
  async overrideCondition(
    connection: Connection,
    pipelineName: string,
    stageName: string,
    pipelineExecutionId: string,
    conditionType: "BEFORE_ENTRY" | "ON_SUCCESS",
  ): Promise<AwsResult<RunControlResult>> {
    const hook = conditionType === "BEFORE_ENTRY" ? "entry" : "success";
    const result = await this.gateway.send(connection, "OverrideStageCondition", pipelineName, async (c) => {
      await c.send(
        new OverrideStageConditionCommand({ pipelineName, stageName, pipelineExecutionId, conditionType }),
      );
      return control(pipelineExecutionId, `Overrode the ${hook} conditions of ${stageName}`);
    });
    return refineRunError(result, `${stageName} ${hook} conditions`);
  }

  /** RollbackStage (V2 pipelines). */
  async rollbackStage(
    connection: Connection,
    pipelineName: string,
    stageName: string,
    targetPipelineExecutionId: string,
  ): Promise<AwsResult<RunControlResult>> {
    const result = await this.gateway.send(connection, "RollbackStage", pipelineName, async (c) => {
      const out = await c.send(
        new RollbackStageCommand({ pipelineName, stageName, targetPipelineExecutionId }),
      );
      const id = out.pipelineExecutionId ?? null;
      return control(id, `Rolling back ${stageName} to run ${targetPipelineExecutionId}`);
    });
    return refineRunError(result, `${stageName} to ${targetPipelineExecutionId}`);
  }
}
