/**
 * The structural diff of two pipeline declarations: what a deploy would change (remote -> document)
 * or what changed remotely (base version -> current version).
 */
import type { ActionDeclaration, PipelineDeclaration, StageDeclaration } from "../pipeline/model";
import { diffMembers, isRecord, type MemberChange } from "./json-compare";
import { withServiceDefaults } from "./service-defaults";

/** How a stage or an action differs. */
export type ElementChangeKind = "added" | "removed" | "moved" | "changed";

/** One action that differs. Actions are matched by name within a stage, then across stages. */
export interface ActionChange {
  kind: ElementChangeKind;
  name: string;
  /** The stage the action is in after the change (before it, for a removed action). */
  stage: string;
  /** For `moved`: the stage it came from. */
  fromStage?: string;
  /** Member changes of a `changed` or `moved` action; empty for added and removed ones. */
  changes: MemberChange[];
}

/** One stage that differs. Stages are matched by name. */
export interface StageChange {
  kind: ElementChangeKind;
  name: string;
  /** Position before the change (absent for an added stage). */
  fromIndex?: number;
  /** Position after the change (absent for a removed stage). */
  toIndex?: number;
  /** Stage members other than `actions` (conditions, blockers, unknown members). */
  changes: MemberChange[];
  /** The actions that differ, for a changed or moved stage; all actions of an added or removed one. */
  actions: ActionChange[];
  /** Whether a moved stage's own content also changed. */
  contentChanged?: boolean;
}

/** Counts for a one-line summary. */
export interface DiffSummary {
  stagesAdded: number;
  stagesRemoved: number;
  stagesMoved: number;
  stagesChanged: number;
  actionsAdded: number;
  actionsRemoved: number;
  actionsMoved: number;
  actionsChanged: number;
  /** Pipeline-level member changes (role, stores, mode, variables, triggers…). */
  pipelineChanges: number;
}

/** Everything that differs between two pipelines. */
export interface PipelineDiff {
  /** True when nothing differs (a deploy would only bump the version). */
  identical: boolean;
  /** Pipeline-level members other than `stages` and `version`. */
  pipeline: MemberChange[];
  /** Stages that differ, in the order of the `after` pipeline, removed ones where they were. */
  stages: StageChange[];
  summary: DiffSummary;
}

/** Members compared by the diff's own structure, or never compared (`version` is the service's). */
const PIPELINE_SKIP = new Set(["stages", "version"]);
const STAGE_SKIP = new Set(["name", "actions"]);
const ACTION_SKIP = new Set(["name"]);

function stagesOf(pipeline: PipelineDeclaration): StageDeclaration[] {
  return Array.isArray(pipeline.stages) ? pipeline.stages.filter(isRecord) : [];
}

function actionsOf(stage: StageDeclaration): ActionDeclaration[] {
  return Array.isArray(stage.actions) ? stage.actions.filter(isRecord) : [];
}

/** First element per name; duplicate names are a validation error, so later twins are not matched. */
function byName<T extends { name: unknown }>(items: readonly T[]): Map<string, { item: T; index: number }> {
  const map = new Map<string, { item: T; index: number }>();
  items.forEach((item, index) => {
    if (typeof item.name === "string" && !map.has(item.name)) map.set(item.name, { item, index });
  });
  return map;
}

/**
 * Names whose relative order changed: every matched stage outside one longest run that keeps its
 * order. Moving one stage from first to last reports that stage, not every stage it passed.
 */
function movedNames(order: readonly { name: string; from: number }[]): Set<string> {
  const n = order.length;
  const length = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (order[j]!.from < order[i]!.from && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
  }
  let end = -1;
  for (let i = 0; i < n; i++) if (end < 0 || length[i]! > length[end]!) end = i;
  const kept = new Set<number>();
  for (let i = end; i >= 0; i = previous[i]!) kept.add(i);
  return new Set(order.filter((_, i) => !kept.has(i)).map((entry) => entry.name));
}

type Located = { action: ActionDeclaration; stage: string; stageIndex: number; index: number };

function actionPath(stageIndex: number, index: number): (string | number)[] {
  return ["stages", stageIndex, "actions", index];
}

/**
 * Compares two pipelines. `before` is the baseline (usually the remote pipeline), `after` the
 * target (usually the document). Members the service fills in by default count as present with
 * their default value, masked secrets (`****`) as unchanged, and `version` is ignored. Paths index
 * the `after` pipeline, or the `before` one for removed elements.
 */
export function diffPipelines(before: PipelineDeclaration, after: PipelineDeclaration): PipelineDiff {
  const old = withServiceDefaults(before);
  const next = withServiceDefaults(after);
  const pipeline = diffMembers(old, next, [], PIPELINE_SKIP);
  const oldStages = stagesOf(old);
  const newStages = stagesOf(next);
  const oldByName = byName(oldStages);
  const newByName = byName(newStages);

  // Actions that left their stage, by name: an action added elsewhere under the same name moved.
  const departed = new Map<string, Located>();
  oldStages.forEach((stage, stageIndex) => {
    const target = newByName.get(stage.name);
    const remaining = target ? byName(actionsOf(target.item)) : new Map<string, unknown>();
    actionsOf(stage).forEach((action, index) => {
      if (typeof action.name === "string" && !remaining.has(action.name) && !departed.has(action.name)) {
        departed.set(action.name, { action, stage: stage.name, stageIndex, index });
      }
    });
  });
  const arrived = new Set<string>();

  const matched = newStages
    .map((stage, to) => ({ name: stage.name, from: oldByName.get(stage.name)?.index ?? -1, to }))
    .filter((entry) => entry.from >= 0);
  const moved = movedNames(matched);

  const changes: StageChange[] = [];
  newStages.forEach((stage, toIndex) => {
    const previous = oldByName.get(stage.name);
    if (!previous || newByName.get(stage.name)?.index !== toIndex) {
      changes.push({
        kind: "added",
        name: stage.name,
        toIndex,
        changes: [],
        actions: diffActions({ name: stage.name, actions: [] }, stage, toIndex, departed, arrived),
      });
      return;
    }
    const stageChanges = diffMembers(previous.item, stage, ["stages", toIndex], STAGE_SKIP);
    const actions = diffActions(previous.item, stage, toIndex, departed, arrived);
    const contentChanged = stageChanges.length > 0 || actions.length > 0;
    if (moved.has(stage.name)) {
      changes.push({
        kind: "moved",
        name: stage.name,
        fromIndex: previous.index,
        toIndex,
        changes: stageChanges,
        actions,
        contentChanged,
      });
    } else if (contentChanged) {
      changes.push({
        kind: "changed",
        name: stage.name,
        fromIndex: previous.index,
        toIndex,
        changes: stageChanges,
        actions,
      });
    }
  });
  oldStages.forEach((stage, fromIndex) => {
    if (newByName.has(stage.name) && oldByName.get(stage.name)?.index === fromIndex) return;
    const removed: StageChange = {
      kind: "removed",
      name: stage.name,
      fromIndex,
      changes: [],
      actions: actionsOf(stage)
        .filter((action) => !arrived.has(action.name))
        .map((action) => ({ kind: "removed", name: action.name, stage: stage.name, changes: [] })),
    };
    const at = changes.findIndex((c) => (c.fromIndex ?? c.toIndex ?? 0) > fromIndex);
    changes.splice(at < 0 ? changes.length : at, 0, removed);
  });
  // Actions that moved out of a stage that still exists are reported at their new stage only;
  // the ones that went nowhere are removals in the stage they left.
  for (const [name, left] of departed) {
    if (arrived.has(name) || !newByName.has(left.stage)) continue;
    const stage = changes.find((c) => c.name === left.stage && c.kind !== "removed" && c.kind !== "added");
    if (stage) stage.actions.push({ kind: "removed", name, stage: left.stage, changes: [] });
  }
  return summarize(pipeline, changes);
}

function diffActions(
  oldStage: StageDeclaration,
  newStage: StageDeclaration,
  stageIndex: number,
  departed: Map<string, Located>,
  arrived: Set<string>,
): ActionChange[] {
  const oldActions = byName(actionsOf(oldStage));
  const result: ActionChange[] = [];
  actionsOf(newStage).forEach((action, index) => {
    const path = actionPath(stageIndex, index);
    const same = oldActions.get(action.name);
    if (same) {
      const changes = diffMembers(same.item, action, path, ACTION_SKIP);
      if (changes.length > 0)
        result.push({ kind: "changed", name: action.name, stage: newStage.name, changes });
      return;
    }
    const from = departed.get(action.name);
    if (from && !arrived.has(action.name)) {
      arrived.add(action.name);
      result.push({
        kind: "moved",
        name: action.name,
        stage: newStage.name,
        fromStage: from.stage,
        changes: diffMembers(from.action, action, path, ACTION_SKIP),
      });
      return;
    }
    result.push({ kind: "added", name: action.name, stage: newStage.name, changes: [] });
  });
  return result;
}

function summarize(pipeline: MemberChange[], stages: StageChange[]): PipelineDiff {
  const count = (kind: ElementChangeKind) => stages.filter((s) => s.kind === kind).length;
  const actions = stages.flatMap((s) => s.actions);
  const countActions = (kind: ElementChangeKind) => actions.filter((a) => a.kind === kind).length;
  const summary: DiffSummary = {
    stagesAdded: count("added"),
    stagesRemoved: count("removed"),
    stagesMoved: count("moved"),
    stagesChanged: count("changed"),
    actionsAdded: countActions("added"),
    actionsRemoved: countActions("removed"),
    actionsMoved: countActions("moved"),
    actionsChanged: countActions("changed"),
    pipelineChanges: pipeline.length,
  };
  return { identical: pipeline.length === 0 && stages.length === 0, pipeline, stages, summary };
}

/** Whether two pipelines are the same for the service (the diff's rules: defaults, masks, no version). */
export function samePipeline(a: PipelineDeclaration, b: PipelineDeclaration): boolean {
  return diffPipelines(a, b).identical;
}
