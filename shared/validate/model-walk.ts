/**
 * The walk of a value against the service model's shapes (shared/service-model): required members,
 * JSON types, patterns, lengths, ranges, enums and counts, with messages in a person's words (field
 * labels and examples from field-words.ts, never a raw pattern or a member path).
 */
import type { JsonPath } from "../pipeline/model";
import { SHAPES, type Shape, type StringShape, type StructureShape } from "../service-model";
import {
  entryWords,
  exampleText,
  keyWords,
  memberWords,
  nounOf,
  patternWords,
  type FieldWords,
} from "./field-words";
import { isRecord, kindOf, member, show, type JsonRecord } from "./json-value";
import type { RuleInfo } from "./rule";
import {
  COUNT_OUT_OF_RANGE,
  INVALID_ENUM_VALUE,
  LENGTH_OUT_OF_RANGE,
  PATTERN_MISMATCH,
  REQUIRED_MEMBER,
  UNKNOWN_MEMBER,
  VALUE_OUT_OF_RANGE,
  WRONG_TYPE,
} from "./model-rules";
import {
  defineCacheTopic,
  recordFindings,
  replayFindings,
  type CacheTopic,
  type RelativeFinding,
  type ValidationCache,
} from "./validation-cache";

type Report = (rule: RuleInfo, path: JsonPath, message: string) => void;

/**
 * A quota the model does not carry: "Maximum of 50 per resource" (pipeline tags,
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html); the service answers more
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
 * A path as a chain of parent links, with the words for the field it reaches. The walk visits every
 * member of a large pipeline, so paths are built as arrays only for members that get a finding.
 */
interface PathLink {
  readonly parent: PathLink | undefined;
  readonly segment: string | number;
  readonly words: FieldWords;
}

function extend(parent: PathLink | undefined, segment: string | number, words: FieldWords): PathLink {
  return { parent, segment, words };
}

/** The array form of a path chain, prefixed by the walk's root path. */
function materialize(root: JsonPath, link: PathLink | undefined): JsonPath {
  const tail: (string | number)[] = [];
  for (let at = link; at !== undefined; at = at.parent) tail.push(at.segment);
  return [...root, ...tail.reverse()];
}

function found(value: unknown): string {
  const kind = kindOf(value);
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? `found ${kind}: ${show(value)}`
    : `found: ${kind}`;
}

/** One walk: where it started, what the start is called, where findings go, and the cache if kept. */
interface Walk {
  readonly root: JsonPath;
  readonly rootWords: FieldWords;
  readonly report: Report;
  readonly cache: ValidationCache | undefined;
}

/**
 * Structures whose walk is remembered per object: a stage (so an edit re-walks one stage, not all
 * fifty) and an action. Below a structure every finding's message names a field inside it or the
 * structure itself, never anything above it, so a remembered walk reads the same wherever it sits.
 */
const REMEMBERED_SHAPES: ReadonlyMap<string, CacheTopic<readonly RelativeFinding[]>> = new Map(
  ["StageDeclaration", "ActionDeclaration"].map((name) => [name, defineCacheTopic(`shape:${name}`)]),
);

function emit(
  walk: Walk,
  rule: RuleInfo,
  at: PathLink | undefined,
  message: (w: FieldWords) => string,
): void {
  walk.report(rule, materialize(walk.root, at), message(at?.words ?? walk.rootWords));
}

function checkString(walk: Walk, value: string, shape: StringShape, at: PathLink | undefined): void {
  const badLength = outside(value.length, shape.min, shape.max);
  if (badLength) {
    emit(walk, LENGTH_OUT_OF_RANGE, at, (w) =>
      value.length === 0
        ? `${w.label} must not be empty${exampleText(w)}: ""`
        : `${w.label} must be ${rangeText(shape.min, shape.max)} characters long, not ${value.length}: ${show(value)}`,
    );
  }
  if (shape.enum !== undefined) {
    const allowed = shape.enum;
    if (!allowed.includes(value)) {
      emit(
        walk,
        INVALID_ENUM_VALUE,
        at,
        (w) => `${w.label} must be one of ${allowed.join(", ")}: ${show(value)}`,
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
        (w) => `${w.label} ${patternWords(source)}${exampleText(w)}: ${show(value)}`,
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
      const words = memberWords(shapeName, name);
      emit(
        walk,
        REQUIRED_MEMBER,
        at,
        () => `${nounOf(shapeName)} needs its ${words.label} (${name})${exampleText(words)}: ${name}`,
      );
    }
  }
  for (const name of Object.keys(value)) {
    if (!Object.prototype.hasOwnProperty.call(shape.members, name)) {
      emit(
        walk,
        UNKNOWN_MEMBER,
        extend(at, name, { label: name }),
        () => `${nounOf(shapeName)} has a member AWS does not know; remove it or fix its spelling: ${name}`,
      );
    }
  }
  for (const name in shape.members) {
    const child = member(value, name);
    const childShape = shape.members[name];
    if (child !== undefined && childShape !== undefined) {
      walkShape(walk, child, childShape, extend(at, name, memberWords(shapeName, name)));
    }
  }
}

function typeWord(shape: Shape): string {
  switch (shape.type) {
    case "structure":
      return "an object";
    case "map":
      return "an object of key/value pairs";
    case "list":
      return "a list";
    case "string":
      return "a text value";
    case "integer":
    case "long":
      return "a whole number";
    default:
      return `a ${shape.type}`;
  }
}

function wrongType(walk: Walk, shape: Shape, value: unknown, at: PathLink | undefined): void {
  emit(
    walk,
    WRONG_TYPE,
    at,
    (w) => `${w.label} must be ${typeWord(shape)}${exampleText(w)}; ${found(value)}`,
  );
}

function walkRemembered(
  walk: Walk,
  value: JsonRecord,
  shape: StructureShape,
  shapeName: string,
  at: PathLink | undefined,
): void {
  const topic = walk.cache === undefined ? undefined : REMEMBERED_SHAPES.get(shapeName);
  if (walk.cache === undefined || topic === undefined) {
    walkStructure(walk, value, shape, shapeName, at);
    return;
  }
  const cache = walk.cache;
  const rootWords = at?.words ?? walk.rootWords;
  const findings = cache.remember(topic, value, () =>
    recordFindings((report) =>
      walkStructure({ root: [], rootWords, report, cache }, value, shape, shapeName, undefined),
    ),
  );
  replayFindings(walk, materialize(walk.root, at), findings);
}

function walkShape(walk: Walk, value: unknown, shapeName: string, at: PathLink | undefined): void {
  const shape = shapeFor(shapeName);
  if (shape === undefined) return;
  switch (shape.type) {
    case "structure":
      if (isRecord(value)) walkRemembered(walk, value, shape, shapeName, at);
      else wrongType(walk, shape, value, at);
      return;
    case "list": {
      if (!Array.isArray(value)) {
        wrongType(walk, shape, value, at);
        return;
      }
      if (outside(value.length, shape.min, shape.max)) {
        emit(
          walk,
          COUNT_OUT_OF_RANGE,
          at,
          (w) => `${w.label} must have ${rangeText(shape.min, shape.max)} entries; it has: ${value.length}`,
        );
      }
      const words = entryWords(shape.member, at?.words ?? walk.rootWords);
      for (let i = 0; i < value.length; i++) walkShape(walk, value[i], shape.member, extend(at, i, words));
      return;
    }
    case "map": {
      if (!isRecord(value)) {
        wrongType(walk, shape, value, at);
        return;
      }
      const keys = Object.keys(value);
      if (outside(keys.length, shape.min, shape.max)) {
        emit(
          walk,
          COUNT_OUT_OF_RANGE,
          at,
          (w) => `${w.label} must have ${rangeText(shape.min, shape.max)} entries; it has: ${keys.length}`,
        );
      }
      const keyShape = shapeFor(shape.key);
      const keyLabel = keyWords(shapeName);
      const valueWords = entryWords(shape.value, at?.words ?? walk.rootWords);
      for (const key of keys) {
        if (keyShape?.type === "string") checkString(walk, key, keyShape, extend(at, key, keyLabel));
        walkShape(walk, value[key], shape.value, extend(at, key, valueWords));
      }
      return;
    }
    case "string":
      if (typeof value !== "string") wrongType(walk, shape, value, at);
      else checkString(walk, value, shape, at);
      return;
    case "integer":
    case "long":
      if (typeof value !== "number" || !Number.isInteger(value)) {
        wrongType(walk, shape, value, at);
      } else if (outside(value, shape.min, shape.max)) {
        emit(
          walk,
          VALUE_OUT_OF_RANGE,
          at,
          (w) => `${w.label} must be ${rangeText(shape.min, shape.max)}: ${value}`,
        );
      }
      return;
    default:
      return;
  }
}

/**
 * Checks a value against a model shape and everything under it; findings get paths starting with
 * `path`, and `words` names the value itself. Walks the shape, not the value, so depth is bounded by
 * the model however deeply the input nests; unknown members are reported as warnings, never walked.
 */
export function checkShape(
  value: unknown,
  shapeName: string,
  path: JsonPath,
  words: FieldWords,
  report: Report,
  cache?: ValidationCache,
): void {
  walkShape({ root: path, rootWords: words, report, cache }, value, shapeName, undefined);
}
