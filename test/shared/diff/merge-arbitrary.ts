import fc from "fast-check";
import type {
  ActionDeclaration,
  PipelineDeclaration,
  StageDeclaration,
} from "../../../shared/pipeline/model";

/**
 * fast-check arbitraries for the merge properties. Names come from small sets, so independently
 * drawn pipelines share stages and actions (and the merge has something to match); members the
 * service defaults are sometimes left out and secrets sometimes masked, as GetPipeline shows them.
 */

const STAGE_NAMES = ["Source", "Build", "Test", "Deploy", "Audit"] as const;
const ACTION_NAMES = ["A", "B", "C", "D", "E"] as const;

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Drops members whose value is `undefined` (left out), keeping the others' order. */
function present<T extends object>(entries: [string, unknown][]): T {
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as T;
}

const artifacts = fc
  .uniqueArray(fc.constantFrom("Src", "Lib", "Docs"), { maxLength: 2 })
  .map((names) => names.map((name) => ({ name })));

export const actionArb: fc.Arbitrary<ActionDeclaration> = fc
  .record({
    name: fc.constantFrom(...ACTION_NAMES),
    provider: fc.constantFrom("CodeBuild", "Jenkins"),
    runOrder: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    configuration: fc.option(
      fc.dictionary(fc.constantFrom("ProjectName", "Mode", "OAuthToken"), fc.constantFrom("x", "y", "****")),
      { nil: undefined },
    ),
    inputArtifacts: fc.option(artifacts, { nil: undefined }),
    note: fc.option(fc.constantFrom("n1", "n2"), { nil: undefined }),
  })
  .map((a) =>
    present<ActionDeclaration>([
      ["name", a.name],
      ["actionTypeId", { category: "Build", owner: "AWS", provider: a.provider, version: "1" }],
      ["runOrder", a.runOrder],
      ["configuration", a.configuration],
      ["inputArtifacts", a.inputArtifacts],
      ["x-note", a.note],
    ]),
  );

const stageArb: fc.Arbitrary<StageDeclaration> = fc.record({
  name: fc.constantFrom(...STAGE_NAMES),
  actions: fc
    .array(actionArb, { minLength: 1, maxLength: 4 })
    .map((actions) => uniqueBy(actions, (a) => a.name)),
});

const variablesArb = fc
  .uniqueArray(fc.constantFrom("Env", "Region", "Tier"), { minLength: 1, maxLength: 3 })
  .chain((names) =>
    fc
      .array(fc.constantFrom("dev", "prod"), { minLength: names.length, maxLength: names.length })
      .map((values) => names.map((name, i) => ({ name, defaultValue: values[i]! }))),
  );

const triggersArb = fc.constantFrom("main", "release").map((branch) => [
  {
    providerType: "CodeStarSourceConnection" as const,
    gitConfiguration: { sourceActionName: "A", push: [{ branches: { includes: [branch] } }] },
  },
]);

/** A pipeline with unique stage names and unique action names per stage. */
export const pipelineArb: fc.Arbitrary<PipelineDeclaration> = fc
  .record({
    stages: fc.array(stageArb, { minLength: 1, maxLength: 5 }),
    version: fc.integer({ min: 1, max: 9 }),
    executionMode: fc.option(fc.constantFrom("SUPERSEDED" as const, "QUEUED" as const), { nil: undefined }),
    pipelineType: fc.option(fc.constantFrom("V1" as const, "V2" as const), { nil: undefined }),
    variables: fc.option(variablesArb, { nil: undefined }),
    triggers: fc.option(triggersArb, { nil: undefined }),
    owner: fc.option(fc.constantFrom("team-a", "team-b"), { nil: undefined }),
  })
  .map((p) =>
    present<PipelineDeclaration>([
      ["name", "p"],
      ["roleArn", "arn:aws:iam::123456789012:role/r"],
      ["artifactStore", { type: "S3", location: "bucket" }],
      ["stages", uniqueBy(p.stages, (s) => s.name)],
      ["version", p.version],
      ["executionMode", p.executionMode],
      ["pipelineType", p.pipelineType],
      ["variables", p.variables],
      ["triggers", p.triggers],
      ["x-owner", p.owner],
    ]),
  );

/** One edit of a pipeline; indexes wrap around the pipeline's lists. */
type Edit =
  | { op: "config"; stage: number; action: number; key: string; value: string }
  | { op: "removeAction"; stage: number; action: number }
  | { op: "addAction"; stage: number; at: number; action: ActionDeclaration }
  | { op: "removeStage"; stage: number }
  | { op: "addStage"; at: number; stage: StageDeclaration }
  | { op: "renameStage"; stage: number; name: string }
  | { op: "moveStage"; stage: number; to: number }
  | { op: "mode"; value: "QUEUED" | "PARALLEL" | "SUPERSEDED" };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    op: fc.constant("config" as const),
    stage: fc.nat(),
    action: fc.nat(),
    key: fc.constantFrom("ProjectName", "Mode", "OAuthToken", "Extra"),
    value: fc.constantFrom("x", "y", "z", "****"),
  }),
  fc.record({ op: fc.constant("removeAction" as const), stage: fc.nat(), action: fc.nat() }),
  fc.record({
    op: fc.constant("addAction" as const),
    stage: fc.nat(),
    at: fc.nat(),
    action: actionArb.map((a) => ({ ...a, name: `New${a.name}` })),
  }),
  fc.record({ op: fc.constant("removeStage" as const), stage: fc.nat() }),
  fc.record({
    op: fc.constant("addStage" as const),
    at: fc.nat(),
    stage: stageArb.map((s) => ({ ...s, name: `New${s.name}` })),
  }),
  fc.record({
    op: fc.constant("renameStage" as const),
    stage: fc.nat(),
    name: fc.constantFrom("Renamed1", "Renamed2"),
  }),
  fc.record({ op: fc.constant("moveStage" as const), stage: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant("mode" as const), value: fc.constantFrom("QUEUED", "PARALLEL", "SUPERSEDED") }),
);

/** Applies an edit in place; edits that would duplicate a name or empty a list are skipped. */
function apply(p: PipelineDeclaration, edit: Edit): void {
  const stages = p.stages;
  const stage =
    stages.length > 0 && "stage" in edit && typeof edit.stage === "number"
      ? stages[edit.stage % stages.length]
      : undefined;
  switch (edit.op) {
    case "config": {
      const action = stage?.actions[edit.action % stage.actions.length];
      if (action) action.configuration = { ...action.configuration, [edit.key]: edit.value };
      return;
    }
    case "removeAction":
      if (stage && stage.actions.length > 1) stage.actions.splice(edit.action % stage.actions.length, 1);
      return;
    case "addAction":
      if (stage && !stage.actions.some((a) => a.name === edit.action.name))
        stage.actions.splice(edit.at % (stage.actions.length + 1), 0, structuredClone(edit.action));
      return;
    case "removeStage":
      if (stage && stages.length > 1) stages.splice(stages.indexOf(stage), 1);
      return;
    case "addStage":
      if (!stages.some((s) => s.name === edit.stage.name))
        stages.splice(edit.at % (stages.length + 1), 0, structuredClone(edit.stage));
      return;
    case "renameStage":
      if (stage && !stages.some((s) => s.name === edit.name)) stage.name = edit.name;
      return;
    case "moveStage":
      if (stage) {
        stages.splice(stages.indexOf(stage), 1);
        stages.splice(edit.to % (stages.length + 1), 0, stage);
      }
      return;
    case "mode":
      p.executionMode = edit.value;
      return;
  }
}

/** A pipeline made from `base` by a few edits, with a version of its own. */
export function editedFrom(base: PipelineDeclaration): fc.Arbitrary<PipelineDeclaration> {
  return fc
    .tuple(fc.array(editArb, { maxLength: 6 }), fc.integer({ min: 10, max: 20 }))
    .map(([edits, version]) => {
      const copy = structuredClone(base);
      for (const edit of edits) apply(copy, edit);
      copy.version = version;
      return copy;
    });
}

/** A pipeline related to `base` (edited from it) or drawn independently. */
export function otherThan(base: PipelineDeclaration): fc.Arbitrary<PipelineDeclaration> {
  return fc.oneof(editedFrom(base), pipelineArb);
}
