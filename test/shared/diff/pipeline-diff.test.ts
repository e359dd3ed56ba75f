import { describe, expect, it } from "vitest";
import { diffPipelines, renderDiff, samePipeline, summarizeDiff } from "../../../shared/diff";
import type {
  ActionDeclaration,
  PipelineDeclaration,
  StageDeclaration,
} from "../../../shared/pipeline/model";

function action(name: string, extra: Partial<ActionDeclaration> = {}): ActionDeclaration {
  return {
    name,
    actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
    configuration: { ProjectName: name.toLowerCase() },
    inputArtifacts: [{ name: "Src" }],
    ...extra,
  };
}

function stage(
  name: string,
  actions: ActionDeclaration[],
  extra: Partial<StageDeclaration> = {},
): StageDeclaration {
  return { name, actions, ...extra };
}

function pipeline(stages: StageDeclaration[], extra: Partial<PipelineDeclaration> = {}): PipelineDeclaration {
  return {
    name: "p",
    roleArn: "arn:aws:iam::123456789012:role/r",
    artifactStore: { type: "S3", location: "bucket" },
    stages,
    ...extra,
  };
}

const source = stage("Source", [
  {
    name: "Checkout",
    actionTypeId: { category: "Source", owner: "AWS", provider: "CodeCommit", version: "1" },
    configuration: { RepositoryName: "repo", BranchName: "main" },
    outputArtifacts: [{ name: "Src" }],
  },
]);

const base = pipeline([
  source,
  stage("Build", [action("Compile"), action("Lint")]),
  stage("Deploy", [action("Ship")]),
]);

describe("diffPipelines", () => {
  it("reports nothing for identical pipelines and ignores the version", () => {
    const diff = diffPipelines({ ...base, version: 3 }, { ...structuredClone(base), version: 7 });
    expect(diff.identical).toBe(true);
    expect(diff.stages).toEqual([]);
    expect(summarizeDiff(diff.summary)).toBe("no changes");
    expect(renderDiff(diff)).toBe("No changes.\n");
  });

  it("treats the members the service fills in as present with their default", () => {
    const remote = structuredClone(base) as PipelineDeclaration;
    remote.executionMode = "SUPERSEDED";
    remote.pipelineType = "V1";
    for (const s of remote.stages) {
      for (const a of s.actions) Object.assign(a, { runOrder: 1, outputArtifacts: a.outputArtifacts ?? [] });
    }
    expect(samePipeline(remote, base)).toBe(true);
    remote.stages[1]!.actions[0]!.runOrder = 2;
    expect(samePipeline(remote, base)).toBe(false);
  });

  it("counts a masked secret as unchanged on either side, but not an edited one", () => {
    const withSecret = (token: string) =>
      pipeline([
        stage("Source", [{ ...source.actions[0]!, configuration: { OAuthToken: token, Repo: "r" } }]),
        base.stages[1]!,
      ]);
    expect(diffPipelines(withSecret("****"), withSecret("ghp_real")).identical).toBe(true);
    expect(diffPipelines(withSecret("ghp_real"), withSecret("****")).identical).toBe(true);
    const diff = diffPipelines(withSecret("old"), withSecret("new"));
    expect(diff.stages[0]!.actions[0]!.changes).toEqual([
      {
        kind: "changed",
        path: ["stages", 0, "actions", 0, "configuration", "OAuthToken"],
        before: "old",
        after: "new",
      },
    ]);
  });

  it("reports member changes at the deepest member with the document's indexes", () => {
    const after = pipeline(
      [
        source,
        stage("Build", [
          action("Lint"),
          action("Compile", {
            configuration: { ProjectName: "compile", EnvironmentVariables: "[]" },
            runOrder: 2,
          }),
        ]),
        stage("Deploy", [action("Ship")]),
      ],
      { executionMode: "QUEUED", pipelineType: "V2" },
    );
    const diff = diffPipelines(base, after);
    expect(diff.pipeline).toEqual([
      { kind: "changed", path: ["executionMode"], before: "SUPERSEDED", after: "QUEUED" },
      { kind: "changed", path: ["pipelineType"], before: "V1", after: "V2" },
    ]);
    expect(diff.stages).toHaveLength(1);
    const build = diff.stages[0]!;
    expect(build).toMatchObject({ kind: "changed", name: "Build", fromIndex: 1, toIndex: 1 });
    // Reordering actions inside a stage is not a change: runOrder, not array order, decides.
    expect(build.actions).toEqual([
      {
        kind: "changed",
        name: "Compile",
        stage: "Build",
        changes: [
          {
            kind: "added",
            path: ["stages", 1, "actions", 1, "configuration", "EnvironmentVariables"],
            after: "[]",
          },
          { kind: "changed", path: ["stages", 1, "actions", 1, "runOrder"], before: 1, after: 2 },
        ],
      },
    ]);
  });

  it("finds added, removed and changed stages and actions", () => {
    const after = pipeline([
      source,
      stage("Build", [action("Compile"), action("UnitTest")]),
      stage("Approve", [action("Gate")]),
      stage("Deploy", [action("Ship")], { onFailure: { result: "ROLLBACK" } }),
    ]);
    const diff = diffPipelines(base, after);
    expect(diff.stages.map((s) => [s.kind, s.name])).toEqual([
      ["changed", "Build"],
      ["added", "Approve"],
      ["changed", "Deploy"],
    ]);
    expect(diff.stages[0]!.actions.map((a) => [a.kind, a.name])).toEqual([
      ["added", "UnitTest"],
      ["removed", "Lint"],
    ]);
    expect(diff.stages[1]!.actions).toEqual([{ kind: "added", name: "Gate", stage: "Approve", changes: [] }]);
    expect(diff.stages[2]!.changes).toEqual([
      { kind: "added", path: ["stages", 3, "onFailure"], after: { result: "ROLLBACK" } },
    ]);
    expect(summarizeDiff(diff.summary)).toBe(
      "1 stage added, 2 stages changed, 2 actions added, 1 action removed",
    );
  });

  it("reports an action removed from a stage that has no other change", () => {
    const after = pipeline([source, stage("Build", [action("Compile")]), stage("Deploy", [action("Ship")])]);
    expect(diffPipelines(base, after).stages).toEqual([
      {
        kind: "changed",
        name: "Build",
        fromIndex: 1,
        toIndex: 1,
        changes: [],
        actions: [{ kind: "removed", name: "Lint", stage: "Build", changes: [] }],
      },
    ]);
  });

  it("reports a removed stage where it was, with its actions", () => {
    const after = pipeline([source, stage("Deploy", [action("Ship")])]);
    const diff = diffPipelines(base, after);
    expect(diff.stages).toEqual([
      {
        kind: "removed",
        name: "Build",
        fromIndex: 1,
        changes: [],
        actions: [
          { kind: "removed", name: "Compile", stage: "Build", changes: [] },
          { kind: "removed", name: "Lint", stage: "Build", changes: [] },
        ],
      },
    ]);
    expect(diff.summary).toMatchObject({ stagesRemoved: 1, actionsRemoved: 2, stagesMoved: 0 });
  });

  it("reports one moved stage, not every stage it passed", () => {
    const a = stage("A", [action("a")]);
    const b = stage("B", [action("b")]);
    const c = stage("C", [action("c")]);
    const d = stage("D", [action("d")]);
    const diff = diffPipelines(pipeline([source, a, b, c, d]), pipeline([source, b, c, d, a]));
    expect(diff.stages).toEqual([
      { kind: "moved", name: "A", fromIndex: 1, toIndex: 4, changes: [], actions: [], contentChanged: false },
    ]);
    expect(renderDiff(diff)).toContain("> stage A (moved from position 2 to 5)");
  });

  it("matches an action by name across stages as a move, with its member changes", () => {
    const after = pipeline([
      source,
      stage("Build", [action("Compile")]),
      stage("Deploy", [action("Ship"), action("Lint", { runOrder: 2 })]),
    ]);
    const diff = diffPipelines(base, after);
    expect(diff.summary).toMatchObject({ actionsMoved: 1, actionsRemoved: 0, actionsAdded: 0 });
    const deploy = diff.stages.find((s) => s.name === "Deploy")!;
    expect(deploy.actions).toEqual([
      {
        kind: "moved",
        name: "Lint",
        stage: "Deploy",
        fromStage: "Build",
        changes: [{ kind: "changed", path: ["stages", 2, "actions", 1, "runOrder"], before: 1, after: 2 }],
      },
    ]);
    // The stage it left lists nothing for it, since the move is reported once.
    expect(diff.stages.find((s) => s.name === "Build")).toBeUndefined();
  });

  it("moves actions out of a removed stage into a new one (a renamed stage)", () => {
    const after = pipeline([
      source,
      stage("Compile", [action("Compile"), action("Lint")]),
      stage("Deploy", [action("Ship")]),
    ]);
    const diff = diffPipelines(base, after);
    expect(diff.stages.map((s) => [s.kind, s.name, s.actions.map((a) => a.kind)])).toEqual([
      ["added", "Compile", ["moved", "moved"]],
      ["removed", "Build", []],
    ]);
  });

  it("compares unknown members too and never reads __proto__ as a prototype", () => {
    const before = pipeline(base.stages, JSON.parse('{"__proto__": {"x": 1}, "futureField": "a"}') as object);
    const after = pipeline(base.stages, JSON.parse('{"__proto__": {"x": 2}, "futureField": "a"}') as object);
    const diff = diffPipelines(before, after);
    expect(diff.pipeline).toEqual([{ kind: "changed", path: ["__proto__", "x"], before: 1, after: 2 }]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe("renderDiff", () => {
  it("renders every kind of change with readable paths and a summary", () => {
    const after = pipeline(
      [
        source,
        stage("Build", [action("Compile", { configuration: { ProjectName: "other" } })]),
        stage("Deploy", [action("Ship"), action("Lint")]),
        stage("Smoke", [action("Probe")]),
      ],
      { roleArn: "arn:aws:iam::123456789012:role/other" },
    );
    expect(renderDiff(diffPipelines(base, after))).toBe(
      [
        "~ pipeline",
        '    ~ roleArn: "arn:aws:iam::123456789012:role/r" -> "arn:aws:iam::123456789012:role/other"',
        "~ stage Build",
        "    ~ action Compile",
        '        ~ configuration.ProjectName: "compile" -> "other"',
        "~ stage Deploy",
        "    > action Lint (moved from stage Build)",
        "+ stage Smoke",
        "    + action Probe",
        "Summary: 1 stage added, 2 stages changed, 1 action added, 1 action moved, 1 action changed, 1 pipeline setting changed.",
        "",
      ].join("\n"),
    );
  });
});

describe("renderDiff and secrets", () => {
  it("never prints a secret configuration value, by catalog key or by name", () => {
    const withConfig = (configuration: Record<string, string>) =>
      pipeline([stage("Source", [{ ...source.actions[0]!, configuration }]), base.stages[1]!]);
    const text = renderDiff(
      diffPipelines(
        withConfig({ Owner: "me", OAuthToken: "ghp_old", Repo: "r" }),
        withConfig({ Owner: "you", OAuthToken: "ghp_new", CustomPassword: "hunter2", Repo: "r" }),
      ),
    );
    expect(text).toContain('~ configuration.Owner: "me" -> "you"');
    expect(text).toContain('~ configuration.OAuthToken: "(secret)" -> "(secret)"');
    expect(text).toContain('+ configuration.CustomPassword: "(secret)"');
    expect(text).not.toMatch(/ghp_|hunter2/);
    const added = renderDiff(
      diffPipelines(
        pipeline([
          stage("Source", [{ ...source.actions[0]!, configuration: undefined as never }]),
          base.stages[1]!,
        ]),
        withConfig({ OAuthToken: "ghp_x", Repo: "r" }),
      ),
    );
    expect(added).not.toContain("ghp_x");
  });
});
