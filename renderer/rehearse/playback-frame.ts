import { frameAt, type PlaybackFrame, type RehearsalResult } from "../../shared/rehearse";
import { activeResult } from "../store/rehearse-slice";
import type { AppState } from "../store";

let last: { events: RehearsalResult["events"]; step: number; frame: PlaybackFrame } | null = null;

/**
 * The playback's frame at the current step, computed once per (events, step) and shared by every
 * badge on the canvas; null outside rehearse mode or before a rehearsal ran.
 */
export function selectPlaybackFrame(
  state: Pick<AppState, "rehearseMode" | "whatIfs" | "activeWhatIf" | "playbackStep">,
): PlaybackFrame | null {
  if (!state.rehearseMode) return null;
  const result = activeResult(state);
  if (result === null) return null;
  if (last !== null && last.events === result.events && last.step === state.playbackStep) return last.frame;
  const frame = frameAt(result.events, state.playbackStep);
  last = { events: result.events, step: state.playbackStep, frame };
  return frame;
}
