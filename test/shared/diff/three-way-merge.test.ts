import { describe, expect, it } from "vitest";
import { formatConflictValue, mergePipelines, samePipeline } from "../../../shared/diff";
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

function stage(name: string, actions: ActionDeclaration[]): StageDeclaration {
  return { name, actions };
}

const BASE: PipelineDeclaration = {
  name: "p",
  roleArn: "arn:aws:iam::123456789012:role/r",
  artifactStore: { type: "S3", location: "bucket" },
  stages: [
    stage("Source", [
      {
        name: "Checkout",
        actionTypeId: { category: "Source", owner: "AWS", provider: "CodeCommit", version: "1" },
        configuration: { RepositoryName: "repo", BranchName: "main" },
        outputArtifacts: [{ name: "Src" }],
      },
    ]),
    stage("Build", [action("Compile"), action("Lint")]),
    stage("Deploy", [action("Ship")]),
  ],
  version: 3,
};

/** A copy of the base changed by `edit`. */
function edited(
  edit: (p: PipelineDeclaration) => void,
  from: PipelineDeclaration = BASE,
): PipelineDeclaration {
  const copy = structuredClone(from);
  edit(copy);
  return copy;
}

function stageNamed(p: PipelineDeclaration, name: string): StageDeclaration {
  const found = p.stages.find((s) => s.name === name);
  if (!found) throw new Error(`no stage ${name} in ${p.stages.map((s) => s.name).join(", ")}`);
  return found;
}

function actionNamed(p: PipelineDeclaration, stageName: string, name: string): ActionDeclaration {
  const found = stageNamed(p, stageName).actions.find((a) => a.name === name);
  if (!found) throw new Error(`no action ${name} in stage ${stageName}`);
  return found;
}

describe("mergePipelines: changes on different parts", () => {
  it("takes both sides' changes to different configuration keys of one action, and the remote version", () => {
    const theirs = edited((p) => {
      p.stages[1]!.actions[0]!.configuration!["EnvironmentVariables"] = "[]";
      p.version = 5;
    });
    const ours = edited((p) => {
      p.stages[1]!.actions[0]!.configuration!["ProjectName"] = "renamed";
    });
    const { pipeline, conflicts } = mergePipelines(BASE, theirs, ours);
    expect(conflicts).toEqual([]);
    expect(actionNamed(pipeline, "Build", "Compile").configuration).toEqual({
      ProjectName: "renamed",
      EnvironmentVariables: "[]",
    });
    expect(pipeline.version).toBe(5);
  });

  it("places the remote's new stage after its remote predecessor, in the document's order", () => {
    const theirs = edited((p) => {
      p.stages.splice(2, 0, stage("Test", [action("UnitTests")]));
    });
    const ours = edited((p) => {
      p.stages.push(stage("Verify", [action("Smoke")]));
      p.stages[1]!.actions.reverse();
    });
    const { pipeline, conflicts } = mergePipelines(BASE, theirs, ours);
    expect(conflicts).toEqual([]);
    expect(pipeline.stages.map((s) => s.name)).toEqual(["Source", "Build", "Test", "Deploy", "Verify"]);
    expect(stageNamed(pipeline, "Build").actions.map((a) => a.name)).toEqual(["Lint", "Compile"]);
  });

  it("takes the remote's order when only the remote reordered, adding the document's new action after its predecessor", () => {
    const theirs = edited((p) => {
      p.stages[1]!.actions.reverse();
    });
    const ours = edited((p) => {
      p.stages[1]!.actions.splice(1, 0, action("Audit"));
    });
    const { pipeline, conflicts } = mergePipelines(BASE, theirs, ours);
    expect(conflicts).toEqual([]);
    expect(stageNamed(pipeline, "Build").actions.map((a) => a.name)).toEqual(["Lint", "Compile", "Audit"]);
  });

  it("removes what one side removed and the other left alone", () => {
    const theirs = edited((p) => {
      p.stages[1]!.actions.pop();
    });
    const ours = edited((p) => {
      p.stages.pop();
    });
    const { pipeline, conflicts } = mergePipelines(BASE, theirs, ours);
    expect(conflicts).toEqual([]);
    expect(pipeline.stages.map((s) => s.name)).toEqual(["Source", "Build"]);
    expect(stageNamed(pipeline, "Build").actions.map((a) => a.name)).toEqual(["Compile"]);
  });

  it("recognises a renamed stage, so a rename on one side and an edit inside on the other both apply", () => {
    const theirs = edited((p) => {
      p.stages[1]!.name = "Compile-and-lint";
    });
    const ours = edited((p) => {
      p.stages[1]!.actions[1]!.configuration = { ProjectName: "strict-lint" };
      p.stages[1]!.actions.push(action("Audit"));
    });
    const { pipeline, conflicts } = mergePipelines(BASE, theirs, ours);
    expect(conflicts).toEqual([]);
    expect(pipeline.stages.map((s) => s.name)).toEqual(["Source", "Compile-and-lint", "Deploy"]);
    expect(actionNamed(pipeline, "Compile-and-lint", "Lint").configuration).toEqual({
      ProjectName: "strict-lint",
    });
    expect(stageNamed(pipeline, "Compile-and-lint").actions.map((a) => a.name)).toEqual([
      "Compile",
      "Lint",
      "Audit",
    ]);
  });

  it("recognises a renamed action (everything else equal) next to an edit of it on the other side", () => {
    const theirs = edited((p) => {
      p.stages[2]!.actions[0]!.name = "Release";
    });
    const ours = edited((p) => {
      p.stages[2]!.actions[0]!.runOrder = 2;
    });
    const { pipeline, conflicts } = mergePipelines(BASE, theirs, ours);
    expect(conflicts).toEqual([]);
    expect(stageNamed(pipeline, "Deploy").actions).toEqual([
      { ...action("Ship"), name: "Release", runOrder: 2 },
    ]);
  });

  it("merges named lists by name (artifacts, variables) and keeps unknown members of both sides", () => {
    const withVariables = edited((p) => {
      p.variables = [{ name: "Env", defaultValue: "dev" }];
    });
    const theirs = edited((p) => {
      p.variables!.push({ name: "Region", defaultValue: "eu-west-1" });
      p.stages[2]!.actions[0]!.inputArtifacts!.push({ name: "Docs" });
      p["x-remote"] = { added: true };
    }, withVariables);
    const ours = edited((p) => {
      p.variables![0]!.defaultValue = "prod";
      p.stages[2]!.actions[0]!.inputArtifacts!.push({ name: "Config" });
      p.stages[2]!["x-owner"] = "team-a";
      p.stages[2]!.actions[0]!["x-note"] = [1, 2];
    }, withVariables);
    const { pipeline, conflicts } = mergePipelines(withVariables, theirs, ours);
    expect(conflicts).toEqual([]);
    expect(pipeline.variables).toEqual([
      { name: "Env", defaultValue: "prod" },
      { name: "Region", defaultValue: "eu-west-1" },
    ]);
    const ship = actionNamed(pipeline, "Deploy", "Ship");
    expect(ship.inputArtifacts).toEqual([{ name: "Src" }, { name: "Docs" }, { name: "Config" }]);
    expect(ship["x-note"]).toEqual([1, 2]);
    expect(stageNamed(pipeline, "Deploy")["x-owner"]).toBe("team-a");
    expect(pipeline["x-remote"]).toEqual({ added: true });
  });

  it("is not fooled by service defaults or masked secrets: the document's own form is kept", () => {
    const secretBase = edited((p) => {
      p.stages[0]!.actions[0]!.configuration!["OAuthToken"] = "****";
    });
    // The remote as GetPipeline reports it: defaults filled in, the secret masked.
    const theirs = edited((p) => {
      p.pipelineType = "V1";
      p.executionMode = "SUPERSEDED";
      for (const s of p.stages) for (const a of s.actions) Object.assign(a, { runOrder: a.runOrder ?? 1 });
      p.stages[0]!.actions[0]!.configuration!["BranchName"] = "release";
      p.stages[0]!.actions[0]!.outputArtifacts = [{ name: "Src" }];
      p.stages[0]!.actions[0]!.inputArtifacts = [];
    }, secretBase);
    const ours = edited((p) => {
      p.stages[0]!.actions[0]!.configuration!["OAuthToken"] = "the-real-token";
      p.stages[2]!.actions[0]!.configuration = { ProjectName: "shipper" };
    }, secretBase);
    const { pipeline, conflicts } = mergePipelines(secretBase, theirs, ours);
    expect(conflicts).toEqual([]);
    expect(actionNamed(pipeline, "Source", "Checkout").configuration).toEqual({
      RepositoryName: "repo",
      BranchName: "release",
      OAuthToken: "the-real-token",
    });
    expect(actionNamed(pipeline, "Deploy", "Ship").configuration).toEqual({ ProjectName: "shipper" });
    // Members the document leaves to the service stay out of it.
    expect(actionNamed(pipeline, "Build", "Compile")).not.toHaveProperty("runOrder");
    expect(pipeline).not.toHaveProperty("pipelineType");
    expect(samePipeline(pipeline, { ...theirs, stages: pipeline.stages })).toBe(true);
  });
});

describe("mergePipelines: no false conflicts", () => {
  it("drops a stage the remote removed when the document differs from it only by defaults and a real secret", () => {
    const remoteBase = edited((p) => {
      p.stages[1]!.actions[0]!.configuration!["OAuthToken"] = "****";
      for (const a of p.stages[1]!.actions) Object.assign(a, { runOrder: 1, outputArtifacts: [] });
    });
    const theirs = edited((p) => {
      p.stages.splice(1, 1);
    }, remoteBase);
    const ours = edited((p) => {
      p.stages[1]!.actions[0]!.configuration!["OAuthToken"] = "the-real-token";
      for (const a of p.stages[1]!.actions) {
        delete a.runOrder;
        delete a.outputArtifacts;
      }
    }, remoteBase);
    const { pipeline, conflicts } = mergePipelines(remoteBase, theirs, ours);
    expect(conflicts).toEqual([]);
    expect(pipeline.stages.map((s) => s.name)).toEqual(["Source", "Deploy"]);
  });
});

describe("mergePipelines: conflicts", () => {
  it("reports a member both sides changed differently, resolved by the preference", () => {
    const theirs = edited((p) => {
      p.stages[1]!.actions[0]!.configuration!["ProjectName"] = "theirs-project";
    });
    const ours = edited((p) => {
      p.stages[1]!.actions[0]!.configuration!["ProjectName"] = "our-project";
    });
    const mine = mergePipelines(BASE, theirs, ours);
    expect(mine.conflicts).toEqual([
      {
        kind: "both-changed",
        path: ["stages", 1, "actions", 0, "configuration", "ProjectName"],
        subject: "Stage Build, action Compile: configuration.ProjectName",
        base: "compile",
        theirs: "theirs-project",
        ours: "our-project",
        message:
          'Stage Build, action Compile: configuration.ProjectName changed both remotely ("theirs-project") and in the document ("our-project")',
      },
    ]);
    expect(actionNamed(mine.pipeline, "Build", "Compile").configuration!["ProjectName"]).toBe("our-project");
    const their = mergePipelines(BASE, theirs, ours, { prefer: "theirs" });
    expect(their.conflicts).toEqual(mine.conflicts);
    expect(actionNamed(their.pipeline, "Build", "Compile").configuration!["ProjectName"]).toBe(
      "theirs-project",
    );
  });

  it("hides secret values in a conflict's message", () => {
    const theirs = edited((p) => {
      p.stages[0]!.actions[0]!.configuration!["OAuthToken"] = "remote-secret";
    });
    const ours = edited((p) => {
      p.stages[0]!.actions[0]!.configuration!["OAuthToken"] = "local-secret";
    });
    const [conflict] = mergePipelines(BASE, theirs, ours).conflicts;
    expect(conflict?.kind).toBe("both-changed");
    expect(conflict?.message).not.toMatch(/remote-secret|local-secret/);
    expect(conflict?.message).toContain("(secret)");
    expect(formatConflictValue(conflict!, "theirs")).toBe('"(secret)"');
  });

  it("reports a stage the remote removed while the document changed it", () => {
    const theirs = edited((p) => {
      p.stages.pop();
    });
    const ours = edited((p) => {
      p.stages[2]!.actions[0]!.configuration = { ProjectName: "changed" };
    });
    const mine = mergePipelines(BASE, theirs, ours);
    expect(mine.conflicts).toMatchObject([
      {
        kind: "removed-remotely",
        path: ["stages", 2],
        subject: "Stage Deploy",
        message: "Stage Deploy was removed remotely but changed in the document",
      },
    ]);
    expect(mine.conflicts[0]).not.toHaveProperty("theirs");
    expect(formatConflictValue(mine.conflicts[0]!, "theirs")).toBe("removed");
    expect(formatConflictValue(mine.conflicts[0]!, "ours")).toMatch(/^\{"name":"Deploy","actions":\[/);
    expect(mine.pipeline.stages.map((s) => s.name)).toEqual(["Source", "Build", "Deploy"]);
    expect(
      mergePipelines(BASE, theirs, ours, { prefer: "theirs" }).pipeline.stages.map((s) => s.name),
    ).toEqual(["Source", "Build"]);
  });

  it("reports an action the document removed while the remote changed it", () => {
    const theirs = edited((p) => {
      p.stages[1]!.actions[1]!.runOrder = 2;
    });
    const ours = edited((p) => {
      p.stages[1]!.actions.pop();
    });
    const mine = mergePipelines(BASE, theirs, ours);
    expect(mine.conflicts).toMatchObject([
      {
        kind: "removed-locally",
        path: ["stages", 1, "actions", 1],
        subject: "Stage Build, action Lint",
        theirs: { name: "Lint", runOrder: 2 },
      },
    ]);
    expect(stageNamed(mine.pipeline, "Build").actions.map((a) => a.name)).toEqual(["Compile"]);
    const their = mergePipelines(BASE, theirs, ours, { prefer: "theirs" });
    expect(stageNamed(their.pipeline, "Build").actions.map((a) => a.name)).toEqual(["Compile", "Lint"]);
  });

  it("reports a stage both sides renamed, each its own way", () => {
    const theirs = edited((p) => {
      p.stages[1]!.name = "ConsoleBuild";
    });
    const ours = edited((p) => {
      p.stages[1]!.name = "Compile";
    });
    const mine = mergePipelines(BASE, theirs, ours);
    expect(mine.conflicts).toMatchObject([
      { kind: "both-changed", path: ["stages", 1, "name"], theirs: "ConsoleBuild", ours: "Compile" },
    ]);
    expect(mine.pipeline.stages.map((s) => s.name)).toEqual(["Source", "Compile", "Deploy"]);
    const their = mergePipelines(BASE, theirs, ours, { prefer: "theirs" });
    expect(their.pipeline.stages.map((s) => s.name)).toEqual(["Source", "ConsoleBuild", "Deploy"]);
  });

  it("reports stages both sides reordered differently", () => {
    const theirs = edited((p) => {
      p.stages = [p.stages[0]!, p.stages[2]!, p.stages[1]!];
    });
    const ours = edited((p) => {
      p.stages = [p.stages[1]!, p.stages[0]!, p.stages[2]!];
    });
    const mine = mergePipelines(BASE, theirs, ours);
    expect(mine.conflicts).toEqual([
      {
        kind: "reordered",
        path: ["stages"],
        subject: "Pipeline: stages",
        theirs: ["Source", "Deploy", "Build"],
        ours: ["Build", "Source", "Deploy"],
        message:
          "Pipeline: stages were reordered both remotely (Source, Deploy, Build) and in the document (Build, Source, Deploy)",
      },
    ]);
    expect(mine.pipeline.stages.map((s) => s.name)).toEqual(["Build", "Source", "Deploy"]);
    expect(formatConflictValue(mine.conflicts[0]!, "ours")).toBe("Build, Source, Deploy");
    const their = mergePipelines(BASE, theirs, ours, { prefer: "theirs" });
    expect(their.pipeline.stages.map((s) => s.name)).toEqual(["Source", "Deploy", "Build"]);
  });

  it("reports whole values (triggers) both sides changed, and pipeline members removed on one side", () => {
    const trigger = (branch: string) => ({
      providerType: "CodeStarSourceConnection" as const,
      gitConfiguration: { sourceActionName: "Checkout", push: [{ branches: { includes: [branch] } }] },
    });
    const v2 = edited((p) => {
      p.triggers = [trigger("main")];
    });
    const theirs = edited((p) => {
      p.triggers = [trigger("release")];
      delete p.artifactStore;
    }, v2);
    const ours = edited((p) => {
      p.triggers = [trigger("develop")];
      p.artifactStore = { type: "S3", location: "other-bucket" };
    }, v2);
    const { conflicts } = mergePipelines(v2, theirs, ours);
    expect(conflicts.map((c) => [c.kind, c.subject])).toEqual([
      ["removed-remotely", "Pipeline: artifactStore"],
      ["both-changed", "Pipeline: triggers"],
    ]);
  });

  it("never makes two stages of one name: a rename to a name the other side added merges with it", () => {
    const theirs = edited((p) => {
      p.stages.push(stage("Release", [action("Ship")]));
    });
    const ours = edited((p) => {
      p.stages[2]!.name = "Release";
    });
    const { pipeline, conflicts } = mergePipelines(BASE, theirs, ours);
    expect(conflicts).toEqual([]);
    expect(pipeline.stages.map((s) => s.name)).toEqual(["Source", "Build", "Release"]);
  });

  it("merges a stage both sides added under one name member by member", () => {
    const theirs = edited((p) => {
      p.stages.push(stage("Test", [action("Unit"), action("Smoke")]));
    });
    const ours = edited((p) => {
      p.stages.push(stage("Test", [action("Unit", { runOrder: 2 }), action("E2E")]));
    });
    const { pipeline, conflicts } = mergePipelines(BASE, theirs, ours);
    expect(conflicts).toMatchObject([
      { kind: "both-changed", path: ["stages", 3, "actions", 0, "runOrder"], theirs: 1, ours: 2 },
    ]);
    expect(stageNamed(pipeline, "Test").actions.map((a) => a.name)).toEqual(["Unit", "Smoke", "E2E"]);
  });
});
