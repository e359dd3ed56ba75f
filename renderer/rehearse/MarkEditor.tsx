/**
 * Rehearse mode's inspector: what the selected action does in the active what-if (succeed, fail
 * with a message, fail once so a retry succeeds, take N minutes, emit output variables), how a
 * manual approval is answered, what each condition rule of the selected stage returns; and, at the
 * playback's step, the configuration the action resolved; with the pipeline selected, the values
 * the run starts with.
 */
import { useId } from "react";
import { useShallow } from "zustand/react/shallow";
import type { ActionDeclaration, PipelineDeclaration, StageDeclaration } from "../../shared/pipeline/model";
import { actionKey, actionMark, hasActionMark, ruleMark, type ActionMark } from "../../shared/rehearse";
import { useAppStore } from "../store";
import { selectPlaybackFrame } from "./playback-frame";

function parseVariables(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const at = line.indexOf("=");
    if (at > 0) vars[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return vars;
}

function ResolvedAtStep({ stage, action }: { stage: string; action: string }) {
  const json = useAppStore((s) => {
    const state = selectPlaybackFrame(s)?.actions.get(actionKey(stage, action));
    return state
      ? JSON.stringify([
          state.resolvedConfiguration ?? {},
          state.outputVariables ?? {},
          state.message ?? "",
          state.status === "Failed",
        ])
      : null;
  });
  if (json === null) return <p className="muted">Not reached at this step of the rehearsal.</p>;
  const [config, outputs, message, failed] = JSON.parse(json) as [
    Record<string, string>,
    Record<string, string>,
    string,
    boolean,
  ];
  return (
    <section aria-label="At this step">
      <h4>At this step</h4>
      {message !== "" && (
        <p className={failed ? "rehearse-message is-fail" : "rehearse-message"}>{message}</p>
      )}
      <dl className="rehearse-vars" aria-label="Resolved configuration">
        {Object.entries(config).map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {Object.keys(outputs).length > 0 && (
        <dl className="rehearse-vars" aria-label="Output variables">
          {Object.entries(outputs).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

/** The mark of one action (an approval is answered instead). */
export function ActionMarkEditor({ stage, action }: { stage: string; action: ActionDeclaration }) {
  const id = useId();
  const whatIf = useAppStore(
    useShallow((s) => s.whatIfs.find((w) => w.name === s.activeWhatIf)?.whatIf ?? {}),
  );
  const marked = useAppStore((s) => s.actionMarked);
  const approval = action.actionTypeId?.category === "Approval";
  const mark = actionMark(whatIf, stage, action.name);
  const own = hasActionMark(whatIf, stage, action.name);
  const set = (patch: Partial<ActionMark>) => void marked(stage, action.name, { ...mark, ...patch });
  const outcome = mark.outcome === "fail" ? (mark.failFirstAttemptOnly ? "fail-once" : "fail") : "succeed";
  const vars = Object.entries(mark.outputVariables ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join("\n");
  return (
    <fieldset className="mark-editor" aria-label={`Rehearsal of ${action.name}`}>
      <legend>{approval ? "How the approval is answered" : "What the action does"}</legend>
      <div role="radiogroup" aria-label={approval ? "Answer" : "Outcome"}>
        {(approval
          ? [
              ["succeed", "Approve"],
              ["fail", "Reject"],
            ]
          : [
              ["succeed", "Succeed"],
              ["fail", "Fail"],
              ["fail-once", "Fail once, then succeed"],
            ]
        ).map(([value, label]) => (
          <label key={value} className="check">
            <input
              type="radio"
              name={`${id}-outcome`}
              checked={outcome === value}
              onChange={() =>
                set(
                  value === "succeed"
                    ? { outcome: "succeed", failFirstAttemptOnly: false }
                    : {
                        outcome: "fail",
                        failFirstAttemptOnly: value === "fail-once",
                        ...(approval && mark.errorMessage === undefined ? { errorMessage: "Rejected" } : {}),
                      },
                )
              }
            />
            {label}
          </label>
        ))}
      </div>
      {mark.outcome === "fail" && (
        <>
          <label htmlFor={`${id}-message`}>{approval ? "Reviewer's comment" : "Error message"}</label>
          <input
            id={`${id}-message`}
            type="text"
            value={
              approval ? (mark.errorMessage ?? "").replace(/^Rejected(: )?/, "") : (mark.errorMessage ?? "")
            }
            onChange={(e) => set({ errorMessage: approval ? `Rejected: ${e.target.value}` : e.target.value })}
          />
        </>
      )}
      <label htmlFor={`${id}-minutes`}>{approval ? "Answered after (minutes)" : "Takes (minutes)"}</label>
      <input
        id={`${id}-minutes`}
        type="number"
        min={0}
        step="any"
        placeholder="default"
        value={mark.minutes ?? ""}
        onChange={(e) => {
          const minutes = e.target.value === "" ? undefined : Number(e.target.value);
          const { minutes: _old, ...rest } = mark;
          void marked(
            stage,
            action.name,
            minutes === undefined || !Number.isFinite(minutes) || minutes < 0 ? rest : { ...rest, minutes },
          );
        }}
      />
      {!approval && (
        <>
          <label htmlFor={`${id}-vars`}>Output variables (NAME=value, one per line)</label>
          <textarea
            id={`${id}-vars`}
            rows={2}
            spellCheck={false}
            defaultValue={vars}
            onBlur={(e) => set({ outputVariables: parseVariables(e.target.value) })}
          />
        </>
      )}
      {own && (
        <button type="button" className="link" onClick={() => void marked(stage, action.name, undefined)}>
          Clear the mark
        </button>
      )}
      <ResolvedAtStep stage={stage} action={action.name} />
    </fieldset>
  );
}

/** What each rule of the stage's conditions returns. */
export function StageMarkEditor({ stage }: { stage: StageDeclaration }) {
  const whatIf = useAppStore(
    useShallow((s) => s.whatIfs.find((w) => w.name === s.activeWhatIf)?.whatIf ?? {}),
  );
  const marked = useAppStore((s) => s.ruleMarked);
  const hooks = (["beforeEntry", "onSuccess", "onFailure"] as const).filter(
    (h) => (stage[h]?.conditions ?? []).length > 0,
  );
  const words = {
    beforeEntry: "Entry conditions",
    onSuccess: "Success conditions",
    onFailure: "Failure conditions",
  };
  if (hooks.length === 0)
    return <p className="muted">This stage has no conditions. Select an action to mark what it does.</p>;
  return (
    <>
      {hooks.map((hook) => (
        <fieldset key={hook} className="mark-editor" aria-label={words[hook]}>
          <legend>{words[hook]}</legend>
          {(stage[hook]?.conditions ?? [])
            .flatMap((c) => c.rules ?? [])
            .map((rule) => {
              const mark = ruleMark(whatIf, stage.name, hook, rule.name);
              return (
                <div key={rule.name} className="rule-mark">
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={mark.outcome === "fail"}
                      onChange={(e) =>
                        void marked(
                          stage.name,
                          hook,
                          rule.name,
                          e.target.checked
                            ? { outcome: "fail", errorMessage: `${rule.name} is not met` }
                            : undefined,
                        )
                      }
                    />
                    Rule {rule.name} ({rule.ruleTypeId?.provider}) fails
                  </label>
                  {mark.outcome === "fail" && (
                    <label>
                      Why it fails
                      <input
                        type="text"
                        defaultValue={mark.errorMessage ?? ""}
                        onBlur={(e) => {
                          const message = e.target.value.trim();
                          if (message !== "" && message !== mark.errorMessage)
                            void marked(stage.name, hook, rule.name, {
                              outcome: "fail",
                              errorMessage: message,
                            });
                        }}
                      />
                    </label>
                  )}
                  {rule.ruleTypeId?.provider === "VariableCheck" && (
                    <p className="muted">
                      A VariableCheck decides from its variable: select the pipeline to set the run's variables.
                    </p>
                  )}
                </div>
              );
            })}
        </fieldset>
      ))}
    </>
  );
}

/**
 * The values the rehearsed run starts with (the what-if's `variables`, as StartPipelineExecution
 * takes them): a pipeline variable left empty keeps its default. A VariableCheck rule decides
 * from these.
 */
export function RunVariablesEditor({ pipeline }: { pipeline: PipelineDeclaration }) {
  const id = useId();
  const values = useAppStore(
    useShallow((s) => s.whatIfs.find((w) => w.name === s.activeWhatIf)?.whatIf.variables ?? {}),
  );
  const edited = useAppStore((s) => s.whatIfEdited);
  const declared = (Array.isArray(pipeline.variables) ? pipeline.variables : []).filter(
    (v) => typeof v?.name === "string" && v.name !== "",
  );
  const set = (name: string, value: string) =>
    void edited((w) => {
      const { [name]: _old, ...rest } = w.variables ?? {};
      const variables = value === "" ? rest : { ...rest, [name]: value };
      const { variables: _all, ...without } = w;
      return Object.keys(variables).length === 0 ? without : { ...without, variables };
    });
  return (
    <fieldset className="mark-editor" aria-label="Rehearsal run variables">
      <legend>The rehearsed run starts with</legend>
      {declared.length === 0 && (
        <p className="muted">The pipeline declares no variables. Select an action or a stage to mark it.</p>
      )}
      {declared.map((v, i) => (
        <div key={v.name} className="rule-mark">
          <label htmlFor={`${id}-${i}`}>Variable {v.name}</label>
          <input
            id={`${id}-${i}`}
            type="text"
            placeholder={v.defaultValue ?? "(no default)"}
            defaultValue={values[v.name] ?? ""}
            onBlur={(e) => {
              if (e.target.value !== (values[v.name] ?? "")) set(v.name, e.target.value);
            }}
          />
        </div>
      ))}
    </fieldset>
  );
}
