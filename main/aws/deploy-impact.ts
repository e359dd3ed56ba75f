/**
 * What an update would disturb: runs in progress it would cancel, and an owner (CloudFormation,
 * CDK) whose next stack update would undo the change. Warnings, never blockers: the user decides.
 */
import { DEFAULT_OWNER_TAG_KEYS, driftMessage, findOwner } from "../../shared/iac/ownership";
import type { DeployWarningCode } from "../../shared/ipc/aws-channels";
import type { Tag } from "../../shared/pipeline/model";
import type { Connection } from "./connection";
import type { AwsError } from "./errors";
import type { ExecutionListItem, Gateway } from "./gateway";

export type { DeployWarningCode };

/** The warnings that mean another tool owns the pipeline: deploying needs `allowDrift`. */
export const OWNERSHIP_WARNINGS: ReadonlySet<DeployWarningCode> = new Set([
  "managed-by-cloudformation",
  "managed-by-cdk",
  "managed-by-tag",
]);

export interface DeployWarning {
  code: DeployWarningCode;
  message: string;
  /** For `executions-in-progress`. */
  executions?: ExecutionListItem[];
  /** For `managed-by-*`: the stack name or CDK path from the tags. */
  owner?: string;
  /** For `impact-unknown`: why. */
  error?: AwsError;
}

/**
 * Warnings from a pipeline's tags: CloudFormation adds `aws:cloudformation:*`, CDK `aws:cdk:*`;
 * Terraform and other tools are recognised by the tag keys the user configures (`ManagedBy`).
 */
export function ownershipWarnings(
  tags: readonly Tag[],
  ownerTagKeys: readonly string[] = DEFAULT_OWNER_TAG_KEYS,
): DeployWarning[] {
  const value = (key: string) => tags.find((t) => t.key === key)?.value;
  const cdk = tags.find((t) => t.key.startsWith("aws:cdk:"));
  const stack = value("aws:cloudformation:stack-name");
  if (cdk) {
    return [
      {
        code: "managed-by-cdk",
        owner: stack ?? cdk.value,
        message: `This pipeline is managed by the AWS CDK; the next cdk deploy will undo changes made here: ${stack ?? cdk.value}`,
      },
    ];
  }
  if (stack) {
    return [
      {
        code: "managed-by-cloudformation",
        owner: stack,
        message: `This pipeline is managed by a CloudFormation stack; the next stack update will undo changes made here: ${stack}`,
      },
    ];
  }
  const owner = findOwner(tags, ownerTagKeys);
  if (owner?.kind === "tag") {
    return [{ code: "managed-by-tag", owner: `${owner.tagKey}=${owner.name}`, message: driftMessage(owner) }];
  }
  return [];
}

export function executionWarning(executions: readonly ExecutionListItem[]): DeployWarning[] {
  if (executions.length === 0) return [];
  const ids = executions.map((e) => e.pipelineExecutionId).join(", ");
  return [
    {
      code: "executions-in-progress",
      executions: [...executions],
      message: `${executions.length === 1 ? "A run is" : `${executions.length} runs are`} in progress; updating the pipeline stops ${executions.length === 1 ? "it" : "them"}. Deploy anyway or wait until idle: ${ids}`,
    },
  ];
}

/** Reads runs and tags of an existing pipeline; a read that fails becomes an `impact-unknown` warning. */
export async function assessImpact(
  gateway: Gateway,
  connection: Connection,
  name: string,
  arn: string | undefined,
  ownerTagKeys?: readonly string[],
): Promise<{ warnings: DeployWarning[]; executions: ExecutionListItem[] }> {
  const [executions, tags] = await Promise.all([
    gateway.listActiveExecutions(connection, name),
    arn ? gateway.listTags(connection, arn, name) : Promise.resolve(undefined),
  ]);
  const warnings: DeployWarning[] = [];
  let active: ExecutionListItem[] = [];
  if (executions.ok) {
    active = executions.value;
    warnings.push(...executionWarning(active));
  } else {
    warnings.push({
      code: "impact-unknown",
      error: executions.error,
      message: `Could not check for runs in progress; an update would stop any: ${executions.error.message}`,
    });
  }
  if (tags?.ok) warnings.push(...ownershipWarnings(tags.value, ownerTagKeys));
  else if (tags) {
    warnings.push({
      code: "impact-unknown",
      error: tags.error,
      message: `Could not read the pipeline's tags to see whether a stack manages it: ${tags.error.message}`,
    });
  }
  return { warnings, executions: active };
}
