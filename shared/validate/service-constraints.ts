import type { JsonPath } from "../pipeline/model";
import { isRecord, kindOf, member, show, type JsonRecord } from "./json-value";
import { defineRule, type RuleContext, type RuleGroup, type RuleInfo } from "./rule";
import { SHAPES, type Shape, type StringShape, type StructureShape } from "../service-model";
import {
  defineCacheTopic,
  recordFindings,
  replayFindings,
  type CacheTopic,
  type RelativeFinding,
  type ValidationCache,
} from "./validation-cache";

/** A required member of a model structure is absent. */
export const REQUIRED_MEMBER = defineRule(
  "required-member",
  "error",
  "A member the service requires is missing.",
);
/** A value has the wrong JSON type for its member. */
export const WRONG_TYPE = defineRule("wrong-type", "error", "A member holds the wrong JSON type.");
/** A string does not match the model's (whole-string) pattern. */
export const PATTERN_MISMATCH = defineRule(
  "pattern-mismatch",
  "error",
  "A string does not match the pattern the service requires.",
);
/** A string is shorter or longer than the model allows. */
export const LENGTH_OUT_OF_RANGE = defineRule(
  "length-out-of-range",
  "error",
  "A string is shorter or longer than the service allows.",
);
/** An integer is outside the model's range. */
export const VALUE_OUT_OF_RANGE = defineRule(
  "value-out-of-range",
  "error",
  "A number is outside the range the service allows.",
);
/** A string is not one of the model's enum values. */
export const INVALID_ENUM_VALUE = defineRule(
  "invalid-enum-value",
  "error",
  "A value is not one of the values the service accepts.",
);
/** A list or map has too few or too many entries. */
export const COUNT_OUT_OF_RANGE = defineRule(
  "count-out-of-range",
  "error",
  "A list or map has fewer or more entries than the service allows.",
);

/**
 * A member the service model does not have. Kept in the file (the model is lossless, and AWS adds
 * members over time), but the AWS CLI refuses unknown parameters and the SDK silently drops them,
 * so the user should know before deploying.
 */
export const UNKNOWN_MEMBER = defineRule(
  "unknown-member",
  "warning",
  "A member the service does not know; it is kept, but AWS clients reject or drop it.",
);

type Report = (rule: RuleInfo, path: JsonPath, message: string) => void;

/**
 * A quota the model does not carry: "Maximum number of tags for a resource: 50"
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html); the service answers more
 * with TooManyTagsException.
 */
const QUOTAS: Readonly<Record<string, Shape>> = {
  TagList: { type: "list", member: "Tag", max: 50 },
};

/** The shape the validator checks for a model name: the service's, or a quota on it. */
function shapeFor(name: string): Shape | undefined {
  if (Object.hasOwn(QUOTAS, name)) return QUOTAS[name];
  return Object.hasOwn(SHAPES, name) ? SHAPES[name] : undefined;
}

const compiled = new Map<string, RegExp>();

/** The model's patterns are Java regexes matched against the whole string, so anchor them. */
function patternOf(source: string): RegExp | undefined {
  let regex = compiled.get(source);
  if (regex === undefined) {
    try {
      regex = new RegExp(`^(?:${source})$`);
    } catch {
      return undefined;
    }
    compiled.set(source, regex);
  }
  return regex;
}

function rangeText(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}` : `${min} to ${max}`;
  if (min !== undefined) return `at least ${min}`;
  return `at most ${max ?? 0}`;
}

function outside(n: number, min: number | undefined, max: number | undefined): boolean {
  return (min !== undefined && n < min) || (max !== undefined && n > max);
}

/**
 * A path as a chain of parent links. The walk visits every member of a large pipeline, so paths
 * are built as arrays only for the few members that get a finding.
 */
interface PathLink {
  readonly parent: PathLink | undefined;
  readonly segment: string | number;
}

function extend(parent: PathLink | undefined, segment: string | number): PathLink {
  return { parent, segment };
}

/** The array form of a path chain, prefixed by the walk's root path. */
function materialize(root: JsonPath, link: PathLink | undefined): JsonPath {
  const tail: (string | number)[] = [];
  for (let at = link; at !== undefined; at = at.parent) tail.push(at.segment);
  return [...root, ...tail.reverse()];
}

/** The member name a person sees for a path: the last name in it (list indexes skipped). */
function labelOf(root: JsonPath, link: PathLink | undefined): string {
  for (let at = link; at !== undefined; at = at.parent) if (typeof at.segment === "string") return at.segment;
  for (let i = root.length - 1; i >= 0; i--) {
    const segment = root[i];
    if (typeof segment === "string") return segment;
  }
  return "The pipeline";
}

/** A structure's name as a person says it: `ActionDeclaration` → "Action", `ArtifactStore` → "Artifact store". */
function nounOf(shapeName: string): string {
  if (shapeName === "PipelineDeclaration") return "The pipeline";
  const words = shapeName.replace(/Declaration$/, "").split(/(?=[A-Z])/);
  return words.map((word, i) => (i === 0 ? word : word.toLowerCase())).join(" ");
}

function found(value: unknown): string {
  const kind = kindOf(value);
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? `found ${kind}: ${show(value)}`
    : `found: ${kind}`;
}

/** One walk: where it started, where findings go, and the findings of earlier walks if kept. */
interface Walk {
  readonly root: JsonPath;
  readonly report: Report;
  readonly cache: ValidationCache | undefined;
}

/**
 * Structures whose walk is remembered per object: a stage (so an edit re-walks one stage, not all
 * fifty) and an action (so it re-walks one action of that stage). Below a structure every finding's
 * message names a member inside it or the structure's own kind, never anything above it, so a
 * remembered walk reads the same wherever the object sits.
 */
const REMEMBERED_SHAPES: ReadonlyMap<string, CacheTopic<readonly RelativeFinding[]>> = new Map(
  ["StageDeclaration", "ActionDeclaration"].map((name) => [name, defineCacheTopic(`shape:${name}`)]),
);

function emit(
  walk: Walk,
  rule: RuleInfo,
  at: PathLink | undefined,
  message: (label: string) => string,
): void {
  walk.report(rule, materialize(walk.root, at), message(labelOf(walk.root, at)));
}

function checkString(
  walk: Walk,
  value: string,
  shape: StringShape,
  at: PathLink | undefined,
  suffix = "",
): void {
  const badLength = outside(value.length, shape.min, shape.max);
  if (badLength) {
    emit(walk, LENGTH_OUT_OF_RANGE, at, (label) =>
      value.length === 0
        ? `${label}${suffix} must not be empty: ""`
        : `${label}${suffix} must be ${rangeText(shape.min, shape.max)} characters long, not ${value.length}: ${show(value)}`,
    );
  }
  if (shape.enum !== undefined) {
    const allowed = shape.enum;
    if (!allowed.includes(value)) {
      emit(
        walk,
        INVALID_ENUM_VALUE,
        at,
        (label) => `${label}${suffix} must be one of ${allowed.join(", ")}: ${show(value)}`,
      );
    }
  } else if (shape.pattern !== undefined && !badLength) {
    // A string of the wrong length already has its finding; matching a huge one costs time for nothing.
    const source = shape.pattern;
    const regex = patternOf(source);
    if (regex !== undefined && !regex.test(value)) {
      emit(
        walk,
        PATTERN_MISMATCH,
        at,
        (label) => `${label}${suffix} must match the pattern ${source}: ${show(value)}`,
      );
    }
  }
}

function walkStructure(
  walk: Walk,
  value: JsonRecord,
  shape: StructureShape,
  shapeName: string,
  at: PathLink | undefined,
): void {
  for (const name of shape.required) {
    if (member(value, name) === undefined) {
      emit(walk, REQUIRED_MEMBER, at, () => `${nounOf(shapeName)} is missing a required member: ${name}`);
    }
  }
  for (const name of Object.keys(value)) {
    if (!Object.prototype.hasOwnProperty.call(shape.members, name)) {
      emit(
        walk,
        UNKNOWN_MEMBER,
        extend(at, name),
        () =>
          `${nounOf(shapeName)} has a member the service does not know; remove it or check its spelling: ${name}`,
      );
    }
  }
  for (const name in shape.members) {
    const child = member(value, name);
    const childShape = shape.members[name];
    if (child !== undefined && childShape !== undefined) walkShape(walk, child, childShape, extend(at, name));
  }
}

function walkShape(walk: Walk, value: unknown, shapeName: string, at: PathLink | undefined): void {
  const shape = shapeFor(shapeName);
  if (shape === undefined) return;
  switch (shape.type) {
    case "structure": {
      if (!isRecord(value)) {
        emit(walk, WRONG_TYPE, at, (label) => `${label} must be an object; ${found(value)}`);
        return;
      }
      const topic = walk.cache === undefined ? undefined : REMEMBERED_SHAPES.get(shapeName);
      if (walk.cache === undefined || topic === undefined) {
        walkStructure(walk, value, shape, shapeName, at);
        return;
      }
      const cache = walk.cache;
      const findings = cache.remember(topic, value, () =>
        recordFindings((report) =>
          walkStructure({ root: [], report, cache }, value, shape, shapeName, undefined),
        ),
      );
      replayFindings(walk, materialize(walk.root, at), findings);
      return;
    }
    case "list": {
      if (!Array.isArray(value)) {
        emit(walk, WRONG_TYPE, at, (label) => `${label} must be a list; ${found(value)}`);
        return;
      }
      if (outside(value.length, shape.min, shape.max)) {
        emit(
          walk,
          COUNT_OUT_OF_RANGE,
          at,
          (label) => `${label} must have ${rangeText(shape.min, shape.max)} entries; it has: ${value.length}`,
        );
      }
      for (let i = 0; i < value.length; i++) walkShape(walk, value[i], shape.member, extend(at, i));
      return;
    }
    case "map": {
      if (!isRecord(value)) {
        emit(
          walk,
          WRONG_TYPE,
          at,
          (label) => `${label} must be an object of key/value pairs; ${found(value)}`,
        );
        return;
      }
      const keys = Object.keys(value);
      if (outside(keys.length, shape.min, shape.max)) {
        emit(
          walk,
          COUNT_OUT_OF_RANGE,
          at,
          (label) => `${label} must have ${rangeText(shape.min, shape.max)} entries; it has: ${keys.length}`,
        );
      }
      const keyShape = shapeFor(shape.key);
      for (const key of keys) {
        const child = extend(at, key);
        if (keyShape?.type === "string") checkString(walk, key, keyShape, child, " (the key)");
        walkShape(walk, value[key], shape.value, child);
      }
      return;
    }
    case "string":
      if (typeof value !== "string")
        emit(walk, WRONG_TYPE, at, (label) => `${label} must be a string; ${found(value)}`);
      else checkString(walk, value, shape, at);
      return;
    case "integer":
    case "long":
      if (typeof value !== "number" || !Number.isInteger(value)) {
        emit(walk, WRONG_TYPE, at, (label) => `${label} must be an integer; ${found(value)}`);
      } else if (outside(value, shape.min, shape.max)) {
        emit(
          walk,
          VALUE_OUT_OF_RANGE,
          at,
          (label) => `${label} must be ${rangeText(shape.min, shape.max)}: ${value}`,
        );
      }
      return;
  }
}

/**
 * Checks a value against a model shape and everything under it; findings get paths starting with
 * `path`. Walks the shape, not the value, so depth is bounded by the model however deeply the
 * input nests; unknown members are reported as warnings, never walked.
 */
export function checkShape(
  value: unknown,
  shapeName: string,
  path: JsonPath,
  report: Report,
  cache?: ValidationCache,
): void {
  walkShape({ root: path, report, cache }, value, shapeName, undefined);
}

/** Model constraints of the whole PipelineDeclaration, generated from the service model. */
export const SERVICE_CONSTRAINTS: RuleGroup = {
  topic: "service-constraints",
  rules: [
    REQUIRED_MEMBER,
    WRONG_TYPE,
    PATTERN_MISMATCH,
    LENGTH_OUT_OF_RANGE,
    VALUE_OUT_OF_RANGE,
    INVALID_ENUM_VALUE,
    COUNT_OUT_OF_RANGE,
    UNKNOWN_MEMBER,
  ],
  check(context: RuleContext): void {
    checkShape(
      context.index.pipeline,
      "PipelineDeclaration",
      [],
      (rule, path, message) => context.report(rule, path, message),
      context.cache,
    );
  },
};
