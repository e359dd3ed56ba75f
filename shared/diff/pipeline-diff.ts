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
  const old = withServiceDefaults(isRecord(before) ? before : EMPTY);
  const next = withServiceDefaults(isRecord(after) ? after : EMPTY);
  const pipeline = diffMembers(old, next, [], PIPELINE_SKIP);
  const oldStages = stagesOf(old);
  const newStages = stagesOf(next);
  const oldByName = byName(oldStages);
  const newByName = byName(newStages);
  /** The old stage a new stage continues: same name, and the first of its name on both sides. */
  const counterpart = (stage: StageDeclaration, toIndex: number) =>
    newByName.get(stage.name)?.index === toIndex ? oldByName.get(stage.name) : undefined;
  const survives = (stage: StageDeclaration, fromIndex: number) =>
    oldByName.get(stage.name)?.index === fromIndex && newByName.has(stage.name);

  // Actions that left their stage; the first of each name is the one a same-named arrival moved.
  const departures = new Map<string, Located>();
  oldStages.forEach((stage, stageIndex) => {
    const target = survives(stage, stageIndex) ? newByName.get(stage.name) : undefined;
    const remaining = target ? byName(actionsOf(target.item)) : new Map<string, unknown>();
    actionsOf(stage).forEach((action, index) => {
      if (typeof action.name === "string" && !remaining.has(action.name) && !departures.has(action.name)) {
        departures.set(action.name, { action, stage: stage.name, stageIndex, index });
      }
    });
  });
  // Actions that appeared in a stage without one of their name before; the first of each name
  // that also departed somewhere is a move. Decided up front, so removals are known per stage.
  const moves = new Map<string, { stageIndex: number; index: number }>();
  newStages.forEach((stage, stageIndex) => {
    const previous = counterpart(stage, stageIndex);
    const before = previous ? byName(actionsOf(previous.item)) : new Map<string, unknown>();
    actionsOf(stage).forEach((action, index) => {
      const name = action.name;
      if (typeof name === "string" && !before.has(name) && departures.has(name) && !moves.has(name)) {
        moves.set(name, { stageIndex, index });
      }
    });
  });
  const context: ActionContext = { departures, moves };

  const matched = newStages
    .map((stage, to) => ({ name: stage.name, from: counterpart(stage, to)?.index ?? -1, to }))
    .filter((entry) => entry.from >= 0);
  const moved = movedNames(matched);

  const changes: StageChange[] = [];
  newStages.forEach((stage, toIndex) => {
    const previous = counterpart(stage, toIndex);
    if (!previous) {
      changes.push({
        kind: "added",
        name: stage.name,
        toIndex,
        changes: [],
        actions: diffActions(undefined, stage, toIndex, context),
      });
      return;
    }
    const stageChanges = diffMembers(previous.item, stage, ["stages", toIndex], STAGE_SKIP);
    const actions = diffActions(previous, stage, toIndex, context);
    const contentChanged = stageChanges.length > 0 || actions.length > 0;
    const common = { name: stage.name, fromIndex: previous.index, toIndex, changes: stageChanges, actions };
    if (moved.has(stage.name)) changes.push({ kind: "moved", ...common, contentChanged });
    else if (contentChanged) changes.push({ kind: "changed", ...common });
  });
  oldStages.forEach((stage, fromIndex) => {
    if (survives(stage, fromIndex)) return;
    const removed: StageChange = {
      kind: "removed",
      name: stage.name,
      fromIndex,
      changes: [],
      actions: actionsOf(stage)
        .filter((action, index) => !movedAway(context, action, fromIndex, index))
        .map((action) => ({ kind: "removed", name: action.name, stage: stage.name, changes: [] })),
    };
    const at = changes.findIndex((c) => (c.fromIndex ?? c.toIndex ?? 0) > fromIndex);
    changes.splice(at < 0 ? changes.length : at, 0, removed);
  });
  return summarize(pipeline, changes);
}

const EMPTY: PipelineDeclaration = { name: "", roleArn: "", stages: [] };

interface ActionContext {
  departures: ReadonlyMap<string, Located>;
  moves: ReadonlyMap<string, { stageIndex: number; index: number }>;
}

/** Whether the old action at (stageIndex, index) is the one that moved to another stage. */
function movedAway(
  context: ActionContext,
  action: ActionDeclaration,
  stageIndex: number,
  index: number,
): boolean {
  const from = context.departures.get(action.name);
  return context.moves.has(action.name) && from?.stageIndex === stageIndex && from.index === index;
}

function diffActions(
  previous: { item: StageDeclaration; index: number } | undefined,
  newStage: StageDeclaration,
  stageIndex: number,
  context: ActionContext,
): ActionChange[] {
  const oldActions = byName(previous ? actionsOf(previous.item) : []);
  const result: ActionChange[] = [];
  const newActions = actionsOf(newStage);
  newActions.forEach((action, index) => {
    const path = actionPath(stageIndex, index);
    const same = oldActions.get(action.name);
    if (same) {
      const changes = diffMembers(same.item, action, path, ACTION_SKIP);
      if (changes.length > 0)
        result.push({ kind: "changed", name: action.name, stage: newStage.name, changes });
      return;
    }
    const move = context.moves.get(action.name);
    const from = context.departures.get(action.name);
    if (from && move?.stageIndex === stageIndex && move.index === index) {
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
  if (previous) {
    const remaining = byName(newActions);
    actionsOf(previous.item).forEach((action, index) => {
      if (remaining.has(action.name) || movedAway(context, action, previous.index, index)) return;
      result.push({ kind: "removed", name: action.name, stage: previous.item.name, changes: [] });
    });
  }
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
