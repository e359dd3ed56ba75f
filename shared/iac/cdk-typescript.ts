/**
 * A CDK (TypeScript) stack holding the pipeline as an L1 `CfnPipeline`, written from the same
 * CloudFormation template as the YAML and JSON exports, so it synthesizes to the same resource:
 * the L1 props are the resource properties with camelCase names, parameters are `CfnParameter`s,
 * intrinsic functions are `cdk.Intrinsic` tokens, and the logical id is kept.
 * https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_codepipeline.CfnPipeline.html
 */
import { orderedEntries } from "./template-keys";
import { isDeployTimeValue } from "./deploy-time-values";
import type { TemplateParameter } from "./parameters";
import { PIPELINE_RESOURCE_TYPE } from "./cfn-schema";

const INDENT = "  ";
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

function variable(parameter: string): string {
  const name = camel(parameter.replace(/[^A-Za-z0-9]/g, ""));
  return IDENTIFIER.test(name) ? `${name}Param` : `param${name}`;
}

interface Context {
  parameters: ReadonlyMap<string, string>;
  /** Parameters read as values (others are referenced only inside `Fn::Sub` text). */
  used: Set<string>;
}

/**
 * A value as TypeScript. `camelKeys`: the value is a CloudFormation property structure (keys become
 * the L1 props' camelCase names); inside `Configuration`, `Metadata` and intrinsic functions the
 * keys are data and stay as they are.
 */
function expression(
  value: unknown,
  indent: string,
  camelKeys: boolean,
  ctx: Context,
  numeric = false,
): string {
  if (isDeployTimeValue(value)) {
    const ref = value["Ref"];
    if (typeof ref === "string" && ctx.parameters.has(ref)) {
      ctx.used.add(ref);
      return `${ctx.parameters.get(ref) ?? ""}.${numeric ? "valueAsNumber" : "valueAsString"}`;
    }
    const token = `new cdk.Intrinsic(${plain(value, indent)})`;
    return numeric ? `cdk.Token.asNumber(${token})` : `cdk.Token.asString(${token})`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const inner = indent + INDENT;
    return `[\n${value.map((v) => `${inner}${expression(v, inner, camelKeys, ctx)},`).join("\n")}\n${indent}]`;
  }
  if (isObject(value)) {
    const entries = orderedEntries(value);
    if (entries.length === 0) return "{}";
    const inner = indent + INDENT;
    const lines = entries.map(([k, v]) => {
      const key = camelKeys ? camel(k) : k;
      const keepKeys = camelKeys && k !== "Configuration";
      const isNumber = camelKeys && (k === "RunOrder" || k === "TimeoutInMinutes");
      return `${inner}${propertyKey(key)}: ${expression(v, inner, keepKeys, ctx, isNumber)},`;
    });
    return `{\n${lines.join("\n")}\n${indent}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/** A JSON value as a TypeScript literal, keys and nested intrinsic functions as they are. */
function plain(value: unknown, indent: string): string {
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    return value.length === 0
      ? "[]"
      : `[\n${value.map((v) => `${inner}${plain(v, inner)},`).join("\n")}\n${indent}]`;
  }
  if (isObject(value)) {
    const entries = orderedEntries(value);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, v]) => `${inner}${propertyKey(k)}: ${plain(v, inner)},`).join("\n")}\n${indent}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const PARAMETER_PROPS: Readonly<Record<string, string>> = {
  Type: "type",
  Default: "default",
  Description: "description",
  NoEcho: "noEcho",
  AllowedValues: "allowedValues",
  AllowedPattern: "allowedPattern",
  ConstraintDescription: "constraintDescription",
  MaxLength: "maxLength",
  MinLength: "minLength",
  MaxValue: "maxValue",
  MinValue: "minValue",
};

function className(template: Record<string, unknown>): string {
  const resources = isObject(template["Resources"]) ? template["Resources"] : {};
  const pipeline = Object.values(resources).find((r) => isObject(r) && r["Type"] === PIPELINE_RESOURCE_TYPE);
  const props = isObject(pipeline) && isObject(pipeline["Properties"]) ? pipeline["Properties"] : {};
  const name = typeof props["Name"] === "string" ? props["Name"] : "";
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const base = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  return `${/^[A-Za-z]/.test(base) ? base : `Pipeline${base}`}Stack`.replace(
    /PipelineStackStack$/,
    "PipelineStack",
  );
}

/**
 * The stack's TypeScript source for `template` (as buildCfnTemplate made it): every template
 * parameter as a `CfnParameter`, and each pipeline resource as a `CfnPipeline` with its logical id.
 */
export function renderCdkStack(
  template: Record<string, unknown>,
  _parameters: readonly TemplateParameter[],
): string {
  const declared = isObject(template["Parameters"]) ? template["Parameters"] : {};
  const parameters = new Map(Object.keys(declared).map((name) => [name, variable(name)]));
  const ctx: Context = { parameters, used: new Set() };
  const body: string[] = [];
  const indent = INDENT.repeat(2);
  const resources = isObject(template["Resources"]) ? template["Resources"] : {};
  for (const [id, resource] of Object.entries(resources)) {
    if (!isObject(resource) || resource["Type"] !== PIPELINE_RESOURCE_TYPE) continue;
    const constant = camel(id.replace(/[^A-Za-z0-9]/g, "")) || "pipeline";
    const props = expression(resource["Properties"] ?? {}, indent, true, ctx);
    if (body.length > 0) body.push("");
    body.push(
      `${indent}const ${constant} = new codepipeline.CfnPipeline(this, ${JSON.stringify(id)}, ${props});`,
    );
    // The same logical id as the CloudFormation export, so the stack can take over that resource.
    body.push(`${indent}${constant}.overrideLogicalId(${JSON.stringify(id)});`);
    if (isObject(resource["Metadata"])) {
      body.push(`${indent}${constant}.cfnOptions.metadata = ${plain(resource["Metadata"], indent)};`);
    }
  }
  const declarations = Object.entries(declared).map(([name, declaration]) => {
    const props = Object.entries(isObject(declaration) ? declaration : {})
      .filter(([k]) => k in PARAMETER_PROPS)
      .map(([k, v]) => [PARAMETER_PROPS[k] ?? k, v] as const);
    const created = `new cdk.CfnParameter(this, ${JSON.stringify(name)}, ${plain(Object.fromEntries(props), indent)});`;
    return ctx.used.has(name)
      ? `${indent}const ${parameters.get(name) ?? name} = ${created}`
      : `${indent}${created}`;
  });
  if (declarations.length > 0) body.unshift(...declarations, "");
  return [
    "// CDK stack exported by Pipewright: the pipeline as an L1 CfnPipeline (aws-cdk-lib v2).",
    "// Add it to your app, e.g. in bin/app.ts: new " +
      className(template) +
      '(app, "' +
      className(template) +
      '");',
    'import * as cdk from "aws-cdk-lib/core";',
    'import * as codepipeline from "aws-cdk-lib/aws-codepipeline";',
    'import type { Construct } from "constructs";',
    "",
    `export class ${className(template)} extends cdk.Stack {`,
    `${INDENT}constructor(scope: Construct, id: string, props?: cdk.StackProps) {`,
    `${INDENT}${INDENT}super(scope, id, props);`,
    "",
    ...body,
    `${INDENT}}`,
    "}",
    "",
  ].join("\n");
}
