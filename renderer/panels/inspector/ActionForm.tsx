import { X } from "lucide-react";
import { valueText } from "../../../shared/formats/value-description";
import { useState } from "react";
import { findActionTypeWith } from "../../../shared/catalog/account-types";
import type {
  ActionDeclaration,
  EnvironmentVariable,
  PipelineDeclaration,
} from "../../../shared/pipeline/model";
import {
  renameAction,
  renameOutputArtifact,
  setActionMembers,
  setConfigurationValue,
  type ActionAddress,
} from "../../../shared/pipeline/operations";
import { runOrderOf } from "../../../shared/pipeline/run-order";
import { useAppStore } from "../../store";
import { shapeNamed } from "../../../shared/service-model";
import { FieldErrors, ListField, TextField, useFieldDiagnostics } from "./fields";
import { ConfigFieldInput, NumberField } from "./typed-fields";

/** The service model's limits of a number shape (ActionRunOrder: 1 to 999). */
function limits(shape: string): { min?: number; max?: number } {
  const found = shapeNamed(shape);
  if (found?.type !== "integer" && found?.type !== "long") return {};
  return {
    ...(found.min === undefined ? {} : { min: found.min }),
    ...(found.max === undefined ? {} : { max: found.max }),
  };
}

/** Output artifacts of the actions that run before `at` (earlier stages, earlier runOrder groups). */
export function upstreamOutputs(pipeline: PipelineDeclaration, at: ActionAddress): string[] {
  const own = pipeline.stages[at.stage]?.actions[at.action];
  const order = own === undefined ? 0 : runOrderOf(own);
  return pipeline.stages.flatMap((stage, s) =>
    s > at.stage
      ? []
      : stage.actions
          .filter((a) => s < at.stage || runOrderOf(a) < order)
          .flatMap((a) => (Array.isArray(a.outputArtifacts) ? a.outputArtifacts.map((o) => o.name) : []))
          // A file may hold anything in a name; only text names an artifact (validation reports the rest).
          .filter((name): name is string => typeof name === "string"),
  );
}

function useActionEdit(at: ActionAddress) {
  const edited = useAppStore((s) => s.documentEdited);
  const key = `action.${at.stage}.${at.action}`;
  return {
    /** `field` names the text field typed in, so its keystrokes coalesce; without it, one step. */
    members: (patch: Readonly<Record<string, unknown>>, field?: string) =>
      edited(
        (p) => setActionMembers(p, at, patch),
        field === undefined ? {} : { coalesce: `${key}.${field}` },
      ),
    config: (configKey: string, value: string | undefined) =>
      edited((p) => setConfigurationValue(p, at, configKey, value), {
        coalesce: `${key}.config.${configKey}`,
      }),
    rename: (name: string) => edited((p) => renameAction(p, at, name), { coalesce: `${key}.name` }),
    renameOutput: (index: number, name: string) =>
      edited((p) => renameOutputArtifact(p, at, index, name), { coalesce: `${key}.output.${index}` }),
  };
}

function ExtraConfiguration({
  action,
  at,
  known,
}: {
  action: ActionDeclaration;
  at: ActionAddress;
  known: ReadonlySet<string>;
}) {
  const edit = useActionEdit(at);
  const [newKey, setNewKey] = useState("");
  const extra = Object.entries(action.configuration ?? {}).filter(([k]) => !known.has(k));
  const path = ["stages", at.stage, "actions", at.action, "configuration"];
  return (
    <fieldset>
      <legend>Other configuration keys</legend>
      {extra.map(([key, value]) => (
        <div key={key} className="row-inline">
          <TextField
            label={key}
            path={[...path, key]}
            value={typeof value === "string" ? value : JSON.stringify(value)}
            onChange={(v) => edit.config(key, v ?? "")}
          />
          <button
            type="button"
            aria-label={`Remove configuration key ${key}`}
            onClick={() => edit.config(key, undefined)}
            className="icon-button"
          >
            <X aria-hidden="true" size={14} />
          </button>
        </div>
      ))}
      <div className="row-inline">
        <label>
          New key
          <input value={newKey} onChange={(e) => setNewKey(e.target.value)} spellCheck={false} />
        </label>
        <button
          type="button"
          disabled={newKey.trim() === "" || Object.hasOwn(action.configuration ?? {}, newKey.trim())}
          onClick={() => {
            edit.config(newKey.trim(), "");
            setNewKey("");
          }}
        >
          Add key
        </button>
      </div>
    </fieldset>
  );
}

function Artifacts({
  action,
  at,
  pipeline,
}: {
  action: ActionDeclaration;
  at: ActionAddress;
  pipeline: PipelineDeclaration;
}) {
  const edit = useActionEdit(at);
  const base = ["stages", at.stage, "actions", at.action];
  const inputs = Array.isArray(action.inputArtifacts)
    ? action.inputArtifacts.map((i) => i.name).filter((name): name is string => typeof name === "string")
    : [];
  const offered = [...new Set([...upstreamOutputs(pipeline, at), ...inputs])];
  const inputDiagnostics = useFieldDiagnostics([...base, "inputArtifacts"]);
  const outputs = Array.isArray(action.outputArtifacts) ? action.outputArtifacts : [];
  const setInputs = (names: string[]) =>
    edit.members({ inputArtifacts: names.length === 0 ? undefined : names.map((name) => ({ name })) });
  return (
    <>
      <fieldset>
        <legend>Input artifacts</legend>
        {offered.length === 0 && <p className="muted">No earlier action outputs an artifact.</p>}
        {offered.map((name) => (
          <label key={name} className="check">
            <input
              type="checkbox"
              checked={inputs.includes(name)}
              onChange={(e) =>
                setInputs(e.target.checked ? [...inputs, name] : inputs.filter((n) => n !== name))
              }
            />
            {name}
          </label>
        ))}
        <FieldErrors id={`inputs-${at.stage}-${at.action}`} diagnostics={inputDiagnostics} />
      </fieldset>
      <fieldset>
        <legend>Output artifacts</legend>
        {outputs.map((o, i) => (
          <div key={i} className="row-inline">
            <TextField
              label={`Output artifact ${i + 1}`}
              path={[...base, "outputArtifacts", i, "name"]}
              value={o.name}
              onChange={(name) => edit.renameOutput(i, name ?? "")}
            />
            <button
              type="button"
              aria-label={`Remove output artifact ${valueText(o.name)}`}
              onClick={() =>
                edit.members({
                  outputArtifacts: outputs.length === 1 ? undefined : outputs.filter((_, j) => j !== i),
                })
              }
              className="icon-button"
            >
              <X aria-hidden="true" size={14} />
            </button>
          </div>
        ))}
        <button
          type="button"
          onClick={() =>
            edit.members({
              outputArtifacts: [
                ...outputs,
                {
                  name: `${valueText(action.name)}Output${outputs.length + 1}`.replace(/[^A-Za-z0-9_-]/g, ""),
                },
              ],
            })
          }
        >
          Add an output artifact
        </button>
      </fieldset>
    </>
  );
}

function CommandsMembers({
  action,
  at,
  members,
}: {
  action: ActionDeclaration;
  at: ActionAddress;
  members: readonly string[];
}) {
  const edit = useActionEdit(at);
  const base = ["stages", at.stage, "actions", at.action];
  const env: EnvironmentVariable[] = Array.isArray(action.environmentVariables)
    ? action.environmentVariables
    : [];
  return (
    <>
      {members.includes("commands") && (
        <ListField
          label="Commands"
          multiline
          required
          path={[...base, "commands"]}
          description="Shell commands, one per line."
          value={action.commands}
          onChange={(commands) => edit.members({ commands }, "commands")}
        />
      )}
      {members.includes("outputVariables") && (
        <ListField
          label="Output variables"
          path={[...base, "outputVariables"]}
          description="Environment variable names to export, comma-separated."
          value={action.outputVariables}
          onChange={(outputVariables) => edit.members({ outputVariables }, "outputVariables")}
        />
      )}
      {members.includes("environmentVariables") && (
        <ListField
          label="Environment variables"
          multiline
          path={[...base, "environmentVariables"]}
          description="NAME=value, one per line."
          value={env.map((v) => `${valueText(v.name)}=${valueText(v.value)}`)}
          onChange={(lines) =>
            edit.members(
              {
                environmentVariables: lines?.map((line) => {
                  const eq = line.indexOf("=");
                  return eq < 0
                    ? { name: line, value: "" }
                    : { name: line.slice(0, eq), value: line.slice(eq + 1) };
                }),
              },
              "environmentVariables",
            )
          }
        />
      )}
    </>
  );
}

/** An action: name, type, runOrder, configuration from the catalog, artifacts and the other members. */
export function ActionForm({
  action,
  at,
  pipeline,
}: {
  action: ActionDeclaration;
  at: ActionAddress;
  pipeline: PipelineDeclaration;
}) {
  const edit = useActionEdit(at);
  const accountTypes = useAppStore((s) => s.accountActionTypes);
  const spec = findActionTypeWith(action.actionTypeId, accountTypes);
  const base = ["stages", at.stage, "actions", at.action];
  const known = new Set(spec?.configuration.map((f) => f.key) ?? []);
  const members = spec?.members ?? [];
  const id = action.actionTypeId;
  return (
    <form onSubmit={(e) => e.preventDefault()} aria-label="Action settings">
      <TextField
        label="Action name"
        path={[...base, "name"]}
        required
        value={action.name}
        onChange={(name) => edit.rename(name ?? "")}
      />
      <p className="action-type">
        <strong>{spec?.title ?? valueText(id?.provider)}</strong>{" "}
        <span className="muted">
          {valueText(id?.category)} · {valueText(id?.owner)} · {valueText(id?.provider)} · v
          {valueText(id?.version)}
        </span>
        {spec === undefined && (
          <span className="muted"> — not in the catalog; its configuration is kept as it is.</span>
        )}
        {spec?.v2Only === true && <span className="v2-tag">V2 only</span>}
      </p>
      {spec !== undefined && <p className="field-description">{spec.description}</p>}
      <NumberField
        label="Run order"
        path={[...base, "runOrder"]}
        description="Actions with the same run order run in parallel; lower numbers run first."
        integer
        {...limits("ActionRunOrder")}
        value={action.runOrder}
        onChange={(runOrder) => edit.members({ runOrder }, "runOrder")}
      />
      {spec !== undefined && spec.configuration.length > 0 && (
        <fieldset>
          <legend>Configuration</legend>
          {spec.configuration.map((field) => (
            <ConfigFieldInput
              key={field.key}
              field={field}
              path={[...base, "configuration"]}
              value={action.configuration?.[field.key]}
              onChange={(v) => edit.config(field.key, v)}
            />
          ))}
        </fieldset>
      )}
      <ExtraConfiguration action={action} at={at} known={known} />
      <Artifacts action={action} at={at} pipeline={pipeline} />
      <CommandsMembers action={action} at={at} members={members} />
      {members.includes("timeoutInMinutes") && (
        <NumberField
          label="Timeout in minutes"
          path={[...base, "timeoutInMinutes"]}
          integer
          {...limits("ActionTimeout")}
          value={action.timeoutInMinutes}
          onChange={(timeoutInMinutes) => edit.members({ timeoutInMinutes }, "timeout")}
        />
      )}
      <TextField
        label="Namespace"
        path={[...base, "namespace"]}
        description="Prefix for this action's output variables: #{Namespace.Variable}."
        value={action.namespace}
        onChange={(namespace) => edit.members({ namespace }, "namespace")}
      />
      <TextField
        label="Action role ARN"
        path={[...base, "roleArn"]}
        value={action.roleArn}
        onChange={(roleArn) => edit.members({ roleArn }, "roleArn")}
      />
      <TextField
        label="Region"
        path={[...base, "region"]}
        description="For a cross-region action; the pipeline needs an artifact store there."
        value={action.region}
        onChange={(region) => edit.members({ region }, "region")}
      />
    </form>
  );
}
