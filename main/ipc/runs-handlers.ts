import { ok, type ConnectionChoice, type Handlers, type Result } from "../../shared/ipc";
import type { Connection } from "../aws";
import { resolveConnection, toResult } from "./aws-bridge";
import type { AppServices } from "./services";

type RunsHandlers = Pick<Handlers, Extract<keyof Handlers, `runs.${string}`>>;

/**
 * The handlers of the runs channels. A control that changed something polls the pipeline at once,
 * so every view watching it sees the effect without waiting for the next poll.
 */
export function createRunsHandlers(s: AppServices): RunsHandlers {
  const { service, watch } = s.runs;
  /** Resolves the connection, runs the call, and refreshes the pipeline's poller after a control. */
  async function withConnection<T>(
    choice: ConnectionChoice,
    pipelineName: string,
    call: (c: Connection) => Promise<Parameters<typeof toResult<T>>[0]>,
    control = false,
  ): Promise<Result<T>> {
    const resolved = await resolveConnection(s, choice);
    if (!resolved.ok) return resolved;
    const result = await call(resolved.value);
    if (control && result.ok) {
      watch.refresh(resolved.value, pipelineName);
      // The fleet's row of the pipeline too, so the Fleet view shows the control's effect at once.
      s.fleet.refresh(resolved.value, pipelineName);
    }
    return toResult(result);
  }
  return {
    "runs.list": ({ connection, pipelineName, nextToken, status, succeededInStage }) =>
      withConnection(connection, pipelineName, (c) =>
        service.listRuns(c, pipelineName, {
          ...(nextToken === undefined ? {} : { nextToken }),
          ...(status === undefined ? {} : { status }),
          ...(succeededInStage === undefined ? {} : { succeededInStage }),
        }),
      ),
    "runs.state": ({ connection, pipelineName }) =>
      withConnection(connection, pipelineName, (c) => service.getState(c, pipelineName)),
    "runs.detail": ({ connection, pipelineName, pipelineExecutionId }) =>
      withConnection(connection, pipelineName, (c) =>
        service.getRunDetail(c, pipelineName, pipelineExecutionId),
      ),
    "runs.start": ({ connection, pipelineName, variables, sourceRevisions }) =>
      withConnection(
        connection,
        pipelineName,
        (c) =>
          service.startRun(c, pipelineName, {
            ...(variables === undefined ? {} : { variables }),
            ...(sourceRevisions === undefined ? {} : { sourceRevisions }),
          }),
        true,
      ),
    "runs.stop": ({ connection, pipelineName, pipelineExecutionId, abandon, reason }) =>
      withConnection(
        connection,
        pipelineName,
        (c) => service.stopRun(c, pipelineName, pipelineExecutionId, abandon, reason),
        true,
      ),
    "runs.retry": ({ connection, pipelineName, stageName, pipelineExecutionId, retryMode }) =>
      withConnection(
        connection,
        pipelineName,
        (c) => service.retryStage(c, pipelineName, stageName, pipelineExecutionId, retryMode),
        true,
      ),
    "runs.approve": ({ connection, pipelineName, stageName, actionName, status, summary }) =>
      withConnection(
        connection,
        pipelineName,
        (c) => service.answerApproval(c, pipelineName, stageName, actionName, status, summary),
        true,
      ),
    "runs.transition": ({ connection, pipelineName, stageName, transitionType, enabled, reason }) =>
      withConnection(
        connection,
        pipelineName,
        (c) => service.setTransition(c, pipelineName, stageName, transitionType, enabled, reason ?? ""),
        true,
      ),
    "runs.override": ({ connection, pipelineName, stageName, pipelineExecutionId, conditionType }) =>
      withConnection(
        connection,
        pipelineName,
        (c) => service.overrideCondition(c, pipelineName, stageName, pipelineExecutionId, conditionType),
        true,
      ),
    "runs.rollback": ({ connection, pipelineName, stageName, targetPipelineExecutionId }) =>
      withConnection(
        connection,
        pipelineName,
        (c) => service.rollbackStage(c, pipelineName, stageName, targetPipelineExecutionId),
        true,
      ),
    "runs.watch": async ({ connection, pipelineName, viewId }) => {
      const resolved = await resolveConnection(s, connection);
      if (!resolved.ok) return resolved;
      watch.watch(viewId, resolved.value, pipelineName);
      return ok(null);
    },
    "runs.follow": async ({ viewId, pipelineExecutionId }) => {
      watch.follow(viewId, pipelineExecutionId);
      return ok(null);
    },
    "runs.unwatch": async ({ viewId }) => {
      watch.unwatch(viewId);
      return ok(null);
    },
    "runs.visibility": async ({ visible, viewId }) => {
      watch.setVisible(visible, viewId);
      return ok(null);
    },
  };
}
