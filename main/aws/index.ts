/**
 * AWS access for main: the gateway, connections and profiles, the deploy service and pull. Every
 * function returns an `AwsResult` (the IPC `Result` shape) instead of throwing, so handlers can pass
 * results straight through.
 */
export {
  connectionKey,
  describeConnection,
  SANDBOX_REGION,
  type AwsConnection,
  type Connection,
  type SandboxConnection,
} from "./connection";
export { mapAwsError, parseAccessDenied, type AwsError, type AwsErrorCode, type AwsResult } from "./errors";
export {
  Gateway,
  type CallerIdentity,
  type ExecutionListItem,
  type GatewayOptions,
  type PipelineListItem,
  type RemotePipeline,
} from "./gateway";
export {
  defaultRegion,
  ENV_PROFILE,
  listProfiles,
  type ProfileInfo,
  type ProfileKind,
  type ProfileList,
} from "./profiles";
export { DeployTargets, describeTarget, type DeployBase, type TargetRecord } from "./deploy-targets";
export {
  applyDeploy,
  planDeploy,
  recordDeploy,
  type ApplyOptions,
  type DeployConflict,
  type DeployPlan,
  type DeployResult,
  type DeployStep,
} from "./deploy";
export { OWNERSHIP_WARNINGS, ownershipWarnings, type DeployWarning, type DeployWarningCode } from "./deploy-impact";
export { pullPipeline, type PulledPipeline } from "./pull";
export { connectionFromFlags, type ConnectionFlags } from "./connection-from-env";
export { AwsService, type AwsServiceOptions, type DeployPreview } from "./aws-service";
