import { memo, useMemo } from "react";
import {
  buildTimeline,
  ruleRows,
  type RuleRow,
  type Timeline,
  type TimelineActionRow,
  type TimelineSegment,
} from "../../../shared/execution";
import { Diamond } from "lucide-react";
import { PHASE_LOOK, StatusIcon } from "../../design/status";
import { useAppStore } from "../../store";
import { formatDuration, formatTime } from "./format";
import { RunLink } from "./RunLink";
import "./timeline.css";

interface Axis {
  start: number;
  span: number;
}

function pct(axis: Axis, ms: number): string {
  return `${(((ms - axis.start) / axis.span) * 100).toFixed(3)}%`;
}

function segmentTitle(action: TimelineActionRow, s: TimelineSegment, now: number): string {
  const end = s.end ?? now;
  const lines = [
    `${action.stageName}/${action.actionName}${s.retry ? " (retry)" : ""}: ${s.status ?? "unknown"}`,
    `Started ${formatTime(s.start)}`,
    s.end === null ? "Still going" : `Ended ${formatTime(s.end)}`,
    `${s.approval ? "Waited for approval" : "Ran"} ${formatDuration(s.start === null ? null : end - s.start)}`,
  ];
  if (s.waitBeforeMs) lines.push(`Waited ${formatDuration(s.waitBeforeMs)} before starting`);
  if (s.error?.message) lines.push(`Error: ${s.error.message}`);
  return lines.join("\n");
}

const ActionBar = memo(function ActionBar(props: {
  action: TimelineActionRow;
  axis: Axis;
  now: number;
  selected: boolean;
}) {
  const { action, axis, now, selected } = props;
  const choose = useAppStore((s) => s.runActionSelected);
  const look = PHASE_LOOK[action.phase];
  const name = `${action.stageName}/${action.actionName}`;
  return (
    <div className={`tl-row${selected ? " is-selected" : ""}`} role="row">
      {/* A row holds cells only: the button sits in its row header. */}
      <span role="rowheader" className="tl-label-cell">
        <button
          type="button"
          className="tl-label"
          aria-label={`Details of ${name}: ${look.label}`}
          onClick={() => choose({ stageName: action.stageName, actionName: action.actionName })}
        >
          <StatusIcon phase={action.phase} /> {action.actionName}
          {action.retried ? ` ×${action.attempts}` : ""}
        </button>
      </span>
      <div className="tl-track" role="gridcell">
        {action.segments.map((s, i) => {
          if (s.start === null) return null;
          const end = s.end ?? now;
          const waitStart = s.waitBeforeMs ? s.start - s.waitBeforeMs : null;
          return (
            <span key={s.actionExecutionId ?? i}>
              {waitStart !== null && (
                <span
                  className="tl-wait"
                  style={{
                    left: pct(axis, waitStart),
                    width: pct({ start: 0, span: axis.span }, s.start - waitStart),
                  }}
                  title={`Waiting ${formatDuration(s.waitBeforeMs)} before ${action.actionName} started`}
                />
              )}
              <span
                role="img"
                data-testid="timeline-bar"
                aria-label={`${name}${s.retry ? " retry" : ""}: ${s.status ?? "unknown"}, ${formatDuration(end - s.start)}`}
                className={`tl-bar run-${s.phase}${s.approval ? " is-approval" : ""}${s.retry ? " is-retry" : ""}`}
                style={{
                  left: pct(axis, s.start),
                  width: `max(3px, ${pct({ start: 0, span: axis.span }, end - s.start)})`,
                }}
                title={segmentTitle(action, s, now)}
                onClick={() => choose({ stageName: action.stageName, actionName: action.actionName })}
              />
            </span>
          );
        })}
      </div>
      <span className="tl-duration" role="gridcell">
        {formatDuration(action.start === null ? null : (action.end ?? now) - action.start)}
      </span>
    </div>
  );
});

const HOOK_WORD = { entry: "entry", success: "success", failure: "failure" } as const;

/** A stage condition's rule: one bar per evaluation of it in the run. */
function RuleBar({ rule, axis, now }: { rule: RuleRow; axis: Axis; now: number }) {
  const name = `${rule.stageName} ${rule.hook === null ? "condition" : `${HOOK_WORD[rule.hook]} condition`} ${rule.ruleName}`;
  return (
    <div className="tl-row tl-rule" role="row">
      <span className="tl-label" role="rowheader" title={rule.provider ?? undefined}>
        <StatusIcon phase={rule.phase} />
        <Diamond aria-hidden="true" size={10} /> {rule.ruleName}
        {rule.hook === null ? "" : ` (${HOOK_WORD[rule.hook]})`}
      </span>
      <div className="tl-track" role="gridcell">
        {rule.segments.map((s, i) => {
          if (s.start === null) return null;
          const end = s.end ?? now;
          const lines = [
            `${name}: ${s.status ?? "unknown"}`,
            `Started ${formatTime(s.start)}`,
            s.end === null ? "Still checking" : `Ended ${formatTime(s.end)}`,
            ...(s.error ? [`Error: ${s.error}`] : s.summary ? [s.summary] : []),
          ];
          return (
            <span
              key={s.ruleExecutionId ?? i}
              role="img"
              aria-label={`${name}: ${s.status ?? "unknown"}, ${formatDuration(end - s.start)}`}
              className={`tl-bar tl-rule-bar run-${s.phase}`}
              style={{
                left: pct(axis, s.start),
                width: `max(3px, ${pct({ start: 0, span: axis.span }, end - s.start)})`,
              }}
              title={lines.join("\n")}
            />
          );
        })}
      </div>
      <span className="tl-duration" role="gridcell">
        {formatDuration(rule.start === null ? null : (rule.end ?? now) - rule.start)}
      </span>
    </div>
  );
}

const NO_RULES: readonly RuleRow[] = [];

/** The Gantt of one run: stages with their condition rules and actions on one time axis. */
export function TimelineChart({
  timeline,
  rules = NO_RULES,
  now,
}: {
  timeline: Timeline;
  rules?: readonly RuleRow[];
  now: number;
}) {
  const selected = useAppStore((s) => s.runsSelectedAction);
  const axis = useMemo<Axis>(() => {
    let start = timeline.start ?? Number.POSITIVE_INFINITY;
    let end = timeline.end ?? now;
    for (const stage of timeline.stages)
      for (const action of stage.actions)
        for (const s of action.segments) {
          if (s.start !== null) start = Math.min(start, s.start - (s.waitBeforeMs ?? 0));
          end = Math.max(end, s.end ?? (s.start === null ? end : now));
        }
    for (const rule of rules)
      for (const s of rule.segments) {
        if (s.start !== null) start = Math.min(start, s.start);
        end = Math.max(end, s.end ?? (s.start === null ? end : now));
      }
    if (!Number.isFinite(start)) start = now;
    return { start, span: Math.max(1000, end - start) };
  }, [timeline, rules, now]);
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  return (
    <div
      className="timeline"
      role="grid"
      aria-label={`Timeline of run ${timeline.pipelineExecutionId ?? ""}`}
    >
      <div className="tl-axis" aria-hidden="true">
        {ticks.map((t) => (
          <span key={t} style={{ left: `${t * 100}%` }}>
            +{formatDuration(t * axis.span)}
          </span>
        ))}
      </div>
      {timeline.stages.map((stage) => (
        <div
          key={stage.stageName}
          className="tl-stage"
          role="rowgroup"
          aria-label={`Stage ${stage.stageName}`}
        >
          <div className="tl-stage-head" role="row">
            <span role="rowheader">
              <StatusIcon phase={stage.phase} /> {stage.stageName}
              {stage.removed ? " (no longer in the pipeline)" : ""}
            </span>
            <div className="tl-track tl-stage-track" aria-hidden="true">
              {stage.start !== null && (
                <span
                  className={`tl-stage-span run-${stage.phase}`}
                  style={{
                    left: pct(axis, stage.start),
                    width: pct({ start: 0, span: axis.span }, (stage.end ?? now) - stage.start),
                  }}
                />
              )}
            </div>
            <span role="gridcell" />
          </div>
          {rules
            .filter((rule) => rule.stageName === stage.stageName)
            .map((rule) => (
              <RuleBar key={rule.ruleName} rule={rule} axis={axis} now={now} />
            ))}
          {stage.actions.map((action) => (
            <ActionBar
              key={action.actionName}
              action={action}
              axis={axis}
              now={now}
              selected={selected?.stageName === stage.stageName && selected.actionName === action.actionName}
            />
          ))}
        </div>
      ))}
    </div>
  );
}

/** The selected run's timeline, with its header (status, duration, mode, rollback). */
export function RunTimeline() {
  const loaded = useAppStore((s) => s.runsSelected);
  const polledAt = useAppStore((s) => s.runsLive?.polledAt ?? 0);
  const timeline = useMemo(() => (loaded?.detail ? buildTimeline(loaded.detail) : null), [loaded?.detail]);
  const rules = useMemo(
    () =>
      loaded?.detail?.ruleExecutions
        ? ruleRows(loaded.detail.ruleExecutions, loaded.detail.definition ?? loaded.detail.pipeline)
        : [],
    [loaded?.detail],
  );
  const now = Math.max(Date.now(), polledAt);
  if (loaded === null) return <p className="muted">Select a run to see its timeline.</p>;
  if (loaded.error !== null && timeline === null)
    return (
      <p role="alert" className="run-alert">
        {loaded.error.message}
      </p>
    );
  if (timeline === null) return <p className="muted">Loading the run…</p>;
  // No duration known (no start yet, or a clock ahead of this one): none shown, not a lone dash.
  const durationText = formatDuration(
    timeline.durationMs ?? (timeline.start === null ? null : now - timeline.start),
    "",
  );
  return (
    <section className="run-timeline" aria-label="Run timeline">
      <h3>
        Run{" "}
        <span title={timeline.pipelineExecutionId ?? ""}>{timeline.pipelineExecutionId?.slice(0, 8)}</span>:{" "}
        {timeline.status ?? "unknown"}
        {durationText === "" ? "" : ` · ${durationText}`}
        {timeline.executionMode ? ` · ${timeline.executionMode}` : ""}
        {timeline.rollback && (
          <>
            {" "}
            · rollback to{" "}
            {timeline.rollbackTargetId ? <RunLink id={timeline.rollbackTargetId} /> : "an unknown run"}
          </>
        )}
      </h3>
      {loaded.error !== null && (
        <p role="alert" className="run-alert">
          {loaded.error.message}
        </p>
      )}
      <p className="tl-legend muted" aria-hidden="true">
        <span className="tl-bar-sample run-succeeded" /> running{" "}
        <span className="tl-bar-sample is-approval" /> waiting for approval{" "}
        <span className="tl-wait-sample" /> waiting to start <span className="tl-bar-sample is-retry" /> retry
        {rules.length > 0 && (
          <>
            {" "}
            <Diamond aria-hidden="true" size={10} /> condition rule
          </>
        )}
      </p>
      <TimelineChart timeline={timeline} rules={rules} now={now} />
    </section>
  );
}
