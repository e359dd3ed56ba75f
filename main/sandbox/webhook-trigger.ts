/**
 * The URL PutWebhook hands out: "When CodePipeline receives a POST request on this URL, the
 * pipeline defined in the webhook is started as long as the POST request satisfied the
 * authentication and filtering requirements supplied when defining the webhook"
 * (https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PutWebhook.html). The run's
 * trigger is `Webhook`, with the webhook's ARN as its detail.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { BlockList, isIP } from "node:net";
import type { DispatchResult, SandboxRuntime } from "./dispatch";
import type { WebhookRecord } from "./partition-records";
import { currentDeclaration } from "./records";
import { filterPasses } from "./webhook-filters";

export interface TriggerRequest {
  token: string | null;
  body: Buffer;
  headers: Record<string, string | string[] | undefined>;
  remoteAddress: string;
}

function answer(status: number, body: Record<string, unknown>): DispatchResult {
  return { status, body: JSON.stringify(body) };
}

function header(request: TriggerRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** GitHub signs deliveries with the secret: `X-Hub-Signature-256: sha256=<hex>` (or `X-Hub-Signature: sha1=<hex>`). */
function signatureValid(request: TriggerRequest, secret: string): boolean {
  for (const [name, algorithm] of [
    ["x-hub-signature-256", "sha256"],
    ["x-hub-signature", "sha1"],
  ] as const) {
    const given = header(request, name);
    if (given === undefined) continue;
    const expected = `${algorithm}=${createHmac(algorithm, secret).update(request.body).digest("hex")}`;
    const a = Buffer.from(given);
    const b = Buffer.from(expected);
    return a.length === b.length && timingSafeEqual(a, b);
  }
  return false;
}

function addressAllowed(address: string, range: string): boolean {
  const [network = "", prefix = "0"] = range.split("/");
  const family = isIP(network) === 6 ? "ipv6" : "ipv4";
  const list = new BlockList();
  list.addSubnet(network, Number(prefix), family);
  const plain = address.startsWith("::ffff:") && family === "ipv4" ? address.slice(7) : address;
  return list.check(plain, isIP(plain) === 6 ? "ipv6" : "ipv4");
}

function authenticated(request: TriggerRequest, webhook: WebhookRecord): boolean {
  const { authentication, authenticationConfiguration: config } = webhook.definition;
  if (authentication === "GITHUB_HMAC") return signatureValid(request, config.SecretToken ?? "");
  if (authentication === "IP") return addressAllowed(request.remoteAddress, config.AllowedIPRange ?? "");
  return true;
}

/** Handles a POST to a webhook URL; `durable` is set when a run was started. */
export function triggerWebhook(runtime: SandboxRuntime, request: TriggerRequest): DispatchResult {
  for (const partition of runtime.partitions.all()) {
    const webhook = partition.data.webhooks.find((w) => w.token === request.token);
    if (!webhook) continue;
    if (!authenticated(request, webhook)) {
      return answer(403, {
        message: `The request did not pass the webhook's ${webhook.definition.authentication} authentication`,
      });
    }
    let payload: unknown;
    try {
      const text = request.body.toString("utf8");
      // GitHub's form content type sends the JSON as the `payload` field.
      const form = String(header(request, "content-type")).startsWith("application/x-www-form-urlencoded");
      payload = JSON.parse(form ? (new URLSearchParams(text).get("payload") ?? "") : text);
    } catch {
      return answer(400, { message: "The webhook payload is not JSON" });
    }
    const pipeline = partition.data.state.pipelines.find((p) => p.name === webhook.definition.targetPipeline);
    if (!pipeline)
      return answer(404, {
        message: `The webhook's pipeline no longer exists: ${webhook.definition.targetPipeline}`,
      });
    const action = currentDeclaration(pipeline).stages[0]?.actions.find(
      (a) => a.name === webhook.definition.targetAction,
    );
    const configuration = (action?.configuration ?? {}) as Record<string, string>;
    // "All defined rules must pass for the request to be accepted and the pipeline started." (WebhookDefinition.filters)
    if (!webhook.definition.filters.every((filter) => filterPasses(filter, payload, configuration))) {
      return answer(200, { message: "The payload did not match the webhook's filters; no run was started" });
    }
    const execution = partition.engine.start(pipeline, {
      trigger: { triggerType: "Webhook", triggerDetail: webhook.arn },
    });
    webhook.lastTriggered = partition.engine.clock.now();
    runtime.store.changed(partition.data);
    runtime.store.touched(partition.data, pipeline.name);
    return { ...answer(200, { pipelineExecutionId: execution.id }), durable: runtime.store.durable() };
  }
  return answer(404, { message: "No webhook has this URL" });
}
