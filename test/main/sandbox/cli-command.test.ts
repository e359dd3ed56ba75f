import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  ListPipelinesCommand,
  CreatePipelineCommand,
  type PipelineDeclaration,
} from "@aws-sdk/client-codepipeline";
import { afterEach, describe, expect, it } from "vitest";
import { runSandboxCommand } from "../../../main/sandbox/cli-command";
import { threeStagePipeline } from "./fixtures";
import { clientFor } from "./harness";

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
    for (const argv of [["--port", "99999"], ["--speed", "0"], ["--bogus"], ["extra"]]) {
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
