/**
 * A pipeline as a CloudFormation template and back. Export builds `AWSTemplateFormatVersion`,
 * `Parameters` (secrets, and account-specific values with `parameterize`) and one
 * `AWS::CodePipeline::Pipeline` resource; a pipeline imported from a template is written back into
 * that template (its other resources, parameters, conditions and outputs as they were). Import
 * reads one pipeline resource of a template into a create-pipeline input document.
 */
import { objectFromEntries, orderedEntries } from "./template-keys";
import type { JsonPath } from "../pipeline/model";
import { cfnToPipeline, type ImportProblem } from "./cfn-to-pipeline";
import { CFN_ONLY_PROPERTIES, PIPELINE_RESOURCE_TYPE } from "./cfn-schema";
import { planParameters, type TemplateParameter } from "./parameters";
import { pipelineToCfn } from "./pipeline-to-cfn";
import { readUnmapped, UnmappedIndex, writeUnmapped, type UnmappedMember } from "./unmapped";

/** The metadata key under which members outside the schema travel in the resource. */
export const PIPEWRIGHT_METADATA = "Pipewright";
/** The logical id of an exported pipeline resource that came from no template. */
export const DEFAULT_LOGICAL_ID = "Pipeline";

/** Where an imported pipeline came from: the template file's text and the resource's logical id. */
export interface CfnSource {
  format: "cloudformation";
  syntax: "yaml" | "json";
  resource: string;
  text: string;
}

/** The template a pipeline is written back into. */
export interface CfnBase {
  template: Record<string, unknown>;
  resource: string;
}

/** A built template, or what stopped it. */
export interface BuiltTemplate {
  template: Record<string, unknown>;
  parameters: TemplateParameter[];
  unmapped: UnmappedMember[];
  /** Paths (from the create-pipeline root) of values CloudFormation cannot hold (Terraform expressions). */
  foreign: JsonPath[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parameterDeclaration(p: TemplateParameter): Record<string, unknown> {
  const out: Record<string, unknown> = { Type: "String", Description: p.description };
  if (p.default !== undefined) out["Default"] = p.default;
  // "NoEcho: Whether to mask the parameter value to prevent it from being displayed in the console,
  // command line tools, or API." (Parameters)
  if (p.secret) out["NoEcho"] = true;
  return out;
}

/**
 * The template for `pipeline` and its create-pipeline `tags`. With `source`, the template it was
 * imported from, with the pipeline resource rebuilt in place and new parameters added.
 */
export function buildCfnTemplate(
  pipeline: Record<string, unknown>,
  tags: unknown,
  options: { parameterize: boolean; source?: CfnBase },
): BuiltTemplate {
  const source = options.source;
  const base = source?.template ?? {};
  const reserved = [
    ...Object.keys(isObject(base["Parameters"]) ? base["Parameters"] : {}),
    ...Object.keys(isObject(base["Resources"]) ? base["Resources"] : {}),
  ];
  const plan = planParameters(pipeline, options.parameterize, reserved);
  const converted = pipelineToCfn(plan.pipeline, tags);
  const logicalId = source?.resource ?? DEFAULT_LOGICAL_ID;
  const oldResource = isObject(base["Resources"]) ? base["Resources"][logicalId] : undefined;
  const resource = buildResource(
    isObject(oldResource) ? oldResource : {},
    converted.properties,
    converted.unmapped,
  );

  const existing = isObject(base["Parameters"]) ? base["Parameters"] : {};
  const parameters = plan.parameters;
  const declared = objectFromEntries([
    ...orderedEntries(existing),
    ...parameters.map((p): [string, unknown] => [p.name, parameterDeclaration(p)]),
  ]);
  const resources = objectFromEntries(
    isObject(base["Resources"]) && logicalId in base["Resources"]
      ? orderedEntries(base["Resources"]).map(([id, r]): [string, unknown] => [
          id,
          id === logicalId ? resource : r,
        ])
      : [...orderedEntries(isObject(base["Resources"]) ? base["Resources"] : {}), [logicalId, resource]],
  );

  const hasParameters = Object.keys(declared).length > 0;
  const baseEntries: Array<[string, unknown]> = source
    ? orderedEntries(base)
    : [
        ["AWSTemplateFormatVersion", "2010-09-09"],
        [
          "Description",
          `CodePipeline pipeline ${typeof pipeline["name"] === "string" ? pipeline["name"] : ""}, exported by Pipewright`,
        ],
        ["Resources", null],
      ];
  const sections: Array<[string, unknown]> = [];
  for (const [key, value] of baseEntries) {
    if (key === "Parameters") {
      if (hasParameters) sections.push(["Parameters", declared]);
    } else if (key === "Resources") {
      // Parameters go before Resources when the template had none, as CloudFormation's docs list them.
      if (hasParameters && !("Parameters" in base)) sections.push(["Parameters", declared]);
      sections.push(["Resources", resources]);
    } else sections.push([key, value]);
  }
  if (!sections.some(([key]) => key === "Resources")) {
    if (hasParameters && !("Parameters" in base)) sections.push(["Parameters", declared]);
    sections.push(["Resources", resources]);
  }
  return {
    template: objectFromEntries(sections),
    parameters: plan.parameters,
    unmapped: converted.unmapped,
    foreign: converted.foreign,
  };
}

function buildResource(
  old: Record<string, unknown>,
  properties: Record<string, unknown>,
  unmapped: readonly UnmappedMember[],
): Record<string, unknown> {
  const oldProperties = isObject(old["Properties"]) ? old["Properties"] : {};
  const kept = CFN_ONLY_PROPERTIES.filter((p) => p in oldProperties).map((p): [string, unknown] => [
    p,
    oldProperties[p],
  ]);
  // Properties the template had keep its order; new ones follow.
  const generated = [...orderedEntries(properties), ...kept];
  const oldOrder = Object.keys(oldProperties);
  const rank = (key: string): number => {
    const at = oldOrder.indexOf(key);
    return at < 0 ? oldOrder.length : at;
  };
  const props = objectFromEntries(
    generated
      .map((e, i) => [e, i] as const)
      .sort((a, b) => rank(a[0][0]) - rank(b[0][0]) || a[1] - b[1])
      .map(([e]) => e),
  );
  const oldMetadata = isObject(old["Metadata"]) ? old["Metadata"] : undefined;
  const metadataEntries = orderedEntries(oldMetadata ?? {}).filter(([k]) => k !== PIPEWRIGHT_METADATA);
  if (unmapped.length > 0) metadataEntries.push([PIPEWRIGHT_METADATA, { Unmapped: writeUnmapped(unmapped) }]);
  const entries: Array<[string, unknown]> = [];
  const order = Object.keys(old).length > 0 ? Object.keys(old) : ["Type", "Metadata", "Properties"];
  for (const key of ["Type", "Metadata", "Properties"]) if (!order.includes(key)) order.push(key);
  for (const key of order) {
    if (key === "Type") entries.push(["Type", PIPELINE_RESOURCE_TYPE]);
    else if (key === "Metadata") {
      if (metadataEntries.length > 0) entries.push(["Metadata", objectFromEntries(metadataEntries)]);
    } else if (key === "Properties") entries.push(["Properties", props]);
    else entries.push([key, old[key]]);
  }
  return objectFromEntries(entries);
}

/** A pipeline resource of a template. */
export interface PipelineResource {
  id: string;
  /** The pipeline's `Name` when it is a literal string. */
  name?: string;
}

/** The `AWS::CodePipeline::Pipeline` resources of a template, in template order. */
export function listCfnPipelines(template: unknown): PipelineResource[] {
  const resources = isObject(template) ? template["Resources"] : undefined;
  if (!isObject(resources)) return [];
  return Object.entries(resources)
    .filter(([, r]) => isObject(r) && r["Type"] === PIPELINE_RESOURCE_TYPE)
    .map(([id, r]) => {
      const props = isObject(r) ? r["Properties"] : undefined;
      const name = isObject(props) ? props["Name"] : undefined;
      return typeof name === "string" ? { id, name } : { id };
    });
}

/** A template resource read into the members of a create-pipeline input document. */
export interface CfnImport {
  pipeline: Record<string, unknown>;
  tags?: Array<Record<string, unknown>>;
  /** Paths from the template root. */
  problems: ImportProblem[];
}

/** Reads resource `id` of `template` (its JSON form). */
export function importCfnResource(template: Record<string, unknown>, id: string): CfnImport {
  const resources = isObject(template["Resources"]) ? template["Resources"] : {};
  const resource = isObject(resources[id]) ? resources[id] : {};
  const prefix: JsonPath = ["Resources", id];
  const problems: ImportProblem[] = [];
  const metadata = isObject(resource["Metadata"]) ? resource["Metadata"][PIPEWRIGHT_METADATA] : undefined;
  let unmapped: UnmappedMember[] = [];
  if (metadata !== undefined) {
    const read = isObject(metadata) ? readUnmapped(metadata["Unmapped"]) : undefined;
    if (read === undefined)
      problems.push({
        path: [...prefix, "Metadata", PIPEWRIGHT_METADATA],
        message: "Pipewright's metadata of this resource is malformed",
      });
    else unmapped = read;
  }
  const converted = cfnToPipeline(resource["Properties"], new UnmappedIndex(unmapped));
  for (const problem of converted.problems)
    problems.push({ path: [...prefix, "Properties", ...problem.path], message: problem.message });

  const result: CfnImport = { pipeline: converted.pipeline, problems };
  if (converted.tags !== undefined) result.tags = converted.tags;
  return result;
}
