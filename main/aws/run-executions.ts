/** The executions of one run, every page: what its timeline draws. */
import {
  paginateListActionExecutions,
  paginateListRuleExecutions,
  type CodePipelineClient,
} from "@aws-sdk/client-codepipeline";
import type { ApiActionExecutionDetail, ApiRuleExecutionDetail } from "../../shared/execution";
import { toJson } from "./runs-json";

/** Every page of ListActionExecutions of one run. */
export async function readActions(
  client: CodePipelineClient,
  pipelineName: string,
  pipelineExecutionId: string,
): Promise<ApiActionExecutionDetail[]> {
  const actions: ApiActionExecutionDetail[] = [];
  for await (const page of paginateListActionExecutions(
    { client, pageSize: 100 },
    { pipelineName, filter: { pipelineExecutionId } },
  ))
    actions.push(...(toJson(page.actionExecutionDetails ?? []) as ApiActionExecutionDetail[]));
  return actions;
}

/**
 * Every page of ListRuleExecutions of one run. Condition checks are V2-only and newer than the rest
 * of the API: a service (or an emulator such as moto) that does not answer it gives none.
 */
export async function readRules(
  client: CodePipelineClient,
  pipelineName: string,
  pipelineExecutionId: string,
): Promise<ApiRuleExecutionDetail[]> {
  const rules: ApiRuleExecutionDetail[] = [];
  try {
    for await (const page of paginateListRuleExecutions(
      { client, pageSize: 100 },
      { pipelineName, filter: { pipelineExecutionId } },
    ))
      rules.push(...(toJson(page.ruleExecutionDetails ?? []) as ApiRuleExecutionDetail[]));
  } catch {
    return [];
  }
  return rules;
}
