/**
 * Values a template resolves when it is deployed: CloudFormation intrinsic functions (`!Ref
 * ArtifactBucket`, `!GetAtt Role.Arn`, `!Sub …`) and Terraform expressions (`var.bucket`,
 * `aws_iam_role.pipeline.arn`). An imported pipeline keeps each one exactly as the template had it,
 * in the place of the value, so it is shown as what it is, never reported as a wrong value, and
 * written back unchanged on export.
 *
 * In the document a CloudFormation value is its JSON long form, a one-member object (`{"Ref":
 * "ArtifactBucket"}`), which is what a JSON template holds; a Terraform value is
 * `{"Terraform::Expression": "var.bucket"}` with the expression's source text.
 */
import type { JsonPath } from "../pipeline/model";
import { pipelineNameText } from "../pipeline/names";

/** The member that marks a Terraform expression kept as its source text. */
export const TERRAFORM_EXPRESSION = "Terraform::Expression";

/** Which tool resolves a deploy-time value. */
export type DeployTimeTool = "CloudFormation" | "Terraform";

/** A CloudFormation intrinsic function or a Terraform expression in the place of a value. */
export type DeployTimeValue = Readonly<Record<string, unknown>>;

/** A deploy-time value found in a pipeline, with its path from the pipeline object. */
export interface DeployTimeValueAt {
  path: JsonPath;
  value: DeployTimeValue;
}

function soleKey(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 ? keys[0] : undefined;
}

/**
 * True for a CloudFormation intrinsic function in JSON form (`Ref`, `Condition` or an `Fn::`
 * function, the only one member of its object) or a Terraform expression marker.
 *
 * "Intrinsic functions can be used only in specific parts of a template … in resource properties,
 * outputs, metadata attributes, and update policy attributes."
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference.html
 */
export function isDeployTimeValue(value: unknown): value is DeployTimeValue {
  const key = soleKey(value);
  if (key === undefined) return false;
  if (key === TERRAFORM_EXPRESSION) return typeof (value as DeployTimeValue)[key] === "string";
  return key === "Ref" || key === "Condition" || key.startsWith("Fn::");
}

/** The tool that resolves `value`. */
export function deployTimeTool(value: DeployTimeValue): DeployTimeTool {
  return soleKey(value) === TERRAFORM_EXPRESSION ? "Terraform" : "CloudFormation";
}

/** A Terraform expression marker for `source`. */
export function terraformExpression(source: string): DeployTimeValue {
  return { [TERRAFORM_EXPRESSION]: source };
}

/** The source text of a Terraform expression marker, or undefined for anything else. */
export function terraformSource(value: unknown): string | undefined {
  if (soleKey(value) !== TERRAFORM_EXPRESSION) return undefined;
  const source = (value as DeployTimeValue)[TERRAFORM_EXPRESSION];
  return typeof source === "string" ? source : undefined;
}

const SHORT_FORM_SCALAR = new Set([
  "Ref",
  "Condition",
  "Fn::Base64",
  "Fn::GetAZs",
  "Fn::ImportValue",
  "Fn::Sub",
]);

/**
 * How the value reads in its own language: `!Ref ArtifactBucket`, `!GetAtt Role.Arn`,
 * `!Sub "${AWS::StackName}-pipeline"`, `var.bucket`. Nested functions are written inline in the
 * YAML short form with flow collections, so the text fits one line of the designer.
 */
export function describeDeployTimeValue(value: unknown): string {
  const source = terraformSource(value);
  if (source !== undefined) return source;
  return describeCfn(value);
}

function describeCfn(value: unknown): string {
  const key = soleKey(value);
  if (key === undefined || !isDeployTimeValue(value)) return describeJson(value);
  const argument = value[key];
  const tag = key === "Ref" || key === "Condition" ? key : key.slice("Fn::".length);
  if (key === "Fn::GetAtt" && Array.isArray(argument) && argument.every((a) => typeof a === "string")) {
    return `!GetAtt ${argument.join(".")}`;
  }
  if (SHORT_FORM_SCALAR.has(key) && typeof argument === "string") {
    return `!${tag} ${/^[A-Za-z0-9:._-]+$/.test(argument) ? argument : JSON.stringify(argument)}`;
  }
  return `!${tag} ${describeJson(argument)}`;
}

function describeJson(value: unknown): string {
  if (isDeployTimeValue(value)) return describeCfn(value);
  if (Array.isArray(value)) return `[${value.map(describeJson).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${describeJson(v)}`)
      .join(", ")}}`;
  }
  if (typeof value === "string" && /^[A-Za-z0-9:._/-]+$/.test(value)) return value;
  return JSON.stringify(value) ?? "null";
}

/**
 * Every deploy-time value of a pipeline, in document order. A value is not searched inside (the
 * arguments of `!If` are the template's business), so each path names the whole value.
 */
export function listDeployTimeValues(pipeline: unknown): DeployTimeValueAt[] {
  const found: DeployTimeValueAt[] = [];
  walk(pipeline, [], found);
  return found;
}

function walk(value: unknown, path: Array<string | number>, found: DeployTimeValueAt[]): void {
  if (typeof value !== "object" || value === null) return;
  if (isDeployTimeValue(value)) {
    found.push({ path: [...path], value });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((element, index) => {
      path.push(index);
      walk(element, path, found);
      path.pop();
    });
    return;
  }
  for (const [key, member] of Object.entries(value)) {
    path.push(key);
    walk(member, path, found);
    path.pop();
  }
}

/** True when `path` is `prefix` or lies inside it. */
export function isWithin(path: JsonPath, prefix: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/**
 * A pipeline's name for titles and file names: the reference a template resolves it from
 * (`!Sub ${AWS::StackName}-web`), else its text as {@link pipelineNameText} gives it.
 */
export function pipelineNameLabel(pipeline: { readonly name?: unknown }): string {
  return isDeployTimeValue(pipeline.name) ? describeDeployTimeValue(pipeline.name) : pipelineNameText(pipeline);
}
