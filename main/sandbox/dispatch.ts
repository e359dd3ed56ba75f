/**
 * One request through the protocol: target -> operation, body -> JSON, input checked against
 * the model, handler run, output serialised. Every failure becomes an AWS error
 * response; nothing a client sends can throw out of here.
 */
import type { SandboxContext } from "./context";
import { OPERATIONS, TARGET_PREFIX } from "../../shared/service-model";
import { OPERATION_HANDLERS } from "./operations";
import { errorBody, serializeResponse, ServiceError } from "./protocol";
import { validateAgainstShape } from "./request-validation";

export interface DispatchResult {
  status: number;
  body: string;
  errorType?: string;
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

export function dispatch(
  ctx: SandboxContext,
  target: string | undefined,
  bodyText: string,
  onInternalError: (error: unknown) => void,
): DispatchResult {
  try {
    const operation = operationOf(target);
    const input = parseBody(bodyText);
    const spec = OPERATIONS[operation];
    if (spec?.input) {
      const problem = validateAgainstShape(spec.input, input);
      if (problem) throw new ServiceError("ValidationException", problem);
    }
    const handler = OPERATION_HANDLERS[operation];
    // Views build responses member for member from the model (checked against the output shapes
    // by the tests), so no pruning pass is spent on every response.
    const output = handler ? handler(ctx, input) : {};
    return { status: 200, body: serializeResponse(spec?.output ? (output ?? {}) : {}) };
  } catch (error) {
    if (error instanceof ServiceError) return errorResult(error);
    onInternalError(error);
    return errorResult(new ServiceError("InternalFailure", "The sandbox failed to process the request"));
  }
}
