/**
 * Lanes, edges and drop zones remembered between layouts of successive versions of one pipeline.
 * An edit replaces only the stages it touches (the others stay the same objects), so a lane whose
 * stage object, position, ids, collapse and diagnostic counts are all unchanged is handed back as
 * the very same node objects: the result equals a fresh layout, and a view can skip what it already
 * drew by comparing identities.
 */
import type { FlowAction } from "./artifact-edges";
import type { LaneGeometry } from "./drop-zones";
import type { StageIds } from "./node-ids";
import type { ArtifactEdge, DropZone, LayoutNode, SeverityCounts } from "./types";

/** Everything a lane's layout depends on besides its stage object. */
export interface LaneKey {
  readonly stageIndex: number;
  readonly laneX: number;
  readonly collapsed: boolean;
  readonly ids: StageIds;
  readonly stageCounts: SeverityCounts;
  readonly actionCounts: readonly SeverityCounts[];
}

/** One laid-out lane: its nodes in layout order, its actions for the edges, and its geometry. */
export interface LaneLayout {
  readonly nodes: readonly LayoutNode[];
  readonly flow: readonly FlowAction[];
  readonly geometry: LaneGeometry;
}

function sameCounts(a: SeverityCounts, b: SeverityCounts): boolean {
  return a.error === b.error && a.warning === b.warning && a.info === b.info;
}

/** Two lists of equal length whose items are pairwise the same (by `same`, `===` without it). */
function sameList<T>(
  a: readonly T[],
  b: readonly T[],
  same: (x: T, y: T) => boolean = (x, y) => x === y,
): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i];
      return y !== undefined && same(x, y);
    })
  );
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return sameList(a, b);
}

function sameLaneKey(a: LaneKey, b: LaneKey): boolean {
  return (
    a.stageIndex === b.stageIndex &&
    a.laneX === b.laneX &&
    a.collapsed === b.collapsed &&
    a.ids.stage === b.ids.stage &&
    a.ids.transition === b.ids.transition &&
    sameStrings(a.ids.actions, b.ids.actions) &&
    sameCounts(a.stageCounts, b.stageCounts) &&
    sameList(a.actionCounts, b.actionCounts, sameCounts)
  );
}

function sameFlow(a: readonly FlowAction[], b: readonly FlowAction[]): boolean {
  return sameList(
    a,
    b,
    (x, y) =>
      x.nodeId === y.nodeId &&
      x.stageIndex === y.stageIndex &&
      x.runOrder === y.runOrder &&
      x.actionIndex === y.actionIndex &&
      sameStrings(x.inputs, y.inputs) &&
      sameStrings(x.outputs, y.outputs),
  );
}

function sameLanes(a: readonly LaneGeometry[], b: readonly LaneGeometry[]): boolean {
  return sameList(
    a,
    b,
    (x, y) =>
      x.stageIndex === y.stageIndex &&
      x.x === y.x &&
      x.width === y.width &&
      x.height === y.height &&
      x.collapsed === y.collapsed &&
      sameList(x.columns, y.columns, (c, d) => c.runOrder === d.runOrder && c.x === d.x),
  );
}

function sameEdge(a: ArtifactEdge, b: ArtifactEdge): boolean {
  return (
    a.source === b.source &&
    a.target === b.target &&
    a.data.artifact === b.data.artifact &&
    a.data.backward === b.data.backward
  );
}

/**
 * Memory of earlier layouts (see the module comment). Stage objects are held weakly. Pass one only
 * when pipelines are never changed in place, and do not change the layouts it returns.
 */
export class LayoutCache {
  private readonly lanes = new WeakMap<object, { key: LaneKey; lane: LaneLayout }>();
  private readonly actionIdsByStage = new WeakMap<object, { stageKey: string; ids: readonly string[] }>();
  private edges: { flow: readonly FlowAction[]; edges: ArtifactEdge[] } | undefined;
  private zones: { lanes: readonly LaneGeometry[]; zones: DropZone[] } | undefined;

  /** The action ids handed out for `stage` under the same stage key before, else `compute()`'s. */
  actionIds(stage: object, stageKey: string, compute: () => readonly string[]): readonly string[] {
    const known = this.actionIdsByStage.get(stage);
    if (known !== undefined && known.stageKey === stageKey) return known.ids;
    const ids = compute();
    this.actionIdsByStage.set(stage, { stageKey, ids });
    return ids;
  }

  /** The lane laid out for `stage` under an equal key before, else `compute()`'s, remembered. */
  lane(stage: object, key: LaneKey, compute: () => LaneLayout): LaneLayout {
    const known = this.lanes.get(stage);
    if (known !== undefined && sameLaneKey(known.key, key)) return known.lane;
    const lane = compute();
    this.lanes.set(stage, { key, lane });
    return lane;
  }

  /** The edges of the last call when its actions were the same, else `compute()`'s. */
  artifactEdges(flow: readonly FlowAction[], compute: () => ArtifactEdge[]): ArtifactEdge[] {
    const previous = this.edges;
    if (previous !== undefined && sameFlow(previous.flow, flow)) return previous.edges;
    // A rename changes a few edges' ends; the others come back as the objects they were.
    const before = new Map(previous?.edges.map((edge) => [edge.id, edge]));
    const edges = compute().map((edge) => {
      const known = before.get(edge.id);
      return known !== undefined && sameEdge(known, edge) ? known : edge;
    });
    this.edges = { flow, edges };
    return edges;
  }

  /** The drop zones of the last call when its lanes were the same, else `compute()`'s. */
  dropZones(lanes: readonly LaneGeometry[], compute: () => DropZone[]): DropZone[] {
    if (this.zones !== undefined && sameLanes(this.zones.lanes, lanes)) return this.zones.zones;
    const zones = compute();
    this.zones = { lanes, zones };
    return zones;
  }
}
