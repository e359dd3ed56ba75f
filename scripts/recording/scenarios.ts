/** The recorded scenarios: what each drives through the sandbox and when it takes snapshots. */
import {
  PutApprovalResultCommand,
  RetryStageExecutionCommand,
  RollbackStageCommand,
  StopPipelineExecutionCommand,
  UpdatePipelineCommand,
} from "@aws-sdk/client-codepipeline";
import type { ScenarioRule } from "../../main/sandbox";
import { approvalStage, buildStage, deployStage, pipeline, sourceStage, testStage } from "./pipelines";
import type { Session } from "./session";

export interface ScenarioSpec {
  scenario: string;
  description: string;
  pipelineName: string;
  rules: ScenarioRule[];
  run(session: Session): Promise<void>;
}

export const SCENARIOS: ScenarioSpec[] = [
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
