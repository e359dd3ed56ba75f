/**
 * Who owns a pipeline, from its tags: a CloudFormation stack, a CDK app, or a tool named by a tag
 * the user configures (Terraform and others mark their resources with a tag such as `ManagedBy`).
 * A direct update of an owned pipeline drifts from its source and is reverted at the next stack
 * update or apply, so the app shows the owner and Deploy asks before doing it.
 *
 * "In addition to any tags you define, CloudFormation automatically creates the following
 * stack-level tags with the aws: prefix: aws:cloudformation:logical-id, aws:cloudformation:stack-id,
 * aws:cloudformation:stack-name."
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-resource-tags.html
 */

/** A pipeline's owner. */
export interface PipelineOwner {
  kind: "cloudformation" | "cdk" | "tag";
  /** The stack name, or the configured tag's value. */
  name: string;
  /** The tag it was read from. */
  tagKey: string;
}

/** Tag keys checked for an owner when the user has not configured any. */
export const DEFAULT_OWNER_TAG_KEYS: readonly string[] = ["ManagedBy"];

/** The owner named by `tags`, if any: CloudFormation and CDK first, then the configured keys in order. */
export function findOwner(
  tags: ReadonlyArray<{ key: string; value: string }>,
  ownerTagKeys: readonly string[] = DEFAULT_OWNER_TAG_KEYS,
): PipelineOwner | undefined {
  const stack = tags.find((t) => t.key === "aws:cloudformation:stack-name");
  const cdk = tags.find((t) => t.key.startsWith("aws:cdk:"));
  if (cdk) return { kind: "cdk", name: stack?.value ?? cdk.value, tagKey: stack?.key ?? cdk.key };
  if (stack) return { kind: "cloudformation", name: stack.value, tagKey: stack.key };
  for (const key of ownerTagKeys) {
    const tag = tags.find((t) => t.key.toLowerCase() === key.toLowerCase());
    if (tag) return { kind: "tag", name: tag.value, tagKey: tag.key };
  }
  return undefined;
}

/** "the CloudFormation stack web-release", "the CDK stack …", "ManagedBy = terraform". */
export function describeOwner(owner: PipelineOwner): string {
  if (owner.kind === "cloudformation") return `the CloudFormation stack ${owner.name}`;
  if (owner.kind === "cdk") return `the CDK stack ${owner.name}`;
  return `${owner.tagKey} = ${owner.name}`;
}

/** The template format a change to an owned pipeline is best exported as. */
export function ownerExportFormat(owner: PipelineOwner): "cfn-yaml" | "cdk-ts" | "terraform" {
  if (owner.kind === "cdk") return "cdk-ts";
  if (owner.kind === "tag" && /terraform|opentofu/i.test(owner.name)) return "terraform";
  return "cfn-yaml";
}

/** Why a direct deploy of an owned pipeline drifts, in one sentence. */
export function driftMessage(owner: PipelineOwner): string {
  const next = owner.kind === "tag" ? "the next apply of its configuration" : "the next stack update";
  return `This pipeline is managed by ${describeOwner(owner)}; a direct update drifts from it and is reverted at ${next}: ${owner.name}`;
}
