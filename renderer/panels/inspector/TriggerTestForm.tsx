/**
 * "Test an event": a push or pull request typed in, judged against the pipeline's triggers by the
 * same pure function as `pipewright trigger-test` (shared/triggers), with the include or exclude
 * that decided. The event is the form's own state: testing it never edits the document.
 */
import { useId, useState } from "react";
import type { GitPullRequestEventType, PipelineDeclaration } from "../../../shared/pipeline/model";
import { testTriggers, type TriggerEvent } from "../../../shared/triggers";
import "../../styles/rehearse.css";

type Kind = "push-branch" | "push-tag" | "pull-request";

function splitFiles(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((f) => f.trim())
    .filter((f) => f !== "");
}

/** The event the form describes, or why it cannot be judged yet. */
function eventOf(
  kind: Kind,
  ref: string,
  prEvent: GitPullRequestEventType,
  files: string,
): TriggerEvent | string {
  const name = ref.trim();
  if (name === "") return kind === "push-tag" ? "Enter the tag to push." : "Enter the branch.";
  if (kind === "push-tag") return { kind: "push", tag: name, files: [] };
  if (kind === "push-branch") return { kind: "push", branch: name, files: splitFiles(files) };
  return { kind: "pull-request", action: prEvent, destinationBranch: name, files: splitFiles(files) };
}

export function TriggerTestForm({ pipeline }: { pipeline: PipelineDeclaration }) {
  const id = useId();
  const [kind, setKind] = useState<Kind>("push-branch");
  const [ref, setRef] = useState("main");
  const [prEvent, setPrEvent] = useState<GitPullRequestEventType>("OPEN");
  const [files, setFiles] = useState("");
  const event = eventOf(kind, ref, prEvent, files);
  const result = typeof event === "string" ? undefined : testTriggers(pipeline, event);
  return (
    <fieldset className="trigger-test" role="group" aria-label="Test an event">
      <legend>Test an event</legend>
      <label htmlFor={`${id}-kind`}>Event</label>
      <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
        <option value="push-branch">Push to a branch</option>
        <option value="push-tag">Push of a Git tag</option>
        <option value="pull-request">Pull request</option>
      </select>
      {kind === "pull-request" && (
        <>
          <label htmlFor={`${id}-pr`}>Pull request event</label>
          <select
            id={`${id}-pr`}
            value={prEvent}
            onChange={(e) => setPrEvent(e.target.value as GitPullRequestEventType)}
          >
            <option value="OPEN">Opened (OPEN)</option>
            <option value="UPDATED">New revision (UPDATED)</option>
            <option value="CLOSED">Closed or merged (CLOSED)</option>
          </select>
        </>
      )}
      <label htmlFor={`${id}-ref`}>
        {kind === "push-tag" ? "Tag" : kind === "pull-request" ? "Destination branch" : "Branch"}
      </label>
      <input
        id={`${id}-ref`}
        type="text"
        spellCheck={false}
        value={ref}
        onChange={(e) => setRef(e.target.value)}
      />
      {kind !== "push-tag" && (
        <>
          <label htmlFor={`${id}-files`}>Changed files (one per line)</label>
          <textarea
            id={`${id}-files`}
            rows={3}
            spellCheck={false}
            value={files}
            onChange={(e) => setFiles(e.target.value)}
          />
        </>
      )}
      <output
        htmlFor={`${id}-kind ${id}-ref ${id}-files`}
        aria-label="Trigger test result"
        className="trigger-test-result"
      >
        {typeof event === "string" ? (
          <p>{event}</p>
        ) : result ? (
          <>
            <p className={result.fires ? "is-fires" : "is-no-fire"}>
              {result.fires
                ? `Starts the pipeline: the trigger of ${result.sourceActionName}`
                : "No trigger starts the pipeline"}
            </p>
            <ul>
              {result.verdicts.map((v) => (
                <li key={`${v.origin}-${v.sourceActionName}`}>
                  {v.reason}
                  {v.problems.map((p) => (
                    <div key={p} className="field-error is-warning">
                      {p}
                    </div>
                  ))}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </output>
    </fieldset>
  );
}
