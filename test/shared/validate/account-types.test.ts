import { describe, expect, it } from "vitest";
import { accountOnlyTypes, findActionTypeWith, specFromListing } from "../../../shared/catalog/account-types";
import { createValidationCache, validatePipeline } from "../../../shared/validate";
import { ACCOUNT_TYPES, JENKINS_LISTING } from "./rule-cases/account-types";
import { actionOf } from "./rule-cases/case";
import { validPipeline } from "./sample-pipelines";

/** The sample pipeline with its Build action of the account's custom type. */
function withCustomBuild(configuration: Record<string, string>, inputs = 1) {
  const pipeline = validPipeline();
  const action = actionOf(pipeline, 1, 0);
  action["actionTypeId"] = { ...JENKINS_LISTING.id };
  action["configuration"] = configuration;
  action["inputArtifacts"] = Array.from({ length: inputs }, () => ({ name: "SourceOutput" }));
  return pipeline;
}

const codes = (found: { code: string; severity: string }[]) =>
  found.filter((d) => d.severity !== "info").map((d) => d.code);

describe("action types of the connected account", () => {
  it("turn ListActionTypes entries into catalog entries: properties as fields, artifact details as bounds", () => {
    const spec = specFromListing(JENKINS_LISTING);
    expect(spec).toMatchObject({
      category: "Build",
      owner: "Custom",
      provider: "MyJenkinsProviderName",
      version: "1",
      fromAccount: true,
      inputArtifacts: { min: 0, max: 5 },
      outputArtifacts: { min: 0, max: 5 },
      configuration: [
        { key: "ProjectName", required: true, queryable: true },
        { key: "Token", required: false, secret: true },
      ],
    });
    expect(spec?.configuration[0]?.description).toBe(
      "The Jenkins job. Job workers poll by it: up to 20 letters, digits, _ or -.",
    );
    expect(spec?.configuration[1]?.description).toMatch(/Secret: AWS shows it masked/);
    expect(
      specFromListing({ ...JENKINS_LISTING, id: { ...JENKINS_LISTING.id, owner: "Nobody" } }),
    ).toBeUndefined();
  });

  it("keep only the types the catalog lacks, so built-in types keep their richer entries", () => {
    const codeBuild = {
      ...JENKINS_LISTING,
      id: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
    };
    expect(accountOnlyTypes([codeBuild, JENKINS_LISTING]).map((s) => s.provider)).toEqual([
      "MyJenkinsProviderName",
    ]);
    expect(findActionTypeWith(codeBuild.id, ACCOUNT_TYPES)?.fromAccount).toBeUndefined();
    expect(findActionTypeWith(JENKINS_LISTING.id, ACCOUNT_TYPES)?.provider).toBe("MyJenkinsProviderName");
    expect(findActionTypeWith(JENKINS_LISTING.id, undefined)).toBeUndefined();
    expect(findActionTypeWith("nonsense", ACCOUNT_TYPES)).toBeUndefined();
  });

  it("check actions of those types by their declared properties instead of calling them unknown", () => {
    const options = { accountActionTypes: ACCOUNT_TYPES };
    expect(codes(validatePipeline(withCustomBuild({ ProjectName: "web" })))).toEqual(["unknown-action-type"]);
    expect(codes(validatePipeline(withCustomBuild({ ProjectName: "web" }), options))).toEqual([]);
    const missing = validatePipeline(withCustomBuild({ Token: "****" }), options);
    expect(missing.filter((d) => d.severity === "error")).toEqual([
      expect.objectContaining({
        code: "missing-required-configuration",
        path: ["stages", 1, "actions", 0, "configuration"],
        message: expect.stringContaining("ProjectName") as unknown,
      }),
    ]);
    const tooMany = validatePipeline(withCustomBuild({ ProjectName: "web" }, 6), options);
    expect(codes(tooMany)).toContain("input-artifact-count");
  });

  it("never leave stale findings in the editor's cache when the account's types come or go", () => {
    const cache = createValidationCache();
    const pipeline = withCustomBuild({});
    expect(codes(validatePipeline(pipeline, { cache }))).toEqual(["unknown-action-type"]);
    expect(codes(validatePipeline(pipeline, { cache, accountActionTypes: ACCOUNT_TYPES }))).toEqual([
      "missing-required-configuration",
    ]);
    expect(codes(validatePipeline(pipeline, { cache }))).toEqual(["unknown-action-type"]);
  });
});
