/**
 * A profile's configured endpoint (`endpoint_url`, a `services` section, the environment,
 * `ignore_configured_endpoint_urls`) reaches the same endpoint from the gateway as from the AWS
 * CLI, per profile, with several profiles in one process.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gateway, listProfiles } from "../../../main/aws";
import { configuredEndpoint } from "../../../main/aws/configured-endpoint";
import { readSharedFiles } from "../../../main/aws/ini-files";
import { startSandbox, type Sandbox } from "../../../main/sandbox";
import { samplePipeline } from "./support/pipelines";

let dir: string;
let a: Sandbox;
let b: Sandbox;
const saved = { ...process.env };
let filesEnv: NodeJS.ProcessEnv;

/** `aws codepipeline list-pipelines --profile P` with the test's files; resolves to the names. */
function cliNames(profile: string, extra: Record<string, string> = {}): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(
      "aws",
      ["codepipeline", "list-pipelines", "--profile", profile, "--output", "json"],
      { env: { PATH: process.env.PATH ?? "", HOME: dir, ...filesEnv, ...extra } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(stderr || error.message));
        else resolve((JSON.parse(stdout) as { pipelines: { name: string }[] }).pipelines.map((p) => p.name));
      },
    );
  });
}

async function gatewayNames(gateway: Gateway, profile: string): Promise<string[]> {
  const listed = await gateway.listPipelines({ kind: "aws", profile, region: "eu-west-1" });
  if (!listed.ok) throw new Error(listed.error.message);
  return listed.value.map((p) => p.name);
}

beforeAll(async () => {
  [a, b] = await Promise.all([startSandbox({ log: () => {} }), startSandbox({ log: () => {} })]);
  dir = await mkdtemp(join(tmpdir(), "pipewright-endpoints-"));
  await writeFile(
    join(dir, "config"),
    [
      "[profile global]",
      `endpoint_url = ${a.endpoint}`,
      "region = eu-west-1",
      "[profile service]",
      "region = eu-west-1",
      "services = local",
      // Unreachable: the service-specific setting must win over the profile's global one.
      "endpoint_url = http://127.0.0.1:9",
      "[services local]",
      "codepipeline =",
      `  endpoint_url = ${b.endpoint}`,
      "[profile lost-services]",
      "services = nowhere",
      "region = eu-west-1",
      "[profile ignored]",
      `endpoint_url = ${a.endpoint}`,
      "ignore_configured_endpoint_urls = true",
      "",
    ].join("\n"),
  );
  await writeFile(
    join(dir, "credentials"),
    ["global", "service", "lost-services", "ignored"]
      .map((p) => `[${p}]\naws_access_key_id = AKIDTEST\naws_secret_access_key = test-secret\n`)
      .join(""),
  );
  filesEnv = {
    AWS_CONFIG_FILE: join(dir, "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
    AWS_EC2_METADATA_DISABLED: "true",
  };
  for (const key of Object.keys(process.env)) if (key.startsWith("AWS_")) delete process.env[key];
  Object.assign(process.env, { HOME: dir, ...filesEnv });
  // Seeded in eu-west-1, the profiles' region: the sandbox keeps each region's pipelines apart, and
  // the AWS CLI's listing below checks independently that each profile reached its own sandbox.
  const seed = new Gateway();
  for (const [profile, name] of [
    ["global", "in-a"],
    ["service", "in-b"],
  ] as const) {
    const created = await seed.createPipeline({ kind: "aws", profile, region: "eu-west-1" }, samplePipeline(name), []);
    expect(created.ok).toBe(true);
  }
  seed.dispose();
});

afterAll(async () => {
  process.env = saved;
  await Promise.all([a.close(), b.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe("configured endpoints, per profile", () => {
  it("sends each profile's calls where the AWS CLI sends them, in one process", async () => {
    const gateway = new Gateway({ maxAttempts: 1 });
    try {
      expect(await gatewayNames(gateway, "global")).toEqual(["in-a"]);
      expect(await gatewayNames(gateway, "service")).toEqual(["in-b"]);
      expect(await cliNames("global")).toEqual(["in-a"]);
      expect(await cliNames("service")).toEqual(["in-b"]);
    } finally {
      gateway.dispose();
    }
  });

  it("lets AWS_ENDPOINT_URL_CODEPIPELINE override the profile, as the CLI does", async () => {
    process.env.AWS_ENDPOINT_URL_CODEPIPELINE = b.endpoint;
    const gateway = new Gateway({ maxAttempts: 1 });
    try {
      expect(await gatewayNames(gateway, "global")).toEqual(["in-b"]);
      expect(await cliNames("global", { AWS_ENDPOINT_URL_CODEPIPELINE: b.endpoint })).toEqual(["in-b"]);
    } finally {
      delete process.env.AWS_ENDPOINT_URL_CODEPIPELINE;
      gateway.dispose();
    }
  });

  it("says which services section is missing, and ignores endpoints when told to", async () => {
    const gateway = new Gateway({ maxAttempts: 1 });
    try {
      const listed = await gateway.listPipelines({
        kind: "aws",
        profile: "lost-services",
        region: "eu-west-1",
      });
      expect(listed).toMatchObject({
        ok: false,
        error: {
          code: "validation",
          message:
            "Profile lost-services names a services section that the config file does not define: nowhere",
        },
      });
    } finally {
      gateway.dispose();
    }
    const files = await readSharedFiles(filesEnv);
    expect(configuredEndpoint(files, "ignored", filesEnv)).toEqual({ kind: "none" });
    expect(
      configuredEndpoint(files, "global", { ...filesEnv, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: "true" }),
    ).toEqual({
      kind: "none",
    });
    expect(configuredEndpoint(files, "global", { ...filesEnv, AWS_ENDPOINT_URL: "http://x:1" })).toEqual({
      kind: "endpoint",
      url: "http://x:1",
      source: "AWS_ENDPOINT_URL",
    });
  });

  it("lists each profile's endpoint, and the missing section as a note", async () => {
    const list = await listProfiles(filesEnv);
    const byName = new Map(list.profiles.map((p) => [p.name, p.endpointUrl]));
    expect(byName.get("global")).toBe(a.endpoint);
    expect(byName.get("service")).toBe(b.endpoint);
    expect(byName.get("ignored")).toBeUndefined();
    expect(list.notes).toEqual([
      "Profile lost-services names a services section that the config file does not define: nowhere",
    ]);
  });
});
