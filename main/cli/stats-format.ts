/** `pipewright stats` as text: the delivery metrics, then where the time goes. */
import type { DeliveryMetrics, SecondsPercentiles } from "../../shared/execution";
import { formatDuration, table } from "./runs-format";

const seconds = (value: number | null): string => formatDuration(value === null ? null : value * 1000);
const percent = (value: number): string => `${Math.round(value * 100)}%`;
const pair = (p: SecondsPercentiles): string => `p50 ${seconds(p.p50)}, p90 ${seconds(p.p90)}`;

/** The metrics of `pipelineName` as a short report. */
export function formatStats(pipelineName: string, m: DeliveryMetrics): string {
  const days = Number.isInteger(m.days) ? String(m.days) : m.days.toFixed(1);
  const other = [
    m.stopped ? `${m.stopped} stopped` : "",
    m.superseded ? `${m.superseded} superseded` : "",
    m.cancelled ? `${m.cancelled} cancelled` : "",
    m.inProgress ? `${m.inProgress} in progress` : "",
  ].filter(Boolean);
  const trend = m.durationSeconds.trend;
  const lines: string[][] = [
    ["Runs", `${m.runs} (${[`${m.succeeded} succeeded`, `${m.failed} failed`, ...other].join(", ")})`],
    ["Deployments per day", m.deploymentsPerDay.toFixed(2)],
    [
      "Change failure rate",
      m.changeFailureRate === null
        ? "-"
        : `${percent(m.changeFailureRate)} (${m.failed} of ${m.succeeded + m.failed})`,
    ],
    [
      "Lead time",
      m.leadTimeSeconds.samples === 0
        ? "-"
        : `${pair(m.leadTimeSeconds)} (${m.leadTimeSeconds.samples} runs, ${m.leadTimeSeconds.fromCommits} from commit dates)`,
    ],
    [
      "Time to restore",
      `p50 ${seconds(m.timeToRestoreSeconds.p50)} (${m.timeToRestoreSeconds.samples} restored, ${m.timeToRestoreSeconds.unrestored} not yet)`,
    ],
    [
      "Run duration",
      m.durationSeconds.samples === 0
        ? "-"
        : `${pair(m.durationSeconds)} (${m.durationSeconds.samples} runs)${
            trend
              ? `; trend ${trend.change >= 0 ? "+" : ""}${percent(trend.change)} (${seconds(trend.firstHalfP50)} to ${seconds(trend.secondHalfP50)})`
              : ""
          }`,
    ],
    [
      "Slowest stage",
      m.slowestStage ? `${m.slowestStage.stageName}, p90 ${seconds(m.slowestStage.p90)}` : "-",
    ],
    [
      "Slowest action",
      m.slowestAction
        ? `${m.slowestAction.stageName}/${m.slowestAction.actionName}, p90 ${seconds(m.slowestAction.p90)}`
        : "-",
    ],
  ];
  const head = `Delivery of ${pipelineName}, ${m.since.slice(0, 10)} to ${m.until.slice(0, 10)} (${days} days)\n`;
  let text = `${head}${table(lines)}\n`;
  if (m.stages.length > 0) {
    const rows = [["STAGE", "P50", "P90", "RUNS"]];
    for (const s of m.stages)
      rows.push([
        `${s.stageName}${s.includesApproval ? " (approval)" : ""}`,
        seconds(s.p50),
        seconds(s.p90),
        String(s.samples),
      ]);
    text += `\n${table(rows)}\n`;
  }
  if (m.actions.length > 0) {
    const rows = [["ACTION", "P50", "P90", "RUNS"]];
    for (const a of m.actions)
      rows.push([
        `${a.stageName}/${a.actionName}${a.approval ? " (approval)" : ""}`,
        seconds(a.p50),
        seconds(a.p90),
        String(a.samples),
      ]);
    text += `\n${table(rows)}\n`;
  }
  return text;
}
