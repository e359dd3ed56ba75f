import { validPipeline, validV2Pipeline, type Json } from "../sample-pipelines";
import { actionOf, condition, configOf, edited, stageOf, type CodeCases } from "./case";

/** A V2 pipeline whose source is a connection named Source with one trigger of the given filters. */
function triggered(push: unknown[] | undefined, pullRequest?: unknown[]): () => Json {
  return () => {
    const pipeline = validV2Pipeline();
    const source = actionOf(pipeline, 0, 0);
    source["actionTypeId"] = {
      category: "Source",
      owner: "AWS",
      provider: "CodeStarSourceConnection",
      version: "1",
    };
    source["configuration"] = {
      ConnectionArn: "arn:aws:codeconnections:us-east-1:111122223333:connection/abc",
      FullRepositoryId: "octo/app",
      BranchName: "main",
    };
    configOf(pipeline, 2, 0)["CustomData"] = "Release #{SourceVariables.CommitId}";
    const git: Json = { sourceActionName: "Source" };
    if (push !== undefined) git["push"] = push;
    if (pullRequest !== undefined) git["pullRequest"] = pullRequest;
    pipeline["triggers"] = [{ providerType: "CodeStarSourceConnection", gitConfiguration: git }];
    return pipeline;
  };
}

const MAIN = { includes: ["main"] };

/** V2-only features without a type, trigger filters and stage-level failure settings. */
export const STAGE_CASES: Record<string, CodeCases> = {
  "v2-feature-without-type": {
    fail: [
      edited("variables with no pipelineType", (p) => (p["variables"] = [{ name: "Env" }])),
      edited("QUEUED mode with no pipelineType", (p) => (p["executionMode"] = "QUEUED")),
    ],
    pass: [
      { title: "the same features in a V2 pipeline", input: validV2Pipeline },
      edited("SUPERSEDED with no pipelineType", (p) => (p["executionMode"] = "SUPERSEDED"), validPipeline),
    ],
  },
  "trigger-filter-combination": {
    fail: [
      {
        title: "a push filter mixing tags and branches",
        input: triggered([{ tags: { includes: ["v*"] }, branches: MAIN }]),
      },
      {
        title: "a push filter of tags and file paths (the CLI reference's mix)",
        input: triggered([{ tags: { includes: ["v*"] }, filePaths: { includes: ["src/**"] } }]),
      },
      {
        title: "a push filter of file paths only",
        input: triggered([{ filePaths: { includes: ["src/**"] } }]),
      },
      {
        title: "a pull request filter without branches",
        input: triggered(undefined, [{ events: ["OPEN"], filePaths: { includes: ["src/**"] } }]),
      },
    ],
    pass: [
      {
        title: "tags alone, then branches with file paths",
        input: triggered([
          { tags: { includes: ["v*"] } },
          { branches: MAIN, filePaths: { includes: ["src/**"] } },
        ]),
      },
      {
        title: "a pull request filter on branches",
        input: triggered(undefined, [{ events: ["OPEN"], branches: MAIN }]),
      },
    ],
  },
  "rollback-on-source-stage": {
    fail: [
      edited(
        "automatic rollback on the source stage",
        (p) => (stageOf(p, 0)["onFailure"] = { result: "ROLLBACK" }),
        validV2Pipeline,
      ),
      edited(
        "a success condition that rolls back the source stage",
        (p) => (stageOf(p, 0)["onSuccess"] = condition("ROLLBACK")),
        validV2Pipeline,
      ),
    ],
    pass: [
      edited(
        "automatic rollback on a later stage",
        (p) => (stageOf(p, 2)["onFailure"] = { result: "ROLLBACK" }),
        validV2Pipeline,
      ),
    ],
  },
  "undocumented-failure-result": {
    fail: [
      edited(
        "on-failure result FAIL",
        (p) => (stageOf(p, 2)["onFailure"] = { result: "FAIL" }),
        validV2Pipeline,
      ),
    ],
    pass: [
      edited(
        "on-failure result RETRY with retry settings",
        (p) =>
          (stageOf(p, 2)["onFailure"] = {
            result: "RETRY",
            retryConfiguration: { retryMode: "FAILED_ACTIONS" },
          }),
        validV2Pipeline,
      ),
    ],
  },
  "retry-settings-unused": {
    fail: [
      edited(
        "retry settings on a stage that rolls back",
        (p) =>
          (stageOf(p, 2)["onFailure"] = {
            result: "ROLLBACK",
            retryConfiguration: { retryMode: "ALL_ACTIONS" },
          }),
        validV2Pipeline,
      ),
    ],
    pass: [
      edited(
        "retry settings with result RETRY",
        (p) =>
          (stageOf(p, 2)["onFailure"] = {
            result: "RETRY",
            retryConfiguration: { retryMode: "ALL_ACTIONS" },
          }),
        validV2Pipeline,
      ),
    ],
  },
};
