/**
 * Every size and gap the canvas layout uses, in canvas pixels. One place, so the React Flow node
 * components, the drop indicators and the layout agree on geometry.
 */

/** Width of an action node. */
export const ACTION_WIDTH = 220;
/** Height of an action node: icon, category, provider, name and a badge row. */
export const ACTION_HEIGHT = 72;
/** Vertical gap between parallel actions of one runOrder group. */
export const ACTION_GAP_Y = 16;
/** Horizontal gap between runOrder columns inside a lane. */
export const COLUMN_GAP = 40;
/** Height of a stage lane's header (name, conditions indicator, counts). */
export const STAGE_HEADER_HEIGHT = 48;
/** Space between a lane's border and its columns, left and right. */
export const LANE_PADDING_X = 20;
/** Space between the header (or the lane's bottom border) and the actions. */
export const LANE_PADDING_Y = 16;
/** Width of a collapsed stage lane, which shows a count instead of its actions. */
export const COLLAPSED_LANE_WIDTH = 120;
/** Gap between consecutive lanes; holds the transition marker and the "new stage" drop zone. */
export const STAGE_GAP = 64;
/** Side of the square transition marker drawn in the middle of a stage gap. */
export const TRANSITION_SIZE = 24;
/**
 * How far into an action column the "new group before/after" zones reach. The column gap alone is
 * too thin to hit with a pointer, so the column's outer bands count as its edges.
 */
export const COLUMN_EDGE_BAND = 36;
/** Thickness of the insertion line drawn for "before", "after" and "new stage" drops. */
export const INDICATOR_THICKNESS = 4;
