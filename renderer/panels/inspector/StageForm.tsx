import { valueText } from "../../../shared/formats/value-description";
import { findRuleType, RULE_TYPES } from "../../../shared/catalog";
import type { Condition, RuleDeclaration, StageDeclaration } from "../../../shared/pipeline/model";
import { renameStage, setStageMembers } from "../../../shared/pipeline/operations";
import { withMember, withMembers } from "../../../shared/pipeline/members";
import { useAppStore } from "../../store";
import { ConfigFieldInput, SelectField, TextField } from "./fields";

const WHEN = [
  { key: "beforeEntry", label: "Before entry", results: ["FAIL", "SKIP"] },
  { key: "onSuccess", label: "On success", results: ["ROLLBACK"] },
  { key: "onFailure", label: "On failure", results: ["ROLLBACK", "FAIL", "RETRY"] },
] as const;

function RuleEditor({
  rule,
  path,
  onChange,
  onRemove,
}: {
  rule: RuleDeclaration;
  path: (string | number)[];
  /** `typing` names the field typed in, so keystrokes coalesce into one undo step. */
  onChange(rule: RuleDeclaration, typing?: string): void;
  onRemove(): void;
}) {
  const spec = findRuleType(rule.ruleTypeId);
  return (
    <div className="row-group" role="group" aria-label={`Rule ${valueText(rule.name)}`}>
      <TextField
        label="Rule name"
        path={[...path, "name"]}
        required
        value={rule.name}
        onChange={(name) => onChange(withMember(rule, "name", name ?? ""), "name")}
      />
      <p className="muted">{spec?.title ?? valueText(rule.ruleTypeId?.provider ?? "unknown rule type")}</p>
      {spec?.configuration.map((field) => (
        <ConfigFieldInput
          key={field.key}
          field={field}
          path={[...path, "configuration"]}
          value={rule.configuration?.[field.key]}
          onChange={(v) =>
            onChange(
              withMember(rule, "configuration", withMembers(rule.configuration ?? {}, { [field.key]: v })),
              `config.${field.key}`,
            )
          }
        />
      ))}
      <button type="button" onClick={onRemove}>
        Remove rule {rule.name}
      </button>
    </div>
  );
}

function Conditions({ stage, index }: { stage: StageDeclaration; index: number }) {
  const edited = useAppStore((s) => s.documentEdited);
  const set = (key: string, patch: Record<string, unknown> | undefined, typing?: string) =>
    edited(
      (p) => setStageMembers(p, index, { [key]: patch }),
      typing === undefined ? {} : { coalesce: `stage.${index}.${key}.${typing}` },
    );
  return (
    <>
      {WHEN.map(({ key, label, results }) => {
        const block = stage[key] as { conditions?: Condition[] } | undefined;
        const conditions = Array.isArray(block?.conditions) ? block.conditions : [];
        const update = (list: Condition[], typing?: string) => {
          if (key === "onFailure")
            set(
              key,
              withMembers(stage.onFailure ?? {}, { conditions: list.length === 0 ? undefined : list }),
              typing,
            );
          else
            set(
              key,
              list.length === 0 ? undefined : withMember(block ?? { conditions: [] }, "conditions", list),
              typing,
            );
        };
        return (
          <fieldset key={key}>
            <legend>{label} conditions</legend>
            {conditions.map((c, ci) => {
              const path = ["stages", index, key, "conditions", ci];
              const rules = Array.isArray(c.rules) ? c.rules : [];
              const setCondition = (next: Condition, typing?: string) =>
                update(
                  conditions.map((x, j) => (j === ci ? next : x)),
                  typing === undefined ? undefined : `${ci}.${typing}`,
                );
              return (
                <div key={ci} className="row-group" role="group" aria-label={`${label} condition ${ci + 1}`}>
                  <SelectField
                    label="Result"
                    path={[...path, "result"]}
                    value={c.result}
                    options={results}
                    onChange={(r) => setCondition(withMembers(c, { result: r }))}
                  />
                  {rules.map((rule, ri) => (
                    <RuleEditor
                      key={ri}
                      rule={rule}
                      path={[...path, "rules", ri]}
                      onChange={(next, typing) =>
                        setCondition(
                          withMember(
                            c,
                            "rules",
                            rules.map((x, j) => (j === ri ? next : x)),
                          ),
                          typing === undefined ? undefined : `${ri}.${typing}`,
                        )
                      }
                      onRemove={() =>
                        setCondition(
                          withMember(
                            c,
                            "rules",
                            rules.filter((_, j) => j !== ri),
                          ),
                        )
                      }
                    />
                  ))}
                  <label>
                    Add a rule
                    <select
                      value=""
                      onChange={(e) => {
                        const spec = RULE_TYPES.find((r) => r.provider === e.target.value);
                        if (spec === undefined) return;
                        const rule: RuleDeclaration = {
                          name: `${spec.provider}Rule${rules.length + 1}`,
                          ruleTypeId: {
                            category: "Rule",
                            owner: spec.owner,
                            provider: spec.provider,
                            version: spec.version,
                          },
                          configuration: {},
                        };
                        setCondition(withMember(c, "rules", [...rules, rule]));
                      }}
                    >
                      <option value="">Choose a rule type…</option>
                      {RULE_TYPES.map((r) => (
                        <option key={r.provider} value={r.provider}>
                          {r.title}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button type="button" onClick={() => update(conditions.filter((_, j) => j !== ci))}>
                    Remove condition {ci + 1}
                  </button>
                </div>
              );
            })}
            {/* The service takes exactly one condition per hook; its rules are where more checks go. */}
            {conditions.length === 0 && (
              <button
                type="button"
                onClick={() => update([...conditions, { result: results[0], rules: [] }])}
              >
                Add {/^[aeiou]/i.test(label) ? "an" : "a"} {label.toLowerCase()} condition
              </button>
            )}
          </fieldset>
        );
      })}
    </>
  );
}

/** A stage: name, failure handling and conditions. */
export function StageForm({ stage, index }: { stage: StageDeclaration; index: number }) {
  const edited = useAppStore((s) => s.documentEdited);
  const onFailure = stage.onFailure;
  const setFailure = (patch: Record<string, unknown>) =>
    edited((p) => setStageMembers(p, index, { onFailure: withMembers(onFailure ?? {}, patch) }), {
      coalesce: `stage.${index}.onFailure`,
    });
  return (
    <form onSubmit={(e) => e.preventDefault()} aria-label="Stage settings">
      <TextField
        label="Stage name"
        path={["stages", index, "name"]}
        required
        value={stage.name}
        onChange={(name) =>
          edited((p) => renameStage(p, index, name ?? ""), { coalesce: `stage.${index}.name` })
        }
      />
      <p className="muted">
        {stage.actions.length} action{stage.actions.length === 1 ? "" : "s"}
      </p>
      <SelectField
        label="On failure"
        path={["stages", index, "onFailure", "result"]}
        value={onFailure?.result}
        options={["ROLLBACK", "FAIL", "RETRY"]}
        description="What CodePipeline does when the stage fails (V2)."
        onChange={(result) =>
          setFailure({
            result,
            retryConfiguration:
              result === "RETRY"
                ? (onFailure?.retryConfiguration ?? { retryMode: "FAILED_ACTIONS" })
                : undefined,
          })
        }
      />
      {onFailure?.result === "RETRY" && (
        <SelectField
          label="Retry mode"
          path={["stages", index, "onFailure", "retryConfiguration", "retryMode"]}
          value={onFailure.retryConfiguration?.retryMode}
          options={["FAILED_ACTIONS", "ALL_ACTIONS"]}
          onChange={(retryMode) =>
            setFailure({ retryConfiguration: withMembers(onFailure.retryConfiguration ?? {}, { retryMode }) })
          }
        />
      )}
      <Conditions stage={stage} index={index} />
    </form>
  );
}
