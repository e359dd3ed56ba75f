import type {
  PipelineDeclaration,
  PipelineTriggerDeclaration,
  PipelineVariableDeclaration,
} from "../../../shared/pipeline/model";
import { setPipelineMembers } from "../../../shared/pipeline/operations";
import { withMember, withMembers } from "../../../shared/pipeline/members";
import { useAppStore } from "../../store";
import { ListField, SelectField, TextField } from "./fields";

type Patch = Readonly<Record<string, unknown>>;

function usePipelineEdit(): (patch: Patch, key: string) => void {
  const edited = useAppStore((s) => s.documentEdited);
  return (patch, key) => edited((p) => setPipelineMembers(p, patch), { coalesce: `pipeline.${key}` });
}

function ArtifactStores({ pipeline }: { pipeline: PipelineDeclaration }) {
  const edit = usePipelineEdit();
  const stores = pipeline.artifactStores;
  if (stores !== undefined && typeof stores === "object") {
    return (
      <fieldset>
        <legend>Artifact stores per region</legend>
        {Object.entries(stores).map(([region, store]) => (
          <TextField
            key={region}
            label={`Bucket in ${region}`}
            path={["artifactStores", region, "location"]}
            required
            value={store?.location}
            onChange={(location) =>
              edit(
                {
                  artifactStores: withMember(
                    stores,
                    region,
                    withMembers(store ?? { type: "S3" }, { type: "S3", location: location ?? "" }),
                  ),
                },
                `store.${region}`,
              )
            }
          />
        ))}
        <button
          type="button"
          onClick={() => {
            const first = Object.values(stores)[0];
            edit(
              { artifactStores: undefined, artifactStore: first ?? { type: "S3", location: "" } },
              "stores",
            );
          }}
        >
          Use one artifact store
        </button>
      </fieldset>
    );
  }
  return (
    <fieldset>
      <legend>Artifact store</legend>
      <TextField
        label="Artifact bucket"
        path={["artifactStore", "location"]}
        required
        description="S3 bucket, in the pipeline's region, that holds the artifacts passed between actions."
        value={pipeline.artifactStore?.location}
        onChange={(location) =>
          edit(
            {
              artifactStore: withMembers(pipeline.artifactStore ?? { type: "S3", location: "" }, {
                type: "S3",
                location: location ?? "",
              }),
            },
            "store",
          )
        }
      />
    </fieldset>
  );
}

function Variables({ variables }: { variables: readonly PipelineVariableDeclaration[] }) {
  const edit = usePipelineEdit();
  const set = (list: PipelineVariableDeclaration[]) =>
    edit({ variables: list.length === 0 ? undefined : list }, "variables");
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
              set(variables.map((x, j) => (j === i ? withMember(x, "name", name ?? "") : x)))
            }
          />
          <TextField
            label="Default value"
            path={["variables", i, "defaultValue"]}
            value={v.defaultValue}
            onChange={(d) =>
              set(variables.map((x, j) => (j === i ? withMembers(x, { defaultValue: d }) : x)))
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

function Triggers({ pipeline }: { pipeline: PipelineDeclaration }) {
  const edit = usePipelineEdit();
  const triggers = Array.isArray(pipeline.triggers) ? pipeline.triggers : [];
  const sources = pipeline.stages.flatMap((s) =>
    s.actions.filter((a) => a.actionTypeId?.provider === "CodeStarSourceConnection").map((a) => a.name),
  );
  const set = (list: PipelineTriggerDeclaration[]) =>
    edit({ triggers: list.length === 0 ? undefined : list }, "triggers");
  const update = (i: number, git: PipelineTriggerDeclaration["gitConfiguration"]) =>
    set(triggers.map((t, j) => (j === i ? withMember(t, "gitConfiguration", git) : t)));
  return (
    <fieldset>
      <legend>Triggers</legend>
      {triggers.map((t, i) => {
        const git = t.gitConfiguration ?? { sourceActionName: "" };
        const push = git.push?.[0] ?? {};
        const pr = git.pullRequest?.[0];
        const base = ["triggers", i, "gitConfiguration"];
        return (
          <div key={i} className="row-group" role="group" aria-label={`Trigger ${i + 1}`}>
            <SelectField
              label="Source action"
              path={[...base, "sourceActionName"]}
              required
              value={git.sourceActionName}
              options={sources}
              onChange={(name) => update(i, withMember(git, "sourceActionName", name ?? ""))}
            />
            <ListField
              label="Push: branches"
              path={[...base, "push", 0, "branches", "includes"]}
              description="Glob patterns, comma-separated."
              value={push.branches?.includes}
              onChange={(includes) =>
                update(
                  i,
                  withMember(git, "push", [
                    withMembers(push, { branches: includes === undefined ? undefined : { includes } }),
                  ]),
                )
              }
            />
            <ListField
              label="Push: tags"
              path={[...base, "push", 0, "tags", "includes"]}
              value={push.tags?.includes}
              onChange={(includes) =>
                update(
                  i,
                  withMember(git, "push", [
                    withMembers(push, { tags: includes === undefined ? undefined : { includes } }),
                  ]),
                )
              }
            />
            <ListField
              label="Pull request: branches"
              path={[...base, "pullRequest", 0, "branches", "includes"]}
              value={pr?.branches?.includes}
              onChange={(includes) =>
                update(
                  i,
                  withMember(git, "pullRequest", [
                    withMembers(pr ?? { events: ["OPEN", "UPDATED"] }, {
                      branches: includes === undefined ? undefined : { includes },
                    }),
                  ]),
                )
              }
            />
            <button type="button" onClick={() => set(triggers.filter((_, j) => j !== i))}>
              Remove trigger {i + 1}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        disabled={sources.length === 0}
        title={
          sources.length === 0
            ? "Triggers need a Git connection (CodeStarSourceConnection) source action."
            : undefined
        }
        onClick={() =>
          set([
            ...triggers,
            {
              providerType: "CodeStarSourceConnection",
              gitConfiguration: {
                sourceActionName: sources[0] ?? "",
                push: [{ branches: { includes: ["main"] } }],
              },
            },
          ])
        }
      >
        Add a trigger
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
        onChange={(pipelineType) => edit({ pipelineType }, "pipelineType")}
      />
      <SelectField
        label="Execution mode"
        path={["executionMode"]}
        value={pipeline.executionMode}
        options={["SUPERSEDED", "QUEUED", "PARALLEL"]}
        unsetLabel="SUPERSEDED (not set)"
        onChange={(executionMode) => edit({ executionMode }, "executionMode")}
      />
      <ArtifactStores pipeline={pipeline} />
      <Variables variables={Array.isArray(pipeline.variables) ? pipeline.variables : []} />
      <Triggers pipeline={pipeline} />
      <p className="path muted">File: {path ?? "not saved yet"}</p>
    </form>
  );
}
