/**
 * The rehearse panel: the document's what-ifs (saved beside its file), the active one's outcome
 * and expectations, and the playback of its path: step, play, scrub, and the same timeline chart
 * as a real run, cut at the step's moment.
 */
import { useEffect, useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { buildTimeline, ruleRows, toEpochMs } from "../../shared/execution";
import { describeEvent, formatOffset, runAsOf, type RehearsalResult } from "../../shared/rehearse";
import { TimelineChart } from "../panels/runs/RunTimeline";
import { useAppStore } from "../store";
import { activeResult } from "../store/rehearse-slice";
import "../styles/rehearse.css";

/** Wall time between two steps while playing. */
const PLAY_STEP_MS = 700;

function WhatIfBar() {
  const names = useAppStore(useShallow((s) => s.whatIfs.map((w) => `${w.name}${w.saved ? "" : " *"}`)));
  const active = useAppStore((s) => s.activeWhatIf);
  const entry = useAppStore((s) => s.whatIfs.find((w) => w.name === s.activeWhatIf));
  const hasPath = useAppStore((s) => (s.doc?.path ?? null) !== null);
  const { whatIfSelected, whatIfAdded, whatIfRemoved, whatIfSaveRequested, expectationsCaptured } =
    useAppStore(
      useShallow((s) => ({
        whatIfSelected: s.whatIfSelected,
        whatIfAdded: s.whatIfAdded,
        whatIfRemoved: s.whatIfRemoved,
        whatIfSaveRequested: s.whatIfSaveRequested,
        expectationsCaptured: s.expectationsCaptured,
      })),
    );
  return (
    <div className="rehearse-bar" role="toolbar" aria-label="What-ifs">
      <label>
        What-if{" "}
        <select aria-label="What-if" value={active} onChange={(e) => whatIfSelected(e.target.value)}>
          {names.map((label) => {
            const name = label.replace(/ \*$/, "");
            return (
              <option key={name} value={name}>
                {label}
              </option>
            );
          })}
        </select>
      </label>
      <button type="button" onClick={whatIfAdded}>
        New what-if
      </button>
      <button
        type="button"
        disabled={entry?.saved === true}
        title={hasPath ? "Save as a scenario file beside the pipeline" : "Save the pipeline first"}
        onClick={() => void whatIfSaveRequested()}
      >
        {entry?.saved ? "Saved beside the pipeline" : "Save what-if"}
      </button>
      <button
        type="button"
        onClick={() => void expectationsCaptured()}
        title="The what-if will expect what this rehearsal did; a change that breaks it is a problem"
      >
        Expect this outcome
      </button>
      <button type="button" className="link" onClick={() => void whatIfRemoved(active)}>
        Delete what-if
      </button>
    </div>
  );
}

function Outcome({ result }: { result: RehearsalResult }) {
  const rolledBack = result.stages.filter((s) => s.rolledBack);
  return (
    <div className="rehearse-outcome">
      <p role="status" aria-label="Rehearsal outcome">
        <strong>{result.status}</strong> in {formatOffset(result.durationMs)} (simulated)
        {rolledBack.map(
          (s) =>
            ` · ${s.name} rolled back to ${s.rollbackTargetExecutionId?.slice(0, 8) ?? "?"} (baseline run)`,
        )}
      </p>
      {result.notes.map((note) => (
        <p key={note} className="muted">
          {note}
        </p>
      ))}
      {result.expectations && (
        <ul className="rehearse-expectations" aria-label="Expectations">
          {result.expectations.map((e, i) => (
            <li key={i} className={e.passed ? "is-met" : "is-unmet"}>
              <span aria-hidden="true">{e.passed ? "✓" : "✕"}</span>{" "}
              {e.passed ? e.expected : `expected ${e.expected}, got ${e.actual}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Playback({ result }: { result: RehearsalResult }) {
  const step = useAppStore((s) => s.playbackStep);
  const playing = useAppStore((s) => s.playing);
  const stepped = useAppStore((s) => s.playbackStepped);
  const toggled = useAppStore((s) => s.playbackToggled);
  const last = result.events.length - 1;
  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => stepped(step + 1), PLAY_STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, step, stepped]);
  const event = step >= 0 ? result.events[step] : undefined;
  return (
    <div className="rehearse-playback">
      <div role="toolbar" aria-label="Playback">
        <button type="button" aria-label="To the start" onClick={() => stepped(-1)}>
          Start
        </button>
        <button type="button" aria-label="Step back" disabled={step < 0} onClick={() => stepped(step - 1)}>
          Back
        </button>
        <button type="button" aria-label={playing ? "Pause" : "Play"} onClick={() => toggled()}>
          {playing ? "Pause" : "Play"}
        </button>
        <button
          type="button"
          aria-label="Next step"
          disabled={step >= last}
          onClick={() => stepped(step + 1)}
        >
          Next
        </button>
        <button type="button" aria-label="To the end" onClick={() => stepped(last)}>
          End
        </button>
        <input
          type="range"
          aria-label="Rehearsal step"
          min={-1}
          max={last}
          value={step}
          onChange={(e) => stepped(Number(e.target.value))}
        />
        <span className="rehearse-caption" aria-live="polite">
          {event
            ? `${formatOffset(event.atMs)} ${event.role === "rollback" ? "rollback: " : ""}${describeEvent(event)}`
            : "Before the run"}
        </span>
      </div>
      <ol className="rehearse-path" aria-label="Rehearsal path">
        {result.events.map((e, i) => (
          <li
            key={i}
            className={i === step ? "is-current" : i > step ? "is-future" : ""}
            aria-current={i === step ? "step" : undefined}
          >
            <button type="button" className="link" onClick={() => stepped(i)}>
              <span className="rehearse-time">{formatOffset(e.atMs)}</span>{" "}
              {e.role === "rollback" ? "rollback: " : ""}
              {describeEvent(e)}
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

function Timelines({ result }: { result: RehearsalResult }) {
  const step = useAppStore((s) => s.playbackStep);
  const pipeline = useAppStore((s) => s.doc?.document.pipeline);
  const rehearsed = result.runs.find((r) => r.role === "rehearsal");
  const origin = toEpochMs(rehearsed?.summary.startTime) ?? 0;
  const atMs = origin + (step < 0 ? -1 : (result.events[step]?.atMs ?? result.durationMs));
  const charts = useMemo(
    () =>
      result.runs
        // A run shows once the playback reached its start (a rollback starts the moment its
        // stage fails, so time alone cannot tell the two steps apart).
        .filter(
          (r) =>
            r.role !== "baseline" &&
            result.events.slice(0, step + 1).some((e) => e.executionId === r.executionId),
        )
        .flatMap((run) => {
          const cut = runAsOf(run, atMs);
          if (!cut) return [];
          return [
            {
              run,
              timeline: buildTimeline({ ...cut, pipeline }),
              rules: ruleRows(cut.ruleExecutions, pipeline),
            },
          ];
        }),
    [result, atMs, step, pipeline],
  );
  if (charts.length === 0) return <p className="muted">Step forward to see the run on the timeline.</p>;
  return (
    <>
      {charts.map(({ run, timeline, rules }) => (
        <section
          key={run.executionId}
          aria-label={run.role === "rollback" ? "Rollback timeline" : "Rehearsal timeline"}
        >
          <h4>
            {run.role === "rollback"
              ? `Rollback to ${run.rollbackTargetExecutionId?.slice(0, 8) ?? "?"}: ${timeline.status ?? ""}`
              : `Rehearsed run: ${timeline.status ?? ""}`}
          </h4>
          <TimelineChart timeline={timeline} rules={rules} now={atMs} />
        </section>
      ))}
    </>
  );
}

/** Rehearse mode's panel. */
export function RehearsePanel() {
  const result = useAppStore((s) => activeResult(s));
  const outcome = useAppStore((s) => s.whatIfs.find((w) => w.name === s.activeWhatIf)?.outcome ?? null);
  const problem = useAppStore((s) => s.whatIfs.find((w) => w.name === s.activeWhatIf)?.problem ?? null);
  return (
    <section className="rehearse-panel" aria-label="Rehearsal">
      <WhatIfBar />
      {problem !== null && (
        <p role="alert" className="run-alert">
          {problem}
        </p>
      )}
      {outcome?.kind === "invalid-pipeline" && (
        <p role="alert" className="run-alert">
          Fix the pipeline's errors to rehearse it (see Problems):{" "}
          {outcome.diagnostics[0]?.message ?? outcome.message}
        </p>
      )}
      {outcome?.kind === "invalid-what-if" && (
        <p role="alert" className="run-alert">
          {outcome.message}
        </p>
      )}
      {outcome === null && problem === null && <p className="muted">Rehearsing…</p>}
      {result && (
        <div className="rehearse-body">
          <div className="rehearse-story">
            <Outcome result={result} />
            <Playback result={result} />
          </div>
          <div className="rehearse-timelines">
            <Timelines result={result} />
          </div>
        </div>
      )}
    </section>
  );
}
