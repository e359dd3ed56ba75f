import { join } from "node:path";
import { StateFile, type StateData, type StateReporter, type StateSchema } from "../storage/state-file";

/** The main window's position and size, remembered between launches. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** A rectangle of a display's work area (what Electron's screen module reports). */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

const DEFAULT_STATE: WindowState = { width: 1280, height: 800, maximized: false };

function isFiniteInt(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v);
}

function decode(r: StateData): WindowState {
  const { x, y, width, height, maximized } = r;
  if (!isFiniteInt(width) || !isFiniteInt(height) || width < 400 || height < 300) return { ...DEFAULT_STATE };
  const state: WindowState = { width, height, maximized: maximized === true };
  if (isFiniteInt(x) && isFiniteInt(y)) {
    state.x = x;
    state.y = y;
  }
  return state;
}

/**
 * The saved state, placed so the window is visible: a position on no current display (a monitor
 * was unplugged) is dropped so the OS centres the window, and the size is capped to the display.
 */
export function placeOnScreen(state: WindowState, areas: readonly Area[]): WindowState {
  const { x, y } = state;
  if (x === undefined || y === undefined) return state;
  const area = areas.find(
    (a) => x + 100 > a.x && x < a.x + a.width - 100 && y >= a.y && y < a.y + a.height - 50,
  );
  if (area === undefined) return { width: state.width, height: state.height, maximized: state.maximized };
  return { ...state, width: Math.min(state.width, area.width), height: Math.min(state.height, area.height) };
}

/** `window-state.json`: format 1 is the state's members and `format`; format 0 had the members alone. */
const WINDOW_STATE_SCHEMA: StateSchema<WindowState> = {
  what: "The window position file",
  format: 1,
  migrations: { 0: (data: StateData) => data },
  decode,
  fallback: () => ({ ...DEFAULT_STATE }),
};

/** `window-state.json` in the data folder. */
export function windowStateFile(dataDir: string, report?: StateReporter): StateFile<WindowState> {
  return new StateFile(join(dataDir, "window-state.json"), WINDOW_STATE_SCHEMA, report);
}
