import { isRecord, member, recordMember, stringMember } from "./json-value";
import { defineRule, type RuleContext, type RuleGroup } from "./rule";

/** Both `artifactStore` and `artifactStores`. */
export const ARTIFACT_STORE_CONFLICT = defineRule(
  "artifact-store-conflict",
  "error",
  "Use either artifactStore or artifactStores, not both.",
);
/** Neither `artifactStore` nor `artifactStores`. */
export const MISSING_ARTIFACT_STORE = defineRule(
  "missing-artifact-store",
  "error",
  "A pipeline needs an artifactStore (or artifactStores for cross-region actions).",
);
/** An action region without an `artifactStores` entry. */
export const CROSS_REGION_STORE_MISSING = defineRule(
  "cross-region-store-missing",
  "error",
  "A cross-region action needs an artifactStores entry for its region.",
);
/** A region on an action type that cannot run cross-region. */
export const CROSS_REGION_NOT_ALLOWED = defineRule(
  "cross-region-not-allowed",
  "error",
  "Source, ThirdParty and Custom actions cannot run in another region.",
);

/**
 * The pipeline's own region when the document states it. get-pipeline output puts `region` on
 * every action (the pipeline's region for those that run there), and such a file must not be
 * flagged as cross-region. So when every action carries a region, the region shared by all source
 * actions (which always run in the pipeline's region) is the home region — provided it has a store
 * (with artifactStores) or every action shares it (with one artifactStore). Otherwise `undefined`:
 * a region written on a few actions is a cross-region intent and is checked as such.
 */
function inferHomeRegion(context: RuleContext, stores: unknown, hasSingle: boolean): string | undefined {
  const actions = context.index.actions;
  const regionOf = (a: (typeof actions)[number]) => stringMember(a.action, "region");
  if (actions.length === 0 || actions.some((a) => regionOf(a) === undefined)) return undefined;
  const sources = new Set(actions.filter((a) => a.category === "Source").map(regionOf));
  if (sources.size !== 1) return undefined;
  const [region] = sources;
  if (region === undefined) return undefined;
  if (hasSingle) return actions.every((a) => regionOf(a) === region) ? region : undefined;
  // With artifactStores, get-pipeline output names a region on every action, so every store's
  // region is used by some action; a store nobody names means the home region is not stated.
  const named = new Set(actions.map(regionOf));
  const storeRegions = isRecord(stores) ? Object.keys(stores) : [];
  if (!storeRegions.includes(region) || storeRegions.some((r) => !named.has(r))) return undefined;
  return region;
}

function check(context: RuleContext): void {
  const { pipeline } = context.index;
  const hasSingle = member(pipeline, "artifactStore") !== undefined;
  const hasMap = member(pipeline, "artifactStores") !== undefined;
  if (hasSingle && hasMap) {
    context.report(
      ARTIFACT_STORE_CONFLICT,
      ["artifactStores"],
      "Remove artifactStore, or remove artifactStores if no action runs in another region: artifactStore",
    );
  } else if (!hasSingle && !hasMap) {
    context.report(
      MISSING_ARTIFACT_STORE,
      [],
      "Add an artifactStore with the S3 bucket the pipeline keeps its artifacts in: artifactStore",
    );
  }
  const stores = recordMember(pipeline, "artifactStores");
  const home = hasSingle && hasMap ? undefined : inferHomeRegion(context, stores, hasSingle);
  for (const action of context.index.actions) {
    const region = stringMember(action.action, "region");
    if (region === undefined || region === home) continue;
    const path = [...action.path, "region"];
    if (action.category === "Source" || action.owner === "ThirdParty" || action.owner === "Custom") {
      const kind = action.category === "Source" ? "source" : (action.owner ?? "");
      context.report(
        CROSS_REGION_NOT_ALLOWED,
        path,
        `Remove the region: ${kind} actions run in the pipeline's region only: ${region}`,
      );
    } else if (member(stores, region) === undefined && !(hasSingle && hasMap)) {
      context.report(
        CROSS_REGION_STORE_MISSING,
        path,
        stores === undefined
          ? `Replace artifactStore with artifactStores holding a bucket for the pipeline's region and for: ${region}`
          : `Add an artifactStores entry (an S3 bucket in that region) for the action's region: ${region}`,
      );
    }
  }
}

/** Artifact stores and cross-region actions. */
export const CROSS_REGION: RuleGroup = {
  topic: "cross-region",
  rules: [
    ARTIFACT_STORE_CONFLICT,
    MISSING_ARTIFACT_STORE,
    CROSS_REGION_STORE_MISSING,
    CROSS_REGION_NOT_ALLOWED,
  ],
  check,
};
