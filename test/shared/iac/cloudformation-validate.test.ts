/**
 * Every CloudFormation export of every fixture pipeline (YAML and JSON, with and without
 * --parameterize) is loaded into a CDK stack with aws-cdk-lib's CfnInclude and synthesized with
 * the `@aws-cdk/core:validateAgainstDefaultRules` feature flag (aws-cdk-lib ≥ 2.262), which runs
 * the "CloudFormation Validate" plugin (the @aws/cloudformation-validate engine: the CloudFormation
 * resource schemas plus AWS's default rules) and treats its findings as errors. CfnInclude itself
 * also checks every property against the L1 types generated from the same schema.
 *
 * All templates go into one App and one synthesis: the validation engine is built once (seconds),
 * and CI runs on two slow cores. A negative control proves the check can fail.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, DefaultStackSynthesizer, Stack, type IStackSynthesizer } from "aws-cdk-lib";
import { CfnInclude } from "aws-cdk-lib/cloudformation-include";
import { afterAll, describe, expect, it } from "vitest";
import { exportIac } from "../../../shared/iac";
import { hasErrors, validateDocument } from "../../../shared/validate";
import { PIPELINE_FIXTURES, withUnmappedMembers } from "./fixture-set";

const work = mkdtempSync(join(tmpdir(), "pipewright-cfn-validate-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Violation {
  ruleName: string;
  description: string;
  severity: string;
  violatingConstructs: Array<{ constructPath: string }>;
}

/** Synthesizes one App holding every template; returns the plugin findings and a synth error. */
function validate(
  templates: ReadonlyArray<{ id: string; file: string }>,
  dir: string,
): { violations: Violation[]; error?: string } {
  const app = new App({ outdir: dir, context: { "@aws-cdk/core:validateAgainstDefaultRules": true } });
  for (const { id, file } of templates) {
    // aws-cdk-lib's types are written without exactOptionalPropertyTypes, which this repo turns on.
    const synthesizer = new DefaultStackSynthesizer({
      generateBootstrapVersionRule: false,
    }) as unknown as IStackSynthesizer;
    const stack = new Stack(app, id, { synthesizer });
    new CfnInclude(stack, "Template", { templateFile: file });
  }
  let error: string | undefined;
  try {
    app.synth();
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const report = JSON.parse(readFileSync(join(dir, "validation-report.json"), "utf8")) as {
    pluginReports: Array<{ pluginName: string; violations: Violation[] }>;
  };
  const violations = report.pluginReports.flatMap((r) => r.violations);
  return error === undefined ? { violations } : { violations, error };
}

describe("CloudFormation exports pass aws-cdk-lib's CloudFormation Validate", () => {
  it("every fixture, YAML and JSON, with and without --parameterize: 0 findings", () => {
    // `pipewright export` writes nothing for a pipeline with validation errors; those fixtures are
    // the published examples AWS itself refuses (real-world/findings), and CloudFormation Validate
    // reports the same mistakes in their templates.
    const exportable = [
      ...PIPELINE_FIXTURES,
      // Members without a property travel in the resource's Metadata, which must pass too.
      { name: "unmapped-members", document: withUnmappedMembers(), pipelineType: "V2" as const },
    ].filter((f) => !hasErrors(validateDocument(f.document)));
    const refused = PIPELINE_FIXTURES.filter((f) => !exportable.some((e) => e.name === f.name)).map(
      (f) => f.name,
    );
    expect(refused.filter((name) => !name.startsWith(join("real-world", "findings")))).toEqual([]);
    expect(exportable.map((f) => f.name)).toContain("unmapped-members");
    const templates: Array<{ id: string; file: string }> = [];
    for (const [i, fixture] of exportable.entries()) {
      for (const format of ["cfn-yaml", "cfn-json"] as const) {
        for (const parameterize of [false, true]) {
          const out = exportIac(fixture.document, {
            format,
            pipelineType: fixture.pipelineType,
            parameterize,
          });
          expect(out.diagnostics, fixture.name).toEqual([]);
          const id = `F${i}${format === "cfn-yaml" ? "Yaml" : "Json"}${parameterize ? "Params" : ""}`;
          const file = join(work, `${id}.${format === "cfn-yaml" ? "yaml" : "json"}`);
          writeFileSync(file, out.text ?? "");
          templates.push({ id, file });
        }
      }
    }
    const result = validate(templates, join(work, "out"));
    expect(result.error).toBeUndefined();
    expect(result.violations).toEqual([]);
    expect(templates.length).toBe(exportable.length * 4);
  }, 300_000);

  it("reports a property the schema does not have (the check can fail)", () => {
    const fixture = PIPELINE_FIXTURES[0]!;
    const text =
      exportIac(fixture.document, { format: "cfn-json", pipelineType: fixture.pipelineType }).text ?? "";
    const template = JSON.parse(text) as { Resources: { Pipeline: { Properties: Record<string, unknown> } } };
    template.Resources.Pipeline.Properties["ArtifactStoreRegion"] = "us-east-1";
    const file = join(work, "broken.json");
    writeFileSync(file, JSON.stringify(template));
    const result = validate([{ id: "Broken", file }], join(work, "broken-out"));
    expect(result.error).toContain("(CloudFormation Validate)");
    expect(result.violations.map((v) => v.ruleName)).toContain("F3002");
  }, 120_000);
});
