/** Runs the real AWS CLI (preinstalled with Python) against a local endpoint with dummy credentials. */
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** An environment with dummy keys and no user AWS or app files, so nothing reaches a real account. */
export function dummyAwsEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? tmpdir() };
  return {
    ...env,
    AWS_ACCESS_KEY_ID: "testing",
    AWS_SECRET_ACCESS_KEY: "testing",
    AWS_REGION: "us-east-1",
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_CONFIG_FILE: "/nonexistent/pipewright-config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/pipewright-credentials",
    AWS_EC2_METADATA_DISABLED: "true",
    // Never the user's app data folder (the CLI's deploy keeps its targets there); tests that need
    // one give their own.
    XDG_CONFIG_HOME: "/nonexistent/pipewright-config-home",
    ...extra,
  };
}

/** `aws <args> --endpoint-url <endpoint>`; resolves to stdout, rejects with stderr. Asynchronous, so an in-process sandbox keeps answering. */
export function awsCli(endpoint: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      "aws",
      [...args, "--endpoint-url", endpoint, "--output", "json"],
      { env: dummyAwsEnv() },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`aws ${args.join(" ")} failed: ${stderr || error.message}`));
        else resolve(stdout);
      },
    );
  });
}

/** `aws codepipeline update-pipeline --cli-input-json` with a pipeline declaration. */
export async function updateWithCli(
  endpoint: string,
  pipeline: unknown,
): Promise<{ pipeline: { version: number } }> {
  const dir = await mkdtemp(join(tmpdir(), "pipewright-cli-"));
  try {
    const file = join(dir, "input.json");
    await writeFile(file, JSON.stringify({ pipeline }));
    const out = await awsCli(endpoint, [
      "codepipeline",
      "update-pipeline",
      "--cli-input-json",
      `file://${file}`,
    ]);
    return JSON.parse(out) as { pipeline: { version: number } };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
