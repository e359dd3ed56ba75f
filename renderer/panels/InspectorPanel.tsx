import { ActionMarkEditor, RunVariablesEditor, StageMarkEditor } from "../rehearse/MarkEditor";
import { useAppStore } from "../store";
import { ActionForm } from "./inspector/ActionForm";
import { PipelineForm } from "./inspector/PipelineForm";
import { StageForm } from "./inspector/StageForm";

/** The right area: the forms of the selection (pipeline, stage or action). */
export function InspectorPanel() {
  const pipeline = useAppStore((s) => s.doc?.document.pipeline);
  const path = useAppStore((s) => s.doc?.path ?? null);
  const selection = useAppStore((s) => s.selection);
  const selectPipeline = useAppStore((s) => s.selectionChanged);
  const rehearsing = useAppStore((s) => s.rehearseMode);
  if (pipeline === undefined) {
    return (
      <aside className="panel inspector" aria-label="Inspector">
        <h2>Inspector</h2>
        <p className="muted">Nothing selected.</p>
      </aside>
    );
  }
  const stage = selection.kind === "pipeline" ? undefined : pipeline.stages[selection.stage];
  const single =
    selection.kind === "actions" && selection.actions.length === 1 ? selection.actions[0] : undefined;
  const action = single === undefined ? undefined : stage?.actions[single];
  let body;
  let title = "Pipeline";
  if (selection.kind === "actions" && single === undefined && stage !== undefined) {
    title = "Actions";
    body = (
      <p>
        {selection.actions.length} actions of stage {stage.name} selected. Delete, cut, copy or duplicate them
        together.
      </p>
    );
  } else if (action !== undefined && single !== undefined && selection.kind === "actions") {
    title = "Action";
    body = (
      <>
        {rehearsing && stage !== undefined && (
          <ActionMarkEditor key={`mark:${selection.stage}/${single}`} stage={stage.name} action={action} />
        )}
        <ActionForm
          key={`${selection.stage}/${single}`}
          action={action}
          at={{ stage: selection.stage, action: single }}
          pipeline={pipeline}
        />
      </>
    );
  } else if (stage !== undefined && selection.kind !== "pipeline") {
    title = "Stage";
    body = (
      <>
        {rehearsing && <StageMarkEditor key={`mark:${selection.stage}`} stage={stage} />}
        <StageForm key={selection.stage} stage={stage} index={selection.stage} />
      </>
    );
  } else {
    body = (
      <>
        {rehearsing && <RunVariablesEditor pipeline={pipeline} />}
        <PipelineForm pipeline={pipeline} path={path} />
      </>
    );
  }
  return (
    <aside className="panel inspector" aria-label="Inspector">
      <div className="inspector-head">
        <h2>{title}</h2>
        {title !== "Pipeline" && (
          <button type="button" className="link" onClick={() => selectPipeline({ kind: "pipeline" })}>
            Pipeline settings
          </button>
        )}
      </div>
      {body}
    </aside>
  );
}
