import { formatDuration } from "../../shared/execution";
import type { DailyPoint } from "../../shared/execution/delivery-metrics";
import { NOTIFICATION_KINDS, notifies, type NotificationKind } from "../../shared/fleet/notifications";
import { useAppStore } from "../store";
import { fleetRow } from "../store/fleet-slice";

const PERIODS = ["7d", "30d", "90d"];
const seconds = (s: number | null | undefined) => (s === null || s === undefined ? "–" : formatDuration(s * 1000));

/** Succeeded (up) and failed (down) runs per day, as bars around a middle line. */
function DailyRuns({ daily }: { daily: readonly DailyPoint[] }) {
  const width = 280;
  const height = 64;
  const most = Math.max(1, ...daily.map((d) => Math.max(d.succeeded, d.failed)));
  const step = width / Math.max(1, daily.length);
  const half = height / 2;
  return (
    <svg className="fleet-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Runs per day: succeeded above the line, failed below">
      <line x1={0} x2={width} y1={half} y2={half} className="fleet-chart-axis" />
      {daily.map((d, i) => (
        <g key={d.date}>
          <title>{`${d.date}: ${d.succeeded} succeeded, ${d.failed} failed`}</title>
          {d.succeeded > 0 && (
            <rect className="fleet-bar-ok" x={i * step + 1} width={Math.max(1, step - 2)} y={half - (d.succeeded / most) * (half - 2)} height={(d.succeeded / most) * (half - 2)} />
          )}
          {d.failed > 0 && (
            <rect className="fleet-bar-failed" x={i * step + 1} width={Math.max(1, step - 2)} y={half} height={(d.failed / most) * (half - 2)} />
          )}
        </g>
      ))}
    </svg>
  );
}

/** The median run duration of each day that had finished runs, as a line. */
function DurationTrend({ daily }: { daily: readonly DailyPoint[] }) {
  const width = 280;
  const height = 48;
  const points = daily.map((d, i) => ({ i, v: d.durationP50, date: d.date })).filter((p) => p.v !== null) as { i: number; v: number; date: string }[];
  const most = Math.max(1, ...points.map((p) => p.v));
  const x = (i: number) => (daily.length <= 1 ? width / 2 : (i / (daily.length - 1)) * (width - 4) + 2);
  const y = (v: number) => height - 2 - (v / most) * (height - 4);
  return (
    <svg className="fleet-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Median run duration per day">
      <polyline className="fleet-line" points={points.map((p) => `${x(p.i)},${y(p.v)}`).join(" ")} />
      {points.map((p) => (
        <circle key={p.date} className="fleet-dot" cx={x(p.i)} cy={y(p.v)} r={2}>
          <title>{`${p.date}: median ${seconds(p.v)}`}</title>
        </circle>
      ))}
    </svg>
  );
}

function NotifyChoice({ rowKey }: { rowKey: string }) {
  const settings = useAppStore((s) => s.notificationSettings);
  const changed = useAppStore((s) => s.notificationSettingsChanged);
  if (settings === null) return null;
  const toggle = (kind: NotificationKind, on: boolean) => {
    const others = settings.pipelines.filter((p) => p.pipeline !== rowKey);
    const own = settings.pipelines.find((p) => p.pipeline === rowKey)?.events ?? {};
    void changed({ pipelines: [...others, { pipeline: rowKey, events: { ...own, [kind]: on } }] });
  };
  return (
    <fieldset className="fleet-notify">
      <legend>Notify me about this pipeline when it</legend>
      {NOTIFICATION_KINDS.map(({ kind, label }) => (
        <label key={kind}>
          <input type="checkbox" checked={notifies(settings, rowKey, kind)} onChange={(e) => toggle(kind, e.target.checked)} />
          {label.toLowerCase()}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Delivery metrics of the selected pipeline, computed in main from its run history over the chosen
 * period, with the definitions beside the numbers so they can be trusted.
 */
export function FleetMetrics() {
  const row = useAppStore((s) => fleetRow(s, s.fleetSelected));
  const state = useAppStore((s) => s.fleetMetrics);
  const periodChanged = useAppStore((s) => s.fleetMetricsPeriodChanged);
  const closed = useAppStore((s) => s.fleetRowSelected);
  if (row === undefined) return null;
  const m = state?.value ?? null;
  return (
    <aside className="fleet-metrics" aria-label={`Delivery metrics of ${row.name}`}>
      <header>
        <h3>{row.name}</h3>
        <select aria-label="Period" value={state?.since ?? "30d"} onChange={(e) => void periodChanged(e.target.value)}>
          {PERIODS.map((p) => (
            <option key={p} value={p}>
              Last {p.replace("d", " days")}
            </option>
          ))}
        </select>
        <button type="button" aria-label="Close metrics" onClick={() => void closed(null)}>
          ×
        </button>
      </header>
      {state?.loading === true && m === null && <p className="muted">Reading the run history…</p>}
      {state?.error && <p className="fleet-error">{state.error.message}</p>}
      {m !== null && (
        <>
          <dl className="fleet-figures">
            <dt>Runs</dt>
            <dd>
              {m.runs} ({m.succeeded} succeeded, {m.failed} failed)
            </dd>
            <dt>Deployments per day</dt>
            <dd>{m.deploymentsPerDay.toFixed(2)}</dd>
            <dt>Change failure rate</dt>
            <dd>{m.changeFailureRate === null ? "–" : `${Math.round(m.changeFailureRate * 100)}%`}</dd>
            <dt>Lead time p50 / p90</dt>
            <dd>
              {seconds(m.leadTimeSeconds.p50)} / {seconds(m.leadTimeSeconds.p90)}
            </dd>
            <dt>Time to restore p50</dt>
            <dd>{seconds(m.timeToRestoreSeconds.p50)}</dd>
            <dt>Run duration p50 / p90</dt>
            <dd>
              {seconds(m.durationSeconds.p50)} / {seconds(m.durationSeconds.p90)}
              {m.durationSeconds.trend && ` (${m.durationSeconds.trend.change >= 0 ? "+" : ""}${Math.round(m.durationSeconds.trend.change * 100)}%)`}
            </dd>
            <dt>Slowest stage (p90)</dt>
            <dd>{m.slowestStage ? `${m.slowestStage.stageName} ${seconds(m.slowestStage.p90)}` : "–"}</dd>
            <dt>Slowest action (p90)</dt>
            <dd>{m.slowestAction ? `${m.slowestAction.stageName}/${m.slowestAction.actionName} ${seconds(m.slowestAction.p90)}` : "–"}</dd>
          </dl>
          <p className="fleet-chart-caption">Runs per day: succeeded above the line, failed below</p>
          <DailyRuns daily={m.daily} />
          <p className="fleet-chart-caption">Median run duration per day</p>
          <DurationTrend daily={m.daily} />
          <details className="fleet-help">
            <summary>How these are computed</summary>
            <p>From the run history of the period (a run belongs to it when it started in it), on this computer.</p>
            <ul>
              <li>Deployments per day: succeeded runs ÷ days of the period.</li>
              <li>Change failure rate: Failed ÷ (Succeeded + Failed) runs; Stopped, Superseded and Cancelled runs do not count.</li>
              <li>Lead time: from the newest commit of the run's source actions (CommitterDate, else AuthorDate; never later than the run's start; a run without one counts from its start) to the run's success; p50 and p90.</li>
              <li>Time to restore: from a failed run's end to the end of the next succeeded run; p50.</li>
              <li>Run duration: start to end of runs that ended Succeeded or Failed; the trend compares the median of the period's second half with its first.</li>
              <li>Slowest stage and action: by the p90 of their time per run; the slowest action leaves manual approvals out.</li>
              <li>p50 is the median; p90 is the nearest-rank 90th percentile.</li>
            </ul>
          </details>
        </>
      )}
      <NotifyChoice rowKey={row.key} />
    </aside>
  );
}
