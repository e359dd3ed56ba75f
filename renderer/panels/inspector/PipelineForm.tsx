import type { PipelineDeclaration, PipelineVariableDeclaration } from "../../../shared/pipeline/model";
import { setPipelineMembers } from "../../../shared/pipeline/operations";
import { withMember, withMembers } from "../../../shared/pipeline/members";
import { useAppStore } from "../../store";
import { ArtifactStoresFieldset } from "./ArtifactStoresFieldset";
import { SelectField, TextField } from "./fields";
import { TriggersFieldset } from "./TriggersFieldset";

type Patch = Readonly<Record<string, unknown>>;

function usePipelineEdit(): (patch: Patch, key?: string) => void {
  const edited = useAppStore((s) => s.documentEdited);
  // Only typing coalesces; a button or a select is a step of its own.
  return (patch, key) =>
    edited((p) => setPipelineMembers(p, patch), key === undefined ? {} : { coalesce: `pipeline.${key}` });
}

function Variables({ variables }: { variables: readonly PipelineVariableDeclaration[] }) {
  const edit = usePipelineEdit();
  const set = (list: PipelineVariableDeclaration[], typing?: string) =>
    edit({ variables: list.length === 0 ? undefined : list }, typing);
  return (
    <fieldset>
      <legend>Variables</legend>
      {variables.map((v, i) => (
        <div key={i} className="row-group" role="group" aria-label={`Variable ${i + 1}`}>
          <TextField
            label="Variable name"
            path={["variables", i, "name"]}
            required
            value={v.name}
            onChange={(name) =>
              set(
                variables.map((x, j) => (j === i ? withMember(x, "name", name ?? "") : x)),
                `variables.${i}.name`,
              )
            }
          />
          <TextField
            label="Default value"
            path={["variables", i, "defaultValue"]}
            value={v.defaultValue}
            onChange={(d) =>
              set(
                variables.map((x, j) => (j === i ? withMembers(x, { defaultValue: d }) : x)),
                `variables.${i}.defaultValue`,
              )
            }
          />
          <button type="button" onClick={() => set(variables.filter((_, j) => j !== i))}>
            Remove variable {v.name}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => set([...variables, { name: `Variable${variables.length + 1}` }])}>
        Add a variable
      </button>
    </fieldset>
  );
}

/** The pipeline's own settings. */
export function PipelineForm({ pipeline, path }: { pipeline: PipelineDeclaration; path: string | null }) {
  const edit = usePipelineEdit();
  const renamed = useAppStore((s) => s.pipelineRenamed);
  return (
    <form onSubmit={(e) => e.preventDefault()} aria-label="Pipeline settings">
      <TextField
        label="Pipeline name"
        path={["name"]}
        required
        value={pipeline.name}
        onChange={(name) => renamed(name ?? "")}
      />
      <TextField
        label="Service role ARN"
        path={["roleArn"]}
        required
        description="The IAM role CodePipeline assumes to run the pipeline."
        value={pipeline.roleArn}
        onChange={(roleArn) => edit({ roleArn: roleArn ?? "" }, "roleArn")}
      />
      <SelectField
        label="Pipeline type"
        path={["pipelineType"]}
        value={pipeline.pipelineType}
        options={["V1", "V2"]}
        unsetLabel="V1 (not set)"
        onChange={(pipelineType) => edit({ pipelineType })}
      />
      <SelectField
        label="Execution mode"
        path={["executionMode"]}
        value={pipeline.executionMode}
        options={["SUPERSEDED", "QUEUED", "PARALLEL"]}
        unsetLabel="SUPERSEDED (not set)"
        onChange={(executionMode) => edit({ executionMode })}
      />
      <ArtifactStoresFieldset pipeline={pipeline} />
      <Variables variables={Array.isArray(pipeline.variables) ? pipeline.variables : []} />
      <TriggersFieldset pipeline={pipeline} />
      <p className="path muted">File: {path ?? "not saved yet"}</p>
    </form>
  );
}
