import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";
import { testTriggers, type TriggerEvent } from "../../../shared/triggers";

const FIXTURES = join(__dirname, "../../fixtures/aws");

function fixture(name: string): PipelineDeclaration {
  return (JSON.parse(readFileSync(join(FIXTURES, name), "utf8")) as { pipeline: PipelineDeclaration })
    .pipeline;
}

/** A V2 pipeline whose connection source "Source" (BranchName main) has the given trigger filters. */
function withTrigger(gitConfiguration: Record<string, unknown>): PipelineDeclaration {
  return {
    name: "p",
    roleArn: "arn:aws:iam::111122223333:role/r",
    pipelineType: "V2",
    triggers: [
      {
        providerType: "CodeStarSourceConnection",
        gitConfiguration: { sourceActionName: "Source", ...gitConfiguration },
      },
    ],
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Source",
            actionTypeId: {
              category: "Source",
              owner: "AWS",
              provider: "CodeStarSourceConnection",
              version: "1",
            },
            configuration: {
              BranchName: "main",
              ConnectionArn: "arn:aws:codestar-connections:us-east-1:111122223333:connection/x",
              FullRepositoryId: "o/r",
            },
            outputArtifacts: [{ name: "SourceArtifact" }],
          },
        ],
      },
      { name: "Build", actions: [] },
    ],
  };
}

const push = (branch: string, files: string[] = []): TriggerEvent => ({ kind: "push", branch, files });
const tag = (name: string): TriggerEvent => ({ kind: "push", tag: name, files: [] });
const pr = (
  action: "OPEN" | "UPDATED" | "CLOSED",
  destinationBranch: string,
  files: string[] = [],
): TriggerEvent => ({
  kind: "pull-request",
  action,
  destinationBranch,
  sourceBranch: "topic",
  files,
});

// Doc pages, named once.
const FILTER_CLI =
  "UG pipelines-filter-cli.html (MyServicePipeline example; fixture v2-trigger-filters.json)";
const REQUIREMENTS =
  "UG pipeline-requirements.html#pipeline.triggers (MyPipeline example; fixture v2-get-pipeline-variables-triggers.json)";
const CONSOLE = "UG pipelines-filter.html (console steps)";
const TAGS_TUTORIAL = "UG tutorials-github-tags.html (release* filter, tag release-1)";
const CDK_PR_EVENT = "CDK GitPullRequestEvent example (include1/include2, exclude1/exclude2, OPEN + CLOSED)";
const TRIGGERS = "UG pipelines-triggers.html (No filter: any push to the default branch)";
const DETECT = "UG action-reference-CodestarConnectionSource.html (DetectChanges defaults to true)";
const GLOB = "UG syntax-glob.html";

const monorepo = fixture("v2-trigger-filters.json");
const myPipeline = fixture("v2-get-pipeline-variables-triggers.json");
const consoleSame = withTrigger({ push: [{ branches: { includes: ["main*"], excludes: ["main*"] } }] });
const consoleMain = withTrigger({ push: [{ branches: { includes: ["main*"] } }] });
const consoleProd = withTrigger({
  push: [{ branches: { includes: ["main"] }, filePaths: { includes: ["prod*"] } }],
});
const consoleTags = withTrigger({ push: [{ tags: { includes: ["v*"], excludes: ["v*"] } }] });
const tagsTutorial = withTrigger({ push: [{ tags: { includes: ["release*"] } }] });
const cdkPr = withTrigger({
  pullRequest: [
    {
      branches: { includes: ["include1", "include2"], excludes: ["exclude1", "exclude2"] },
      events: ["OPEN", "CLOSED"],
    },
  ],
});
const noFilter = withTrigger({});
const globPaths = withTrigger({
  push: [
    { branches: { includes: ["main"] }, filePaths: { includes: ["*.{java,class}", "directory/*", "foo.?"] } },
  ],
});
const onlyExcludes = withTrigger({ push: [{ branches: { excludes: ["mainline"] } }] });
const defaultDetection = fixture("codestar-connection-codebuild.json");

interface Case {
  doc: string;
  pipeline: PipelineDeclaration;
  event: TriggerEvent;
  fires: boolean;
  /** A fragment the reason must contain: the include/exclude that decided. */
  because: string;
}

const CASES: Record<string, Case> = {
  "push to feature/login touching projectA fires": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: push("feature/login", ["projectA/src/app.ts"]),
    fires: true,
    because: 'file "projectA/src/app.ts" included by "projectA/**"',
  },
  "push to a nested release branch fires (** crosses /)": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: push("release/2024/q1", ["projectA/x.ts"]),
    fires: true,
    because: 'branch "release/2024/q1" included by "release/**"',
  },
  "push to mainline is excluded": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: push("mainline", ["projectA/x.ts"]),
    fires: false,
    because: 'branch "mainline" excluded by "mainline"',
  },
  "push to develop matches no branch include": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: push("develop", ["projectA/x.ts"]),
    fires: false,
    because: 'branch "develop" matches none of the includes "feature/**", "release/**"',
  },
  "README-only change is excluded": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: push("feature/docs", ["projectA/README.md"]),
    fires: false,
    because: '"projectA/README.md" excluded by "**/README.md"',
  },
  "README plus code still fires on the code": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: push("feature/x", ["projectA/README.md", "projectA/main.ts"]),
    fires: true,
    because: 'file "projectA/main.ts" included by "projectA/**"',
  },
  "common/**/*.js matches a nested js file": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: push("feature/x", ["common/lib/util.js"]),
    fires: true,
    because: 'included by "common/**/*.js"',
  },
  "common/**/*.js needs a directory below common": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: push("feature/x", ["common/util.js"]),
    fires: false,
    because: "matches none of the includes",
  },
  "a change outside projectA and common does not fire": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: push("feature/x", ["projectB/main.ts"]),
    fires: false,
    because: '"projectB/main.ts" matches none of the includes "projectA/**", "common/**/*.js"',
  },
  "LICENSE under projectA is excluded": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: push("release/1", ["projectA/LICENSE"]),
    fires: false,
    because: 'excluded by "**/LICENSE"',
  },
  "a file filter with no changed files does not fire": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: push("feature/x"),
    fires: false,
    because: "the event changed no files",
  },
  "tag release-v1 fires the tags filter": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: tag("release-v1"),
    fires: true,
    because: 'tag "release-v1" included by "release-v1"',
  },
  "tag release-v2 is excluded": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: tag("release-v2"),
    fires: false,
    because: 'tag "release-v2" excluded by "release-v2"',
  },
  "tag release-v3 matches no tag include": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: tag("release-v3"),
    fires: false,
    because: 'matches none of the includes "release-v0", "release-v1"',
  },
  "a tag push does not match the branches filter": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: tag("release-v2"),
    fires: false,
    because: "a tag push carries no branch",
  },
  "pull request CLOSED into feature/x touching projectA fires": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: pr("CLOSED", "feature/x", ["projectA/a.ts"]),
    fires: true,
    because: "event CLOSED (merged) is listed",
  },
  "pull request OPEN is not among the events": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: pr("OPEN", "feature/x", ["projectA/a.ts"]),
    fires: false,
    because: "event OPEN (opened) is not among CLOSED",
  },
  "pull request into mainline is excluded": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: pr("CLOSED", "mainline", ["projectA/a.ts"]),
    fires: false,
    because: 'destination branch "mainline" excluded by "mainline"',
  },
  "pull request with only a README change does not fire": {
    doc: FILTER_CLI,
    pipeline: monorepo,
    event: pr("CLOSED", "release/9", ["docs/README.md"]),
    fires: false,
    because: 'excluded by "**/README.md"',
  },
  "push to main fires MyPipeline": {
    doc: REQUIREMENTS,
    pipeline: myPipeline,
    event: push("main"),
    fires: true,
    because: 'branch "main" included by "main"',
  },
  "push to feature-branch is excluded": {
    doc: REQUIREMENTS,
    pipeline: myPipeline,
    event: push("feature-branch"),
    fires: false,
    because: 'branch "feature-branch" excluded by "feature-branch"',
  },
  "pull request CLOSED into main-v2 matches main*": {
    doc: REQUIREMENTS,
    pipeline: myPipeline,
    event: pr("CLOSED", "main-v2"),
    fires: true,
    because: 'destination branch "main-v2" included by "main*"',
  },
  "pull request UPDATED into main does not fire": {
    doc: REQUIREMENTS,
    pipeline: myPipeline,
    event: pr("UPDATED", "main"),
    fires: false,
    because: "event UPDATED (new revision) is not among CLOSED",
  },
  "include and exclude with the same pattern: exclude wins": {
    doc: CONSOLE,
    pipeline: consoleSame,
    event: push("main-hotfix"),
    fires: false,
    because: 'excluded by "main*" (excludes win over includes)',
  },
  "main* matches all branches beginning with main": {
    doc: CONSOLE,
    pipeline: consoleMain,
    event: push("mainline"),
    fires: true,
    because: 'included by "main*"',
  },
  "main* does not cross a /": {
    doc: CONSOLE,
    pipeline: consoleMain,
    event: push("main/hotfix"),
    fires: false,
    because: "matches none of the includes",
  },
  "prod* matches file paths beginning with prod": {
    doc: CONSOLE,
    pipeline: consoleProd,
    event: push("main", ["prod-config.yml"]),
    fires: true,
    because: 'file "prod-config.yml" included by "prod*"',
  },
  "same tag pattern in include and exclude: the tag is excluded": {
    doc: CONSOLE,
    pipeline: consoleTags,
    event: tag("v1.0"),
    fires: false,
    because: 'tag "v1.0" excluded by "v*"',
  },
  "tag release-1 matches release*": {
    doc: TAGS_TUTORIAL,
    pipeline: tagsTutorial,
    event: tag("release-1"),
    fires: true,
    because: 'tag "release-1" included by "release*"',
  },
  "a branch push does not match a tags filter": {
    doc: TAGS_TUTORIAL,
    pipeline: tagsTutorial,
    event: push("release-1"),
    fires: false,
    because: "a branch push carries no tag",
  },
  "pull request OPEN into include1 fires": {
    doc: CDK_PR_EVENT,
    pipeline: cdkPr,
    event: pr("OPEN", "include1"),
    fires: true,
    because: 'destination branch "include1" included by "include1"',
  },
  "pull request CLOSED into exclude2 is excluded": {
    doc: CDK_PR_EVENT,
    pipeline: cdkPr,
    event: pr("CLOSED", "exclude2"),
    fires: false,
    because: 'excluded by "exclude2"',
  },
  "pull request UPDATED is not listed": {
    doc: CDK_PR_EVENT,
    pipeline: cdkPr,
    event: pr("UPDATED", "include2"),
    fires: false,
    because: "event UPDATED (new revision) is not among OPEN, CLOSED",
  },
  "a push does not match a pull-request-only trigger": {
    doc: CDK_PR_EVENT,
    pipeline: cdkPr,
    event: push("include1"),
    fires: false,
    because: "it has no push filters",
  },
  "an unfiltered trigger fires on a push to BranchName": {
    doc: TRIGGERS,
    pipeline: noFilter,
    event: push("main"),
    fires: true,
    because: 'on a push to its default branch "main"',
  },
  "an unfiltered trigger ignores other branches": {
    doc: TRIGGERS,
    pipeline: noFilter,
    event: push("dev"),
    fires: false,
    because: 'on a push to "main" only, not "dev"',
  },
  "an unfiltered trigger ignores pull requests": {
    doc: TRIGGERS,
    pipeline: noFilter,
    event: pr("OPEN", "main"),
    fires: false,
    because: "not on pull requests",
  },
  "no trigger: default change detection on BranchName": {
    doc: DETECT,
    pipeline: defaultDetection,
    event: push("master"),
    fires: true,
    because: "default change detection starts the pipeline on a push to its default branch",
  },
  "no trigger: a push to another branch does not start it": {
    doc: DETECT,
    pipeline: defaultDetection,
    event: push("feature/x"),
    fires: false,
    because: "has no trigger",
  },
  "*.{java,class} matches a root .class file": {
    doc: GLOB,
    pipeline: globPaths,
    event: push("main", ["App.class"]),
    fires: true,
    because: 'included by "*.{java,class}"',
  },
  "directory/* does not match a subdirectory": {
    doc: GLOB,
    pipeline: globPaths,
    event: push("main", ["directory/sub/a.txt"]),
    fires: false,
    because: "matches none of the includes",
  },
  "foo.? matches a one-character extension": {
    doc: GLOB,
    pipeline: globPaths,
    event: push("main", ["foo.c"]),
    fires: true,
    because: 'included by "foo.?"',
  },
  "excludes alone let every other branch through": {
    doc: "UG pipeline-requirements.html (AND between includes and excludes)",
    pipeline: onlyExcludes,
    event: push("anything"),
    fires: true,
    because: "not excluded (no includes to match)",
  },
};

describe("trigger table (each case from an AWS documentation example)", () => {
  it("has at least 30 cases", () => {
    expect(Object.keys(CASES).length).toBeGreaterThanOrEqual(30);
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name} — ${c.doc}`, () => {
      const result = testTriggers(c.pipeline, c.event);
      expect(result.fires, result.reason).toBe(c.fires);
      expect(result.reason).toContain(c.because);
      if (c.fires) expect(result.sourceActionName).not.toBeNull();
      else expect(result.sourceActionName).toBeNull();
    });
  }
});

describe("testTriggers details", () => {
  it("names the firing trigger's source action", () => {
    expect(testTriggers(monorepo, push("feature/a", ["projectA/a"])).sourceActionName).toBe(
      "ApplicationSource",
    );
  });

  it("points at the exclude that decided", () => {
    const result = testTriggers(monorepo, push("mainline", ["projectA/x.ts"]));
    const filter = result.verdicts[0]?.filters[0];
    expect(filter?.decidedBy).toEqual({
      part: "branches",
      path: ["triggers", 0, "gitConfiguration", "push", 0, "branches", "excludes", 0],
    });
  });

  it("reports patterns that are not valid globs", () => {
    const result = testTriggers(withTrigger({ push: [{ branches: { includes: ["[main"] } }] }), push("main"));
    expect(result.fires).toBe(false);
    expect(result.verdicts[0]?.problems[0]).toContain('"[main" never matches');
  });

  it("survives a malformed document", () => {
    const broken = {
      name: "x",
      stages: "nope",
      triggers: [null, { gitConfiguration: 3 }],
    } as unknown as PipelineDeclaration;
    expect(testTriggers(broken, push("main")).fires).toBe(false);
  });

  it("a DetectChanges false source without a trigger does not start on a push", () => {
    const pipeline = withTrigger({});
    pipeline.triggers = [];
    const source = pipeline.stages[0]?.actions[0];
    if (source) source.configuration = { ...source.configuration, DetectChanges: "false" };
    const result = testTriggers(pipeline, push("main"));
    expect(result.fires).toBe(false);
    expect(result.reason).toContain("DetectChanges is false");
  });
});
