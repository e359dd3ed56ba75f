import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ListPipelinesCommand,
  CreatePipelineCommand,
  type PipelineDeclaration,
} from "@aws-sdk/client-codepipeline";
import { afterEach, describe, expect, it } from "vitest";
import { runSandboxCommand } from "../../../main/sandbox/cli-command";
import { TEST_PROVIDER } from "./catalog-fixtures";
import { threeStagePipeline } from "./fixtures";
import { clientFor } from "./harness";
import { rawCall, target } from "./wire";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe("pipewright sandbox", () => {
  it("refuses bad options with exit code 2 and the usage", async () => {
    for (const argv of [
      ["--port", "99999"],
      ["--speed", "0"],
      ["--bogus"],
      ["extra"],
      ["--region", "Mars"],
      ["--max-history", "0"],
      ["--max-history", "ten"],
    ]) {
      const { io, err } = capture();
      expect(await runSandboxCommand(argv, io, Promise.resolve())).toBe(2);
      expect(err.join("")).toContain("Usage: pipewright sandbox");
    }
  });

  it("exits 1 with a message when the scenario file is unusable", async () => {
    const { io, err } = capture();
    expect(await runSandboxCommand(["--scenario", "/nonexistent/scenario.json"], io, Promise.resolve())).toBe(
      1,
    );
    expect(err.join("")).toMatch(/could not start: Cannot read scenario file: \/nonexistent\/scenario\.json/);
  });

  it("serves unsigned requests in --region and offers the --action-types declarations", async () => {
    dir = mkdtempSync(join(tmpdir(), "pipewright-sandbox-cli-"));
    const file = join(dir, "types.json");
    writeFileSync(file, JSON.stringify([{ actionType: TEST_PROVIDER }]));
    const { io, out, err } = capture();
    let stop = (): void => {};
    const until = new Promise<void>((resolve) => (stop = resolve));
    const exit = runSandboxCommand(
      ["--region", "eu-north-1", "--action-types", file, "--max-history", "5"],
      io,
      until,
    );
    const endpoint = await new Promise<string>((resolve) => {
      const poll = (): void => {
        const match = /Sandbox endpoint: (\S+)/.exec(out.join(""));
        if (match?.[1]) resolve(match[1]);
        else setImmediate(poll);
      };
      poll();
    });
    expect(out.join("")).toContain("unsigned requests: eu-north-1");
    await rawCall(
      endpoint,
      target("CreatePipeline"),
      JSON.stringify({ pipeline: threeStagePipeline({ name: "north" }) }),
    );
    const got = await rawCall(endpoint, target("GetPipeline"), JSON.stringify({ name: "north" }));
    expect((got.json.metadata as { pipelineArn: string }).pipelineArn).toBe(
      "arn:aws:codepipeline:eu-north-1:123456789012:north",
    );
    const type = await rawCall(endpoint, target("GetActionType"), JSON.stringify(TEST_PROVIDER.id));
    expect(type.json.actionType).toMatchObject({ id: TEST_PROVIDER.id, executor: { type: "JobWorker" } });
    stop();
    expect(await exit).toBe(0);
    expect(err.join("")).toBe("");

    writeFileSync(file, JSON.stringify([{ id: { category: "Test" } }]));
    const bad = capture();
    expect(await runSandboxCommand(["--action-types", file], bad.io, Promise.resolve())).toBe(1);
    expect(bad.err.join("")).toMatch(
      /could not read --action-types: entry 1 is not an action type declaration: .*Member must not be null/,
    );
  });

  it("prints its endpoint, serves the SDK, and on SIGTERM saves its state and exits 0", async () => {
    dir = mkdtempSync(join(tmpdir(), "pipewright-sandbox-cli-"));
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "cli-entry.ts"), "--speed", "1000", "--data", dir],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stdout = "";
    const endpoint = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /Sandbox endpoint: (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      child.once("exit", (code) => reject(new Error(`exited early with ${code}: ${stdout}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    const client = clientFor(endpoint);
    await client.send(
      new CreatePipelineCommand({
        pipeline: threeStagePipeline({ name: "from-cli" }) as PipelineDeclaration,
      }),
    );
    expect((await client.send(new ListPipelinesCommand({}))).pipelines?.map((p) => p.name)).toEqual([
      "from-cli",
    ]);
    client.destroy();
    expect(stdout).toMatch(/accepts any SigV4 signature/);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(existsSync(join(dir, "state.json"))).toBe(true);
  });
});
