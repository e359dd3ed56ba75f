/**
 * Artifact stores: one `artifactStore`, or `artifactStores` keyed by region once actions run in
 * other regions. The service takes exactly one of the two, so switching replaces one member with the
 * other in the same position (a reviewer sees a one-line change in git, not a moved block).
 */
import { withMember, withoutMember } from "./members";
import type { ArtifactStore, PipelineDeclaration } from "./model";

/** AWS region names as the service writes them (`us-east-1`, `ap-southeast-2`, `us-gov-west-1`). */
export const REGION_PATTERN = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/** The regions named on actions, in order of first appearance. */
export function actionRegions(pipeline: PipelineDeclaration): string[] {
  const regions = new Set<string>();
  for (const stage of pipeline.stages)
    for (const action of stage.actions) if (typeof action.region === "string") regions.add(action.region);
  return [...regions];
}

/** A copy of `obj` with member `from` renamed to `to` and given `value`, keeping its position. */
function replaceMember<T extends object>(obj: T, from: string, to: string, value: unknown): T {
  if (!Object.prototype.hasOwnProperty.call(obj, from)) return withMember(obj, to, value);
  const rest = withoutMember(obj, to);
  return Object.fromEntries(Object.entries(rest).map(([k, v]) => (k === from ? [to, value] : [k, v]))) as T;
}

const emptyStore = (): ArtifactStore => ({ type: "S3", location: "" });

/**
 * Switches to a store per region: the current bucket becomes `homeRegion`'s, and every other region
 * an action names gets an entry with an empty bucket for the user to fill in (validation asks for
 * it). The same pipeline when it already has `artifactStores`.
 */
export function storePerRegion(pipeline: PipelineDeclaration, homeRegion: string): PipelineDeclaration {
  if (pipeline.artifactStores !== undefined) return pipeline;
  const regions = [homeRegion, ...actionRegions(pipeline).filter((r) => r !== homeRegion)];
  const stores = Object.fromEntries(
    regions.map((region) => [
      region,
      region === homeRegion ? (pipeline.artifactStore ?? emptyStore()) : emptyStore(),
    ]),
  );
  return replaceMember(pipeline, "artifactStore", "artifactStores", stores);
}

/**
 * Switches back to one store: `homeRegion`'s bucket when it has one, else the first region's. Only
 * right when no action runs in another region; validation says so if one still does.
 */
export function oneStore(pipeline: PipelineDeclaration, homeRegion: string): PipelineDeclaration {
  const stores = pipeline.artifactStores;
  if (stores === undefined) return pipeline;
  const home = Object.prototype.hasOwnProperty.call(stores, homeRegion) ? stores[homeRegion] : undefined;
  const store = home ?? Object.values(stores)[0] ?? emptyStore();
  return replaceMember(pipeline, "artifactStores", "artifactStore", store);
}

/** Adds an empty store for `region` (the same pipeline when it has one already or uses one store). */
export function addRegionStore(pipeline: PipelineDeclaration, region: string): PipelineDeclaration {
  const stores = pipeline.artifactStores;
  if (stores === undefined || Object.prototype.hasOwnProperty.call(stores, region)) return pipeline;
  return withMember(pipeline, "artifactStores", withMember(stores, region, emptyStore()));
}

/** Removes `region`'s store; the last one is kept (a pipeline always needs a store). */
export function removeRegionStore(pipeline: PipelineDeclaration, region: string): PipelineDeclaration {
  const stores = pipeline.artifactStores;
  if (stores === undefined || Object.keys(stores).length <= 1) return pipeline;
  return withMember(pipeline, "artifactStores", withoutMember(stores, region));
}
