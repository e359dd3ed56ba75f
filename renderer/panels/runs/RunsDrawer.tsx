import { useEffect } from "react";
import { progress } from "../../../shared/execution";
import { useAppStore } from "../../store";
import { ActionDetails } from "./ActionDetails";
import { RunCompare } from "./RunCompare";
import { RunControls } from "./RunControls";
import { RunHistory } from "./RunHistory";
import { RunTimeline } from "./RunTimeline";
import "./runs.css";

function LiveSummary() {
  const live = useAppStore((s) => s.runsLive);
  const watch = useAppStore((s) => s.runsWatch);
  if (watch === null) return <span className="muted">Not watching</span>;
  if (live === null) return <span className="muted">Reading {watch.pipelineName}…</span>;
  const p = live.state ? progress(live.state) : null;
  return (
    <span role="status" aria-label="Live status" className="run-live">
      {p && p.total > 0 && (
        <span>
          {p.done} of {p.total} stages done
          {p.awaitingApproval.length > 0 ? ` · waiting for approval in ${p.awaitingApproval.join(", ")}` : ""}
          {p.failedStage ? ` · failed in ${p.failedStage}` : ""}
        </span>
      )}
      {live.error !== null && <span className="run-alert"> {live.error.message}</span>}
      <span className="muted"> · {live.active ? "polling every few seconds" : "idle, polling slowly"}</span>
    </span>
  );
}

/**
 * The button that opens the runs drawer, drawn on the canvas (top right) while the drawer is closed.
 * It carries the pipeline's progress, so the canvas shows it too.
 */
export function RunsToggle() {
  const open = useAppStore((s) => s.runsOpen);
  const toggled = useAppStore((s) => s.runsToggled);
  const name = useAppStore((s) => s.doc?.document.pipeline.name ?? "");
  const text = useAppStore((s) => {
    const state = s.runsLive?.state;
    if (!state) return "Runs";
    const p = progress(state);
    return p.total > 0 ? `Runs · ${p.done} of ${p.total} stages done` : "Runs";
  });
  if (open) return null;
  return (
    <button
      type="button"
      className="runs-toggle"
      aria-expanded={false}
      disabled={name === ""}
      title={name === "" ? "Name the pipeline to watch its runs" : undefined}
      onClick={() => toggled(true)}
    >
      {text}
    </button>
  );
}

/**
 * The runs drawer over the right side of the window: live status of the open pipeline, its history,
 * the selected run's timeline with action details, a comparison, and the run controls. Opening it
 * starts watching the pipeline (the canvas shows the live status from then on).
 */
export function RunsDrawer() {
  const open = useAppStore((s) => s.runsOpen);
  const toggled = useAppStore((s) => s.runsToggled);
  const name = useAppStore((s) => s.doc?.document.pipeline.name ?? "");
  const watch = useAppStore((s) => s.runsWatch);
  const watchRequested = useAppStore((s) => s.runsWatchRequested);
  const visibilityChanged = useAppStore((s) => s.runsVisibilityChanged);
  const connection = useAppStore((s) => s.connection);

  const unwatched = useAppStore((s) => s.runsUnwatched);
  useEffect(() => {
    const report = () => void visibilityChanged(document.visibilityState === "visible");
    // A closed tab or window stops its polling instead of leaving main to poll for nobody.
    const leave = () => void unwatched();
    document.addEventListener("visibilitychange", report);
    window.addEventListener("pagehide", leave);
    return () => {
      document.removeEventListener("visibilitychange", report);
      window.removeEventListener("pagehide", leave);
    };
  }, [visibilityChanged, unwatched]);

  // A renamed pipeline, another document or another connection: watch what is open now.
  useEffect(() => {
    if (
      watch !== null &&
      (watch.pipelineName !== name || JSON.stringify(watch.connection) !== JSON.stringify(connection))
    )
      void watchRequested();
  }, [name, connection, watch, watchRequested]);

  return (
    <>
      {open && (
        <aside id="runs-drawer" className="runs-drawer" aria-label="Runs">
          <header className="runs-head">
            <h2>Runs of {watch?.pipelineName ?? name}</h2>
            <LiveSummary />
            <button
              type="button"
              aria-expanded={true}
              aria-controls="runs-drawer"
              onClick={() => toggled(false)}
            >
              Hide runs
            </button>
          </header>
          <RunControls />
          <RunHistory />
          <RunCompare />
          <RunTimeline />
          <ActionDetails />
        </aside>
      )}
    </>
  );
}
