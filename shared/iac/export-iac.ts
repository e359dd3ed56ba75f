/**
 * Export to infrastructure as code: CloudFormation YAML or JSON, Terraform HCL, a CDK TypeScript
 * stack. Every format starts from the create-pipeline input that the JSON export writes (so V1/V2
 * refusal and the explicit drop of V2 features are the same), then translates it.
 */
import { stringifyCanonical } from "../formats/canonical-json";
import { exportPipeline, type ExportResult } from "../formats/export-pipeline";
import { parseDocument } from "../formats/parse-document";
import { documentRoot } from "../pipeline/document";
import type { JsonPath, PipelineDeclaration, PipelineDocument, PipelineType } from "../pipeline/model";
import type { Diagnostic } from "../validate/diagnostic";
import type { V2Feature } from "../validate/v2-features";
import { renderCdkStack } from "./cdk-typescript";
import { buildCfnTemplate, type CfnBase, type CfnSource } from "./cfn-template";
import { parseJsonTemplate, stringifyJsonTemplate } from "./cfn-json";
import { parseYamlTemplate, stringifyYamlTemplate } from "./cfn-yaml";
import { iacSourceOf } from "./iac-source";
import { importIac } from "./import-iac";
import { patchTemplateText } from "./template-patch";
import { deployTimeValuesOf } from "./deploy-time-validation";
import { describeDeployTimeValue, deployTimeTool } from "./deploy-time-values";
import type { TemplateParameter } from "./parameters";
import { buildTerraform } from "./terraform-export";
import type { TerraformSource } from "./terraform-source";
import { formatMemberPath, type UnmappedMember } from "./unmapped";

/** The formats of `pipewright export --format`. */
export const EXPORT_FORMATS = ["json", "cfn-yaml", "cfn-json", "terraform", "cdk-ts"] as const;
/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How to export. */
export interface IacExportOptions {
  format: ExportFormat;
  /**
   * The type to export as. Absent: the document's own; a document without one (a template that
   * leaves PipelineType to its default) is written without it, as it was.
   */
  pipelineType?: PipelineType;
  /** For V1: delete V2-only features instead of refusing. */
  dropUnsupported?: boolean;
  /** Make account-specific values template parameters with the current values as defaults. */
  parameterize?: boolean;
}

/** The export, or why there is none. */
export interface IacExportResult {
  text?: string;
  /** Why the export was refused; paths from the document root. */
  diagnostics: Diagnostic[];
  /** V2-only features deleted for a V1 export with `dropUnsupported`. */
  dropped: V2Feature[];
  /** What the user must know: members the format cannot deploy, parameters to give at deploy time. */
  notes: string[];
  parameters: TemplateParameter[];
  /** Paths (from the create-pipeline root) of the members carried outside the format's schema. */
  unmapped: JsonPath[];
}

const NAMES: Record<ExportFormat, string> = {
  json: "create-pipeline JSON",
  "cfn-yaml": "CloudFormation",
  "cfn-json": "CloudFormation",
  terraform: "Terraform",
  "cdk-ts": "CloudFormation",
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The create-pipeline input of `doc`, as the JSON export writes it. Without a type, the document's
 * own; a document without `pipelineType` keeps none (checked as V2, which refuses nothing).
 */
function createInput(
  doc: PipelineDocument,
  type: PipelineType | undefined,
  dropUnsupported: boolean,
): ExportResult {
  const own = doc.pipeline.pipelineType;
  const resolved = type ?? (own === "V1" || own === "V2" ? own : undefined);
  const result = exportPipeline(doc, { pipelineType: resolved ?? "V2", dropUnsupported });
  if (resolved !== undefined || result.text === undefined) return result;
  const input = parseDocument(result.text).document;
  if (input === undefined) return result;
  const pipeline = Object.fromEntries(
    Object.entries(input.pipeline).filter(([key]) => key !== "pipelineType"),
  ) as PipelineDeclaration;
  return { ...result, text: `${stringifyCanonical(documentRoot({ ...input, pipeline }))}\n` };
}

function fromRoot(doc: PipelineDocument, path: JsonPath): JsonPath {
  return doc.shape === "bare" && path[0] === "pipeline" ? path.slice(1) : path;
}

/** Exports `doc` in `options.format`. Never throws. */
export function exportIac(doc: PipelineDocument, options: IacExportOptions): IacExportResult {
  const base = createInput(doc, options.pipelineType, options.dropUnsupported === true);
  const empty = { dropped: base.dropped, notes: [], parameters: [], unmapped: [] };
  if (base.text === undefined) return { diagnostics: base.diagnostics, ...empty };
  const input = parseDocument(base.text).document;
  if (input === undefined)
    return { diagnostics: [internal("the create-pipeline input does not parse")], ...empty };
  const pipeline = input.pipeline as unknown as Record<string, unknown>;
  const tags = input.envelope["tags"];
  const target = NAMES[options.format];

  // A value only another tool resolves cannot be written here.
  const refusals = deployTimeValuesOf(pipeline)
    .filter((v) => options.format === "json" || deployTimeTool(v.value) !== target)
    .map((v) =>
      foreignValue(
        doc,
        ["pipeline", ...v.path],
        describeDeployTimeValue(v.value),
        deployTimeTool(v.value),
        options.format,
      ),
    );
  if (refusals.length > 0) return { diagnostics: refusals, ...empty };
  if (options.format === "json") return { text: base.text, diagnostics: [], ...empty };

  const source = iacSourceOf(doc);
  const parameterize = options.parameterize === true;
  if (options.format === "terraform") {
    const tfSource = source?.format === "terraform" ? source : undefined;
    if (tfSource && !parameterize && unchanged(tfSource, base.text, options.pipelineType))
      return { text: tfSource.text, diagnostics: [], ...empty };
    const built = buildTerraform(pipeline, tags, { parameterize, ...(tfSource ? { source: tfSource } : {}) });
    return {
      text: built.text,
      diagnostics: built.foreign.map((path) => foreignValue(doc, path, "", "CloudFormation", "terraform")),
      dropped: base.dropped,
      notes: notes(pipeline, built.unmapped, "Terraform", "a # pipewright comment above the resource"),
      parameters: built.parameters,
      unmapped: built.unmapped.map((u) => u.path),
    };
  }
  const cfnSource = source?.format === "cloudformation" ? source : undefined;
  const syntax = options.format === "cfn-json" ? "json" : "yaml";
  if (
    cfnSource &&
    options.format !== "cdk-ts" &&
    cfnSource.syntax === syntax &&
    !parameterize &&
    unchanged(cfnSource, base.text, options.pipelineType)
  )
    return { text: cfnSource.text, diagnostics: [], ...empty };
  const baseTemplate = cfnSource ? templateOf(cfnSource) : undefined;
  const built = buildCfnTemplate(pipeline, tags, {
    parameterize,
    ...(baseTemplate ? { source: baseTemplate } : {}),
  });
  const patched =
    cfnSource && baseTemplate && cfnSource.syntax === syntax && options.format !== "cdk-ts"
      ? patchCfn(cfnSource, baseTemplate, built.template, options.pipelineType, parameterize)
      : undefined;
  const text =
    patched ??
    (options.format === "cfn-yaml"
      ? stringifyYamlTemplate(built.template)
      : options.format === "cfn-json"
        ? stringifyJsonTemplate(built.template)
        : renderCdkStack(built.template, built.parameters));
  return {
    text,
    diagnostics: [],
    dropped: base.dropped,
    notes: notes(pipeline, built.unmapped, "CloudFormation", "the resource's Metadata (Pipewright.Unmapped)"),
    parameters: built.parameters,
    unmapped: built.unmapped.map((u) => u.path),
  };
}

/**
 * The source text with the edits in place. The comparison is between two templates built the
 * same way (from the pipeline as the source holds it, and as it is now), so only edits show up,
 * never differences of spelling (`Version: 1` read as a number, flow or block style).
 */
function patchCfn(
  source: CfnSource,
  base: CfnBase,
  after: Record<string, unknown>,
  pipelineType: PipelineType | undefined,
  parameterize: boolean,
): string | undefined {
  const again = importIac(source.text, { resource: source.resource });
  if (again.document === undefined) return undefined;
  const exported = createInput(again.document, pipelineType, false).text;
  const input = exported === undefined ? undefined : parseDocument(exported).document;
  if (input === undefined) return undefined;
  const before = buildCfnTemplate(input.pipeline as unknown as Record<string, unknown>, input.envelope["tags"], {
    parameterize,
    source: base,
  });
  return patchTemplateText(source.text, source.syntax, before.template, after, source.resource);
}

/** The source template's value, when it still parses and has the resource. */
function templateOf(source: CfnSource): CfnBase | undefined {
  const parsed = source.syntax === "json" ? parseJsonTemplate(source.text) : parseYamlTemplate(source.text);
  if (
    !isObject(parsed.value) ||
    !isObject(parsed.value["Resources"]) ||
    !(source.resource in parsed.value["Resources"])
  )
    return undefined;
  return { template: parsed.value, resource: source.resource };
}

/**
 * True when the pipeline is what the source template holds (exported the same way): the template
 * is then written back exactly as it was, comments and all.
 */
function unchanged(
  source: CfnSource | TerraformSource,
  exported: string,
  pipelineType: PipelineType | undefined,
): boolean {
  const again = importIac(source.text, {
    resource: source.resource,
    ...(source.format === "terraform" ? { fileName: "source.tf" } : {}),
  });
  if (again.document === undefined) return false;
  const before = createInput(again.document, pipelineType, false);
  return before.text === exported;
}

function notes(
  pipeline: Record<string, unknown>,
  unmapped: readonly UnmappedMember[],
  tool: string,
  where: string,
): string[] {
  const out = unmapped.map(
    (m) =>
      `${formatMemberPath(m.path)}: ${tool} has no place for this member, so it is not deployed; it is kept in ${where} so that importing restores it`,
  );
  if (pipeline["version"] !== undefined)
    out.push(`pipeline.version: left out; ${tool} keeps the pipeline's version itself`);
  return out;
}

function foreignValue(
  doc: PipelineDocument,
  path: JsonPath,
  text: string,
  tool: string,
  format: ExportFormat,
): Diagnostic {
  const message =
    format === "json"
      ? `A create-pipeline file needs the value itself; this one is resolved by ${tool} at deploy time, so export the pipeline as a ${tool} template instead: ${text}`
      : `${NAMES[format]} cannot resolve a value that ${tool} resolves; replace it or export to ${tool}: ${text}`;
  return { code: "deploy-time-value-not-exportable", severity: "error", path: fromRoot(doc, path), message };
}

function internal(what: string): Diagnostic {
  return { code: "internal-error", severity: "error", path: [], message: `Internal error: ${what}` };
}
