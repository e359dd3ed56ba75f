/**
 * The Terraform export checked by HashiCorp's own code, compiled to WebAssembly and published on
 * npm by the CDK for Terraform team: @cdktf/hcl2json (the HCL parser) reads every export, and an
 * independent mapping from its JSON back to a pipeline gives the same pipeline; @cdktf/hcl-tools
 * (hclwrite's Format, which `terraform fmt` uses) leaves every export unchanged.
 */
import { format } from "@cdktf/hcl-tools";
import { parse } from "@cdktf/hcl2json";
import { describe, expect, it } from "vitest";
import { isSecretKey } from "../../../shared/diff/secret-values";
import { exportPipeline } from "../../../shared/formats";
import { exportIac, importIac } from "../../../shared/iac";
import { updateDocumentPipeline } from "../../../shared/pipeline/document";
import type { JsonPath } from "../../../shared/pipeline/model";
import { PIPELINE_FIXTURES } from "./fixture-set";

type Json = Record<string, unknown>;
const one = (blocks: unknown): Json | undefined => (Array.isArray(blocks) ? (blocks[0] as Json) : undefined);
const many = (blocks: unknown): Json[] => (Array.isArray(blocks) ? (blocks as Json[]) : []);

/** hcl2json's view of a resource, mapped to API member names without Pipewright's code. */
function fromHcl2Json(resource: Json): Json {
  const out: Json = {};
  const set = (key: string, value: unknown): void => {
    if (value !== undefined) out[key] = value;
  };
  set("name", resource["name"]);
  set("roleArn", resource["role_arn"]);
  set("executionMode", resource["execution_mode"]);
  set("pipelineType", resource["pipeline_type"]);
  const stores = many(resource["artifact_store"]);
  if (stores.some((s) => s["region"] !== undefined))
    out["artifactStores"] = Object.fromEntries(stores.map((s) => [s["region"], store(s)]));
  else if (stores[0]) out["artifactStore"] = store(stores[0]);
  out["stages"] = many(resource["stage"]).map((stage) => {
    const s: Json = { name: stage["name"], actions: many(stage["action"]).map(action) };
    const entry = one(stage["before_entry"]);
    if (entry) s["beforeEntry"] = { conditions: many(entry["condition"]).map(condition) };
    const success = one(stage["on_success"]);
    if (success) s["onSuccess"] = { conditions: many(success["condition"]).map(condition) };
    const failure = one(stage["on_failure"]);
    if (failure) {
      const f: Json = {};
      if (failure["result"] !== undefined) f["result"] = failure["result"];
      const retry = one(failure["retry_configuration"]);
      if (retry)
        f["retryConfiguration"] = retry["retry_mode"] === undefined ? {} : { retryMode: retry["retry_mode"] };
      if (failure["condition"] !== undefined) f["conditions"] = many(failure["condition"]).map(condition);
      s["onFailure"] = f;
    }
    return s;
  });
  if (resource["variable"] !== undefined)
    out["variables"] = many(resource["variable"]).map((v) =>
      rename(v, { name: "name", default_value: "defaultValue", description: "description" }),
    );
  if (resource["trigger"] !== undefined)
    out["triggers"] = many(resource["trigger"]).map((t) => {
      const git = one(t["git_configuration"]) ?? {};
      const g: Json = { sourceActionName: git["source_action_name"] };
      if (git["push"] !== undefined)
        g["push"] = many(git["push"]).map((p) => filters(p, ["tags", "branches", "file_paths"]));
      if (git["pull_request"] !== undefined)
        g["pullRequest"] = many(git["pull_request"]).map((p) => ({
          ...(p["events"] ? { events: p["events"] } : {}),
          ...filters(p, ["branches", "file_paths"]),
        }));
      return { providerType: t["provider_type"], gitConfiguration: g };
    });
  return out;
}

function rename(obj: Json, names: Record<string, string>): Json {
  return Object.fromEntries(
    Object.entries(names)
      .filter(([tf]) => obj[tf] !== undefined)
      .map(([tf, api]) => [api, obj[tf]]),
  );
}
function store(s: Json): Json {
  const out = rename(s, { type: "type", location: "location" });
  const key = one(s["encryption_key"]);
  if (key) out["encryptionKey"] = rename(key, { id: "id", type: "type" });
  return out;
}
function filters(obj: Json, keys: string[]): Json {
  return Object.fromEntries(
    keys
      .filter((k) => obj[k] !== undefined)
      .map((k) => [
        k === "file_paths" ? "filePaths" : k,
        rename(one(obj[k]) ?? {}, { includes: "includes", excludes: "excludes" }),
      ]),
  );
}
const names = (list: unknown): unknown => (Array.isArray(list) ? list.map((name) => ({ name })) : undefined);
function action(a: Json): Json {
  const out = rename(a, {
    name: "name",
    run_order: "runOrder",
    configuration: "configuration",
    commands: "commands",
    output_variables: "outputVariables",
    role_arn: "roleArn",
    region: "region",
    namespace: "namespace",
    timeout_in_minutes: "timeoutInMinutes",
  });
  out["actionTypeId"] = rename(a, {
    category: "category",
    owner: "owner",
    provider: "provider",
    version: "version",
  });
  if (a["input_artifacts"] !== undefined) out["inputArtifacts"] = names(a["input_artifacts"]);
  if (a["output_artifacts"] !== undefined) out["outputArtifacts"] = names(a["output_artifacts"]);
  return out;
}
function condition(c: Json): Json {
  const out: Json = rename(c, { result: "result" });
  if (c["rule"] !== undefined)
    out["rules"] = many(c["rule"]).map((r) => {
      const rule = rename(r, {
        name: "name",
        configuration: "configuration",
        commands: "commands",
        role_arn: "roleArn",
        region: "region",
        timeout_in_minutes: "timeoutInMinutes",
      });
      rule["ruleTypeId"] = rename(one(r["rule_type_id"]) ?? {}, {
        category: "category",
        owner: "owner",
        provider: "provider",
        version: "version",
      });
      if (r["input_artifacts"] !== undefined) rule["inputArtifacts"] = names(r["input_artifacts"]);
      return rule;
    });
  return out;
}

/** The expected pipeline: version and the members carried outside the schema removed, secrets marked. */
function expected(text: string, unmapped: readonly JsonPath[]): Json {
  const root = JSON.parse(text) as Json;
  for (const path of unmapped) {
    let parent: unknown = root;
    for (const segment of path.slice(0, -1))
      parent = (parent as Record<string | number, unknown> | undefined)?.[segment];
    if (parent && typeof parent === "object")
      delete (parent as Record<string | number, unknown>)[path[path.length - 1]!];
  }
  const pipeline = root["pipeline"] as Json;
  delete pipeline["version"];
  return JSON.parse(JSON.stringify(pipeline), (key, value: unknown) =>
    isSecretKey(key) ? "(secret)" : value,
  ) as Json;
}

describe("Terraform export, read by HashiCorp's HCL parser and formatter", () => {
  for (const fixture of PIPELINE_FIXTURES) {
    it(`${fixture.name}`, async () => {
      const options = { format: "terraform" as const, pipelineType: fixture.pipelineType };
      for (const parameterize of [false, true]) {
        const out = exportIac(fixture.document, { ...options, parameterize });
        const text = out.text ?? "";
        expect(await format(text)).toBe(text);
        const json = (await parse("main.tf", text)) as {
          resource: { aws_codepipeline: Record<string, Json[]> };
        };
        const resources = Object.values(json.resource.aws_codepipeline);
        expect(resources).toHaveLength(1);
        if (parameterize) continue;
        // hcl2json writes Terraform's JSON syntax, where strings are templates too: a literal
        // "${" stays escaped as "$${" (and "%{" as "%%{").
        const got = JSON.parse(JSON.stringify(fromHcl2Json(resources[0]![0]!)), (key, value: unknown) =>
          isSecretKey(key)
            ? "(secret)"
            : typeof value === "string"
              ? value.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{")
              : value,
        ) as Json;
        const want = expected(
          exportPipeline(fixture.document, { pipelineType: fixture.pipelineType }).text ?? "",
          out.unmapped,
        );
        expect(got).toEqual(want);
      }
    });
  }

  it("escapes template sequences, quotes, backslashes and line breaks so both parsers read the value back", async () => {
    const fixture = PIPELINE_FIXTURES.find((f) => f.name.endsWith("s3-codedeploy.json"))!;
    const tricky = 'echo "${HOME}" %{ if x } \\ done\nnext line\ttab';
    const document = updateDocumentPipeline(fixture.document, (p) => {
      const copy = structuredClone(p);
      copy.stages[0]!.actions[0]!.configuration!["S3ObjectKey"] = tricky;
      return copy;
    });
    const text = exportIac(document, { format: "terraform", pipelineType: "V2" }).text ?? "";
    expect(await format(text)).toBe(text);
    const json = (await parse("main.tf", text)) as { resource: { aws_codepipeline: Record<string, Json[]> } };
    const resource = Object.values(json.resource.aws_codepipeline)[0]![0]!;
    const action = (resource["stage"] as Json[])[0]!["action"] as Json[];
    const value = (action[0]!["configuration"] as Record<string, string>)["S3ObjectKey"]!;
    expect(value.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{")).toBe(tricky);
    const back = importIac(text, { fileName: "main.tf" }).document!;
    expect(back.pipeline.stages[0]!.actions[0]!.configuration!["S3ObjectKey"]).toBe(tricky);
  });
});
