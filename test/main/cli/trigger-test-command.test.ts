import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runPipewright } from "./run-cli";

const MONOREPO = join(REPO_ROOT, "test/fixtures/aws/v2-trigger-filters.json");

describe("pipewright trigger-test", () => {
  it("prints the firing trigger as JSON", async () => {
    const run = await runPipewright([
      "trigger-test",
      MONOREPO,
      "--branch",
      "feature/login",
      "--files",
      "projectA/README.md,projectA/src/app.ts",
      "--format",
      "json",
    ]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      fires: true,
      sourceActionName: "ApplicationSource",
      reason:
        'Trigger of "ApplicationSource" fires: push filter 1: branch "feature/login" included by "feature/**", file "projectA/src/app.ts" included by "projectA/**"',
    });
  });

  it("says which exclude decided when nothing fires, exit 0", async () => {
    const run = await runPipewright(["trigger-test", MONOREPO, "--tag", "release-v2"]);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("No trigger fires\n");
    expect(run.stdout).toContain('tag "release-v2" excluded by "release-v2" (excludes win over includes)');
  });

  it("judges a pull request against its destination branch and event", async () => {
    const run = await runPipewright([
      "trigger-test",
      MONOREPO,
      "--event",
      "pull-request",
      "--pr-event",
      "CLOSED",
      "--branch",
      "release/1",
      "--source-branch",
      "topic",
      "--files",
      "common/lib/a.js",
      "--format",
      "json",
    ]);
    expect(JSON.parse(run.stdout)).toMatchObject({ fires: true, sourceActionName: "ApplicationSource" });
  });

  it.each([
    [["--files", "a"], "give the branch (--branch B) or the tag (--tag T)"],
    [["--branch", "a", "--tag", "b"], "give --branch or --tag, not both"],
    [["--branch", "a", "--event", "merge"], "--event must be push or pull-request: merge"],
    [
      ["--branch", "a", "--event", "pull-request", "--pr-event", "MERGED"],
      "--pr-event must be OPEN, UPDATED or CLOSED: MERGED",
    ],
    [["--tag", "v1", "--event", "pull-request"], "a pull request has branches, not tags"],
    [
      ["--branch", "a", "--pr-event", "OPEN"],
      "--pr-event and --source-branch apply to --event pull-request only",
    ],
    [["--branch", "a", "--format", "xml"], "--format must be text or json: xml"],
  ])("exits 2 on %j", async (args, message) => {
    const run = await runPipewright(["trigger-test", MONOREPO, ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it("exits 1 when the file is not a pipeline", async () => {
    const run = await runPipewright(["trigger-test", join(REPO_ROOT, "nope.json"), "--branch", "main"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Cannot read the file (ENOENT)");
  });
});
