/**
 * One engine: the same scenario file played by `pipewright sandbox --scenario` (a real endpoint
 * on a real clock, driven through the AWS SDK as a user's script would) and by `pipewright
 * rehearse --scenario` (the private, memory-only sandbox on a ManualClock) takes the same path —
 * the same run status, the same stage outcomes, the same action executions with the same resolved
 * configurations and error messages, the same condition rule results.
 *
 * CreatePipeline starts the sandbox's first run with the scenario in force; the rehearsal plays the
 * scenario on the run after its baseline. Scenario rules count attempts within one run, so the two
 * runs are comparable. Manual approvals are answered by a rule in each case (the rehearsal approves
 * unanswered ones; the sandbox waits for a person), and rollback needs a different outcome on an
 * earlier run, which one static scenario cannot give the sandbox: both are covered by
 * rehearse.test.ts.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  GetPipelineExecutionCommand,
  GetPipelineStateCommand,
  ListActionExecutionsCommand,
  ListPipelineExecutionsCommand,
  ListRuleExecutionsCommand,
  type ActionExecutionDetail,
  type CodePipelineClient,
  type PipelineDeclaration as SdkPipelineDeclaration,
  CreatePipelineCommand,
} from "@aws-sdk/client-codepipeline";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rehearseCommand } from "../../../main/cli/rehearse-command";
import { rehearsePipeline } from "../../../main/rehearse/rehearse";
import { runSandboxCommand } from "../../../main/sandbox/cli-command";
import type { RehearsalResult } from "../../../shared/rehearse";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";
import { makeTempDir } from "../cli/run-cli";
import { clientFor, waitFor } from "./harness";
import { approval, build, deploy, FREEZE_RULE, pipeline, s3Deploy, source } from "../rehearse/pipelines";

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

interface Path {
  status: string | null;
  stages: { name: string; status: string | null }[];
  actions: { stage: string; name: string; status: string; resolvedConfiguration: Record<string, string> }[];
  rules: { stage: string; rule: string; status: string }[];
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

/** Actions in the order they started; a tie (parallel actions) in declaration order. */
function byStart(pipelineDoc: PipelineDeclaration, actions: Path["actions"]) {
  const order = (a: Path["actions"][number]) => {
    const stage = pipelineDoc.stages.findIndex((s) => s.name === a.stage);
    return stage * 100 + (pipelineDoc.stages[stage]?.actions.findIndex((x) => x.name === a.name) ?? 0);
  };
  return [...actions].sort((a, b) => order(a) - order(b));
}

/** What `pipewright rehearse --scenario FILE --format json` prints, as a path. */
async function rehearsed(doc: PipelineDeclaration, scenarioFile: string): Promise<Path> {
  const file = join(temp.dir, "pipeline.json");
  writeFileSync(file, JSON.stringify({ pipeline: doc }));
  const { io, out, err } = capture();
  expect(await rehearseCommand.run([file, "--scenario", scenarioFile, "--format", "json"], io)).toBe(0);
  expect(err.join("")).toBe("");
  const json = JSON.parse(out.join("")) as {
    status: string;
    stages: { name: string; status: string | null }[];
    actions: Path["actions"];
  };
  return {
    status: json.status,
    stages: json.stages.map(({ name, status }) => ({ name, status })),
    actions: byStart(doc, json.actions),
    rules: ruleRows(rehearsePipeline(doc, JSON.parse(readFileSync(scenarioFile, "utf8"))).runs),
  };
}

type RuleDetail = {
  stageName?: string | undefined;
  ruleName?: string | undefined;
  status?: string | undefined;
};
const ruleRowsOf = (details: readonly RuleDetail[]): Path["rules"] =>
  details
    .map((r) => ({ stage: r.stageName ?? "", rule: r.ruleName ?? "", status: r.status ?? "" }))
    .sort((a, b) => `${a.stage}.${a.rule}`.localeCompare(`${b.stage}.${b.rule}`));

/** The rule executions of the rehearsed run (the same ListRuleExecutions records). */
const ruleRows = (runs: RehearsalResult["runs"]): Path["rules"] =>
  ruleRowsOf(runs.find((r) => r.role === "rehearsal")?.ruleExecutions ?? []);

async function sandboxPath(client: CodePipelineClient, doc: PipelineDeclaration): Promise<Path> {
  const name = doc.name;
  await client.send(new CreatePipelineCommand({ pipeline: doc as SdkPipelineDeclaration }));
  const id = await waitFor("the first run", async () => {
    const list = await client.send(new ListPipelineExecutionsCommand({ pipelineName: name }));
    return list.pipelineExecutionSummaries?.[0]?.pipelineExecutionId;
  });
  const status = await waitFor(
    "the run to end",
    async () => {
      const got = await client.send(
        new GetPipelineExecutionCommand({ pipelineName: name, pipelineExecutionId: id }),
      );
      const s = got.pipelineExecution?.status;
      return s === "InProgress" || s === "Stopping" ? undefined : s;
    },
    60_000,
  );
  const state = await client.send(new GetPipelineStateCommand({ name }));
  const details: ActionExecutionDetail[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListActionExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: id }, nextToken }),
    );
    details.push(...(page.actionExecutionDetails ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  const rules = await client.send(
    new ListRuleExecutionsCommand({ pipelineName: name, filter: { pipelineExecutionId: id } }),
  );
  // ListActionExecutions lists the newest first.
  const actions = details.reverse().map((d) => ({
    stage: d.stageName ?? "",
    name: d.actionName ?? "",
    status: d.status ?? "",
    resolvedConfiguration: d.input?.resolvedConfiguration ?? {},
  }));
  return {
    status: status ?? null,
    stages: (state.stageStates ?? []).map((s) => ({
      name: s.stageName ?? "",
      status: s.latestExecution?.pipelineExecutionId === id ? (s.latestExecution.status ?? null) : null,
    })),
    actions: byStart(doc, actions),
    rules: ruleRowsOf(rules.ruleExecutionDetails ?? []),
  };
}

/** Plays `doc` in `pipewright sandbox --scenario FILE` and returns the path of its first run. */
async function sandboxed(doc: PipelineDeclaration, scenarioFile: string): Promise<Path> {
  const { io, out, err } = capture();
  let stop = (): void => {};
  const until = new Promise<void>((resolve) => (stop = resolve));
  const exit = runSandboxCommand(["--scenario", scenarioFile, "--speed", "2000"], io, until);
  const endpoint = await waitFor("the sandbox endpoint", () =>
    Promise.resolve(/Sandbox endpoint: (\S+)/.exec(out.join(""))?.[1]),
  );
  const client = clientFor(endpoint);
  try {
    return await sandboxPath(client, doc);
  } finally {
    client.destroy();
    stop();
    expect(await exit).toBe(0);
    expect(err.join("")).toBe("");
  }
}

const RETRY = (retryMode: "FAILED_ACTIONS" | "ALL_ACTIONS") =>
  deploy({ onFailure: { result: "RETRY", retryConfiguration: { retryMode } } }, [
    s3Deploy("DeployApp"),
    s3Deploy("DeployDocs"),
  ]);

const CASES: { name: string; doc: PipelineDeclaration; scenario: unknown; status: string }[] = [
  {
    name: "RETRY FAILED_ACTIONS that succeeds on the retry",
    doc: pipeline([source(), build(), RETRY("FAILED_ACTIONS")]),
    scenario: {
      rules: [
        { stage: "Deploy", action: "DeployApp", attempt: 1, outcome: "fail", errorMessage: "Throttled" },
      ],
    },
    status: "Succeeded",
  },
  {
    name: "RETRY ALL_ACTIONS that fails again",
    doc: pipeline([source(), build(), RETRY("ALL_ACTIONS")]),
    scenario: {
      rules: [{ stage: "Deploy", action: "DeployApp", outcome: "fail", errorMessage: "AccessDenied" }],
    },
    status: "Failed",
  },
  {
    name: "an entry condition that skips a stage",
    doc: pipeline([
      source(),
      deploy({ beforeEntry: { conditions: [{ result: "SKIP", rules: [FREEZE_RULE] }] } }, [
        { ...s3Deploy("DeployApp"), inputArtifacts: [{ name: "SourceArtifact" }] },
      ]),
      build(),
    ]),
    scenario: {
      conditionRules: [{ stage: "Deploy", rule: "ChangeFreeze", outcome: "fail", errorMessage: "frozen" }],
    },
    status: "Succeeded",
  },
  {
    name: "a rejected manual approval",
    doc: pipeline([
      source(),
      approval(),
      deploy({}, [{ ...s3Deploy("DeployApp"), inputArtifacts: [{ name: "SourceArtifact" }] }]),
    ]),
    scenario: {
      rules: [{ stage: "Approve", action: "Approval", outcome: "fail", errorMessage: "Rejected: not today" }],
    },
    status: "Failed",
  },
  {
    name: "an unresolved variable failing an action",
    doc: pipeline([
      source(),
      build({ configuration: { ProjectName: "app-build-#{SourceVariables.NoSuchVariable}" } }),
    ]),
    scenario: {},
    status: "Failed",
  },
];

describe("rehearse and pipewright sandbox --scenario take the same path", () => {
  it.each(CASES)("$name", async ({ doc, scenario, status }) => {
    const scenarioFile = join(temp.dir, "scenario.json");
    writeFileSync(scenarioFile, JSON.stringify(scenario));
    const inSandbox = await sandboxed(doc, scenarioFile);
    const inRehearsal = await rehearsed(doc, scenarioFile);
    expect(inSandbox.status).toBe(status);
    expect(inRehearsal).toEqual(inSandbox);
    if (doc.stages.some((s) => s.beforeEntry)) {
      expect(inSandbox.rules).toEqual([{ stage: "Deploy", rule: "ChangeFreeze", status: "Failed" }]);
      expect(inRehearsal.stages.find((s) => s.name === "Deploy")?.status).toBe("Skipped");
    }
  });
});
