import { useState } from "react";
import { Dialog } from "../../dialogs/Dialog";
import { useAppStore } from "../../store";

/** A template with several pipelines: pick the one to open. */
export function ResourceChoiceDialog() {
  const choice = useAppStore((s) => s.resourceChoice);
  const chosen = useAppStore((s) => s.resourceChosen);
  const dismissed = useAppStore((s) => s.resourceChoiceDismissed);
  const [picked, setPicked] = useState<string | null>(null);
  if (choice === null) return null;
  const selected = picked ?? choice.choices[0]?.id ?? null;
  return (
    <Dialog title="Choose a pipeline to open" onClose={dismissed}>
      <p>
        <code>{choice.file}</code> holds {choice.choices.length} pipelines:
      </p>
      <fieldset className="iac-choices">
        <legend>Pipeline resource</legend>
        {choice.choices.map((c) => (
          <label key={c.id}>
            <input
              type="radio"
              name="resource"
              checked={selected === c.id}
              onChange={() => setPicked(c.id)}
            />
            {c.id}
            {c.name !== undefined && <span className="muted"> (pipeline {c.name})</span>}
            {c.line !== undefined && <span className="muted"> · line {c.line}</span>}
          </label>
        ))}
      </fieldset>
      <div className="deploy-buttons">
        <button
          type="button"
          className="primary"
          disabled={selected === null}
          onClick={() => selected !== null && void chosen(selected)}
        >
          Open pipeline
        </button>
      </div>
    </Dialog>
  );
}
