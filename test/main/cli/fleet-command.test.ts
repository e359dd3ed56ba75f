/**
 * `pipewright fleet` as a user runs it: profiles of an AWS config file reach one sandbox through
 * `endpoint_url` (two accounts, two regions), a third profile's SSO session was never logged in.
 */
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Gateway } from "../../../main/aws";
import { RunsService } from "../../../main/aws/runs-service";
import { startSandbox, type Sandbox } from "../../../main/sandbox";
import {
  deployFleet,
  EXPIRED_SSO_PROFILE,
  useAwsEnv,
  writeProfiles,
  type ProfileFiles,
} from "../fleet/fleet-fixture";
import { BIN, REPO_ROOT, runProcess } from "./run-cli";

// One sandbox, several accounts × regions: the access key id (12 digits) is the account, the
// region is the one the request is signed for.
let sandbox: Sandbox;
let files: ProfileFiles;
let restoreEnv: () => void;
let gateway: Gateway;

const fleet = (args: string[]) =>
  runProcess(process.execPath, [BIN, "fleet", ...args], REPO_ROOT, {
    PATH: process.env.PATH ?? "",
    ...files.env,
  });

beforeAll(async () => {
  sandbox = await startSandbox({ speed: 2000, log: () => {} });
  files = await writeProfiles(
    [
      { name: "prod", region: "eu-west-1", endpoint: sandbox.endpoint, accessKeyId: "111111111111" },
      { name: "dev", region: "us-west-2", endpoint: sandbox.endpoint, accessKeyId: "222222222222" },
    ],
    EXPIRED_SSO_PROFILE,
  );
  restoreEnv = useAwsEnv(files.env);
  gateway = new Gateway({ maxAttempts: 1 });
  await deployFleet(
    gateway,
    files,
    new Map([
      ["prod", sandbox],
      ["dev", sandbox],
    ]),
    [
      { profile: "prod", name: "api", fate: "succeed" },
      { profile: "prod", name: "web", fate: "fail" },
      { profile: "prod", name: "gate", fate: "approval" },
      { profile: "dev", name: "tool", fate: "succeed" },
      { profile: "dev", name: "broken", fate: "fail" },
    ],
  );
}, 60_000);

afterAll(async () => {
  gateway.dispose();
  restoreEnv();
  await sandbox.close();
  await files.remove();
});

interface Row {
  profile: string;
  account: string | null;
  region: string;
  name: string;
  latestStatus: string | null;
  pendingApprovals: number;
  stagesDone: number | null;
  stagesTotal: number | null;
}

describe("pipewright fleet", () => {
  it("lists every pipeline of every profile, failed first, then waiting for approval", async () => {
    const out = await fleet(["--format", "json", "--rate", "20"]);
    // The SSO profile is reported, and the others are listed all the same.
    expect(out.stderr).toContain("pipewright fleet: expired in eu-central-1: ");
    expect(out.stderr).toContain("aws sso login --profile expired");
    expect(out.code).toBe(1);
    const rows = JSON.parse(out.stdout) as Row[];
    const brief = rows.map((r) => [
      r.profile,
      r.account,
      r.region,
      r.name,
      r.latestStatus,
      r.pendingApprovals,
    ]);
    // Within a group the newest run comes first: broken and web were created together, so compare as a set.
    expect(new Set(brief.slice(0, 2).map((r) => r[3]))).toEqual(new Set(["web", "broken"]));
    expect(brief.slice(2, 3)).toEqual([["prod", "111111111111", "eu-west-1", "gate", "InProgress", 1]]);
    expect(new Set(brief.slice(3).map((r) => r[3]))).toEqual(new Set(["api", "tool"]));
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get("broken")).toMatchObject({
      profile: "dev",
      account: "222222222222",
      region: "us-west-2",
      latestStatus: "Failed",
      pendingApprovals: 0,
      // Source done; Build failed; Deploy not reached.
      stagesDone: 1,
      stagesTotal: 3,
    });
    expect(byName.get("gate")).toMatchObject({ stagesDone: 2, stagesTotal: 4 });
    expect(byName.get("tool")).toMatchObject({ latestStatus: "Succeeded", stagesDone: 3, stagesTotal: 3 });
  });

  it("prints a table, for chosen profiles and regions", async () => {
    const out = await fleet(["--profiles", "prod", "--regions", "eu-west-1", "--rate", "20"]);
    expect(out.stderr).toBe("");
    expect(out.code).toBe(0);
    const lines = out.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      /^PROFILE\s+ACCOUNT\s+REGION\s+PIPELINE\s+TYPE\s+MODE\s+STATUS\s+AGE\s+STAGES\s+APPROVALS$/,
    );
    expect(lines.slice(1).map((l) => l.split(/\s+/)[3])).toEqual(["web", "gate", "api"]);
    expect(lines[2]).toMatch(
      /^prod\s+111111111111\s+eu-west-1\s+gate\s+V\d\s+\S+\s+InProgress\s+\d+[smhd]\s+2\/4\s+1$/,
    );
  });

  it("keeps watching and prints again when a run moves on", async () => {
    const child = spawn(
      process.execPath,
      [BIN, "fleet", "--profiles", "prod", "--format", "json", "--watch", "--rate", "20"],
      {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH ?? "", ...files.env },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const arrays: Row[][] = [];
    let answered = false;
    try {
      await new Promise<void>((resolve, reject) => {
        child.once("exit", (code) => reject(new Error(`fleet --watch exited: ${code}`)));
        createInterface({ input: child.stdout }).on("line", (line) => {
          const rows = JSON.parse(line) as Row[];
          arrays.push(rows);
          const gate = rows.find((r) => r.name === "gate");
          if (gate?.latestStatus === "Succeeded") resolve();
          else if (!answered) {
            answered = true;
            // Answered once the first listing is out: the watch must see the run finish.
            void new RunsService(gateway)
              .answerApproval(files.connection("prod"), "gate", "Approve", "Review", "Approved", "ok")
              .then((r) => (r.ok ? undefined : reject(new Error(r.error.message))));
          }
        });
      });
    } finally {
      child.kill();
    }
    expect(arrays[0]?.find((r) => r.name === "gate")).toMatchObject({
      latestStatus: "InProgress",
      pendingApprovals: 1,
    });
    const last = arrays[arrays.length - 1]!;
    expect(last.map((r) => [r.name, r.latestStatus, r.pendingApprovals])).toEqual([
      ["web", "Failed", 0],
      ["gate", "Succeeded", 0],
      ["api", "Succeeded", 0],
    ]);
  });
});
