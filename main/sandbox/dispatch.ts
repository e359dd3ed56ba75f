/**
 * One request through the protocol: target -> operation, signature scope -> partition, body ->
 * JSON, input checked against the model, handler run, output serialised. Every failure becomes an
 * AWS error response; nothing a client sends can throw out of here. A request that changed
 * anything is answered only once the change is durable (`durable`).
 */
import type { SandboxContext } from "./context";
import { OPERATIONS, TARGET_PREFIX } from "../../shared/service-model";
import { OPERATION_HANDLERS } from "./operations";
import type { Partition, Partitions } from "./partitions";
import { errorBody, serializeResponse, ServiceError } from "./protocol";
import { identify, type IdentityDefaults } from "./request-identity";
import { pruneToShape, validateAgainstShape } from "./request-validation";
import type { Store } from "./store";

export interface DispatchResult {
  status: number;
  body: string;
  errorType?: string;
  /** Set when the request changed state: answer once it resolves (it rejects if the disk failed). */
  durable?: Promise<void>;
}

export interface SandboxRuntime {
  partitions: Partitions;
  store: Store;
  defaults: IdentityDefaults;
}

export interface WireRequest {
  target: string | undefined;
  body: string;
  /** The `Authorization` header: its SigV4 credential scope names the account and region. */
  authorization: string | undefined;
}

function errorResult(error: ServiceError): DispatchResult {
  return { status: error.status, body: errorBody(error.type, error.message), errorType: error.type };
}

function operationOf(target: string | undefined): string {
  const prefix = `${TARGET_PREFIX}.`;
  const name = target?.startsWith(prefix) ? target.slice(prefix.length) : undefined;
  if (name === undefined || !Object.hasOwn(OPERATION_HANDLERS, name)) {
    throw new ServiceError(
      "UnknownOperationException",
      `The sandbox does not implement this operation: ${target === undefined ? "(no X-Amz-Target header)" : target}`,
    );
  }
  return name;
}

function parseBody(text: string): Record<string, unknown> {
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ServiceError(
      "SerializationException",
      `The request body is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ServiceError(
      "SerializationException",
      `The request body must be a JSON object: ${text.slice(0, 40)}`,
    );
  }
  return value as Record<string, unknown>;
}

/**
 * The pipeline a request names, so the store compares only that pipeline's closed records; a
 * request naming none makes it look at every pipeline of the partition.
 */
function pipelineNamed(input: Record<string, unknown>): string | "all" {
  const named = input.pipelineName ?? input.name ?? (input.pipeline as { name?: unknown } | undefined)?.name;
  if (typeof named === "string") return named;
  const arn = input.resourceArn;
  if (typeof arn === "string") return arn.split(":").slice(5).join(":");
  return "all";
}

/** What a handler gets for a request addressed to `partition`. */
export function contextFor(runtime: SandboxRuntime, partition: Partition): SandboxContext {
  return {
    state: partition.data.state,
    engine: partition.engine,
    region: partition.region,
    accountId: partition.accountId,
    principal: `arn:${partition.arnPartition}:iam::${partition.accountId}:user/sandbox-user`,
    changed: () => runtime.store.changed(partition.data),
    partition,
  };
}

export function dispatch(
  runtime: SandboxRuntime,
  request: WireRequest,
  onInternalError: (error: unknown) => void,
): DispatchResult {
  const { store } = runtime;
  const before = store.changeCount;
  let partition: Partition | undefined;
  let input: Record<string, unknown> = {};
  let result: DispatchResult;
  try {
    const operation = operationOf(request.target);
    const identity = identify(request.authorization, runtime.defaults);
    const raw = parseBody(request.body);
    const spec = OPERATIONS[operation];
    if (spec?.input) {
      const problem = validateAgainstShape(spec.input, raw);
      if (problem) throw new ServiceError("ValidationException", problem);
      // Explicit nulls are absent members in the AWS JSON protocol, and members the model does
      // not declare are ignored, as the service ignores them: handlers see the modelled input.
      input = (pruneToShape(spec.input, raw) as Record<string, unknown> | undefined) ?? {};
    }
    partition = runtime.partitions.get(identity.accountId, identity.region);
    const handler = OPERATION_HANDLERS[operation];
    // Views build responses member for member from the model (checked against the output shapes
    // by the tests), so no pruning pass is spent on every response.
    const output = handler ? handler(contextFor(runtime, partition), input) : {};
    result = { status: 200, body: serializeResponse(spec?.output ? (output ?? {}) : {}) };
  } catch (error) {
    if (error instanceof ServiceError) {
      result = errorResult(error);
    } else {
      onInternalError(error);
      result = errorResult(new ServiceError("InternalFailure", "The sandbox failed to process the request"));
    }
  }
  // Even a request that failed half way answers only once what it did change is durable.
  if (partition && store.changeCount !== before) {
    store.touched(partition.data, pipelineNamed(input));
    result.durable = store.durable();
  }
  return result;
}
