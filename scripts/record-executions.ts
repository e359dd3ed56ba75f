/**
 * Records the execution fixtures shared/execution is tested against: it starts the local sandbox on
 * a manual clock (so every timestamp is reproducible), drives one scenario per file through the real
 * `@aws-sdk/client-codepipeline` client, and writes the raw response bodies of GetPipeline,
 * GetPipelineState, ListPipelineExecutions, GetPipelineExecution and ListActionExecutions — the JSON
 * exactly as it crossed the wire, epoch-second timestamps included — to
 * test/fixtures/executions/<scenario>.json.
 *
 * Run: npx tsx scripts/record-executions.ts   (then commit the output)
 *
 * A snapshot is everything the runs view would have fetched at one moment; several snapshots per
 * scenario capture in-flight states (a run in progress, an approval waiting, a stop in progress).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CodePipelineClient,
  CreatePipelineCommand,
  GetPipelineCommand,
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  PutApprovalResultCommand,
  RetryStageExecutionCommand,
  RollbackStageCommand,
  StartPipelineExecutionCommand,
  StopPipelineExecutionCommand,
  UpdatePipelineCommand,
  type PipelineDeclaration,
} from "@aws-sdk/client-codepipeline";
import { ManualClock, startSandbox, type Sandbox, type ScenarioRule } from "../main/sandbox";

const here = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = resolve(here, "../test/fixtures/executions");
/** A fixed start so every recorded time is the same on each recording (ids are random UUIDs). */
const EPOCH_MS = Date.UTC(2026, 0, 5, 9, 0, 0);
const ROLE = "arn:aws:iam::123456789012:role/service-role/pipewright-sandbox";
/** Page size for the list calls: small, so the fixtures also hold multi-page answers. */
const PAGE_SIZE = 5;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Snapshot {
  label: string;
  /** Simulated epoch milliseconds when the snapshot was taken. */
  atMs: number;
  getPipeline: Json;
  getPipelineState: Json;
  listPipelineExecutions: Json[];
  getPipelineExecution: Record<string, Json>;
  listActionExecutions: Record<string, Json[]>;
}

interface Fixture {
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

interface Stage {
  name: string;
  actions: Record<string, unknown>[];
}

function action(
  name: string,
  category: string,
  provider: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { name, actionTypeId: { category, owner: "AWS", provider, version: "1" }, ...extra };
}

const sourceStage: Stage = {
  name: "Source",
  actions: [
    action("Checkout", "Source", "CodeCommit", {
      configuration: { RepositoryName: "app", BranchName: "main", PollForSourceChanges: "false" },
      outputArtifacts: [{ name: "SourceOutput" }],
      namespace: "SourceVariables",
    }),
  ],
};

function buildStage(groups: boolean): Stage {
  const compile = action("Compile", "Build", "CodeBuild", {
    configuration: { ProjectName: "app-build" },
    inputArtifacts: [{ name: "SourceOutput" }],
    outputArtifacts: [{ name: "BuildOutput" }],
    namespace: "BuildVariables",
    runOrder: 1,
  });
  if (!groups) return { name: "Build", actions: [compile] };
  return {
    name: "Build",
    actions: [
      compile,
      action("Lint", "Test", "CodeBuild", {
        configuration: { ProjectName: "app-lint" },
        inputArtifacts: [{ name: "SourceOutput" }],
        runOrder: 1,
      }),
      action("Package", "Build", "CodeBuild", {
        configuration: { ProjectName: "app-package" },
        inputArtifacts: [{ name: "BuildOutput" }],
        runOrder: 2,
      }),
    ],
  };
}

const approvalStage: Stage = {
  name: "Approve",
  actions: [
    action("Review", "Approval", "Manual", {
      configuration: { CustomData: "Check the staging site" },
    }),
  ],
};

const testStage: Stage = {
  name: "Test",
  actions: [
    action("Smoke", "Test", "CodeBuild", {
      configuration: { ProjectName: "app-smoke" },
      inputArtifacts: [{ name: "BuildOutput" }],
    }),
  ],
};

const deployStage: Stage = {
  name: "Deploy",
  actions: [
    action("Publish", "Deploy", "S3", {
      configuration: { BucketName: "app-site", Extract: "true" },
      inputArtifacts: [{ name: "BuildOutput" }],
    }),
  ],
};

function pipeline(name: string, stages: Stage[], extra: Record<string, unknown> = {}): PipelineDeclaration {
  return {
    name,
    roleArn: ROLE,
    artifactStore: { type: "S3", location: "pipewright-artifacts" },
    stages,
    ...extra,
  } as unknown as PipelineDeclaration;
}

/** One scenario's session: a sandbox on a manual clock, a tapped client and snapshot helpers. */
class Session {
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

interface ScenarioSpec {
  scenario: string;
  description: string;
  pipelineName: string;
  rules: ScenarioRule[];
  run(session: Session): Promise<void>;
}

const SCENARIOS: ScenarioSpec[] = [
  {
    scenario: "success",
    description:
      "Five successful runs of Source -> Build -> Deploy with Compile taking 50, 60, 70, 80 and 120 s; a snapshot while the fifth is in Build, and one after it finishes.",
    pipelineName: "plain",
    rules: [],
    async run(s) {
      const compileSeconds = [50, 60, 70, 80, 120];
      for (const [index, seconds] of compileSeconds.entries()) {
        s.sandbox.scenario.set({
          rules: [
            {
              pipeline: "plain",
              action: "Compile",
              durationSeconds: seconds,
              externalExecutionUrl: "https://console.aws.amazon.com/codesuite/codebuild/projects/app-build",
              outputVariables: { IMAGE_TAG: `v1.0.${index}` },
            },
          ],
        });
        if (index === 0)
          await s.create(pipeline("plain", [sourceStage, buildStage(false), deployStage]), "r1");
        else await s.start(`r${index + 1}`);
        if (index === compileSeconds.length - 1) {
          s.advance(30);
          await s.snapshot("in-progress");
        }
        s.advance(600);
      }
      await s.snapshot("final");
    },
  },
  {
    scenario: "retry",
    description:
      "Build has Compile and Lint in runOrder 1 and Package in runOrder 2; Lint fails, the stage is retried with FAILED_ACTIONS five minutes later, and the run succeeds.",
    pipelineName: "retry",
    rules: [{ pipeline: "retry", action: "Lint", outcome: "fail", errorMessage: "12 lint errors" }],
    async run(s) {
      const id = await s.create(pipeline("retry", [sourceStage, buildStage(true), deployStage]), "retried");
      s.advance(300);
      await s.snapshot("failed");
      s.sandbox.scenario.set({});
      await s.client.send(
        new RetryStageExecutionCommand({
          pipelineName: "retry",
          stageName: "Build",
          pipelineExecutionId: id,
          retryMode: "FAILED_ACTIONS",
        }),
      );
      s.advance(600);
      await s.snapshot("final");
    },
  },
  {
    scenario: "approval",
    description:
      "A manual approval before Deploy: snapshot while it waits, then it is approved after 30 minutes and the run succeeds.",
    pipelineName: "gate",
    rules: [],
    async run(s) {
      await s.create(
        pipeline("gate", [sourceStage, buildStage(false), approvalStage, deployStage]),
        "approved",
      );
      s.advance(120);
      await s.snapshot("waiting");
      s.advance(30 * 60 - 120);
      const token = await s.approvalToken("Approve", "Review");
      await s.client.send(
        new PutApprovalResultCommand({
          pipelineName: "gate",
          stageName: "Approve",
          actionName: "Review",
          token,
          result: { status: "Approved", summary: "Staging looks good" },
        }),
      );
      s.advance(600);
      await s.snapshot("final");
    },
  },
  {
    scenario: "superseded",
    description:
      "SUPERSEDED mode: runs A, B and C start back to back; B waits before Build behind A and is superseded by C.",
    pipelineName: "supersede",
    rules: [],
    async run(s) {
      await s.create(pipeline("supersede", [sourceStage, buildStage(false), deployStage]), "initial");
      s.advance(600);
      await s.start("a");
      await s.start("b");
      await s.start("c");
      s.advance(30);
      await s.snapshot("in-progress");
      s.advance(1200);
      await s.snapshot("final");
    },
  },
  {
    scenario: "stopped",
    description:
      "Stop and wait: the run is stopped while Compile runs, Compile finishes and nothing else starts. Stop and abandon: Compile is abandoned at once.",
    pipelineName: "stopper",
    rules: [],
    async run(s) {
      const waited = await s.create(
        pipeline("stopper", [sourceStage, buildStage(false), deployStage]),
        "waited",
      );
      s.advance(10);
      await s.client.send(
        new StopPipelineExecutionCommand({
          pipelineName: "stopper",
          pipelineExecutionId: waited,
          reason: "Hold for the release window",
        }),
      );
      s.advance(5);
      await s.snapshot("stopping");
      s.advance(600);
      const abandoned = await s.start("abandoned");
      s.advance(10);
      await s.client.send(
        new StopPipelineExecutionCommand({
          pipelineName: "stopper",
          pipelineExecutionId: abandoned,
          abandon: true,
          reason: "Wrong branch",
        }),
      );
      s.advance(600);
      await s.snapshot("final");
    },
  },
  {
    scenario: "rollback",
    description:
      "V2, QUEUED: a good run, then a run whose Deploy fails, then RollbackStage of Deploy to the good run.",
    pipelineName: "rollback",
    rules: [],
    async run(s) {
      await s.create(
        pipeline("rollback", [sourceStage, buildStage(false), deployStage], {
          pipelineType: "V2",
          executionMode: "QUEUED",
        }),
        "good",
      );
      s.advance(600);
      s.sandbox.scenario.set({
        rules: [
          {
            pipeline: "rollback",
            stage: "Deploy",
            outcome: "fail",
            errorMessage: "Access denied to app-site",
          },
        ],
      });
      await s.start("bad");
      s.advance(600);
      s.sandbox.scenario.set({});
      const { pipelineExecutionId } = await s.client.send(
        new RollbackStageCommand({
          pipelineName: "rollback",
          stageName: "Deploy",
          targetPipelineExecutionId: s.runs.good ?? "",
        }),
      );
      s.runs.rollback = pipelineExecutionId ?? "";
      s.advance(600);
      await s.snapshot("final");
    },
  },
  {
    scenario: "parallel",
    description:
      "runOrder groups: Compile (90 s) and Lint (20 s) in parallel in group 1, Package (30 s) in group 2; the critical path runs through Compile and Package.",
    pipelineName: "groups",
    rules: [
      { pipeline: "groups", action: "Compile", durationSeconds: 90 },
      { pipeline: "groups", action: "Lint", durationSeconds: 20 },
      { pipeline: "groups", action: "Package", durationSeconds: 30 },
    ],
    async run(s) {
      await s.create(pipeline("groups", [sourceStage, buildStage(true), deployStage]), "run");
      s.advance(20);
      await s.snapshot("in-progress");
      s.advance(600);
      await s.snapshot("final");
    },
  },
  {
    scenario: "structure-changed",
    description:
      "A run through Source -> Build -> Test -> Deploy, then the Test stage is removed by UpdatePipeline and a second run goes through the new structure.",
    pipelineName: "evolving",
    rules: [],
    async run(s) {
      await s.create(pipeline("evolving", [sourceStage, buildStage(false), testStage, deployStage]), "old");
      s.advance(600);
      await s.client.send(
        new UpdatePipelineCommand({
          pipeline: pipeline("evolving", [sourceStage, buildStage(false), deployStage]),
        }),
      );
      await s.start("new");
      s.advance(600);
      await s.snapshot("final");
    },
  },
];

async function record(spec: ScenarioSpec): Promise<Fixture> {
  const session = await Session.open(spec.pipelineName, spec.rules);
  try {
    await spec.run(session);
  } finally {
    await session.close();
  }
  return {
    scenario: spec.scenario,
    description: spec.description,
    pipelineName: spec.pipelineName,
    runs: session.runs,
    snapshots: session.snapshots,
  };
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  mkdirSync(OUT_DIR, { recursive: true });
  for (const spec of SCENARIOS) {
    if (only.length > 0 && !only.includes(spec.scenario)) continue;
    const fixture = await record(spec);
    const path = resolve(OUT_DIR, `${spec.scenario}.json`);
    writeFileSync(path, `${JSON.stringify(fixture, null, 2)}\n`);
    const runs = Object.keys(fixture.runs).length;
    process.stdout.write(
      `${spec.scenario}: ${runs} run(s), ${fixture.snapshots.length} snapshot(s) -> ${path}\n`,
    );
  }
}

await main();
