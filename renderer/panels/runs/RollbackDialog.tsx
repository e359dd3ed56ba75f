import { useState } from "react";
import { summarizeRuns } from "../../../shared/execution";
import { Dialog } from "../../dialogs/Dialog";
import { useAppStore } from "../../store";
import { formatTime } from "./format";

/**
 * Roll a stage back, as the console's "Start rollback": pick the target among the runs in which the
 * stage succeeded in the current pipeline version ("You can roll back a stage to an execution that
 * was successful in that stage", https://docs.aws.amazon.com/codepipeline/latest/userguide/stage-rollback.html),
 * newest first, each with its source revision and when it ran.
 */
export function RollbackDialog({ stageName }: { stageName: string }) {
  const closed = useAppStore((s) => s.runsDialogClosed);
  const request = useAppStore((s) => s.runControlRequested);
  const targets = useAppStore((s) => s.rollbackTargets);
  const current = useAppStore(
    (s) =>
      s.runsLive?.state?.stageStates?.find((st) => st.stageName === stageName)?.latestExecution
        ?.pipelineExecutionId ?? null,
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const rows = summarizeRuns(targets.value ?? [], Date.now());
  const picked = chosen ?? rows.find((r) => r.pipelineExecutionId !== current)?.pipelineExecutionId ?? null;
  const roll = () => {
    if (picked === null) return;
    closed();
    void request({ kind: "rollback", stageName, targetPipelineExecutionId: picked }, { confirmed: true });
  };
  return (
    <Dialog
      title={`Roll back ${stageName}`}
      size="lg"
      onClose={closed}
      actions={
        <button type="button" className="danger" disabled={picked === null} onClick={roll}>
          Roll back to {picked === null ? "the chosen run" : picked.slice(0, 8)}
        </button>
      }
    >
      <p>
        A rollback starts a new run of {stageName} alone, with the source revisions and variables of the run
        you pick. Only runs in which {stageName} succeeded in the current pipeline version can be picked.
      </p>
      {targets.loading && <p role="status">Reading the runs in which {stageName} succeeded…</p>}
      {targets.error !== null && (
        <p role="alert" className="run-alert">
          {targets.error.message}
        </p>
      )}
      {!targets.loading && targets.error === null && rows.length === 0 && (
        <p>
          {stageName} has not succeeded in any run of the current pipeline version yet: there is nothing to
          roll back to.
        </p>
      )}
      {rows.length > 0 && (
        <fieldset className="rollback-targets">
          <legend>Target run</legend>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Pick</span>
                </th>
                <th scope="col">Run</th>
                <th scope="col">Source revision</th>
                <th scope="col">Started</th>
                <th scope="col">Trigger</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const id = row.pipelineExecutionId ?? "";
                const revision = row.sourceRevisions[0];
                return (
                  <tr key={id} className={id === picked ? "is-selected" : undefined}>
                    <td>
                      <input
                        type="radio"
                        name="rollback-target"
                        aria-label={`Roll back to run ${id}`}
                        checked={id === picked}
                        onChange={() => setChosen(id)}
                      />
                    </td>
                    <td title={id}>
                      <code>{id.slice(0, 8)}</code>
                      {id === current ? " (current)" : ""}
                    </td>
                    <td title={revision?.summary ?? undefined}>
                      {revision
                        ? `${revision.shortId ?? ""} ${revision.summary?.split("\n")[0] ?? ""}`.trim()
                        : "–"}
                    </td>
                    <td>{formatTime(row.start)}</td>
                    <td>{row.triggerType ?? "–"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </fieldset>
      )}
    </Dialog>
  );
}
