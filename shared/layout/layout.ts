/**
 * `layout(pipeline)`: the canvas as plain data. Stages are lanes left to right; inside a lane the
 * runOrder groups are columns in execution order and the parallel actions of a group are stacked.
 * Nothing is stored in the document: the same pipeline and options always give the same nodes,
 * edges and drop zones, in the same order. Linear in the number of actions.
 */
import { findActionType } from "../catalog/index";
import type { ActionDeclaration, PipelineDeclaration, StageDeclaration } from "../pipeline/model";
import { runOrderGroups, runOrderOf } from "../pipeline/run-order";
import { artifactEdges, type FlowAction } from "./artifact-edges";
import { artifactNames } from "./artifact-names";
import {
  ACTION_GAP_Y,
  ACTION_HEIGHT,
  ACTION_WIDTH,
  COLLAPSED_LANE_WIDTH,
  COLUMN_GAP,
  LANE_PADDING_X,
  LANE_PADDING_Y,
  STAGE_GAP,
  STAGE_HEADER_HEIGHT,
  TRANSITION_SIZE,
} from "./constants";
import { sumCounts, tallyDiagnostics, zeroCounts } from "./diagnostic-counts";
import { buildDropZones, MIN_LANE_HEIGHT, type LaneGeometry } from "./drop-zones";
import type { LaneKey, LaneLayout } from "./layout-cache";
import { assignNodeIds, type StageIds } from "./node-ids";
import type {
  ActionLayoutNode,
  ArtifactEdge,
  ActionNodeData,
  Layout,
  LayoutNode,
  LayoutOptions,
  SeverityCounts,
  StageConditions,
} from "./types";

/** Span of `count` items of `size` separated by `gap`. */
function span(count: number, size: number, gap: number): number {
  return count * size + Math.max(0, count - 1) * gap;
}

function text(value: unknown, fallback = ""): string {
  return typeof value === "string" ? value : fallback;
}

function conditionsOf(stage: StageDeclaration): StageConditions {
  const present = (value: unknown): boolean => typeof value === "object" && value !== null;
  return {
    beforeEntry: present(stage.beforeEntry),
    onSuccess: present(stage.onSuccess),
    onFailure: present(stage.onFailure),
  };
}

function actionData(
  action: ActionDeclaration,
  stageIndex: number,
  actionIndex: number,
  diagnostics: SeverityCounts,
): ActionNodeData {
  const typeId: unknown = action.actionTypeId;
  const id = (typeof typeId === "object" && typeId !== null ? typeId : {}) as Record<string, unknown>;
  const spec = findActionType(typeId);
  const provider = text(id.provider);
  const data: ActionNodeData = {
    name: text(action.name),
    stageIndex,
    actionIndex,
    category: text(id.category),
    owner: text(id.owner),
    provider,
    version: text(id.version),
    runOrder: runOrderOf(action),
    title: spec ? spec.title : provider,
    known: spec !== undefined,
    v2Only: spec?.v2Only ?? false,
    diagnostics,
    inputArtifacts: artifactNames(action, "inputArtifacts"),
    outputArtifacts: artifactNames(action, "outputArtifacts"),
  };
  if (typeof action.namespace === "string") data.namespace = action.namespace;
  return data;
}

/** Lays out one expanded lane's actions; returns the nodes and the lane's size and columns. */
function expandedLane(
  stage: StageDeclaration,
  stageIndex: number,
  ids: StageIds,
  actionCounts: readonly SeverityCounts[],
  laneX: number,
): { actions: ActionLayoutNode[]; width: number; height: number; columns: LaneGeometry["columns"] } {
  const groups = runOrderGroups(stage);
  const actions: ActionLayoutNode[] = [];
  const columns: { runOrder: number; x: number }[] = [];
  let rows = 1;
  groups.forEach((group, column) => {
    const x = LANE_PADDING_X + column * (ACTION_WIDTH + COLUMN_GAP);
    columns.push({ runOrder: group.runOrder, x: laneX + x });
    rows = Math.max(rows, group.actionIndexes.length);
    group.actionIndexes.forEach((a, row) => {
      const action = stage.actions[a];
      const id = ids.actions[a];
      if (!action || id === undefined) return;
      actions.push({
        id,
        type: "action",
        parentId: ids.stage,
        position: { x, y: STAGE_HEADER_HEIGHT + LANE_PADDING_Y + row * (ACTION_HEIGHT + ACTION_GAP_Y) },
        width: ACTION_WIDTH,
        height: ACTION_HEIGHT,
        data: actionData(action, stageIndex, a, actionCounts[a] ?? zeroCounts()),
      });
    });
  });
  return {
    actions,
    // An empty stage keeps room for one column: it is a drop target and must look like one.
    width: 2 * LANE_PADDING_X + span(Math.max(1, groups.length), ACTION_WIDTH, COLUMN_GAP),
    height: STAGE_HEADER_HEIGHT + 2 * LANE_PADDING_Y + span(rows, ACTION_HEIGHT, ACTION_GAP_Y),
    columns,
  };
}

/** Lays out stage `s` at `laneX`: its transition marker (after the first), lane and actions. */
function layOutLane(stage: StageDeclaration, key: LaneKey): LaneLayout {
  const { stageIndex: s, laneX, collapsed, ids } = key;
  const nodes: LayoutNode[] = [];
  if (s > 0) {
    nodes.push({
      id: ids.transition,
      type: "transition",
      position: {
        x: laneX - STAGE_GAP / 2 - TRANSITION_SIZE / 2,
        y: STAGE_HEADER_HEIGHT / 2 - TRANSITION_SIZE / 2,
      },
      width: TRANSITION_SIZE,
      height: TRANSITION_SIZE,
      data: { stageName: text(stage.name), stageIndex: s },
    });
  }
  const lane = collapsed
    ? {
        actions: [],
        width: COLLAPSED_LANE_WIDTH,
        height: MIN_LANE_HEIGHT,
        columns: runOrderGroups(stage).map((g) => ({ runOrder: g.runOrder, x: laneX })),
      }
    : expandedLane(stage, s, ids, key.actionCounts, laneX);
  nodes.push(
    {
      id: ids.stage,
      type: "stage",
      position: { x: laneX, y: 0 },
      width: lane.width,
      height: lane.height,
      data: {
        name: text(stage.name),
        index: s,
        conditions: conditionsOf(stage),
        actionCount: stage.actions.length,
        collapsed,
        diagnostics: key.stageCounts,
        actionDiagnostics: sumCounts(key.actionCounts),
      },
    },
    ...lane.actions,
  );
  const flow = stage.actions.map((action, a): FlowAction => ({
    nodeId: collapsed ? ids.stage : (ids.actions[a] ?? ids.stage),
    stageIndex: s,
    runOrder: runOrderOf(action),
    actionIndex: a,
    inputs: artifactNames(action, "inputArtifacts"),
    outputs: artifactNames(action, "outputArtifacts"),
  }));
  const geometry = {
    stageIndex: s,
    x: laneX,
    width: lane.width,
    height: lane.height,
    collapsed,
    columns: lane.columns,
  };
  return { nodes, flow, geometry };
}

/**
 * The canvas for `pipeline`: nodes (each lane, then its actions, with a transition marker before
 * every lane but the first), artifact edges, drop zones and bounds. Never throws on an invalid
 * pipeline whose containers have the right kinds (what `parseDocument` guarantees). With
 * `options.cache`, unchanged lanes come back as the same objects as in the previous layout.
 */
export function layout(pipeline: PipelineDeclaration, options: LayoutOptions = {}): Layout {
  const stages = pipeline.stages;
  const cache = options.cache;
  const allIds = assignNodeIds(
    pipeline,
    cache === undefined ? undefined : (stage, key, compute) => cache.actionIds(stage, key, compute),
  );
  const tally = tallyDiagnostics(
    options.diagnostics ?? [],
    stages.map((stage) => stage.actions.length),
  );
  const nodes: LayoutNode[] = [];
  const lanes: LaneGeometry[] = [];
  const flow: FlowAction[] = [];
  let laneX = 0;
  let maxHeight = 0;

  stages.forEach((stage, s) => {
    const ids = allIds[s];
    if (!ids) return;
    const key: LaneKey = {
      stageIndex: s,
      laneX,
      collapsed: options.collapsedStages?.has(ids.stage) ?? false,
      ids,
      stageCounts: tally.stage[s] ?? zeroCounts(),
      actionCounts: tally.action[s] ?? [],
    };
    const lane =
      cache === undefined ? layOutLane(stage, key) : cache.lane(stage, key, () => layOutLane(stage, key));
    nodes.push(...lane.nodes);
    flow.push(...lane.flow);
    lanes.push(lane.geometry);
    maxHeight = Math.max(maxHeight, lane.geometry.height);
    laneX += lane.geometry.width + STAGE_GAP;
  });

  const right = lanes.length ? laneX - STAGE_GAP : 0;
  let edges: ArtifactEdge[] = [];
  if (options.showArtifactEdges !== false) {
    edges = cache === undefined ? artifactEdges(flow) : cache.artifactEdges(flow, () => artifactEdges(flow));
  }
  return {
    nodes,
    edges,
    dropZones:
      cache === undefined ? buildDropZones(lanes) : cache.dropZones(lanes, () => buildDropZones(lanes)),
    bounds: { x: 0, y: 0, width: right, height: maxHeight },
    pipelineDiagnostics: tally.pipeline,
  };
}
