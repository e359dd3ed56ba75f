/**
 * CloudFormation YAML: reading templates with the short-form intrinsic function tags (`!Ref`,
 * `!Sub`, `!GetAtt`, `!If`…) into their JSON form, and writing values back with the short forms.
 *
 * "CloudFormation supports the YAML Version 1.1 specification with a few exceptions" and "For the
 * short form of intrinsic functions … use the ! prefix." Both directions use YAML 1.1, so a string
 * such as "yes" or "on" is written quoted and read back as the string it was.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/template-formats.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 */
import {
  Document,
  LineCounter,
  Pair,
  parseDocument,
  Scalar,
  YAMLMap,
  YAMLSeq,
  type CollectionTag,
  type Node as YamlNode,
  type ParsedNode,
} from "yaml";
import { objectFromEntries, orderedEntries } from "./template-keys";
import { isDeployTimeValue } from "./deploy-time-values";

/** Every function with a YAML short form, by its tag name. */
const SHORT_FORMS: Readonly<Record<string, string>> = {
  Ref: "Ref",
  Condition: "Condition",
  ...Object.fromEntries(
    [
      "And",
      "Base64",
      "Cidr",
      "Equals",
      "FindInMap",
      "GetAtt",
      "GetAZs",
      "If",
      "ImportValue",
      "Join",
      "Length",
      "Not",
      "Or",
      "Select",
      "Split",
      "Sub",
      "ToJsonString",
      "Transform",
    ].map((name) => [name, `Fn::${name}`]),
  ),
};

function wrap(key: string, node: YamlNode): YAMLMap {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(key), node));
  if ("range" in node) (map as { range?: unknown }).range = node.range;
  return map;
}

/** The yaml library's custom tags for every short form, on scalars, sequences and mappings. */
export const CUSTOM_TAGS = Object.entries(SHORT_FORMS).flatMap(([name, key]) => [
  {
    tag: `!${name}`,
    resolve: (text: string): unknown => {
      // "!GetAtt logicalNameOfResource.attributeName": the attribute may itself hold dots.
      if (key === "Fn::GetAtt") {
        const dot = text.indexOf(".");
        return { [key]: dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)] };
      }
      return { [key]: text };
    },
  },
  { tag: `!${name}`, collection: "seq" as const, resolve: (seq: YamlNode) => wrap(key, seq) },
  { tag: `!${name}`, collection: "map" as const, resolve: (map: YamlNode) => wrap(key, map) },
]) as CollectionTag[];

/** A YAML problem with its 1-based line. */
export interface YamlProblem {
  line: number;
  message: string;
}

/** A parsed YAML template: its value, and a way to find the line of a path into it. */
export interface ParsedYaml {
  value: unknown;
  problems: YamlProblem[];
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

/** Parses a YAML template; unknown tags and syntax errors become problems with their line. */
export function parseYamlTemplate(text: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    version: "1.1",
    customTags: CUSTOM_TAGS,
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const problems: YamlProblem[] = [...doc.errors, ...doc.warnings].map((e) => ({
    line: lines.linePos(e.pos[0]).line,
    message:
      e.code === "TAG_RESOLVE_FAILED"
        ? `Unsupported YAML tag; CloudFormation's short forms are !Ref, !Sub, !GetAtt, !If and the other intrinsic functions: ${firstLine(e.message)}`
        : firstLine(e.message),
  }));
  const value = problems.length === 0 ? ordered(doc.toJS({ maxAliasCount: 100, mapAsMap: true })) : undefined;
  return {
    value,
    problems,
    lineOf(path) {
      const node = doc.getIn(path, true) as ParsedNode | undefined;
      const offset = node?.range?.[0];
      return offset === undefined ? undefined : lines.linePos(offset).line;
    },
  };
}

/**
 * YAML's maps (read as Maps, which keep the file's order) as objects with their members in that
 * order, numbers as names included (template-keys.ts).
 */
function ordered(value: unknown): unknown {
  if (value instanceof Map) return objectFromEntries([...value].map(([k, v]) => [String(k), ordered(v)]));
  if (Array.isArray(value)) return value.map(ordered);
  if (typeof value === "object" && value !== null)
    return objectFromEntries(Object.entries(value).map(([k, v]) => [k, ordered(v)]));
  return value;
}

function firstLine(message: string): string {
  return message.split("\n")[0]?.trim() ?? message;
}

/** A value as a YAML node, intrinsic functions in their short form where YAML allows one. */
function toNode(value: unknown): YamlNode {
  if (isDeployTimeValue(value)) {
    const key = Object.keys(value)[0] ?? "";
    const argument = value[key];
    const name = key === "Ref" || key === "Condition" ? key : key.slice("Fn::".length);
    if (!(name in SHORT_FORMS) || SHORT_FORMS[name] !== key) return plainMap(value);
    if (
      key === "Fn::GetAtt" &&
      Array.isArray(argument) &&
      argument.length === 2 &&
      argument.every((a) => typeof a === "string") &&
      !String(argument[0]).includes(".")
    ) {
      const scalar = new Scalar(`${String(argument[0])}.${String(argument[1])}`);
      scalar.tag = "!GetAtt";
      return scalar;
    }
    const inner = toNode(argument);
    // A node carries one tag: a function directly inside another keeps its long form outside.
    if (isDeployTimeValue(argument)) return wrap(key, inner);
    inner.tag = `!${name}`;
    return inner;
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    for (const item of value) seq.items.push(toNode(item));
    return seq;
  }
  if (typeof value === "object" && value !== null) return plainMap(value);
  return new Scalar(value);
}

function plainMap(value: object): YAMLMap {
  const map = new YAMLMap();
  for (const [key, member] of orderedEntries(value)) map.items.push(new Pair(new Scalar(key), toNode(member)));
  return map;
}

/** A template value as YAML text (YAML 1.1, 2-space indent, no line folding), ending in a newline. */
export function stringifyYamlTemplate(value: unknown): string {
  const doc = new Document(null, { version: "1.1" });
  doc.contents = toNode(value) as Document["contents"];
  return doc.toString({ indent: 2, lineWidth: 0, minContentWidth: 0, indentSeq: true });
}
