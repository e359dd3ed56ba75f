/**
 * The `Properties` of an `AWS::CodePipeline::Pipeline` resource back as a pipeline (API member
 * names), driven by the same schema table as the export. Intrinsic functions stay in place as
 * deploy-time values wherever the pipeline has a single value (a string, a number); where the
 * pipeline needs a list or an object (a conditional action, `!Split` for a list) the construct is
 * refused with its location, since the designer could not show or edit what it stands for.
 */
import { objectFromEntries } from "./template-keys";
import type { JsonPath } from "../pipeline/model";
import { isDeployTimeValue, describeDeployTimeValue } from "./deploy-time-values";
import { ARTIFACT_STORE, CFN_ONLY_PROPERTIES, PIPELINE_MEMBERS, type CfnShape } from "./cfn-schema";
import type { UnmappedIndex } from "./unmapped";

/** Something in the template that cannot become a pipeline; `path` is from the resource's Properties. */
export interface ImportProblem {
  path: JsonPath;
  message: string;
}

/** A converted resource. */
export interface CfnPipeline {
  pipeline: Record<string, unknown>;
  /** Present when the resource has `Tags`. */
  tags?: Array<Record<string, unknown>>;
  problems: ImportProblem[];
}

const KIND_NAME: Record<CfnShape["kind"], string> = {
  string: "a string",
  integer: "an integer",
  boolean: "true or false",
  strings: "a list of strings",
  map: "an object of string values",
  object: "an object",
  list: "a list",
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

class Reader {
  readonly problems: ImportProblem[] = [];
  constructor(private readonly unmapped: UnmappedIndex) {}

  fail(path: JsonPath, message: string): undefined {
    this.problems.push({ path, message });
    return undefined;
  }

  /** `cfnPath` locates problems in the template; `apiPath` finds unmapped members to restore. */
  read(value: unknown, shape: CfnShape, cfnPath: JsonPath, apiPath: JsonPath): unknown {
    if (isDeployTimeValue(value)) {
      if (shape.kind === "string" || shape.kind === "integer" || shape.kind === "boolean") return value;
      return this.fail(
        cfnPath,
        `An intrinsic function in place of ${KIND_NAME[shape.kind]} is not supported; Pipewright keeps intrinsic functions only where the pipeline has a single value: ${describeDeployTimeValue(value)}`,
      );
    }
    switch (shape.kind) {
      case "string":
        if (typeof value === "string") return value;
        // YAML reads `Version: 1` as a number; CloudFormation passes it on as the string "1".
        if (typeof value === "number" || typeof value === "boolean") return String(value);
        return this.wrong(value, shape, cfnPath);
      case "integer":
        if (typeof value === "number" && Number.isInteger(value)) return value;
        if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
        return this.wrong(value, shape, cfnPath);
      case "boolean":
        if (typeof value === "boolean") return value;
        if (value === "true" || value === "false") return value === "true";
        return this.wrong(value, shape, cfnPath);
      case "strings":
        if (!Array.isArray(value)) return this.wrong(value, shape, cfnPath);
        return value.map((v, i) => this.read(v, { kind: "string" }, [...cfnPath, i], [...apiPath, i]));
      case "map": {
        if (!isObject(value)) return this.wrong(value, shape, cfnPath);
        return objectFromEntries(
          Object.entries(value).map(([k, v]) => [
            k,
            this.read(v, { kind: "string" }, [...cfnPath, k], [...apiPath, k]),
          ]),
        );
      }
      case "list":
        if (!Array.isArray(value)) return this.wrong(value, shape, cfnPath);
        return value.map((v, i) => this.read(v, shape.element, [...cfnPath, i], [...apiPath, i]));
      case "object": {
        if (!isObject(value)) return this.wrong(value, shape, cfnPath);
        const entries: Array<[string, unknown]> = [];
        for (const [key, member] of Object.entries(value)) {
          const known = shape.members.find((m) => m.cfn === key);
          if (known === undefined) {
            this.fail(
              [...cfnPath, key],
              `Not a property of this part of AWS::CodePipeline::Pipeline: ${key}`,
            );
            continue;
          }
          entries.push([
            known.api,
            this.read(member, known.shape, [...cfnPath, key], [...apiPath, known.api]),
          ]);
        }
        return objectFromEntries(this.unmapped.restore(apiPath, entries));
      }
    }
  }

  private wrong(value: unknown, shape: CfnShape, path: JsonPath): undefined {
    const found = value === null ? "null" : Array.isArray(value) ? "a list" : typeof value;
    return this.fail(path, `Expected ${KIND_NAME[shape.kind]} here; found ${found}`);
  }
}

/**
 * Reads resource properties into a pipeline. `DisableInboundStageTransitions` and
 * `RestartExecutionOnUpdate` have no place in the pipeline and are skipped here (the template
 * keeps them); every other property outside the schema is a problem.
 */
export function cfnToPipeline(properties: unknown, unmapped: UnmappedIndex): CfnPipeline {
  const reader = new Reader(unmapped);
  if (!isObject(properties)) {
    reader.fail([], "The resource has no Properties object");
    return { pipeline: {}, problems: reader.problems };
  }
  const entries: Array<[string, unknown]> = [];
  let tags: Array<Record<string, unknown>> | undefined;
  for (const [key, value] of Object.entries(properties)) {
    if ((CFN_ONLY_PROPERTIES as readonly string[]).includes(key)) continue;
    if (key === "Tags") {
      tags = readTags(reader, value, unmapped);
      continue;
    }
    if (key === "ArtifactStores") {
      entries.push(["artifactStores", readStores(reader, value)]);
      continue;
    }
    const known = PIPELINE_MEMBERS.find((m) => m.cfn === key);
    if (known === undefined) {
      reader.fail([key], `Not a property of AWS::CodePipeline::Pipeline: ${key}`);
      continue;
    }
    entries.push([known.api, reader.read(value, known.shape, [key], ["pipeline", known.api])]);
  }
  const pipeline = objectFromEntries(unmapped.restore(["pipeline"], entries));
  return tags === undefined
    ? { pipeline, problems: reader.problems }
    : { pipeline, tags, problems: reader.problems };
}

function readStores(reader: Reader, value: unknown): unknown {
  if (!Array.isArray(value))
    return reader.fail(["ArtifactStores"], "Expected a list of {Region, ArtifactStore}");
  const entries: Array<[string, unknown]> = [];
  value.forEach((item, i) => {
    const path: JsonPath = ["ArtifactStores", i];
    if (!isObject(item)) return reader.fail(path, "Expected {Region, ArtifactStore}");
    const region = item["Region"];
    if (typeof region !== "string") {
      return reader.fail(
        [...path, "Region"],
        isDeployTimeValue(region)
          ? `A region named by an intrinsic function is not supported (Pipewright keys artifact stores by region): ${describeDeployTimeValue(region)}`
          : "Each artifact store needs its Region as a string",
      );
    }
    for (const key of Object.keys(item)) {
      if (key !== "Region" && key !== "ArtifactStore")
        reader.fail([...path, key], `Not a property of ArtifactStoreMap: ${key}`);
    }
    entries.push([
      region,
      reader.read(
        item["ArtifactStore"],
        ARTIFACT_STORE,
        [...path, "ArtifactStore"],
        ["pipeline", "artifactStores", region],
      ),
    ]);
    return undefined;
  });
  return objectFromEntries(entries);
}

function readTags(
  reader: Reader,
  value: unknown,
  unmapped: UnmappedIndex,
): Array<Record<string, unknown>> | undefined {
  if (!Array.isArray(value)) return reader.fail(["Tags"], "Expected a list of {Key, Value}");
  return value.map((tag, i) => {
    const path: JsonPath = ["Tags", i];
    const entries: Array<[string, unknown]> = [];
    if (!isObject(tag)) {
      reader.fail(path, "Expected {Key, Value}");
      return {};
    }
    for (const [key, member] of Object.entries(tag)) {
      if (key !== "Key" && key !== "Value") {
        reader.fail([...path, key], `Not a property of a tag: ${key}`);
        continue;
      }
      entries.push([
        key === "Key" ? "key" : "value",
        reader.read(member, { kind: "string" }, [...path, key], ["tags", i, key.toLowerCase()]),
      ]);
    }
    return objectFromEntries(unmapped.restore(["tags", i], entries));
  });
}
