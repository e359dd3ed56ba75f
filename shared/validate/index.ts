/**
 * The one rule engine: every check of a pipeline (model constraints, the service's structural
 * rules, catalog rules and lint) runs here and reports `Diagnostic`s. Used by the canvas, the
 * problems panel, the CLI, the deploy gate and the sandbox. Never throws.
 */
import { applyDeployTimeValues } from "../iac/deploy-time-validation";
import type { JsonPath, PipelineDocument } from "../pipeline/model";
import type { Diagnostic } from "./diagnostic";
import { isRecord, kindOf, member } from "./json-value";
import { indexPipeline } from "./pipeline-index";
import type { RuleContext, RuleInfo } from "./rule";
import { PIPELINE_RULE_GROUPS, RULES } from "./rules";
import { WRONG_TYPE } from "./service-constraints";
import { validateTags } from "./tags";
import type { ValidationCache } from "./validation-cache";

export type { Diagnostic, Severity, SourceLocation } from "./diagnostic";
export type { RuleInfo } from "./rule";
export { RULES } from "./rules";
export { findV2OnlyFeatures, type V2Feature } from "./v2-features";
export { createValidationCache, type ValidationCache } from "./validation-cache";

/** How to validate. */
export interface ValidateOptions {
  /**
   * Findings remembered from earlier validations of versions of the same document, so only what
   * changed is checked again; the result is the same as without it. Pass one only when no object
   * is ever changed in place (immutable documents, as the editor keeps them).
   */
  readonly cache?: ValidationCache;
  /**
   * The Region the pipeline is (or will be) in: the connection's Region in the app, `--region` or
   * AWS_REGION in the CLI, the request's Region in the sandbox. Without it, cross-Region checks
   * infer the Region from the document where they can (and say so in an info finding).
   */
  readonly pipelineRegion?: string;
}

/**
 * Checks a pipeline declaration given as untrusted JSON. Paths are relative to the pipeline object.
 * Findings come grouped by topic (model constraints first). Never throws, whatever `pipeline` is.
 */
export function validatePipeline(pipeline: unknown, options: ValidateOptions = {}): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  if (!isRecord(pipeline)) {
    diagnostics.push({
      code: WRONG_TYPE.code,
      severity: WRONG_TYPE.severity,
      path: [],
      message: `A pipeline must be a JSON object with name, roleArn, artifactStore and stages; found: ${kindOf(pipeline)}`,
    });
    return diagnostics;
  }
  const context: RuleContext = {
    index: indexPipeline(pipeline),
    report(rule, path, message) {
      diagnostics.push({ code: rule.code, severity: rule.severity, path, message });
    },
    ...(options.cache === undefined ? {} : { cache: options.cache }),
    ...(options.pipelineRegion === undefined ? {} : { pipelineRegion: options.pipelineRegion }),
  };
  for (const group of PIPELINE_RULE_GROUPS) group.check(context);
  return diagnostics;
}

/**
 * Checks a whole document: the pipeline and, for create-pipeline input, its tags. Paths are from
 * the file root (`["pipeline", "stages", 0, …]`), except for a bare pipeline file, whose root is
 * the pipeline.
 */
export function validateDocument(doc: PipelineDocument, options: ValidateOptions = {}): Diagnostic[] {
  const source: unknown = doc;
  if (!isRecord(source)) return validatePipeline(undefined);
  const bare = member(source, "shape") === "bare";
  const prefix: JsonPath = bare ? [] : ["pipeline"];
  const pipeline = member(source, "pipeline");
  const diagnostics = validatePipeline(pipeline, options).map((d) =>
    bare ? d : { ...d, path: [...prefix, ...d.path] },
  );
  // A pipeline imported from a template may hold values only the template's tool resolves.
  const withPipeline = applyDeployTimeValues(pipeline, prefix, diagnostics);
  if (bare) return withPipeline;
  const envelope = member(source, "envelope");
  return applyDeployTimeValues({ tags: member(envelope, "tags") }, [], withPipeline.concat(validateTags(envelope)));
}

/** True when any finding is an error (warnings and info never block export or deploy). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

const RULE_BY_CODE = new Map(RULES.map((rule) => [rule.code, rule]));

/** The rule behind a code (severity and summary), for the problems panel and `--help`. */
export function ruleFor(code: string): RuleInfo | undefined {
  return RULE_BY_CODE.get(code);
}
