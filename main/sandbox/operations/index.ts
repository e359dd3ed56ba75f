/** The operation table: every operation the sandbox implements, by its X-Amz-Target name. */
import type { OperationHandler } from "../context";
import {
  createCustomActionType,
  deleteCustomActionType,
  getActionType,
  listActionTypes,
  listRuleTypes,
  updateActionType,
} from "./action-types";
import { listDeployActionExecutionTargets } from "./deploy-targets";
import { putActionRevision } from "./action-revision";
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
import { acknowledgeJob, getJobDetails, pollForJobs, putJobFailureResult, putJobSuccessResult } from "./jobs";
import { createPipeline, deletePipeline, getPipeline, listPipelines, updatePipeline } from "./pipelines";
import { retryStageExecution, rollbackStage } from "./recovery";
import { listTagsForResource, tagResource, untagResource } from "./tags";
import {
  acknowledgeThirdPartyJob,
  getThirdPartyJobDetails,
  pollForThirdPartyJobs,
  putThirdPartyJobFailureResult,
  putThirdPartyJobSuccessResult,
} from "./third-party-jobs";
import { disableStageTransition, enableStageTransition } from "./transitions";
import {
  deleteWebhook,
  deregisterWebhookWithThirdParty,
  listWebhooks,
  putWebhook,
  registerWebhookWithThirdParty,
} from "./webhooks";

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
  CreateCustomActionType: createCustomActionType,
  DeleteCustomActionType: deleteCustomActionType,
  ListActionTypes: listActionTypes,
  GetActionType: getActionType,
  UpdateActionType: updateActionType,
  ListRuleTypes: listRuleTypes,
  PutWebhook: putWebhook,
  ListWebhooks: listWebhooks,
  DeleteWebhook: deleteWebhook,
  RegisterWebhookWithThirdParty: registerWebhookWithThirdParty,
  DeregisterWebhookWithThirdParty: deregisterWebhookWithThirdParty,
  ListDeployActionExecutionTargets: listDeployActionExecutionTargets,
  PutActionRevision: putActionRevision,
  PollForJobs: pollForJobs,
  AcknowledgeJob: acknowledgeJob,
  GetJobDetails: getJobDetails,
  PutJobSuccessResult: putJobSuccessResult,
  PutJobFailureResult: putJobFailureResult,
  PollForThirdPartyJobs: pollForThirdPartyJobs,
  AcknowledgeThirdPartyJob: acknowledgeThirdPartyJob,
  GetThirdPartyJobDetails: getThirdPartyJobDetails,
  PutThirdPartyJobSuccessResult: putThirdPartyJobSuccessResult,
  PutThirdPartyJobFailureResult: putThirdPartyJobFailureResult,
};
