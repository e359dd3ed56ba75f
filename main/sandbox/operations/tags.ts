/** TagResource, UntagResource, ListTagsForResource; pipelines are the only taggable resource here. */
import { type OperationHandler, type SandboxContext } from "../context";
import { paginate } from "../pagination";
import { fail } from "../protocol";
import type { PipelineRecord, TagRecord } from "../records";

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

function resource(ctx: SandboxContext, arn: string): PipelineRecord {
  const prefix = `arn:aws:codepipeline:${ctx.region}:${ctx.accountId}:`;
  if (!arn.startsWith(prefix))
    fail("InvalidArnException", `Not a pipeline ARN of this account and region: ${arn}`);
  return (
    ctx.state.pipelines.find((p) => p.arn === arn) ??
    fail("ResourceNotFoundException", `No resource with this ARN: ${arn}`)
  );
}

export const tagResource: OperationHandler = (ctx, input) => {
  const pipeline = resource(ctx, input.resourceArn as string);
  const added = input.tags as TagRecord[];
  checkTags(added, pipeline.tags);
  const replaced = new Set(added.map((t) => t.key));
  pipeline.tags = [
    ...pipeline.tags.filter((t) => !replaced.has(t.key)),
    ...added.map((t) => ({ key: t.key, value: t.value })),
  ];
  ctx.changed();
  return {};
};

export const untagResource: OperationHandler = (ctx, input) => {
  const pipeline = resource(ctx, input.resourceArn as string);
  const removed = new Set(input.tagKeys as string[]);
  pipeline.tags = pipeline.tags.filter((t) => !removed.has(t.key));
  ctx.changed();
  return {};
};

export const listTagsForResource: OperationHandler = (ctx, input) => {
  const pipeline = resource(ctx, input.resourceArn as string);
  const sorted = [...pipeline.tags].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const { page, nextToken } = paginate(
    sorted,
    (t) => t.key,
    input as { nextToken?: string; maxResults?: number },
    `ListTagsForResource:${pipeline.arn}`,
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
