import { Play } from "lucide-react";
import { useEffect } from "react";
import { Group, Panel, Separator, type Layout } from "react-resizable-panels";
import { progress } from "../../../shared/execution";
import { useAppStore } from "../../store";
import { ActionDetails } from "./ActionDetails";
import { RunAttention } from "./RunAttention";
import { RunCompare } from "./RunCompare";
import { RunHistory } from "./RunHistory";
import { RunTimeline } from "./RunTimeline";
import "./runs.css";

function LiveSummary() {
  const live = useAppStore((s) => s.runsLive);
  const watch = useAppStore((s) => s.runsWatch);
  const connection = useAppStore((s) => s.connection);
  if (watch === null) return <span className="muted">Not watching</span>;
  if (live === null) return <span className="muted">Reading {watch.pipelineName}…</span>;
  const p = live.state ? progress(live.state) : null;
  // Never seen: the document's pipeline is not deployed there yet. Seen before: it was deleted.
  const missing = live.error?.code === "pipeline-not-found" && live.state === null;
  return (
    <span role="status" aria-label="Live status" className="run-live">
      {p && p.total > 0 && (
        <span>
          {p.done} of {p.total} stages done
          {p.awaitingApproval.length > 0 ? ` · waiting for approval in ${p.awaitingApproval.join(", ")}` : ""}
          {p.failedStage ? ` · failed in ${p.failedStage}` : ""}
        </span>
      )}
      {live.error !== null && (
        <span className="run-alert">
          {missing
            ? ` ${watch.pipelineName} is not deployed on ${connection.kind === "sandbox" ? "the sandbox" : "this connection"} yet: deploy it to see its runs.`
            : ` ${live.error.message}`}
        </span>
      )}
      <span className="muted"> · {live.active ? "polling every few seconds" : "idle, polling slowly"}</span>
    </span>
  );
}

/** The selected run, or the two runs being compared; scrolls inside its pane. */
function RunDetailPane() {
  const comparing = useAppStore((s) => s.runsCompared !== null);
  return (
    <div className="runs-detail" aria-label="Run detail" role="region">
      {comparing ? (
        <RunCompare />
      ) : (
        <>
          <RunTimeline />
          <ActionDetails />
        </>
      )}
    </div>
  );
}

/**
 * The runs of the open pipeline, docked in the bottom panel so the canvas and the inspector stay in
 * view above it: live status and what needs attention (approvals, failures, runs to stop), the
 * history, and the selected run's timeline beside it. Showing it starts watching the pipeline (the
 * canvas shows the live status from then on).
 */
export function RunsPanel() {
  const name = useAppStore((s) => s.doc?.document.pipeline.name ?? "");
  const watch = useAppStore((s) => s.runsWatch);
  const dialogOpened = useAppStore((s) => s.runsDialogOpened);
  const busy = useAppStore((s) => s.runsControl.busy);
  const saved = useAppStore((s) => s.settings.panelLayout["runs-columns"]);
  const layoutChanged = useAppStore((s) => s.panelLayoutChanged);
  return (
    <section className="runs-panel" aria-label="Runs">
      <header className="runs-head">
        <h2>Runs of {watch?.pipelineName ?? name}</h2>
        <LiveSummary />
        <button
          type="button"
          className="primary"
          disabled={busy || watch === null}
          onClick={() => dialogOpened({ kind: "release" })}
        >
          <Play aria-hidden="true" size={14} />
          <span>Release change</span>
        </button>
      </header>
      <Group
        orientation="horizontal"
        id="runs-columns"
        className="runs-columns"
        defaultLayout={saved as Layout | undefined}
        onLayoutChanged={(layout, meta) => {
          if (meta.isUserInteraction) layoutChanged("runs-columns", layout);
        }}
      >
        <Panel id="runs-list" defaultSize="58%" minSize={380}>
          <div className="runs-list">
            <RunAttention />
            <RunHistory />
          </div>
        </Panel>
        <Separator className="separator" aria-label="Resize the run history" />
        <Panel id="runs-detail" minSize={280}>
          <RunDetailPane />
        </Panel>
      </Group>
    </section>
  );
}

/**
 * Always mounted: follows the open document and connection with the watch (a renamed pipeline,
 * another document or another connection: watch what is open now), pauses polling while the window
 * is hidden and stops it when the window goes away. The watch outlives the runs tab, because the
 * canvas shows the live status too.
 */
export function RunsWatcher() {
  const name = useAppStore((s) => s.doc?.document.pipeline.name ?? "");
  const watch = useAppStore((s) => s.runsWatch);
  const watchRequested = useAppStore((s) => s.runsWatchRequested);
  const connection = useAppStore((s) => s.connection);
  const visibilityChanged = useAppStore((s) => s.runsVisibilityChanged);
  const unwatched = useAppStore((s) => s.runsUnwatched);
  useEffect(() => {
    if (
      watch !== null &&
      (watch.pipelineName !== name || JSON.stringify(watch.connection) !== JSON.stringify(connection))
    )
      void (name === "" ? unwatched() : watchRequested());
  }, [name, connection, watch, watchRequested, unwatched]);
  useEffect(() => {
    const report = () => void visibilityChanged(document.visibilityState === "visible");
    const leave = () => void unwatched();
    document.addEventListener("visibilitychange", report);
    window.addEventListener("pagehide", leave);
    return () => {
      document.removeEventListener("visibilitychange", report);
      window.removeEventListener("pagehide", leave);
    };
  }, [visibilityChanged, unwatched]);
  return null;
}
