/** The operation table: every operation the sandbox implements, by its X-Amz-Target name. */
import type { OperationHandler } from "../context";
import { putApprovalResult } from "./approvals";
import { listRuleExecutions, overrideStageCondition } from "./conditions";
import {
  getPipelineExecution,
  getPipelineState,
  listActionExecutions,
  listPipelineExecutions,
  startPipelineExecution,
  stopPipelineExecution,
} from "./executions";
import { createPipeline, deletePipeline, getPipeline, listPipelines, updatePipeline } from "./pipelines";
import { retryStageExecution, rollbackStage } from "./recovery";
import { listTagsForResource, tagResource, untagResource } from "./tags";
import { disableStageTransition, enableStageTransition } from "./transitions";

export const OPERATION_HANDLERS: Readonly<Record<string, OperationHandler>> = {
  CreatePipeline: createPipeline,
  GetPipeline: getPipeline,
  UpdatePipeline: updatePipeline,
  DeletePipeline: deletePipeline,
  ListPipelines: listPipelines,
  StartPipelineExecution: startPipelineExecution,
  StopPipelineExecution: stopPipelineExecution,
  GetPipelineState: getPipelineState,
  GetPipelineExecution: getPipelineExecution,
  ListPipelineExecutions: listPipelineExecutions,
  ListActionExecutions: listActionExecutions,
  ListRuleExecutions: listRuleExecutions,
  OverrideStageCondition: overrideStageCondition,
  PutApprovalResult: putApprovalResult,
  RetryStageExecution: retryStageExecution,
  RollbackStage: rollbackStage,
  EnableStageTransition: enableStageTransition,
  DisableStageTransition: disableStageTransition,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};
