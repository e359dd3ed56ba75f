/**
 * A pipeline as an `aws_codepipeline` resource in HCL, members in the document's order. Parameters
 * (secrets always, account-specific values with `parameterize`) become `variable` blocks; a pipeline
 * imported from a Terraform file is written back into that file, the rest of it unchanged.
 */
import { orderedEntries } from "./template-keys";
import type { JsonPath } from "../pipeline/model";
import { isDeployTimeValue, terraformSource } from "./deploy-time-values";
import type { HclValue } from "./hcl-parse";
import { writeHclFile, type HclOut } from "./hcl-write";
import { planParameters, type TemplateParameter } from "./parameters";
import {
  ACTION_MEMBERS,
  ACTION_TYPE_MEMBERS,
  PIPELINE_MEMBERS,
  STAGE_MEMBERS,
  STORE_MEMBERS,
  TERRAFORM_RESOURCE_TYPE,
  variableName,
  type TfMember,
} from "./terraform-schema";
import { spliceTerraform, type TerraformSource } from "./terraform-source";
import type { UnmappedMember } from "./unmapped";

export type { TerraformSource } from "./terraform-source";

/** A built Terraform file. */
export interface BuiltTerraform {
  text: string;
  parameters: TemplateParameter[];
  unmapped: UnmappedMember[];
  /** Paths of CloudFormation values Terraform cannot resolve. */
  foreign: JsonPath[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The marker put before the resource for each unmapped member. */
export const UNMAPPED_COMMENT = "# pipewright:unmapped ";

class Writer {
  readonly unmapped: UnmappedMember[] = [];
  readonly foreign: JsonPath[] = [];

  scalar(value: unknown, path: JsonPath): HclValue {
    const source = terraformSource(value);
    if (source !== undefined) return { kind: "expression", source };
    if (isDeployTimeValue(value)) {
      const ref = value["Ref"];
      if (typeof ref === "string") return { kind: "expression", source: `var.${variableName(ref)}` };
      const sub = value["Fn::Sub"];
      if (typeof sub === "string") return { kind: "expression", source: subToTemplate(sub) };
      this.foreign.push(path);
      return { kind: "literal", value: null };
    }
    if (
      typeof value === "string" ||
      typeof value === "number" ||
      typeof value === "boolean" ||
      value === null
    )
      return { kind: "literal", value };
    this.foreign.push(path);
    return { kind: "literal", value: null };
  }

  members(obj: Record<string, unknown>, members: readonly TfMember[], path: JsonPath): HclOut[] {
    const out: HclOut[] = [];
    orderedEntries(obj).forEach(([key, value], index) => {
      const member = members.find((m) => m.api === key);
      if (member === undefined) this.unmapped.push({ path: [...path, key], index, value });
      else out.push(...this.member(member, value, [...path, key], index));
    });
    return out;
  }

  member(member: TfMember, value: unknown, path: JsonPath, index: number): HclOut[] {
    const shape = member.shape;
    const attribute = (v: HclValue): HclOut[] => [{ kind: "attribute", name: member.tf, value: v }];
    switch (shape.kind) {
      case "scalar":
        return attribute(this.scalar(value, path));
      case "strings":
        if (!Array.isArray(value)) return attribute(this.scalar(value, path));
        return attribute({ kind: "tuple", items: value.map((v, i) => this.scalar(v, [...path, i])) });
      case "map":
        if (!isObject(value)) return attribute(this.scalar(value, path));
        return attribute({
          kind: "object",
          entries: orderedEntries(value).map(([k, v]) => [k, this.scalar(v, [...path, k])]),
        });
      case "names":
        if (!Array.isArray(value)) return attribute(this.scalar(value, path));
        return attribute({
          kind: "tuple",
          items: value.map((artifact, i) => {
            const obj = isObject(artifact) ? artifact : {};
            orderedEntries(obj).forEach(([k, v], j) => {
              if (k !== "name") this.unmapped.push({ path: [...path, i, k], index: j, value: v });
            });
            return this.scalar(obj["name"], [...path, i, "name"]);
          }),
        });
      case "block":
        if (!isObject(value)) return this.keep(path, index, value);
        return [
          { kind: "block", type: member.tf, labels: [], body: this.members(value, shape.members, path) },
        ];
      case "blocks":
        // No block means an absent list to Terraform: an empty list travels as an unmapped member.
        if (!Array.isArray(value) || value.length === 0) return this.keep(path, index, value);
        return value.map((element, i) => ({
          kind: "block" as const,
          type: member.tf,
          labels: [],
          body: isObject(element) ? this.members(element, shape.members, [...path, i]) : [],
        }));
    }
  }

  keep(path: JsonPath, index: number, value: unknown): HclOut[] {
    this.unmapped.push({ path, index, value });
    return [];
  }

  action(action: unknown, path: JsonPath): HclOut {
    const body: HclOut[] = [];
    const obj = isObject(action) ? action : {};
    orderedEntries(obj).forEach(([key, value], index) => {
      if (key === "actionTypeId" && isObject(value)) {
        orderedEntries(value).forEach(([k, v], j) => {
          if ((ACTION_TYPE_MEMBERS as readonly string[]).includes(k))
            body.push({ kind: "attribute", name: k, value: this.scalar(v, [...path, key, k]) });
          else this.unmapped.push({ path: [...path, key, k], index: j, value: v });
        });
        return;
      }
      const member = ACTION_MEMBERS.find((m) => m.api === key);
      if (member === undefined) this.unmapped.push({ path: [...path, key], index, value });
      else body.push(...this.member(member, value, [...path, key], index));
    });
    return { kind: "block", type: "action", labels: [], body };
  }

  stage(stage: unknown, path: JsonPath): HclOut {
    const body: HclOut[] = [];
    const obj = isObject(stage) ? stage : {};
    orderedEntries(obj).forEach(([key, value], index) => {
      if (key === "actions" && Array.isArray(value) && value.length > 0) {
        value.forEach((a, i) => body.push(this.action(a, [...path, key, i])));
        return;
      }
      const member = STAGE_MEMBERS.find((m) => m.api === key);
      if (member === undefined) this.unmapped.push({ path: [...path, key], index, value });
      else body.push(...this.member(member, value, [...path, key], index));
    });
    return { kind: "block", type: "stage", labels: [], body };
  }

  store(store: unknown, path: JsonPath, region: string | undefined): HclOut {
    const body = isObject(store) ? this.members(store, STORE_MEMBERS, path) : [];
    if (region !== undefined)
      body.push({ kind: "attribute", name: "region", value: { kind: "literal", value: region } });
    return { kind: "block", type: "artifact_store", labels: [], body };
  }

  pipeline(pipeline: Record<string, unknown>, tags: unknown): HclOut[] {
    const body: HclOut[] = [];
    const path: JsonPath = ["pipeline"];
    orderedEntries(pipeline).forEach(([key, value], index) => {
      if (key === "version") return;
      if (key === "artifactStore") body.push(this.store(value, [...path, key], undefined));
      else if (key === "artifactStores" && isObject(value) && Object.keys(value).length > 0)
        orderedEntries(value).forEach(([region, s]) =>
          body.push(this.store(s, [...path, key, region], region)),
        );
      else if (key === "stages" && Array.isArray(value) && value.length > 0)
        value.forEach((s, i) => body.push(this.stage(s, [...path, key, i])));
      else {
        const member = PIPELINE_MEMBERS.find((m) => m.api === key);
        if (member === undefined) this.unmapped.push({ path: [...path, key], index, value });
        else body.push(...this.member(member, value, [...path, key], index));
      }
    });
    if (Array.isArray(tags)) {
      const entries: Array<[string, HclValue]> = [];
      tags.forEach((tag, i) => {
        const obj = isObject(tag) ? tag : {};
        orderedEntries(obj).forEach(([k, v], j) => {
          if (k !== "key" && k !== "value") this.unmapped.push({ path: ["tags", i, k], index: j, value: v });
        });
        entries.push([
          typeof obj["key"] === "string" ? obj["key"] : "",
          this.scalar(obj["value"], ["tags", i, "value"]),
        ]);
      });
      body.push({ kind: "attribute", name: "tags", value: { kind: "object", entries } });
    }
    return body;
  }
}

/** `Fn::Sub` text made by the parameter planner, as an HCL template string. */
function subToTemplate(sub: string): string {
  let out = '"';
  const pattern = /\$\{(!?)([^}]*)\}/g;
  let last = 0;
  for (const match of sub.matchAll(pattern)) {
    out += escapeTemplateText(sub.slice(last, match.index));
    out += match[1] === "!" ? `$\${${match[2]}}` : `\${var.${variableName(match[2] ?? "")}}`;
    last = (match.index ?? 0) + match[0].length;
  }
  return `${out}${escapeTemplateText(sub.slice(last))}"`;
}

function escapeTemplateText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/\n/g, "\\n")
    .replace(/([$%])\{/g, "$1$1{");
}

function variableBlock(p: TemplateParameter): HclOut {
  const body: HclOut[] = [
    { kind: "attribute", name: "type", value: { kind: "expression", source: "string" } },
    { kind: "attribute", name: "description", value: { kind: "literal", value: p.description } },
  ];
  if (p.default !== undefined)
    body.push({ kind: "attribute", name: "default", value: { kind: "literal", value: p.default } });
  // "Setting a variable as sensitive prevents Terraform from showing its value in the plan or apply output."
  if (p.secret) body.push({ kind: "attribute", name: "sensitive", value: { kind: "literal", value: true } });
  return { kind: "block", type: "variable", labels: [variableName(p.name)], body };
}

/** A resource label from the pipeline's name ("must start with a letter or underscore"). */
export function resourceLabel(name: unknown): string {
  const clean = typeof name === "string" ? name.replace(/[^A-Za-z0-9_-]/g, "_") : "";
  return /^[A-Za-z_]/.test(clean) ? clean : `pipeline_${clean}`.replace(/_$/, "") || "pipeline";
}

/** The resource's items: unmapped-member comments, then the block. */
export function resourceItems(label: string, body: HclOut[], unmapped: readonly UnmappedMember[]): HclOut[] {
  return [
    ...unmapped.map((u): HclOut => ({
      kind: "comment",
      text: `${UNMAPPED_COMMENT}${JSON.stringify({ path: u.path, index: u.index, value: u.value })}`,
    })),
    { kind: "block", type: "resource", labels: [TERRAFORM_RESOURCE_TYPE, label], body },
  ];
}

/** Builds the Terraform for a pipeline; with `source`, the file it was imported from, updated. */
export function buildTerraform(
  pipeline: Record<string, unknown>,
  tags: unknown,
  options: { parameterize: boolean; source?: TerraformSource },
): BuiltTerraform {
  const plan = planParameters(pipeline, options.parameterize);
  const writer = new Writer();
  const body = writer.pipeline(plan.pipeline, tags);
  const variables = plan.parameters.map(variableBlock);
  const base = { parameters: plan.parameters, unmapped: writer.unmapped, foreign: writer.foreign };
  if (options.source !== undefined) {
    const text = spliceTerraform(options.source, body, writer.unmapped, variables);
    if (text !== undefined) return { text, ...base };
  }
  const items = [...variables, ...resourceItems(resourceLabel(pipeline["name"]), body, writer.unmapped)];
  return { text: writeHclFile(items), ...base };
}
