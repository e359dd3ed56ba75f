/**
 * A pipeline (create-pipeline input) as the `Properties` of an `AWS::CodePipeline::Pipeline`
 * resource, driven by the schema table in cfn-schema.ts. Members are written in the document's
 * order, so import reads them back in the same order.
 */
import { objectFromEntries, orderedEntries } from "./template-keys";
import type { JsonPath } from "../pipeline/model";
import { isDeployTimeValue, terraformSource } from "./deploy-time-values";
import { ARTIFACT_STORE, PIPELINE_MEMBERS, type CfnShape } from "./cfn-schema";
import type { UnmappedMember } from "./unmapped";

/** What converting gave: the properties, the members left out, and values CloudFormation cannot hold. */
export interface CfnProperties {
  properties: Record<string, unknown>;
  unmapped: UnmappedMember[];
  /** Terraform expressions found (paths from the root): CloudFormation cannot resolve them. */
  foreign: JsonPath[];
}

interface Walk {
  unmapped: UnmappedMember[];
  foreign: JsonPath[];
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function convert(value: unknown, shape: CfnShape, path: JsonPath, walk: Walk): unknown {
  if (terraformSource(value) !== undefined) {
    walk.foreign.push(path);
    return value;
  }
  if (isDeployTimeValue(value)) return value;
  switch (shape.kind) {
    case "string":
    case "integer":
    case "boolean":
      return value;
    case "strings":
      return Array.isArray(value)
        ? value.map((v, i) => convert(v, { kind: "string" }, [...path, i], walk))
        : value;
    case "map": {
      const map = record(value);
      if (map === undefined) return value;
      return objectFromEntries(
        orderedEntries(map).map(([k, v]) => [k, convert(v, { kind: "string" }, [...path, k], walk)]),
      );
    }
    case "list":
      return Array.isArray(value)
        ? value.map((v, i) => convert(v, shape.element, [...path, i], walk))
        : value;
    case "object": {
      const obj = record(value);
      if (obj === undefined) return value;
      const out: Record<string, unknown> = {};
      orderedEntries(obj).forEach(([key, member], index) => {
        const known = shape.members.find((m) => m.api === key);
        if (known === undefined) walk.unmapped.push({ path: [...path, key], index, value: member });
        else out[known.cfn] = convert(member, known.shape, [...path, key], walk);
      });
      return out;
    }
  }
}

/**
 * Converts `pipeline` (and the create-pipeline `tags`) to resource properties. `version` is left
 * out: CloudFormation keeps the pipeline's version itself ("Version: The version of the pipeline"
 * is a return value of `Fn::GetAtt`, not a property). Members the schema lacks are returned in
 * `unmapped`, paths from the create-pipeline input root.
 */
export function pipelineToCfn(pipeline: unknown, tags: unknown): CfnProperties {
  const walk: Walk = { unmapped: [], foreign: [] };
  const properties: Record<string, unknown> = {};
  const obj = record(pipeline) ?? {};
  orderedEntries(obj).forEach(([key, value], index) => {
    const path: JsonPath = ["pipeline", key];
    if (key === "version") return;
    if (key === "artifactStores") {
      properties["ArtifactStores"] = storesToCfn(value, path, walk);
      return;
    }
    const known = PIPELINE_MEMBERS.find((m) => m.api === key);
    if (known === undefined) walk.unmapped.push({ path, index, value });
    else properties[known.cfn] = convert(value, known.shape, path, walk);
  });
  if (Array.isArray(tags)) {
    properties["Tags"] = tags.map((tag, i) => {
      const out: Record<string, unknown> = {};
      orderedEntries(record(tag) ?? {}).forEach(([key, value], index) => {
        const path: JsonPath = ["tags", i, key];
        if (key === "key" || key === "value")
          out[key === "key" ? "Key" : "Value"] = convert(value, { kind: "string" }, path, walk);
        else walk.unmapped.push({ path, index, value });
      });
      return out;
    });
  }
  return { properties, ...walk };
}

/** `artifactStores` (region → store) as CloudFormation's list of `{Region, ArtifactStore}`. */
function storesToCfn(value: unknown, path: JsonPath, walk: Walk): unknown {
  const map = record(value);
  if (map === undefined) return value;
  return orderedEntries(map).map(([region, store]) => ({
    Region: region,
    ArtifactStore: convert(store, ARTIFACT_STORE, [...path, region], walk),
  }));
}
