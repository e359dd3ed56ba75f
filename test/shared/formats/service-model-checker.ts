import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * An independent check of request JSON against the CodePipeline service model
 * (../shared/reference/codepipeline-2015-07-09.service-2.json beside the checkout, the same layout
 * in CI). It reads the model at test time and knows nothing of Pipewright's validator, so an
 * export that passes here matches the API's syntax even if the validator has a gap: required
 * members, no unknown members, types, enums, whole-string patterns, string lengths (in code points,
 * as the service counts), list and map sizes, and integer ranges.
 */

interface ShapeRef {
  shape: string;
}
interface Shape {
  type: string;
  required?: string[];
  members?: Record<string, ShapeRef>;
  member?: ShapeRef;
  key?: ShapeRef;
  value?: ShapeRef;
  enum?: string[];
  pattern?: string;
  min?: number;
  max?: number;
}
interface ServiceModel {
  operations: Record<string, { input?: ShapeRef }>;
  shapes: Record<string, Shape>;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
/** Where the service model is: beside the checkout, in ../shared/reference. */
export const SERVICE_MODEL_PATH = resolve(
  REPO_ROOT,
  "../shared/reference/codepipeline-2015-07-09.service-2.json",
);

let model: ServiceModel | undefined;
function loadModel(): ServiceModel {
  model ??= JSON.parse(readFileSync(SERVICE_MODEL_PATH, "utf8")) as ServiceModel;
  return model;
}

/** One way `value` breaks the model, at a botocore-style path (`pipeline.stages[0].name`). */
export interface ModelViolation {
  path: string;
  problem: string;
}

/** Every violation of `operation`'s input shape in `input` (empty when it conforms). */
export function checkOperationInput(operation: string, input: unknown): ModelViolation[] {
  const ref = loadModel().operations[operation]?.input;
  if (!ref) throw new Error(`no such operation in the service model: ${operation}`);
  const violations: ModelViolation[] = [];
  check(input, ref.shape, "", violations);
  return violations;
}

function check(value: unknown, shapeName: string, path: string, out: ModelViolation[]): void {
  const shape = loadModel().shapes[shapeName];
  if (!shape) throw new Error(`no such shape: ${shapeName}`);
  const fail = (problem: string): void => {
    out.push({ path: path || "(input)", problem: `${problem} [${shapeName}]` });
  };
  switch (shape.type) {
    case "structure": {
      if (!isObject(value)) return fail(`expected an object, found ${typeName(value)}`);
      for (const name of shape.required ?? []) {
        if (!Object.prototype.hasOwnProperty.call(value, name)) fail(`missing required member ${name}`);
      }
      for (const key of Object.keys(value)) {
        const member = shape.members?.[key];
        if (!member || !Object.prototype.hasOwnProperty.call(shape.members, key)) {
          fail(`unknown member ${JSON.stringify(key)}`);
          continue;
        }
        check(value[key], member.shape, path ? `${path}.${key}` : key, out);
      }
      return;
    }
    case "list": {
      if (!Array.isArray(value)) return fail(`expected a list, found ${typeName(value)}`);
      checkRange(value.length, shape, "items", fail);
      value.forEach((item, i) => check(item, shape.member!.shape, `${path}[${i}]`, out));
      return;
    }
    case "map": {
      if (!isObject(value)) return fail(`expected a map, found ${typeName(value)}`);
      const keys = Object.keys(value);
      checkRange(keys.length, shape, "entries", fail);
      for (const key of keys) {
        check(key, shape.key!.shape, `${path}{${key}}`, out);
        check(value[key], shape.value!.shape, `${path}.${key}`, out);
      }
      return;
    }
    case "string": {
      if (typeof value !== "string") return fail(`expected a string, found ${typeName(value)}`);
      if (shape.enum && !shape.enum.includes(value))
        fail(`${JSON.stringify(value)} is not one of ${shape.enum.join(", ")}`);
      checkRange([...value].length, shape, "characters", fail);
      if (shape.pattern !== undefined && !wholeStringPattern(shape.pattern).test(value)) {
        fail(`${JSON.stringify(value)} does not match /${shape.pattern}/`);
      }
      return;
    }
    case "integer":
    case "long": {
      if (typeof value !== "number" || !Number.isInteger(value))
        return fail(`expected an integer, found ${typeName(value)}`);
      if (shape.min !== undefined && value < shape.min) fail(`${value} is below the minimum ${shape.min}`);
      if (shape.max !== undefined && value > shape.max) fail(`${value} is above the maximum ${shape.max}`);
      return;
    }
    case "boolean":
      if (typeof value !== "boolean") fail(`expected a boolean, found ${typeName(value)}`);
      return;
    default:
      fail(`shape type ${shape.type} is not expected in request input`);
  }
}

/**
 * The model's patterns are Java regular expressions matched against the whole string. They read
 * the same in JavaScript except `.`, which in Java also refuses U+0085 (NEL); outside character
 * classes it is rewritten to say so.
 */
function wholeStringPattern(pattern: string): RegExp {
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (char === "\\") {
      out += char + (pattern[i + 1] ?? "");
      i++;
    } else if (char === "[") {
      inClass = true;
      out += char;
    } else if (char === "]") {
      inClass = false;
      out += char;
    } else out += char === "." && !inClass ? "[^\\n\\r\\u0085\\u2028\\u2029]" : char;
  }
  return new RegExp(`^(?:${out})$`);
}

function checkRange(count: number, shape: Shape, unit: string, fail: (problem: string) => void): void {
  if (shape.min !== undefined && count < shape.min)
    fail(`${count} ${unit}, fewer than the minimum ${shape.min}`);
  if (shape.max !== undefined && count > shape.max)
    fail(`${count} ${unit}, more than the maximum ${shape.max}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "an array" : typeof value;
}
