import { Background, useStore } from "@xyflow/react";

/** Canvas pixels between the grid's dots. */
const GAP = 24;
/**
 * Closer than this on screen the dots are a grey wash, not a grid: far out (a whole 500-action
 * pipeline in view) the background is left plain rather than redrawn with a dot per pixel or two on
 * every frame of a pan.
 */
const LEAST_SCREEN_GAP = 6;

/** The canvas's dot grid, while it is wide enough apart to read as one. */
export function CanvasGrid() {
  const shown = useStore((s) => s.transform[2] * GAP >= LEAST_SCREEN_GAP);
  return shown ? <Background gap={GAP} /> : null;
}
