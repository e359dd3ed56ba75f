/** One recording session: a sandbox on a manual clock, a client whose wire answers are kept, snapshots. */
import {
  CodePipelineClient,
  CreatePipelineCommand,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  StartPipelineExecutionCommand,
  type PipelineDeclaration,
} from "@aws-sdk/client-codepipeline";
import { ManualClock, startSandbox, type Sandbox, type ScenarioRule } from "../../main/sandbox";

/** A fixed start so every recorded time is the same on each recording (ids are random UUIDs). */
export const EPOCH_MS = Date.UTC(2026, 0, 5, 9, 0, 0);
/** Page size for the list calls: small, so the fixtures also hold multi-page answers. */
export const PAGE_SIZE = 5;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Snapshot {
  label: string;
  /** Simulated epoch milliseconds when the snapshot was taken. */
  atMs: number;
  getPipeline: Json;
  getPipelineState: Json;
  listPipelineExecutions: Json[];
  getPipelineExecution: Record<string, Json>;
  listActionExecutions: Record<string, Json[]>;
}

export interface Fixture {
  scenario: string;
  description: string;
  pipelineName: string;
  /** Execution ids by the role they play in the scenario, so tests need not guess. */
  runs: Record<string, string>;
  snapshots: Snapshot[];
}

type Middleware = Parameters<CodePipelineClient["middlewareStack"]["addRelativeTo"]>[0];

/** Keeps the raw body of each response before the SDK deserialises it. */
class WireTap {
  last = "";

  attach(client: CodePipelineClient): void {
    const tap = (next: (args: unknown) => Promise<{ response: unknown }>) => async (args: unknown) => {
      const result = await next(args);
      const response = result.response as { body?: AsyncIterable<Uint8Array> | Uint8Array };
      const body = response.body;
      if (body && !(body instanceof Uint8Array)) {
        const chunks: Uint8Array[] = [];
        for await (const chunk of body) chunks.push(chunk);
        const bytes = Buffer.concat(chunks);
        this.last = bytes.toString("utf8");
        // The SDK's body collector accepts bytes as they are, so the deserialiser still works.
        response.body = new Uint8Array(bytes);
      }
      return result;
    };
    // Runs inside the deserializer, so it sees the HTTP response before the body is parsed.
    client.middlewareStack.addRelativeTo(tap as unknown as Middleware, {
      relation: "after",
      toMiddleware: "deserializerMiddleware",
      name: "pipewrightWireTap",
    });
  }
}

/** One scenario's session: a sandbox on a manual clock, a tapped client and snapshot helpers. */
export class Session {
  readonly runs: Record<string, string> = {};
  readonly snapshots: Snapshot[] = [];

  private constructor(
    readonly sandbox: Sandbox,
    readonly clock: ManualClock,
    readonly client: CodePipelineClient,
    private readonly tap: WireTap,
    readonly name: string,
  ) {}

  static async open(name: string, rules: ScenarioRule[]): Promise<Session> {
    const clock = new ManualClock(EPOCH_MS);
    const sandbox = await startSandbox({ clock, scenario: { rules }, log: () => {} });
    const client = new CodePipelineClient({
      endpoint: sandbox.endpoint,
      region: "us-east-1",
      credentials: { accessKeyId: "AKIDSANDBOX", secretAccessKey: "sandbox-secret" },
      maxAttempts: 1,
    });
    const tap = new WireTap();
    tap.attach(client);
    return new Session(sandbox, clock, client, tap, name);
  }

  /** Sends a command and returns the raw JSON body of its response. */
  async raw(send: () => Promise<unknown>): Promise<Json> {
    this.tap.last = "";
    await send();
    return this.tap.last === "" ? {} : (JSON.parse(this.tap.last) as Json);
  }

  async create(declaration: PipelineDeclaration, role: string): Promise<string> {
    await this.client.send(new CreatePipelineCommand({ pipeline: declaration }));
    const list = await this.client.send(new ListPipelineExecutionsCommand({ pipelineName: this.name }));
    const id = list.pipelineExecutionSummaries?.[0]?.pipelineExecutionId ?? "";
    this.runs[role] = id;
    return id;
  }

  async start(role: string): Promise<string> {
    const started = await this.client.send(new StartPipelineExecutionCommand({ name: this.name }));
    const id = started.pipelineExecutionId ?? "";
    this.runs[role] = id;
    return id;
  }

  /** Advances simulated time in seconds. */
  advance(seconds: number): void {
    this.clock.advance(seconds * 1000);
  }

  private async pages(make: (nextToken: string | undefined) => () => Promise<unknown>): Promise<Json[]> {
    const pages: Json[] = [];
    let token: string | undefined;
    do {
      const page = await this.raw(make(token));
      pages.push(page);
      const next = typeof page === "object" && page !== null && !Array.isArray(page) ? page.nextToken : null;
      token = typeof next === "string" ? next : undefined;
    } while (token !== undefined);
    return pages;
  }

  async snapshot(label: string): Promise<void> {
    const pipelineName = this.name;
    const listPipelineExecutions = await this.pages(
      (nextToken) => () =>
        this.client.send(
          new ListPipelineExecutionsCommand({
            pipelineName,
            maxResults: PAGE_SIZE,
            ...(nextToken ? { nextToken } : {}),
          }),
        ),
    );
    const ids: string[] = [];
    for (const page of listPipelineExecutions) {
      const summaries = (page as { pipelineExecutionSummaries?: { pipelineExecutionId: string }[] })
        .pipelineExecutionSummaries;
      for (const summary of summaries ?? []) ids.push(summary.pipelineExecutionId);
    }
    const getPipelineExecution: Record<string, Json> = {};
    const listActionExecutions: Record<string, Json[]> = {};
    for (const pipelineExecutionId of ids) {
      getPipelineExecution[pipelineExecutionId] = await this.raw(() =>
        this.client.send(new GetPipelineExecutionCommand({ pipelineName, pipelineExecutionId })),
      );
      listActionExecutions[pipelineExecutionId] = await this.pages(
        (nextToken) => () =>
          this.client.send(
            new ListActionExecutionsCommand({
              pipelineName,
              filter: { pipelineExecutionId },
              maxResults: PAGE_SIZE,
              ...(nextToken ? { nextToken } : {}),
            }),
          ),
      );
    }
    this.snapshots.push({
      label,
      atMs: this.clock.now(),
      getPipeline: await this.raw(() => this.client.send(new GetPipelineCommand({ name: pipelineName }))),
      getPipelineState: await this.raw(() =>
        this.client.send(new GetPipelineStateCommand({ name: pipelineName })),
      ),
      listPipelineExecutions,
      getPipelineExecution,
      listActionExecutions,
    });
  }

  async approvalToken(stageName: string, actionName: string): Promise<string> {
    const state = await this.client.send(new GetPipelineStateCommand({ name: this.name }));
    const stage = state.stageStates?.find((s) => s.stageName === stageName);
    const token = stage?.actionStates?.find((a) => a.actionName === actionName)?.latestExecution?.token;
    if (!token) throw new Error(`No approval token for ${stageName}/${actionName}`);
    return token;
  }

  async close(): Promise<void> {
    this.client.destroy();
    await this.sandbox.close();
  }
}
