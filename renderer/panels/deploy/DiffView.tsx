import {
  displayValue,
  formatPath,
  formatValue,
  summarizeDiff,
  type PipelineDiff,
} from "../../../shared/diff";
import type { MemberChange } from "../../../shared/diff";

const MARK = { added: "+", removed: "−", moved: "→", changed: "~" } as const;

function Member({ change, from }: { change: MemberChange; from: number }) {
  const shown = (value: unknown) => formatValue(displayValue(change.path, value));
  return (
    <li className={`diff-member diff-${change.kind}`}>
      <code>{formatPath(change.path, from)}</code>
      {change.kind === "added" && <> : {shown(change.after)}</>}
      {change.kind === "removed" && <> : {shown(change.before)}</>}
      {change.kind === "changed" && (
        <>
          : <del>{shown(change.before)}</del> → <ins>{shown(change.after)}</ins>
        </>
      )}
    </li>
  );
}

/**
 * A structural diff as a tree: pipeline settings, then stages and their actions, each marked added,
 * removed, moved or changed. Secret configuration values show as `(secret)`.
 */
export function DiffView({ diff, label }: { diff: PipelineDiff; label: string }) {
  if (diff.identical) return <p className="diff-summary">{label}: no changes.</p>;
  return (
    <section className="diff" aria-label={label}>
      <p className="diff-summary">
        {label}: {summarizeDiff(diff.summary)}
      </p>
      <ul className="diff-tree">
        {diff.pipeline.length > 0 && (
          <li className="diff-changed">
            <span className="diff-mark">~</span> pipeline settings
            <ul>
              {diff.pipeline.map((c, i) => (
                <Member key={i} change={c} from={0} />
              ))}
            </ul>
          </li>
        )}
        {diff.stages.map((stage, i) => (
          <li key={i} className={`diff-${stage.kind}`}>
            <span className="diff-mark">{MARK[stage.kind]}</span> stage <strong>{stage.name}</strong>{" "}
            <span className="muted">{stage.kind}</span>
            {(stage.changes.length > 0 || stage.actions.length > 0) && (
              <ul>
                {stage.changes.map((c, j) => (
                  <Member key={`m${j}`} change={c} from={2} />
                ))}
                {stage.actions.map((action, j) => (
                  <li key={`a${j}`} className={`diff-${action.kind}`}>
                    <span className="diff-mark">{MARK[action.kind]}</span> action{" "}
                    <strong>{action.name}</strong>{" "}
                    <span className="muted">
                      {action.kind}
                      {action.kind === "moved" && action.fromStage !== undefined
                        ? ` from ${action.fromStage}`
                        : ""}
                    </span>
                    {action.changes.length > 0 && (
                      <ul>
                        {action.changes.map((c, k) => (
                          <Member key={k} change={c} from={4} />
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
