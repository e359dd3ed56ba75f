/** Starts a sandbox with a real SDK client against it, and waits by polling the API. */
import {
  CodePipelineClient,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  type PipelineExecutionStatus,
} from "@aws-sdk/client-codepipeline";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../../main/sandbox";

export interface Harness {
  sandbox: Sandbox;
  client: CodePipelineClient;
  close(): Promise<void>;
}

export function clientFor(endpoint: string): CodePipelineClient {
  return new CodePipelineClient({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "AKIDSANDBOX", secretAccessKey: "sandbox-secret" },
    maxAttempts: 1,
  });
}

/**
 * Every harness checks after each commit that the write-ahead log reproduces memory exactly, so
 * any scenario a test drives also proves that the sandbox would have persisted it.
 */
export async function openHarness(options: SandboxOptions = {}): Promise<Harness> {
  const problems: string[] = [];
  const sandbox = await startSandbox({
    speed: 2000,
    log: () => {},
    verifyStorage: (problem) => problems.push(problem),
    ...options,
  });
  const client = clientFor(sandbox.endpoint);
  return {
    sandbox,
    client,
    async close() {
      client.destroy();
      await sandbox.close();
      if (problems.length > 0) throw new Error(`Storage verification failed: ${problems.join("\n")}`);
    },
  };
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function waitForExecution(
  client: CodePipelineClient,
  pipelineName: string,
  pipelineExecutionId: string,
  statuses: PipelineExecutionStatus[],
): Promise<PipelineExecutionStatus> {
  return waitFor(`${pipelineExecutionId} to reach ${statuses.join("/")}`, async () => {
    const { pipelineExecution } = await client.send(
      new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId }),
    );
    const status = pipelineExecution?.status;
    return status && statuses.includes(status) ? status : undefined;
  });
}

/** The open approval token of an action, once GetPipelineState shows one. */
export async function approvalToken(
  client: CodePipelineClient,
  name: string,
  stageName: string,
  actionName: string,
  executionId?: string,
): Promise<string> {
  return waitFor(`approval token of ${stageName}/${actionName}`, async () => {
    const state = await client.send(new GetPipelineStateCommand({ name }));
    const stage = state.stageStates?.find((s) => s.stageName === stageName);
    if (executionId !== undefined && stage?.latestExecution?.pipelineExecutionId !== executionId)
      return undefined;
    return stage?.actionStates?.find((a) => a.actionName === actionName)?.latestExecution?.token;
  });
}
