/**
 * The rehearsal's runs as the CodePipeline API reports them (ListPipelineExecutions,
 * GetPipelineExecution, ListActionExecutions), asked of the private sandbox like any client
 * would, so the app's timeline reads a rehearsal exactly as it reads a real run.
 */
import type {
  ApiActionExecutionDetail,
  ApiPipelineExecution,
  ApiPipelineExecutionSummary,
  ApiRuleExecutionDetail,
} from "../../shared/execution";
import type { RehearsalRole, RehearsalRun } from "../../shared/rehearse";
import type { PipelineRecord } from "../sandbox/records";
import type { PrivateSandbox } from "./private-sandbox";

function pages<T>(fetch: (nextToken?: string) => { items: T[]; nextToken?: string }): T[] {
  const all: T[] = [];
  let token: string | undefined;
  do {
    const page = fetch(token);
    all.push(...page.items);
    token = page.nextToken;
  } while (token !== undefined);
  return all;
}

/** Every run of the rehearsal, oldest first, with its role. */
export function collectRuns(
  sandbox: PrivateSandbox,
  pipeline: PipelineRecord,
  roleOf: (executionId: string) => RehearsalRole | undefined,
): RehearsalRun[] {
  const pipelineName = pipeline.name;
  const summaries = pages((nextToken) => {
    const out = sandbox.call("ListPipelineExecutions", { pipelineName, ...(nextToken ? { nextToken } : {}) });
    return {
      items: out.pipelineExecutionSummaries as ApiPipelineExecutionSummary[],
      ...(typeof out.nextToken === "string" ? { nextToken: out.nextToken } : {}),
    };
  });
  return pipeline.executions.map((record) => {
    const executionId = record.id;
    const execution = sandbox.call("GetPipelineExecution", { pipelineName, pipelineExecutionId: executionId })
      .pipelineExecution as ApiPipelineExecution;
    const actionExecutions = pages((nextToken) => {
      const out = sandbox.call("ListActionExecutions", {
        pipelineName,
        filter: { pipelineExecutionId: executionId },
        ...(nextToken ? { nextToken } : {}),
      });
      return {
        items: out.actionExecutionDetails as ApiActionExecutionDetail[],
        ...(typeof out.nextToken === "string" ? { nextToken: out.nextToken } : {}),
      };
    });
    const ruleExecutions = pages((nextToken) => {
      const out = sandbox.call("ListRuleExecutions", {
        pipelineName,
        filter: { pipelineExecutionId: executionId },
        ...(nextToken ? { nextToken } : {}),
      });
      return {
        items: out.ruleExecutionDetails as ApiRuleExecutionDetail[],
        ...(typeof out.nextToken === "string" ? { nextToken: out.nextToken } : {}),
      };
    });
    return {
      role: roleOf(executionId) ?? "baseline",
      executionId,
      status: record.status,
      ...(record.rollbackTargetId === undefined
        ? {}
        : { rollbackTargetExecutionId: record.rollbackTargetId }),
      summary: summaries.find((s) => s.pipelineExecutionId === executionId) ?? {
        pipelineExecutionId: executionId,
      },
      execution,
      actionExecutions,
      ruleExecutions,
    };
  });
}
