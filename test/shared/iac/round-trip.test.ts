/**
 * Export → import gives the identical canonical pipeline JSON (the create-pipeline input the JSON
 * export writes) for every fixture pipeline, in CloudFormation YAML, JSON and Terraform. Two things
 * differ by design and are checked apart: `version` (the IaC tool owns the version counter) and
 * secret configuration values, which come back as references to their NoEcho parameter / sensitive
 * variable, since a secret never lands in a template.
 */
import { describe, expect, it } from "vitest";
import { isSecretKey } from "../../../shared/diff/secret-values";
import { exportPipeline } from "../../../shared/formats";
import { exportIac, importIac, isDeployTimeValue, type ExportFormat } from "../../../shared/iac";
import { variableName } from "../../../shared/iac/terraform-schema";
import { PIPELINE_FIXTURES } from "./fixture-set";

const FORMATS: ExportFormat[] = ["cfn-yaml", "cfn-json", "terraform"];

/** The create-pipeline input as JSON, without `version`, secret values replaced by a marker. */
function canonical(text: string): { json: unknown; secrets: unknown[] } {
  const secrets: unknown[] = [];
  const value = JSON.parse(text, function (this: Record<string, unknown>, key, member: unknown) {
    if (key === "version" && typeof member === "number" && "stages" in this) return undefined;
    if (isSecretKey(key) && (typeof member === "string" || isDeployTimeValue(member))) {
      secrets.push(member);
      return "(secret)";
    }
    return member;
  }) as unknown;
  return { json: value, secrets };
}

describe("IaC round trip over every fixture pipeline", () => {
  it("has the fixture set to iterate", () => {
    expect(PIPELINE_FIXTURES.length).toBeGreaterThanOrEqual(20);
  });

  for (const fixture of PIPELINE_FIXTURES) {
    for (const format of FORMATS) {
      it(`${fixture.name} through ${format}`, () => {
        const options = { format, pipelineType: fixture.pipelineType };
        const want = exportPipeline(fixture.document, options).text;
        expect(want).toBeDefined();
        const exported = exportIac(fixture.document, options);
        expect(exported.diagnostics).toEqual([]);
        const back = importIac(exported.text ?? "", {
          fileName: format === "terraform" ? "main.tf" : "template",
        });
        expect(back.diagnostics).toEqual([]);
        const got = exportPipeline(back.document!, options).text ?? "";
        const before = canonical(want ?? "");
        const after = canonical(got);
        expect(after.json).toEqual(before.json);
        // Same text, member order included, once version and secrets are set aside.
        expect(JSON.stringify(after.json, null, 2)).toBe(JSON.stringify(before.json, null, 2));
        // Each secret became a reference to a parameter declared secret.
        const secretNames = exported.parameters.filter((p) => p.secret).map((p) => p.name);
        expect(after.secrets).toHaveLength(before.secrets.length);
        for (const secret of after.secrets) {
          expect(isDeployTimeValue(secret)).toBe(true);
          const ref =
            format === "terraform"
              ? (secret as Record<string, string>)["Terraform::Expression"]
              : (secret as Record<string, string>)["Ref"];
          const names = secretNames.map((name) =>
            format === "terraform" ? `var.${variableName(name)}` : name,
          );
          expect(names).toContain(ref);
        }
      });
    }
  }
});
