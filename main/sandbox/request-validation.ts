/**
 * Request validation driven by the service model's input shapes: required members, JSON types,
 * enums, patterns and lengths, reported the way the service words a ValidationException
 * ("1 validation error detected: Value 'x' at 'pipeline.stages.1.member.name' failed to satisfy
 * constraint: ..."), so the member at fault is always named.
 */
import { shapeNamed, type Shape } from "../../shared/service-model";

/** The service reports at most this many problems in one message. */
const MAX_REPORTED = 10;

interface Context {
  problems: string[];
}

function shapeOf(name: string): Shape {
  const shape = shapeNamed(name);
  if (!shape) throw new Error(`service model has no shape ${name}`);
  return shape;
}

function quote(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return `'${value.length > 100 ? `${value.slice(0, 100)}…` : value}'`;
  if (typeof value === "number" || typeof value === "boolean") return `'${String(value)}'`;
  return Array.isArray(value) ? "'[…]'" : "'{…}'";
}

function report(ctx: Context, value: unknown, path: string, constraint: string): void {
  if (ctx.problems.length < MAX_REPORTED) {
    ctx.problems.push(`Value ${quote(value)} at '${path}' failed to satisfy constraint: ${constraint}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const TYPE_WORD: Record<Shape["type"], string> = {
  structure: "an object",
  map: "an object",
  list: "a list",
  string: "a string",
  integer: "an integer",
  long: "an integer",
  double: "a number",
  float: "a number",
  boolean: "a boolean",
  timestamp: "a timestamp",
  blob: "a base64 string",
};

function checkValue(ctx: Context, shapeName: string, value: unknown, path: string): void {
  const shape = shapeOf(shapeName);
  const typeOk = (ok: boolean): boolean => {
    if (!ok) report(ctx, value, path, `Member must be ${TYPE_WORD[shape.type]}`);
    return ok;
  };
  switch (shape.type) {
    case "structure": {
      if (!typeOk(isRecord(value))) return;
      const record = value as Record<string, unknown>;
      for (const member of shape.required) {
        if (record[member] === undefined || record[member] === null) {
          report(ctx, null, path ? `${path}.${member}` : member, "Member must not be null");
        }
      }
      for (const [member, memberShape] of Object.entries(shape.members)) {
        const child = Object.hasOwn(record, member) ? record[member] : undefined;
        if (child !== undefined && child !== null)
          checkValue(ctx, memberShape, child, path ? `${path}.${member}` : member);
      }
      return;
    }
    case "list": {
      if (!typeOk(Array.isArray(value))) return;
      const items = value as unknown[];
      checkLength(ctx, value, items.length, shape, path, "have length");
      items.forEach((item, index) => {
        if (item === null) report(ctx, null, `${path}.${index + 1}.member`, "Member must not be null");
        else checkValue(ctx, shape.member, item, `${path}.${index + 1}.member`);
      });
      return;
    }
    case "map": {
      if (!typeOk(isRecord(value))) return;
      const entries = Object.entries(value as Record<string, unknown>);
      checkLength(ctx, value, entries.length, shape, path, "have length");
      for (const [key, item] of entries) {
        checkValue(ctx, shape.key, key, `${path}.key`);
        if (item === null) report(ctx, null, `${path}.${key}`, "Member must not be null");
        else checkValue(ctx, shape.value, item, `${path}.${key}`);
      }
      return;
    }
    case "string": {
      if (!typeOk(typeof value === "string")) return;
      const text = value as string;
      // An over-long string is reported and not matched: some model patterns backtrack
      // quadratically, and a 1 MB body must not buy seconds of CPU.
      if (!checkLength(ctx, value, [...text].length, shape, path, "have length")) return;
      if (shape.enum && !shape.enum.includes(text)) {
        report(ctx, value, path, `Member must satisfy enum value set: [${shape.enum.join(", ")}]`);
      } else if (shape.pattern && !anchored(shape.pattern).test(text)) {
        report(ctx, value, path, `Member must satisfy regular expression pattern: ${shape.pattern}`);
      }
      return;
    }
    case "integer":
    case "long":
      if (!typeOk(typeof value === "number" && Number.isSafeInteger(value))) return;
      checkRange(ctx, value as number, shape, path);
      return;
    case "double":
    case "float":
      if (!typeOk(typeof value === "number" && Number.isFinite(value))) return;
      checkRange(ctx, value as number, shape, path);
      return;
    case "boolean":
      typeOk(typeof value === "boolean");
      return;
    case "timestamp":
      typeOk(typeof value === "number" && Number.isFinite(value));
      return;
    case "blob":
      typeOk(typeof value === "string");
      return;
  }
}

/** Reports a length outside the shape's bounds; true when the length is fine. */
function checkLength(
  ctx: Context,
  value: unknown,
  length: number,
  shape: { min?: number; max?: number },
  path: string,
  verb: string,
): boolean {
  if (shape.min !== undefined && length < shape.min) {
    report(ctx, value, path, `Member must ${verb} greater than or equal to ${shape.min}`);
    return false;
  }
  if (shape.max !== undefined && length > shape.max) {
    report(ctx, value, path, `Member must ${verb} less than or equal to ${shape.max}`);
    return false;
  }
  return true;
}

const compiled = new Map<string, RegExp>();

/** The model's patterns match whole values (the service uses Java's `matches`). */
function anchored(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (!regex) {
    regex = new RegExp(`^(?:${pattern})$`);
    compiled.set(pattern, regex);
  }
  return regex;
}

function checkRange(ctx: Context, value: number, shape: { min?: number; max?: number }, path: string): void {
  if (shape.min !== undefined && value < shape.min) {
    report(ctx, value, path, `Member must have value greater than or equal to ${shape.min}`);
  } else if (shape.max !== undefined && value > shape.max) {
    report(ctx, value, path, `Member must have value less than or equal to ${shape.max}`);
  }
}

/**
 * Checks `value` against the model shape `shapeName`. Returns the ValidationException message,
 * or undefined when the value conforms. Members the model does not know are ignored, as the
 * service ignores them.
 */
export function validateAgainstShape(shapeName: string, value: unknown): string | undefined {
  const ctx: Context = { problems: [] };
  checkValue(ctx, shapeName, value, "");
  if (ctx.problems.length === 0) return undefined;
  const count = ctx.problems.length;
  return `${count} validation error${count === 1 ? "" : "s"} detected: ${ctx.problems.join("; ")}`;
}

/**
 * A copy of `value` keeping only members the model declares, so stored pipelines and responses
 * carry exactly the model's shape. Maps are rebuilt with Object.fromEntries because their keys
 * are user data (a configuration key may be "__proto__").
 */
export function pruneToShape(shapeName: string, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  const shape = shapeOf(shapeName);
  switch (shape.type) {
    case "structure": {
      if (!isRecord(value)) return value;
      const entries: [string, unknown][] = [];
      for (const [member, memberShape] of Object.entries(shape.members)) {
        if (!Object.hasOwn(value, member)) continue;
        const child = pruneToShape(memberShape, value[member]);
        if (child !== undefined) entries.push([member, child]);
      }
      return Object.fromEntries(entries);
    }
    case "list":
      return Array.isArray(value) ? value.map((item) => pruneToShape(shape.member, item)) : value;
    case "map":
      return isRecord(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pruneToShape(shape.value, v)]))
        : value;
    default:
      return value;
  }
}
