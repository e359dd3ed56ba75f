/** Profile listing from temporary shared files; no AWS call is made. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionFromFlags, defaultRegion, ENV_PROFILE, listProfiles } from "../../../main/aws";
import { readSharedFiles } from "../../../main/aws/ini-files";

let dir: string;
let env: NodeJS.ProcessEnv;

const CONFIG = `# the user's config
[default]
region = us-east-1
output = json

[profile static-dev]
region = eu-west-1

[profile sso-admin]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = AdministratorAccess
region = eu-central-1

[profile legacy-sso]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
sso_account_id = 444455556666
sso_role_name = ReadOnly

[profile deployer]
role_arn = arn:aws:iam::777788889999:role/deployer
source_profile = static-dev
region = ap-southeast-2

[profile from-ec2]
role_arn = arn:aws:iam::777788889999:role/ec2
credential_source = Ec2InstanceMetadata

[profile vault]
credential_process = /usr/local/bin/vault-creds --account prod
; a comment with secret-looking text aws_secret_access_key = nope

[profile ci]
role_arn = arn:aws:iam::777788889999:role/ci
web_identity_token_file = /var/run/token

[profile tuned]
region = us-west-2
s3 =
  max_concurrent_requests = 20

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[services local]
codepipeline =
  endpoint_url = http://127.0.0.1:4566
`;

const CREDENTIALS = `[default]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

[static-dev]
aws_access_key_id = AKIAI44QH8DHBEXAMPLE
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY

[only-in-credentials]
aws_access_key_id = AKIAJ44QH8DHBEXAMPLE
aws_secret_access_key = secret
region = sa-east-1
`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "pipewright-profiles-"));
  await writeFile(join(dir, "config"), CONFIG);
  await writeFile(join(dir, "credentials"), CREDENTIALS);
  env = {
    AWS_CONFIG_FILE: join(dir, "config"),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
    HOME: dir,
  };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("listProfiles", () => {
  it("classifies every kind of profile from both files, default first", async () => {
    const list = await listProfiles(env);
    expect(list.notes).toEqual([]);
    expect(list.defaultProfile).toBe("default");
    expect(list.profiles.map((p) => [p.name, p.kind, p.region ?? null])).toEqual([
      ["default", "static", "us-east-1"],
      ["ci", "web-identity", null],
      ["deployer", "assume-role", "ap-southeast-2"],
      ["from-ec2", "assume-role", null],
      ["legacy-sso", "sso", null],
      ["only-in-credentials", "static", "sa-east-1"],
      ["sso-admin", "sso", "eu-central-1"],
      ["static-dev", "static", "eu-west-1"],
      ["tuned", "config-only", "us-west-2"],
      ["vault", "process", null],
    ]);
    const byName = new Map(list.profiles.map((p) => [p.name, p]));
    expect(byName.get("deployer")).toMatchObject({
      roleArn: "arn:aws:iam::777788889999:role/deployer",
      sourceProfile: "static-dev",
      sources: ["config"],
    });
    expect(byName.get("from-ec2")).toMatchObject({ credentialSource: "Ec2InstanceMetadata" });
    expect(byName.get("sso-admin")).toMatchObject({
      ssoSession: "corp",
      ssoAccountId: "111122223333",
      ssoRoleName: "AdministratorAccess",
    });
    expect(byName.get("legacy-sso")).toMatchObject({ ssoStartUrl: "https://corp.awsapps.com/start" });
    expect(byName.get("static-dev")?.sources).toEqual(["config", "credentials"]);
  });

  it("never lets a secret out", async () => {
    const text = JSON.stringify(await listProfiles(env));
    expect(text).not.toMatch(/AKIA|wJalr|je7Mt|"secret"|vault-creds/);
  });

  it("adds the environment credentials as a pseudo-profile and honours AWS_PROFILE", async () => {
    const list = await listProfiles({
      ...env,
      AWS_ACCESS_KEY_ID: "AKIAENV",
      AWS_SECRET_ACCESS_KEY: "x",
      AWS_REGION: "eu-north-1",
      AWS_PROFILE: "vault",
    });
    expect(list.profiles[0]).toEqual({
      name: ENV_PROFILE,
      kind: "env",
      sources: ["environment"],
      region: "eu-north-1",
    });
    expect(list.defaultProfile).toBe("vault");
    expect(list.environmentRegion).toBe("eu-north-1");
  });

  it("reports an sso-session the config does not define", async () => {
    const config = join(dir, "config-broken");
    await writeFile(config, "[profile lost]\nsso_session = gone\nsso_account_id = 1\n");
    const list = await listProfiles({ ...env, AWS_CONFIG_FILE: config });
    expect(list.notes).toEqual([
      "Profile lost names an sso-session that the config file does not define: gone",
    ]);
  });

  it("treats missing files as no profiles", async () => {
    const list = await listProfiles({
      AWS_CONFIG_FILE: join(dir, "none"),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "none2"),
    });
    expect(list.profiles).toEqual([]);
    expect(list.notes).toEqual([]);
    expect(list.defaultProfile).toBeUndefined();
  });

  it("reports an unreadable file (a folder where the file should be)", async () => {
    const list = await listProfiles({ ...env, AWS_CONFIG_FILE: dir });
    expect(list.notes).toEqual([`Could not read the AWS file (EISDIR): ${dir}`]);
    expect(list.profiles.map((p) => p.name)).toContain("static-dev");
  });
});

describe("the shared files, read by the SDK's loader", () => {
  it("folds indented sub-properties under their parent and skips comments", async () => {
    const files = await readSharedFiles(env);
    expect(files.configProfiles.get("tuned")?.["s3.max_concurrent_requests"]).toBe("20");
    expect(files.services.get("local")?.["codepipeline.endpoint_url"]).toBe("http://127.0.0.1:4566");
    expect(Object.keys(files.configProfiles.get("vault") ?? {})).toEqual(["credential_process"]);
    expect([...files.ssoSessions.keys()]).toEqual(["corp"]);
  });

  it("lets a __proto__ section or key pollute nothing", async () => {
    const config = join(dir, "config-proto");
    await writeFile(config, "[__proto__]\n__proto__ = x\n[profile ok]\nregion = eu-west-1\n");
    const files = await readSharedFiles({ ...env, AWS_CONFIG_FILE: config });
    // The SDK refuses a file with a __proto__ profile as a whole (it reads as empty).
    expect(files.configProfiles.size).toBe(0);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe("regions and connections from flags", () => {
  it("takes the region from the flag, the environment, then the profile", async () => {
    expect(await defaultRegion("deployer", env)).toBe("ap-southeast-2");
    expect(await defaultRegion(undefined, env)).toBe("us-east-1");
    expect(await defaultRegion("deployer", { ...env, AWS_DEFAULT_REGION: "ca-central-1" })).toBe(
      "ca-central-1",
    );
    expect(await defaultRegion("vault", env)).toBeUndefined();
    expect(await connectionFromFlags({ profile: "deployer", region: "us-west-1" }, env)).toEqual({
      ok: true,
      value: { kind: "aws", profile: "deployer", region: "us-west-1" },
    });
    expect(await connectionFromFlags({}, { ...env, AWS_PROFILE: "sso-admin" })).toEqual({
      ok: true,
      value: { kind: "aws", profile: "sso-admin", region: "eu-central-1" },
    });
  });

  it("refuses a missing region and a bad sandbox URL", async () => {
    expect(await connectionFromFlags({ profile: "vault" }, env)).toMatchObject({
      ok: false,
      error: { code: "region-missing" },
    });
    expect(
      await connectionFromFlags({ sandbox: "http://127.0.0.1:1", profile: "deployer" }, env),
    ).toMatchObject({
      ok: false,
      error: {
        code: "validation",
        message: "--sandbox and --profile exclude each other: --profile deployer",
      },
    });
    expect(await connectionFromFlags({ sandbox: "not a url" }, env)).toMatchObject({
      ok: false,
      error: { code: "validation" },
    });
    expect(await connectionFromFlags({ sandbox: "http://127.0.0.1:4000/" }, env)).toEqual({
      ok: true,
      value: { kind: "sandbox", endpoint: "http://127.0.0.1:4000" },
    });
  });
});
