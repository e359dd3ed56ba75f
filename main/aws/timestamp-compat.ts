/**
 * Tolerance for endpoints that send ISO-8601 timestamp strings where AWS JSON 1.1 sends epoch
 * seconds (moto does in GetPipeline metadata and ListPipelines). The SDK would fail the whole call
 * on such a member ("Expected real number"); this middleware rewrites those members to epoch
 * seconds before the SDK parses the body. Real AWS responses pass through unchanged.
 */
import type { CodePipelineClient } from "@aws-sdk/client-codepipeline";

/** Timestamp members of CodePipeline's responses that moto is known to send as strings. */
const TIMESTAMP_MEMBERS = new Set(["created", "updated", "pollingDisabledAt", "startTime", "lastUpdateTime"]);
/** Containers of those members; configuration maps are never walked, so user values stay as sent. */
const CONTAINERS = new Set(["metadata", "pipelines", "pipelineExecutionSummaries", "pipelineExecution"]);

function convert(value: unknown): boolean {
  let changed = false;
  const visit = (item: unknown) => {
    if (typeof item !== "object" || item === null) return;
    if (Array.isArray(item)) return item.forEach(visit);
    const record = item as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const member = record[key];
      if (!TIMESTAMP_MEMBERS.has(key) || typeof member !== "string") continue;
      const ms = Date.parse(member);
      if (Number.isNaN(ms)) continue;
      Object.defineProperty(record, key, {
        value: ms / 1000,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      changed = true;
    }
  };
  visit(value);
  return changed;
}

/** Rewrites a JSON body's string timestamps; `undefined` when there is nothing to rewrite. */
export function epochTimestamps(body: string): string | undefined {
  if (!/"(created|updated|pollingDisabledAt|startTime|lastUpdateTime)"\s*:\s*"/.test(body)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  let changed = false;
  for (const [key, value] of Object.entries(parsed))
    if (CONTAINERS.has(key)) changed = convert(value) || changed;
  return changed ? JSON.stringify(parsed) : undefined;
}

interface RawResponse {
  statusCode?: number;
  body?: unknown;
}

async function readBody(body: unknown): Promise<Uint8Array | undefined> {
  if (body instanceof Uint8Array) return body;
  if (typeof body !== "object" || body === null || !(Symbol.asyncIterator in body)) return undefined;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

/** Installs the rewrite on a client, innermost in the deserialize step (it sees the raw response). */
export function tolerateIsoTimestamps(client: CodePipelineClient): void {
  type Add = CodePipelineClient["middlewareStack"]["add"];
  const middleware = ((next: (args: unknown) => Promise<{ response: RawResponse }>) =>
    async (args: unknown) => {
      const result = await next(args);
      const { response } = result;
      if (response.statusCode !== 200) return result;
      const bytes = await readBody(response.body);
      if (!bytes) return result;
      const rewritten = epochTimestamps(Buffer.from(bytes).toString("utf8"));
      response.body = rewritten === undefined ? bytes : Buffer.from(rewritten, "utf8");
      return result;
    }) as unknown as Parameters<Add>[0];
  client.middlewareStack.add(middleware, {
    step: "deserialize",
    priority: "low",
    name: "pipewrightIsoTimestamps",
  });
}
