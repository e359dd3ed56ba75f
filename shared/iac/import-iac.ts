/**
 * Import from infrastructure as code: a CloudFormation template (YAML with short-form intrinsics,
 * or JSON) or a Terraform file with `aws_codepipeline` resources, read into a create-pipeline input
 * document. With several pipeline resources the caller names one (or is given the choices). The
 * document remembers its source (`iacSource`), so exporting to the same tool writes the template
 * back with only the pipeline changed.
 */
import { stringifyCanonical } from "../formats/canonical-json";
import { objectFromEntries } from "./template-keys";
import { parseDocument } from "../formats/parse-document";
import { LineIndex } from "../formats/source-position";
import type { JsonPath, PipelineDocument } from "../pipeline/model";
import type { Diagnostic } from "../validate/diagnostic";
import { parseJsonTemplate } from "./cfn-json";
import { importCfnResource, listCfnPipelines, type CfnSource } from "./cfn-template";
import { parseYamlTemplate, type ParsedYaml } from "./cfn-yaml";
import { IAC_SOURCE_MEMBER } from "./iac-source";
import { HclSyntaxError, parseHcl, type HclBlock, type HclItem } from "./hcl-parse";
import { commentsAbove, pipelineBlocks, type TerraformSource } from "./terraform-source";
import { terraformToPipeline } from "./terraform-import";
import { UNMAPPED_COMMENT } from "./terraform-export";
import type { UnmappedMember } from "./unmapped";

/** The template formats import reads. */
export type TemplateFormat = "cfn-yaml" | "cfn-json" | "terraform";

/** A pipeline resource the user can choose. */
export interface ResourceChoice {
  /** The logical id (CloudFormation) or `aws_codepipeline.<name>` (Terraform). */
  id: string;
  /** The pipeline's name when the template states it literally. */
  name?: string;
  line?: number;
}

/** The outcome of an import. */
export interface IacImportResult {
  format?: TemplateFormat;
  document?: PipelineDocument;
  /** Every pipeline resource of the template (several: the caller picks one with `resource`). */
  choices: ResourceChoice[];
  /** The resource imported. */
  resource?: string;
  /** Errors (then there is no document), each located where the template has a line. */
  diagnostics: Diagnostic[];
}

function fail(code: string, message: string, line?: number, choices: ResourceChoice[] = []): IacImportResult {
  const diagnostic: Diagnostic = { code, severity: "error", path: [], message };
  if (line !== undefined) diagnostic.location = { line, column: 1 };
  return { diagnostics: [diagnostic], choices };
}

/**
 * What a file is, by its name and then by its content: `terraform` for `.tf` files or HCL
 * `resource "…"` blocks, `cfn-json` for a JSON object with `Resources` or
 * `AWSTemplateFormatVersion`, `cfn-yaml` for such a YAML mapping, `pipeline` for a Pipewright or
 * AWS CLI pipeline file, undefined when it is none of these.
 */
export function detectFormat(text: string, fileName = ""): TemplateFormat | "pipeline" | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".tf") || lower.endsWith(".hcl")) return "terraform";
  const trimmed = text.replace(/^\uFEFF/, "").trimStart();
  if (
    /^(resource|variable|provider|terraform|locals|module|data|output)\s+("|[A-Za-z_{])/m.test(trimmed) &&
    !trimmed.startsWith("{")
  )
    return "terraform";
  if (trimmed.startsWith("{")) {
    try {
      const value = JSON.parse(trimmed) as unknown;
      if (typeof value !== "object" || value === null) return undefined;
      if ("Resources" in value || "AWSTemplateFormatVersion" in value) return "cfn-json";
      if ("pipeline" in value || "stages" in value) return "pipeline";
    } catch {
      return lower.endsWith(".json") ? "pipeline" : undefined;
    }
    return undefined;
  }
  if (
    /^(AWSTemplateFormatVersion|Resources|Transform|Parameters|Description|Conditions|Mappings|Metadata|Outputs|Rules)\s*:/m.test(
      trimmed,
    )
  )
    return "cfn-yaml";
  return undefined;
}

/** Imports one pipeline resource of a template. Never throws. */
export function importIac(
  text: string,
  options: { fileName?: string; resource?: string } = {},
): IacImportResult {
  const body = text.replace(/^\uFEFF/, "");
  const format = detectFormat(body, options.fileName);
  if (format === undefined || format === "pipeline") {
    return fail(
      "not-a-template",
      format === "pipeline"
        ? "This is a pipeline file, not a template; open it directly"
        : "Not a CloudFormation template (YAML or JSON with a Resources section) or a Terraform file with aws_codepipeline resources",
    );
  }
  const result =
    format === "terraform"
      ? importTerraform(body, options.resource)
      : importCfn(body, format, options.resource);
  return { ...result, format };
}

function importCfn(
  text: string,
  format: "cfn-yaml" | "cfn-json",
  resource: string | undefined,
): IacImportResult {
  const parsed: ParsedYaml = format === "cfn-json" ? parseJsonTemplate(text) : parseYamlTemplate(text);
  const first = parsed.problems[0];
  if (first) return fail("template-syntax", `line ${first.line}: ${first.message}`, first.line);
  const template = parsed.value;
  if (
    typeof template !== "object" ||
    template === null ||
    Array.isArray(template) ||
    !("Resources" in template)
  )
    return fail("not-a-template", "Not a CloudFormation template: there is no Resources section");
  const record = template as Record<string, unknown>;
  const choices = listCfnPipelines(record).map((c): ResourceChoice => {
    const line = parsed.lineOf(["Resources", c.id]);
    return { ...c, ...(line === undefined ? {} : { line }) };
  });
  const picked = pick(choices, resource, "logical id");
  if ("error" in picked) return picked.error;
  const converted = importCfnResource(record, picked.id);
  const locate = (path: JsonPath): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const line = parsed.lineOf(path.slice(0, n));
      if (line !== undefined) return line;
    }
    return undefined;
  };
  const diagnostics = converted.problems.map((p): Diagnostic => {
    const line = locate(p.path);
    const d: Diagnostic = {
      code: "template-unsupported",
      severity: "error",
      path: [],
      message: `${line === undefined ? "" : `line ${line}: `}resource ${picked.id}: ${p.message}`,
    };
    if (line !== undefined) d.location = { line, column: 1 };
    return d;
  });
  if (diagnostics.length > 0) return { diagnostics, choices, resource: picked.id };
  const source: CfnSource = {
    format: "cloudformation",
    syntax: format === "cfn-json" ? "json" : "yaml",
    resource: picked.id,
    text,
  };
  return finish(converted.pipeline, converted.tags, source, choices, picked.id, picked.line);
}

function pick(
  choices: ResourceChoice[],
  resource: string | undefined,
  what: string,
): ResourceChoice | { error: IacImportResult } {
  const list = choices.map((c) => `${c.id}${c.line === undefined ? "" : ` (line ${c.line})`}`).join(", ");
  if (choices.length === 0)
    return {
      error: fail(
        "no-pipeline-resource",
        "The template has no pipeline resource (AWS::CodePipeline::Pipeline or aws_codepipeline)",
      ),
    };
  if (resource !== undefined) {
    const found = choices.find((c) => c.id === resource || c.id === `aws_codepipeline.${resource}`);
    return (
      found ?? {
        error: fail(
          "unknown-resource",
          `No pipeline resource with this ${what}; the template has ${list}: ${resource}`,
          undefined,
          choices,
        ),
      }
    );
  }
  const only = choices[0];
  if (choices.length === 1 && only) return only;
  return {
    error: fail(
      "several-pipelines",
      `The template has ${choices.length} pipelines; choose one: ${list}`,
      undefined,
      choices,
    ),
  };
}

function importTerraform(text: string, resource: string | undefined): IacImportResult {
  const lines = new LineIndex(text);
  let items: HclItem[];
  try {
    items = parseHcl(text);
  } catch (error) {
    const offset = error instanceof HclSyntaxError ? error.offset : 0;
    const line = lines.locate(offset).line;
    return fail(
      "template-syntax",
      `line ${line}: ${error instanceof Error ? error.message : String(error)}`,
      line,
    );
  }
  const blocks = pipelineBlocks(items);
  const choices = blocks.map((b): ResourceChoice => {
    const name = b.body.find((i) => i.kind === "attribute" && i.name === "name");
    const literal =
      name?.kind === "attribute" && name.value.kind === "literal" ? name.value.value : undefined;
    return {
      id: `aws_codepipeline.${b.labels[1] ?? ""}`,
      line: lines.locate(b.start).line,
      ...(typeof literal === "string" ? { name: literal } : {}),
    };
  });
  const picked = pick(choices, resource, "name");
  if ("error" in picked) return picked.error;
  const block = blocks[choices.indexOf(picked)] as HclBlock;
  const unmapped: UnmappedMember[] = [];
  for (const comment of commentsAbove(items, block, UNMAPPED_COMMENT)) {
    try {
      const member = JSON.parse(
        comment.kind === "comment" ? comment.text.slice(UNMAPPED_COMMENT.length) : "",
      ) as Record<string, unknown>;
      if (Array.isArray(member["path"]) && typeof member["index"] === "number")
        unmapped.push({ path: member["path"] as JsonPath, index: member["index"], value: member["value"] });
    } catch {
      const line = lines.locate(comment.start).line;
      return fail("template-syntax", `line ${line}: a # pipewright:unmapped comment is not valid JSON`, line);
    }
  }
  const converted = terraformToPipeline(block, unmapped);
  const diagnostics = converted.problems.map((p): Diagnostic => {
    const line = lines.locate(p.offset).line;
    return {
      code: "template-unsupported",
      severity: "error",
      path: [],
      message: `line ${line}: resource ${picked.id}: ${p.message}`,
      location: { line, column: 1 },
    };
  });
  if (diagnostics.length > 0) return { diagnostics, choices, resource: picked.id };
  const source: TerraformSource = { format: "terraform", resource: picked.id, text };
  return finish(converted.pipeline, converted.tags, source, choices, picked.id, picked.line);
}

function finish(
  pipeline: Record<string, unknown>,
  tags: Array<Record<string, unknown>> | undefined,
  source: CfnSource | TerraformSource,
  choices: ResourceChoice[],
  resource: string,
  line: number | undefined,
): IacImportResult {
  const entries: Array<[string, unknown]> = [["pipeline", pipeline]];
  if (tags !== undefined) entries.push(["tags", tags]);
  entries.push([IAC_SOURCE_MEMBER, source]);
  const parsed = parseDocument(`${stringifyCanonical(objectFromEntries(entries))}\n`);
  if (parsed.document === undefined) {
    const where = line === undefined ? "" : `line ${line}: `;
    return {
      diagnostics: parsed.diagnostics
        .filter((d) => d.severity === "error")
        .map((d) => ({
          ...d,
          message: `${where}resource ${resource}: ${d.message}`,
          ...(line === undefined ? {} : { location: { line, column: 1 } }),
        })),
      choices,
      resource,
    };
  }
  return { document: parsed.document, diagnostics: [], choices, resource };
}
