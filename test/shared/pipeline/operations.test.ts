import { describe, expect, it } from "vitest";
import type { PipelineDeclaration, PipelineDocument } from "../../../shared/pipeline/model";
import {
  addAction,
  addStage,
  addStageWithAction,
  connectArtifact,
  insertAction,
  moveAction,
  moveStage,
  removeAction,
  removeStage,
  renameAction,
  renameOutputArtifact,
  renameStage,
  setActionMembers,
  setConfigurationValue,
  setPipelineMembers,
} from "../../../shared/pipeline/operations";
import { documentRoot, updateDocumentPipeline } from "../../../shared/pipeline/document";
import { runOrderGroups } from "../../../shared/pipeline/run-order";
import { uniqueName } from "../../../shared/pipeline/names";

const S3_SOURCE = {
  category: "Source",
  owner: "AWS",
  provider: "S3",
  version: "1",
  inputArtifacts: { min: 0, max: 0 },
  outputArtifacts: { min: 1, max: 1 },
} as const;
const CODEBUILD = {
  ...S3_SOURCE,
  category: "Build",
  provider: "CodeBuild",
  inputArtifacts: { min: 1, max: 5 },
  outputArtifacts: { min: 0, max: 5 },
} as const;
const ECS = {
  ...S3_SOURCE,
  category: "Deploy",
  provider: "ECS",
  inputArtifacts: { min: 1, max: 1 },
  outputArtifacts: { min: 0, max: 0 },
} as const;
const MANUAL = {
  ...S3_SOURCE,
  category: "Approval",
  provider: "Manual",
  inputArtifacts: { min: 0, max: 0 },
  outputArtifacts: { min: 0, max: 0 },
} as const;

function base(): PipelineDeclaration {
  return {
    name: "demo",
    roleArn: "arn:aws:iam::111122223333:role/demo",
    artifactStore: { type: "S3", location: "bucket" },
    stages: [
      {
        name: "Source",
        actions: [
          {
            name: "Source",
            actionTypeId: { category: "Source", owner: "AWS", provider: "S3", version: "1" },
            outputArtifacts: [{ name: "SourceArtifact" }],
            configuration: { S3Bucket: "b", S3ObjectKey: "k" },
          },
        ],
      },
      {
        name: "Build",
        actions: [
          {
            name: "Build",
            actionTypeId: { category: "Build", owner: "AWS", provider: "CodeBuild", version: "1" },
            runOrder: 1,
            inputArtifacts: [{ name: "SourceArtifact" }],
            outputArtifacts: [{ name: "BuildArtifact" }],
            configuration: { ProjectName: "p" },
          },
        ],
      },
    ],
  };
}

const names = (p: PipelineDeclaration, stage: number) =>
  p.stages[stage]?.actions.map((a) => `${a.name}@${a.runOrder ?? 1}`);

describe("pipeline operations", () => {
  it("never mutate their input", () => {
    const p = base();
    const frozen = JSON.stringify(p);
    addAction(p, ECS, { stage: 1, runOrder: 1, mode: "after" });
    moveStage(p, 0, 1);
    renameAction(p, { stage: 0, action: 0 }, "X");
    setConfigurationValue(p, { stage: 1, action: 0 }, "ProjectName", "q");
    expect(JSON.stringify(p)).toBe(frozen);
  });

  it("return the same object for an address that does not exist", () => {
    const p = base();
    expect(removeStage(p, 9)).toBe(p);
    expect(removeAction(p, { stage: 1, action: 4 })).toBe(p);
    expect(renameStage(p, -1, "x")).toBe(p);
    expect(moveAction(p, { stage: 5, action: 0 }, { stage: 0, runOrder: 1, mode: "parallel" })).toBe(p);
    expect(setConfigurationValue(p, { stage: 0, action: 3 }, "k", "v")).toBe(p);
  });

  it("adds a stage with a unique name at the given index", () => {
    const p = addStage(base(), 1, { name: "Build" });
    expect(p.stages.map((s) => s.name)).toEqual(["Source", "Build2", "Build"]);
    expect(addStage(base(), 99).stages.at(-1)?.name).toBe("Stage");
  });

  it("removes, renames and moves stages", () => {
    expect(removeStage(base(), 0).stages.map((s) => s.name)).toEqual(["Build"]);
    expect(renameStage(base(), 1, "Compile").stages[1]?.name).toBe("Compile");
    expect(moveStage(base(), 1, 0).stages.map((s) => s.name)).toEqual(["Build", "Source"]);
  });

  it("adds an action with smart defaults wired to the nearest upstream output", () => {
    const p = addStageWithAction(base(), 2, ECS);
    const deploy = p.stages[2]?.actions[0];
    expect(p.stages[2]?.name).toBe("Deploy");
    expect(deploy).toMatchObject({
      name: "ECS",
      actionTypeId: { category: "Deploy", provider: "ECS" },
      runOrder: 1,
      inputArtifacts: [{ name: "BuildArtifact" }],
    });
    expect(deploy?.outputArtifacts).toBeUndefined();
  });

  it("gives a new build action a unique name, an output artifact and namespace", () => {
    const p = addAction(base(), CODEBUILD, { stage: 1, runOrder: 1, mode: "parallel" });
    const added = p.stages[1]?.actions[1];
    expect(added?.name).toBe("CodeBuild");
    expect(added?.inputArtifacts).toEqual([{ name: "SourceArtifact" }]);
    expect(added?.outputArtifacts).toEqual([{ name: "BuildArtifact2" }]);
    expect(added?.namespace).toBe("BuildVariables");
    const again = addAction(p, CODEBUILD, { stage: 1, runOrder: 1, mode: "parallel" });
    expect(again.stages[1]?.actions[2]?.name).toBe("CodeBuild2");
  });

  it("wires to an earlier group of the same stage before earlier stages", () => {
    const p = addAction(base(), ECS, { stage: 1, runOrder: 1, mode: "after" });
    expect(p.stages[1]?.actions[1]?.inputArtifacts).toEqual([{ name: "BuildArtifact" }]);
    const parallel = addAction(base(), ECS, { stage: 1, runOrder: 1, mode: "parallel" });
    expect(parallel.stages[1]?.actions[1]?.inputArtifacts).toEqual([{ name: "SourceArtifact" }]);
  });

  it("adds no input artifacts to a type that takes none", () => {
    const p = addAction(base(), MANUAL, { stage: 1, runOrder: 1, mode: "before" });
    expect(p.stages[1]?.actions[0]?.inputArtifacts).toBeUndefined();
  });

  it("opens a new runOrder group before or after, shifting only when there is no gap", () => {
    let p = addAction(base(), MANUAL, { stage: 1, runOrder: 1, mode: "before" });
    expect(names(p, 1)).toEqual(["Manual@1", "Build@2"]);
    p = addAction(p, ECS, { stage: 1, runOrder: 1, mode: "after" });
    expect(names(p, 1)).toEqual(["Manual@1", "ECS@2", "Build@3"]);
    const gap = setActionMembers(base(), { stage: 1, action: 0 }, { runOrder: 3 });
    const filled = addAction(gap, MANUAL, { stage: 1, runOrder: 3, mode: "before" });
    expect(names(filled, 1)).toEqual(["Manual@2", "Build@3"]);
  });

  it("moves an action between stages and groups, keeping names unique per stage", () => {
    const p = addAction(base(), CODEBUILD, { stage: 1, runOrder: 1, mode: "after" });
    const moved = moveAction(p, { stage: 1, action: 1 }, { stage: 1, runOrder: 1, mode: "parallel" });
    expect(runOrderGroups(moved.stages[1]!).map((g) => g.actionIndexes.length)).toEqual([2]);
    const toStage = moveAction(base(), { stage: 1, action: 0 }, { stage: 0, runOrder: 1, mode: "after" });
    expect(names(toStage, 0)).toEqual(["Source@1", "Build@2"]);
    expect(toStage.stages[1]?.actions).toEqual([]);
    const clash = moveAction(
      addStage(base(), 2, { actions: [{ ...base().stages[1]!.actions[0]! }] }),
      { stage: 2, action: 0 },
      { stage: 1, runOrder: 1, mode: "parallel" },
    );
    expect(names(clash, 1)).toEqual(["Build@1", "Build2@1"]);
  });

  it("treats moving an action into its own group as a no-op", () => {
    const p = base();
    expect(moveAction(p, { stage: 1, action: 0 }, { stage: 1, runOrder: 1, mode: "parallel" })).toBe(p);
  });

  it("renames a source action and the trigger that names it", () => {
    const p = setPipelineMembers(base(), {
      pipelineType: "V2",
      triggers: [
        { providerType: "CodeStarSourceConnection", gitConfiguration: { sourceActionName: "Source" } },
      ],
    });
    const renamed = renameAction(p, { stage: 0, action: 0 }, "Checkout");
    expect(renamed.stages[0]?.actions[0]?.name).toBe("Checkout");
    expect(renamed.triggers?.[0]?.gitConfiguration.sourceActionName).toBe("Checkout");
  });

  it("renames an output artifact and its consumers", () => {
    const p = renameOutputArtifact(base(), { stage: 0, action: 0 }, 0, "Code");
    expect(p.stages[0]?.actions[0]?.outputArtifacts).toEqual([{ name: "Code" }]);
    expect(p.stages[1]?.actions[0]?.inputArtifacts).toEqual([{ name: "Code" }]);
  });

  it("sets and removes configuration values keeping key order", () => {
    const at = { stage: 0, action: 0 };
    const changed = setConfigurationValue(base(), at, "S3Bucket", "other");
    expect(Object.keys(changed.stages[0]!.actions[0]!.configuration!)).toEqual(["S3Bucket", "S3ObjectKey"]);
    const removed = setConfigurationValue(changed, at, "S3Bucket", undefined);
    expect(removed.stages[0]?.actions[0]?.configuration).toEqual({ S3ObjectKey: "k" });
  });

  it("stores a __proto__ configuration key as data without touching prototypes", () => {
    const p = setConfigurationValue(base(), { stage: 0, action: 0 }, "__proto__", "x");
    const config = p.stages[0]!.actions[0]!.configuration!;
    expect(Object.prototype.hasOwnProperty.call(config, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)["x"]).toBeUndefined();
  });

  it("connects artifacts, creating an output when the producer has none", () => {
    const p = addStageWithAction(base(), 2, MANUAL);
    const wired = connectArtifact(p, { stage: 1, action: 0 }, { stage: 2, action: 0 });
    expect(wired.stages[2]?.actions[0]?.inputArtifacts).toEqual([{ name: "BuildArtifact" }]);
    expect(connectArtifact(wired, { stage: 1, action: 0 }, { stage: 2, action: 0 })).toBe(wired);
    const fresh = connectArtifact(wired, { stage: 2, action: 0 }, { stage: 1, action: 0 });
    expect(fresh.stages[2]?.actions[0]?.outputArtifacts).toEqual([{ name: "ManualOutput" }]);
  });

  it("inserts a pasted action under a free name", () => {
    const copy = base().stages[1]!.actions[0]!;
    const p = insertAction(base(), copy, { stage: 1, runOrder: 1, mode: "parallel" });
    expect(names(p, 1)).toEqual(["Build@1", "Build2@1"]);
  });

  it("keeps unknown members and the document shape when updating a document", () => {
    const pipeline = { ...base(), futureMember: 1 };
    const doc: PipelineDocument = { shape: "create-input", pipeline, envelope: { pipeline: null, tags: [] } };
    const next = updateDocumentPipeline(doc, (p) => renameStage(p, 0, "Src"));
    expect(Object.keys(next.envelope)).toEqual(["pipeline", "tags"]);
    expect(next.pipeline.futureMember).toBe(1);
    expect((documentRoot(next)["pipeline"] as PipelineDeclaration).stages[0]?.name).toBe("Src");
    expect(updateDocumentPipeline(doc, (p) => p)).toBe(doc);
    const bare: PipelineDocument = { shape: "bare", pipeline, envelope: {} };
    const nextBare = updateDocumentPipeline(bare, (p) => renameStage(p, 0, "Src"));
    expect(documentRoot(nextBare)).toBe(nextBare.pipeline);
  });

  it("makes unique names that respect the name pattern", () => {
    expect(uniqueName("My Stage!", [])).toBe("MyStage");
    expect(uniqueName("Build", ["Build", "Build2"])).toBe("Build3");
    expect(uniqueName("!!!", [])).toBe("Item");
    // A numbered name counts on rather than growing another digit.
    expect(uniqueName("Approve2", ["Approve", "Approve2"])).toBe("Approve3");
    expect(uniqueName("Deploy9", ["Deploy9", "Deploy10"])).toBe("Deploy11");
    expect(uniqueName("Approve2", [])).toBe("Approve2");
    expect(uniqueName("42", ["42"])).toBe("422");
  });
});
