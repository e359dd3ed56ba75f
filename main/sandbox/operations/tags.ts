/**
 * TagResource, UntagResource, ListTagsForResource, for the three taggable resources: pipelines,
 * custom action types and webhooks (each create operation takes `tags`).
 */
import { type OperationHandler, type SandboxContext } from "../context";
import { paginate } from "../pagination";
import { fail } from "../protocol";
import type { TagRecord } from "../records";

const MAX_TAGS = 50;

/** The service's tag rules: no reserved `aws:` prefix, unique keys, at most 50 per resource. */
export function checkTags(added: readonly TagRecord[], existing: readonly TagRecord[]): void {
  const keys = new Set<string>();
  for (const tag of added) {
    if (tag.key.toLowerCase().startsWith("aws:"))
      fail("InvalidTagsException", `Tag keys may not start with aws: ${tag.key}`);
    if (keys.has(tag.key)) fail("InvalidTagsException", `Duplicate tag key: ${tag.key}`);
    keys.add(tag.key);
  }
  const total = new Set([...existing.map((t) => t.key), ...keys]).size;
  if (total > MAX_TAGS)
    fail("TooManyTagsException", `A resource can have at most ${MAX_TAGS} tags; this would make: ${total}`);
}

/** The ARNs the sandbox gives custom action types and webhooks. */
export function actionTypeArn(
  ctx: SandboxContext,
  id: { category: string; provider: string; version: string },
): string {
  return `${arnPrefix(ctx)}actiontype:Custom/${id.category}/${id.provider}/${id.version}`;
}

export function webhookArn(ctx: SandboxContext, name: string): string {
  return `${arnPrefix(ctx)}webhook:${name}`;
}

function arnPrefix(ctx: SandboxContext): string {
  return `arn:${ctx.partition.arnPartition}:codepipeline:${ctx.region}:${ctx.accountId}:`;
}

function resource(ctx: SandboxContext, arn: string): { tags: TagRecord[] } {
  if (!arn.startsWith(arnPrefix(ctx))) {
    fail(
      "InvalidArnException",
      `Not a CodePipeline ARN of account ${ctx.accountId} in ${ctx.region}: ${arn}`,
    );
  }
  const data = ctx.partition.data;
  return (
    ctx.state.pipelines.find((p) => p.arn === arn) ??
    data.webhooks.find((w) => w.arn === arn) ??
    data.customActionTypes.find((t) => !t.deleted && actionTypeArn(ctx, t.id) === arn) ??
    fail("ResourceNotFoundException", `No resource with this ARN: ${arn}`)
  );
}

export const tagResource: OperationHandler = (ctx, input) => {
  const tagged = resource(ctx, input.resourceArn as string);
  const added = input.tags as TagRecord[];
  checkTags(added, tagged.tags);
  const replaced = new Set(added.map((t) => t.key));
  tagged.tags = [
    ...tagged.tags.filter((t) => !replaced.has(t.key)),
    ...added.map((t) => ({ key: t.key, value: t.value })),
  ];
  ctx.changed();
  return {};
};

export const untagResource: OperationHandler = (ctx, input) => {
  const tagged = resource(ctx, input.resourceArn as string);
  const removed = new Set(input.tagKeys as string[]);
  tagged.tags = tagged.tags.filter((t) => !removed.has(t.key));
  ctx.changed();
  return {};
};

export const listTagsForResource: OperationHandler = (ctx, input) => {
  const arn = input.resourceArn as string;
  const tagged = resource(ctx, arn);
  const sorted = [...tagged.tags].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const { page, nextToken } = paginate(
    sorted,
    (t) => t.key,
    input as { nextToken?: string; maxResults?: number },
    `ListTagsForResource:${arn}`,
    100,
  );
  return { tags: page, nextToken };
};

/**
 * Sandbox-only: the tags an AWS service puts on a resource it manages. "In addition to any tags you
 * define, CloudFormation automatically creates the following stack-level tags with the aws:
 * prefix: aws:cloudformation:logical-id, aws:cloudformation:stack-id, aws:cloudformation:stack-name.
 * The aws: prefix is reserved for AWS use."
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-resource-tags.html)
 * TagResource refuses such keys from callers, as AWS does, so no request can reach this; the
 * sandbox has no CloudFormation, and tests (and `Sandbox.tagAsService`) use it to make a pipeline
 * look owned by a stack. Only `aws:` keys are accepted here, so it cannot bypass the user rules.
 */
export function tagAsService(ctx: SandboxContext, pipelineName: string, tags: readonly TagRecord[]): void {
  for (const tag of tags) {
    if (!tag.key.toLowerCase().startsWith("aws:"))
      fail(
        "InvalidTagsException",
        `Service tags start with aws:, other tags go through TagResource: ${tag.key}`,
      );
  }
  const pipeline =
    ctx.state.pipelines.find((p) => p.name === pipelineName) ??
    fail("PipelineNotFoundException", `Pipeline not found: ${pipelineName}`);
  const replaced = new Set(tags.map((t) => t.key));
  pipeline.tags = [
    ...pipeline.tags.filter((t) => !replaced.has(t.key)),
    ...tags.map((t) => ({ key: t.key, value: t.value })),
  ];
  ctx.changed();
}
