import { useState } from "react";
import type { PipelineDeclaration } from "../../../shared/pipeline";
import {
  actionRegions,
  addRegionStore,
  oneStore,
  removeRegionStore,
  REGION_PATTERN,
  storePerRegion,
  withMember,
  withMembers,
} from "../../../shared/pipeline";
import { useAppStore } from "../../store";
import { TextField } from "./fields";

/** The region the pipeline is deployed to: the connection's, or the sandbox's us-east-1. */
function useHomeRegion(): string {
  return useAppStore((s) => (s.connection.kind === "aws" ? s.connection.region : "us-east-1"));
}

/** Adds a region's store: typed, checked against the region pattern, then added. */
function AddRegion({ onAdd, taken }: { onAdd(region: string): void; taken: readonly string[] }) {
  const [region, setRegion] = useState("");
  const problem =
    region === ""
      ? undefined
      : !REGION_PATTERN.test(region)
        ? "Not a region name (like eu-west-1)"
        : taken.includes(region)
          ? "That region has a store already"
          : undefined;
  return (
    <div className="row-group">
      <label>
        Region to add
        <input
          value={region}
          placeholder="eu-west-1"
          spellCheck={false}
          aria-invalid={problem !== undefined}
          aria-describedby="add-region-problem"
          onChange={(e) => setRegion(e.target.value.trim())}
        />
      </label>
      {problem !== undefined && (
        <span id="add-region-problem" className="field-error">
          {problem}
        </span>
      )}
      <button
        type="button"
        disabled={region === "" || problem !== undefined}
        onClick={() => {
          onAdd(region);
          setRegion("");
        }}
      >
        Add store for region
      </button>
    </div>
  );
}

/**
 * The pipeline's artifact store: one bucket, or a bucket per region once actions run in other
 * regions (the service needs a store in every region an action runs in). Switching keeps the bucket
 * already entered as the pipeline region's.
 */
export function ArtifactStoresFieldset({ pipeline }: { pipeline: PipelineDeclaration }) {
  const edited = useAppStore((s) => s.documentEdited);
  const home = useHomeRegion();
  const step = (change: (p: PipelineDeclaration) => PipelineDeclaration) => edited(change, {});
  const typing = (key: string, change: (p: PipelineDeclaration) => PipelineDeclaration) =>
    edited(change, { coalesce: `pipeline.${key}` });
  const stores = pipeline.artifactStores;
  const elsewhere = actionRegions(pipeline).filter((r) => r !== home);

  if (stores !== undefined && typeof stores === "object") {
    const regions = Object.keys(stores);
    return (
      <fieldset>
        <legend>Artifact stores per region</legend>
        {Object.entries(stores).map(([region, store]) => (
          <div key={region} className="row-group" role="group" aria-label={`Store in ${region}`}>
            <TextField
              label={`Bucket in ${region}${region === home ? " (pipeline region)" : ""}`}
              path={["artifactStores", region, "location"]}
              required
              value={store?.location}
              onChange={(location) =>
                typing(`store.${region}`, (p) =>
                  withMembers(p, {
                    artifactStores: withMember(
                      p.artifactStores ?? {},
                      region,
                      withMembers(store ?? { type: "S3" }, { type: "S3", location: location ?? "" }),
                    ),
                  }),
                )
              }
            />
            {regions.length > 1 && (
              <button type="button" onClick={() => step((p) => removeRegionStore(p, region))}>
                Remove store for {region}
              </button>
            )}
          </div>
        ))}
        <AddRegion taken={regions} onAdd={(region) => step((p) => addRegionStore(p, region))} />
        <button type="button" onClick={() => step((p) => oneStore(p, home))}>
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
          typing("store", (p) =>
            withMembers(p, {
              artifactStore: withMembers(p.artifactStore ?? { type: "S3", location: "" }, {
                type: "S3",
                location: location ?? "",
              }),
            }),
          )
        }
      />
      <button
        type="button"
        aria-describedby="store-per-region-why"
        onClick={() => step((p) => storePerRegion(p, home))}
      >
        Use a store per region
      </button>
      <p id="store-per-region-why" className="muted">
        {elsewhere.length > 0
          ? `Actions run in ${elsewhere.join(", ")}: each region needs its own bucket.`
          : `For actions that run outside ${home}.`}
      </p>
    </fieldset>
  );
}
