/**
 * Drop geometry for the drag-and-drop controller: the canvas cut, left to right, into zones that
 * each mean one drop (a runOrder group of a stage, or a new stage between lanes). Zones never
 * overlap and are sorted by x, so a hit test is a binary search.
 */
import {
  ACTION_HEIGHT,
  ACTION_WIDTH,
  COLUMN_EDGE_BAND,
  COLUMN_GAP,
  INDICATOR_THICKNESS,
  LANE_PADDING_X,
  LANE_PADDING_Y,
  STAGE_GAP,
  STAGE_HEADER_HEIGHT,
} from "./constants";
import type { DropTarget, DropZone, Layout, Point, Rect } from "./types";

/** A lane as the zone builder needs it: absolute geometry and its columns' runOrders. */
export interface LaneGeometry {
  stageIndex: number;
  x: number;
  width: number;
  height: number;
  collapsed: boolean;
  /** One per runOrder group, left to right; `x` is the column's absolute left edge. */
  columns: readonly { runOrder: number; x: number }[];
}

/** A vertical insertion line centred on `x`, over the lane body. */
function line(x: number, top: number, bottom: number): Rect {
  return { x: x - INDICATOR_THICKNESS / 2, y: top, width: INDICATOR_THICKNESS, height: bottom - top };
}

function zone(left: number, right: number, height: number, indicator: Rect, target: DropTarget): DropZone {
  return { rect: { x: left, y: 0, width: right - left, height }, indicator, target };
}

/** The zones inside one lane, covering it from its left to its right border. */
function laneZones(lane: LaneGeometry): DropZone[] {
  const left = lane.x;
  const right = lane.x + lane.width;
  const top = STAGE_HEADER_HEIGHT;
  const body: Rect = { x: left, y: top, width: lane.width, height: lane.height - top };
  const stage = lane.stageIndex;
  const last = lane.columns[lane.columns.length - 1];
  if (!last) {
    // An empty stage: whatever lands in it starts group 1.
    const target: DropTarget = { kind: "group", stage, runOrder: 1, mode: "parallel" };
    return [zone(left, right, lane.height, body, target)];
  }
  if (lane.collapsed) {
    // The groups are hidden, so the only sensible drop is a new last group.
    const target: DropTarget = { kind: "group", stage, runOrder: last.runOrder, mode: "after" };
    return [zone(left, right, lane.height, body, target)];
  }
  const zones: DropZone[] = [];
  let from = left;
  let lineX = left + LANE_PADDING_X / 2;
  lane.columns.forEach((column) => {
    const inner = column.x + COLUMN_EDGE_BAND;
    zones.push(
      zone(from, inner, lane.height, line(lineX, top, lane.height), {
        kind: "group",
        stage,
        runOrder: column.runOrder,
        mode: "before",
      }),
    );
    const outer = column.x + ACTION_WIDTH - COLUMN_EDGE_BAND;
    const indicator: Rect = { x: column.x, y: top, width: ACTION_WIDTH, height: lane.height - top };
    zones.push(
      zone(inner, outer, lane.height, indicator, {
        kind: "group",
        stage,
        runOrder: column.runOrder,
        mode: "parallel",
      }),
    );
    from = outer;
    lineX = column.x + ACTION_WIDTH + COLUMN_GAP / 2;
  });
  const afterLine = line(last.x + ACTION_WIDTH + LANE_PADDING_X / 2, top, lane.height);
  zones.push(
    zone(from, right, lane.height, afterLine, {
      kind: "group",
      stage,
      runOrder: last.runOrder,
      mode: "after",
    }),
  );
  return zones;
}

/** The zone of the stage gap ending at `right`, where a drop makes a new stage at `index`. */
function gapZone(right: number, height: number, index: number): DropZone {
  const left = right - STAGE_GAP;
  return zone(left, right, height, line(left + STAGE_GAP / 2, 0, height), {
    kind: "new-stage",
    index,
  });
}

/** Height of a lane with one row of actions: the least a lane is ever drawn at. */
export const MIN_LANE_HEIGHT = STAGE_HEADER_HEIGHT + 2 * LANE_PADDING_Y + ACTION_HEIGHT;

/** All zones of a layout's lanes, with the stage gaps before, between and after them. */
export function buildDropZones(lanes: readonly LaneGeometry[]): DropZone[] {
  const height = lanes.reduce((h, lane) => Math.max(h, lane.height), MIN_LANE_HEIGHT);
  const lastLane = lanes[lanes.length - 1];
  if (!lastLane) {
    // No stages yet: one generous zone where the first lane will appear.
    const zoneRight = ACTION_WIDTH + 2 * LANE_PADDING_X;
    return [
      zone(-STAGE_GAP, zoneRight, height, line(zoneRight / 2 - STAGE_GAP / 2, 0, height), {
        kind: "new-stage",
        index: 0,
      }),
    ];
  }
  const zones: DropZone[] = [];
  for (const lane of lanes) {
    zones.push(gapZone(lane.x, height, lane.stageIndex), ...laneZones(lane));
  }
  zones.push(gapZone(lastLane.x + lastLane.width + STAGE_GAP, height, lanes.length));
  return zones;
}

/**
 * The drop zone under `point` (absolute canvas coordinates), or undefined outside every zone. Zones
 * are half-open on their right and bottom edges, so a point on a shared border has one answer.
 */
export function hitTest(layout: Pick<Layout, "dropZones">, point: Point): DropZone | undefined {
  const zones = layout.dropZones;
  let low = 0;
  let high = zones.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const candidate = zones[mid];
    if (candidate && candidate.rect.x <= point.x) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  const hit = zones[found];
  if (!hit) return undefined;
  const { x, y, width, height } = hit.rect;
  return point.x < x + width && point.y >= y && point.y < y + height ? hit : undefined;
}
