import { X } from "lucide-react";
import { useMemo } from "react";
import { buildTimeline } from "../../../shared/execution";
import { useAppStore } from "../../store";
import { formatDuration, formatTime } from "./format";

function Pairs({ title, values }: { title: string; values: Readonly<Record<string, string>> }) {
  const entries = Object.entries(values);
  if (entries.length === 0) return null;
  return (
    <>
      <h5>{title}</h5>
      <dl className="run-pairs">
        {entries.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** Everything about the chosen action of the selected run, attempt by attempt. */
export function ActionDetails() {
  const chosen = useAppStore((s) => s.runsSelectedAction);
  const detail = useAppStore((s) => s.runsSelected?.detail ?? null);
  const close = useAppStore((s) => s.runActionSelected);
  const openLink = useAppStore((s) => s.runLinkOpened);
  const action = useMemo(() => {
    if (!chosen || !detail) return undefined;
    return buildTimeline(detail)
      .stages.find((s) => s.stageName === chosen.stageName)
      ?.actions.find((a) => a.actionName === chosen.actionName);
  }, [chosen, detail]);
  if (!chosen || !action) return null;
  return (
    <section className="run-action-details" aria-label={`Action ${chosen.stageName}/${chosen.actionName}`}>
      <header>
        <h4>
          {chosen.stageName}/{chosen.actionName}
          {action.provider ? ` · ${action.category ?? ""} ${action.provider}` : ""}
        </h4>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the action details"
          title="Close the action details"
          onClick={() => close(null)}
        >
          <X aria-hidden="true" size={16} />
        </button>
      </header>
      {action.segments.length === 0 && <p className="muted">This action did not run in this run.</p>}
      {action.segments.map((s, i) => (
        <article key={s.actionExecutionId ?? i} className="run-attempt">
          <h5>
            Attempt {i + 1}: {s.status ?? "unknown"} · {formatTime(s.start)} → {formatTime(s.end)} (
            {formatDuration(s.durationMs)})
          </h5>
          {s.error && (
            <p role="alert" className="run-alert">
              {s.error.code ? `${s.error.code}: ` : ""}
              {s.error.message}
            </p>
          )}
          {s.summary && <p>Summary: {s.summary}</p>}
          {s.updatedBy && <p>By: {s.updatedBy}</p>}
          <p>
            {s.externalExecutionUrl && (
              <button type="button" onClick={() => void openLink(s.externalExecutionUrl!)}>
                Open the execution in the provider
              </button>
            )}
            {s.logUrl && (
              <button type="button" onClick={() => void openLink(s.logUrl!)}>
                Open the logs
              </button>
            )}
          </p>
          {s.externalExecutionId && <p>External id: {s.externalExecutionId}</p>}
          <Pairs title="Configuration" values={s.configuration} />
          <Pairs title="Resolved configuration" values={s.resolvedConfiguration} />
          <Pairs title="Output variables" values={s.outputVariables} />
          {(s.inputArtifacts.length > 0 || s.outputArtifacts.length > 0) && (
            <p>
              Artifacts: in {s.inputArtifacts.join(", ") || "–"}; out {s.outputArtifacts.join(", ") || "–"}
            </p>
          )}
        </article>
      ))}
    </section>
  );
}
