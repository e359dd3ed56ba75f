/**
 * PutWebhook, ListWebhooks, DeleteWebhook, RegisterWebhookWithThirdParty and
 * DeregisterWebhookWithThirdParty. The URL a webhook gets is served by the sandbox itself
 * (webhook-trigger.ts): a POST to it that passes the webhook's authentication and filters starts
 * the target pipeline, as PutWebhook promises.
 */
import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import { findPipeline, type OperationHandler, type SandboxContext } from "../context";
import { paginate } from "../pagination";
import type { WebhookRecord } from "../partition-records";
import { epochSeconds, fail } from "../protocol";
import { currentDeclaration, type TagRecord } from "../records";
import { checkTags, webhookArn } from "./tags";
import { jsonPathProblem } from "../webhook-filters";

/**
 * "Maximum number of webhooks per region in an AWS account: 300"
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html).
 */
const MAX_WEBHOOKS = 300;

/** "If a secret token was provided, it will be redacted in the response." (ListWebhooks) */
export function webhookView(ctx: SandboxContext, webhook: WebhookRecord): Record<string, unknown> {
  const { SecretToken, ...auth } = webhook.definition.authenticationConfiguration;
  return {
    definition: {
      ...webhook.definition,
      filters: webhook.definition.filters.map((f) => ({ ...f })),
      authenticationConfiguration: SecretToken === undefined ? auth : { ...auth, SecretToken: "****" },
    },
    url: `${ctx.partition.endpoint()}/trigger?t=${webhook.token}&v=1`,
    arn: webhook.arn,
    ...(webhook.lastTriggered === undefined ? {} : { lastTriggered: epochSeconds(webhook.lastTriggered) }),
    ...(webhook.tags.length > 0 ? { tags: webhook.tags.map((t) => ({ ...t })) } : {}),
  };
}

function isCidr(range: string): boolean {
  const [address = "", prefix, ...rest] = range.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0 || prefix === undefined || !/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * WebhookAuthConfiguration: "For GITHUB_HMAC, only the SecretToken property must be set." "For
 * IP, only the AllowedIPRange property must be set. This property must be set to a valid CIDR
 * range." (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_WebhookAuthConfiguration.html)
 */
function checkAuthentication(definition: WebhookRecord["definition"]): void {
  const { authentication, authenticationConfiguration: config } = definition;
  const bad = (message: string): never => fail("InvalidWebhookAuthenticationParametersException", message);
  if (authentication === "GITHUB_HMAC") {
    if (config.SecretToken === undefined) bad("GITHUB_HMAC authentication needs a SecretToken");
    if (config.AllowedIPRange !== undefined) bad("For GITHUB_HMAC, only the SecretToken property may be set");
  } else if (authentication === "IP") {
    if (config.AllowedIPRange === undefined) bad("IP authentication needs an AllowedIPRange");
    if (!isCidr(config.AllowedIPRange ?? "")) {
      bad(`AllowedIPRange must be a valid CIDR range: ${config.AllowedIPRange}`);
    }
    if (config.SecretToken !== undefined) bad("For IP, only the AllowedIPRange property may be set");
  }
}

/**
 * WebhookDefinition.targetAction: "The name of the action in a pipeline you want to connect to
 * the webhook. The action must be from the source (first) stage of the pipeline."
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_WebhookDefinition.html)
 */
function checkTarget(ctx: SandboxContext, definition: WebhookRecord["definition"]): void {
  const pipeline =
    findPipeline(ctx, definition.targetPipeline) ??
    fail(
      "PipelineNotFoundException",
      `Pipeline with name ${definition.targetPipeline} does not exist in account ${ctx.accountId} in region ${ctx.region}.`,
    );
  const source = currentDeclaration(pipeline).stages[0];
  if (!source?.actions.some((a) => a.name === definition.targetAction)) {
    fail(
      "ValidationException",
      `The webhook's target action must be an action of the pipeline's source (first) stage: ${definition.targetAction}`,
    );
  }
}

export const putWebhook: OperationHandler = (ctx, input) => {
  const definition = structuredClone(input.webhook) as WebhookRecord["definition"];
  definition.authenticationConfiguration ??= {};
  for (const filter of definition.filters) {
    const problem = jsonPathProblem(filter.jsonPath);
    if (problem) fail("InvalidWebhookFilterPatternException", `${problem}: ${filter.jsonPath}`);
  }
  checkAuthentication(definition);
  checkTarget(ctx, definition);
  const data = ctx.partition.data;
  const existing = data.webhooks.find((w) => w.definition.name === definition.name);
  const tags = (input.tags as TagRecord[] | undefined)?.map((t) => ({ key: t.key, value: t.value }));
  if (tags) checkTags(tags, []);
  if (!existing && data.webhooks.length >= MAX_WEBHOOKS) {
    fail(
      "LimitExceededException",
      `The account already has the maximum number of webhooks in ${ctx.region}: ${MAX_WEBHOOKS}`,
    );
  }
  const webhook: WebhookRecord = existing
    ? { ...existing, definition, ...(tags ? { tags } : {}) }
    : {
        definition,
        token: randomBytes(24).toString("base64url"),
        arn: webhookArn(ctx, definition.name),
        tags: tags ?? [],
        registered: false,
      };
  data.webhooks = [...data.webhooks.filter((w) => w !== existing), webhook];
  ctx.changed();
  return { webhook: webhookView(ctx, webhook) };
};

export const listWebhooks: OperationHandler = (ctx, input) => {
  const sorted = [...ctx.partition.data.webhooks].sort((a, b) =>
    a.definition.name < b.definition.name ? -1 : a.definition.name > b.definition.name ? 1 : 0,
  );
  const { page, nextToken } = paginate(
    sorted,
    (w) => w.definition.name,
    {
      ...(input.NextToken === undefined ? {} : { nextToken: input.NextToken as string }),
      ...(input.MaxResults === undefined ? {} : { maxResults: input.MaxResults as number }),
    },
    "ListWebhooks",
    100,
  );
  return { webhooks: page.map((w) => webhookView(ctx, w)), NextToken: nextToken };
};

/** "The API returns successfully when trying to delete a webhook that is already deleted." */
export const deleteWebhook: OperationHandler = (ctx, input) => {
  const data = ctx.partition.data;
  const kept = data.webhooks.filter((w) => w.definition.name !== input.name);
  if (kept.length !== data.webhooks.length) {
    data.webhooks = kept;
    ctx.changed();
  }
  return {};
};

function requireWebhook(ctx: SandboxContext, name: unknown): WebhookRecord {
  return (
    ctx.partition.data.webhooks.find((w) => w.definition.name === name) ??
    fail("WebhookNotFoundException", `No webhook with this name in ${ctx.region}: ${String(name)}`)
  );
}

/**
 * "Configures a connection between the webhook that was created and the external tool with
 * events to be detected." Nothing outside this machine is contacted; the webhook is marked
 * registered.
 */
export const registerWebhookWithThirdParty: OperationHandler = (ctx, input) => {
  const webhook = requireWebhook(ctx, input.webhookName);
  webhook.registered = true;
  ctx.changed();
  return {};
};

/** "Currently supported only for webhooks that target an action type of GitHub." */
export const deregisterWebhookWithThirdParty: OperationHandler = (ctx, input) => {
  const webhook = requireWebhook(ctx, input.webhookName);
  const pipeline = findPipeline(ctx, webhook.definition.targetPipeline);
  const action = pipeline
    ? currentDeclaration(pipeline).stages[0]?.actions.find((a) => a.name === webhook.definition.targetAction)
    : undefined;
  if (action?.actionTypeId.provider !== "GitHub") {
    fail(
      "ValidationException",
      `DeregisterWebhookWithThirdParty supports only webhooks whose target action is a GitHub action: ${webhook.definition.name}`,
    );
  }
  webhook.registered = false;
  ctx.changed();
  return {};
};
