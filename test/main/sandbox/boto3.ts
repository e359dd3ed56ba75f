/**
 * Runs a Python script with boto3 against a sandbox, as a user's own tooling would: dummy
 * credentials, the endpoint from AWS_ENDPOINT_URL, no config files. Anything the script raises
 * fails the test with its traceback.
 */
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Where the test scripts live. */
export const BOTO3_DIR = join(import.meta.dirname, "boto3");

/** Runs a boto3 script (by name under boto3/, or by path) and returns what it printed. */
export async function python(
  script: string,
  endpoint: string,
  args: readonly string[] = [],
): Promise<string> {
  const path = script.includes("/") ? script : join(BOTO3_DIR, script);
  try {
    const { stdout } = await run("python3", [path, ...args], {
      env: {
        PATH: process.env.PATH ?? "",
        AWS_ACCESS_KEY_ID: "AKIDSANDBOX",
        AWS_SECRET_ACCESS_KEY: "sandbox-secret",
        AWS_DEFAULT_REGION: "us-east-1",
        AWS_ENDPOINT_URL: endpoint,
        AWS_CONFIG_FILE: "/dev/null",
        AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
        PYTHONDONTWRITEBYTECODE: "1",
      },
      timeout: 60_000,
    });
    return stdout;
  } catch (error) {
    const failure = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${script} failed: ${failure.stderr || failure.stdout || failure.message}`);
  }
}

/** Runs a boto3 script that prints one JSON document, and parses it. */
export async function boto3<T = Record<string, unknown>>(
  script: string,
  endpoint: string,
  args: readonly string[] = [],
): Promise<T> {
  return JSON.parse(await python(script, endpoint, args)) as T;
}
