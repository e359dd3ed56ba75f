import { isRecord, member, recordMember, stringMember } from "./json-value";
import type { IndexedAction } from "./pipeline-index";
import { defineRule, type RuleContext, type RuleGroup } from "./rule";

/**
 * Both `artifactStore` and `artifactStores`.
 *
 * AWS: "You must include either artifactStore or artifactStores in your pipeline, but you cannot
 * use both." — https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html
 */
export const ARTIFACT_STORE_CONFLICT = defineRule(
  "artifact-store-conflict",
  "error",
  "Use either artifactStore or artifactStores, not both.",
);

/**
 * Neither `artifactStore` nor `artifactStores`.
 *
 * AWS: "You must include either artifactStore or artifactStores in your pipeline, but you cannot
 * use both." — https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html
 */
export const MISSING_ARTIFACT_STORE = defineRule(
  "missing-artifact-store",
  "error",
  "A pipeline needs an artifact store (or one per Region with cross-Region actions).",
);

/**
 * A Region the pipeline uses has no artifact store: a cross-Region action with a single
 * `artifactStore`, or an `artifactStores` map without the pipeline's Region or an action's Region.
 * An action whose `region` is the pipeline's own Region is not cross-Region.
 *
 * AWS: "There must be an artifact store for the pipeline Region and for each cross-region action in
 * the pipeline. … If you create a cross-region action in your pipeline, you must use
 * artifactStores." — https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_PipelineDeclaration.html
 */
export const CROSS_REGION_STORE_MISSING = defineRule(
  "cross-region-store-missing",
  "error",
  "A Region the pipeline runs actions in has no artifact store.",
);

/**
 * A source, third-party, custom or Commands action set to run outside the pipeline's Region. The
 * guide says these cannot be cross-Region, but a CloudFormation-created pipeline with a cross-Region
 * CodeCommit source was accepted (and ran against the pipeline's own Region), so this warns instead
 * of failing: the Region is at best ignored.
 *
 * AWS: "You cannot create cross-Region actions for the following action types: Source actions,
 * Third-party actions, Custom actions" —
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/actions-create-cross-region.html
 * AWS: "The commands action is not supported for cross-account or cross-Region actions." —
 * https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-Commands.html
 * Observed: a pipeline in eu-west-1 with `Region: us-east-1` on its CodeCommit source was created
 * and then read the repository in eu-west-1 —
 * https://cplus-django.wekeepcoding.com/article/15941078/Cross+Region+access+to+CodeCommit+repository+from+CodePipeline
 */
export const CROSS_REGION_NOT_ALLOWED = defineRule(
  "cross-region-not-allowed",
  "warning",
  "Source, third-party, custom and Commands actions run only in the pipeline's Region.",
);

/**
 * The pipeline's Region was not given (no connection, no `--region`) and was inferred from the
 * document to check action Regions against; says which Region and why.
 *
 * AWS: "The action declaration's Amazon Web Services Region, such as us-east-1." (the document
 * names Regions only per action; the pipeline's own Region is the endpoint's) —
 * https://docs.aws.amazon.com/codepipeline/latest/APIReference/API_ActionDeclaration.html
 */
export const PIPELINE_REGION_INFERRED = defineRule(
  "pipeline-region-inferred",
  "info",
  "The pipeline's Region was not given, so it was inferred from the document.",
);

/** Action kinds that run only in the pipeline's Region. */
function homeOnlyKind(action: IndexedAction): string | undefined {
  if (action.category === "Source") return "Source";
  if (action.owner === "ThirdParty") return "Third-party";
  if (action.owner === "Custom") return "Custom";
  if (action.provider === "Commands" && action.owner === "AWS") return "Commands";
  return undefined;
}

interface Home {
  readonly region: string;
  /** Why the Region was inferred; absent when the caller gave it. */
  readonly because?: string;
}

/**
 * The pipeline's Region: the caller's, else the one the document implies. With one artifactStore,
 * every action that names a Region must name the pipeline's (or be cross-Region, which needs
 * artifactStores), so a single named Region is it. With artifactStores, a map of one Region is
 * it; otherwise the Region all source actions name (source actions run in the pipeline's Region).
 */
function homeOf(
  context: RuleContext,
  regioned: readonly [IndexedAction, string][],
  stores: unknown,
): Home | undefined {
  if (context.pipelineRegion !== undefined) return { region: context.pipelineRegion };
  const named = new Set(regioned.map(([, region]) => region));
  if (!isRecord(stores)) {
    const [only] = named;
    return named.size === 1 && only !== undefined
      ? {
          region: only,
          because: "every action that names a Region names it and the pipeline has one artifact store",
        }
      : undefined;
  }
  const keys = Object.keys(stores);
  if (keys.length === 1 && keys[0] !== undefined) {
    return { region: keys[0], because: "it is the only Region in the pipeline's artifact stores" };
  }
  const sources = new Set(regioned.filter(([a]) => a.category === "Source").map(([, region]) => region));
  const [source] = sources;
  return sources.size === 1 && source !== undefined && keys.includes(source)
    ? {
        region: source,
        because: "the source actions name it, and source actions run in the pipeline's Region",
      }
    : undefined;
}

/** Reports a missing or doubled store; undefined when both are given (nothing else can be checked). */
function checkStores(context: RuleContext): { single: boolean; stores: unknown } | undefined {
  const { pipeline } = context.index;
  const single = member(pipeline, "artifactStore") !== undefined;
  const hasMap = member(pipeline, "artifactStores") !== undefined;
  if (single && hasMap) {
    context.report(
      ARTIFACT_STORE_CONFLICT,
      ["artifactStores"],
      "Keep one: Artifact stores (one per Region) when actions run in other Regions, else the single Artifact store: artifactStore",
    );
  } else if (!single && !hasMap) {
    context.report(
      MISSING_ARTIFACT_STORE,
      [],
      'Add an Artifact store, the S3 bucket the pipeline keeps artifacts in, for example {"type": "S3", "location": "my-artifact-bucket"}: artifactStore',
    );
  }
  return single && hasMap ? undefined : { single, stores: recordMember(pipeline, "artifactStores") };
}

function check(context: RuleContext): void {
  const found = checkStores(context);
  if (found === undefined) return;
  const { single, stores } = found;
  const regioned: [IndexedAction, string][] = [];
  for (const action of context.index.actions) {
    const region = stringMember(action.action, "region");
    if (region !== undefined) regioned.push([action, region]);
  }
  if (regioned.length === 0 && (context.pipelineRegion === undefined || stores === undefined)) return;
  const home = homeOf(context, regioned, stores);
  if (home?.because !== undefined && regioned.length > 0) {
    context.report(
      PIPELINE_REGION_INFERRED,
      [],
      `Pipewright takes the pipeline's Region to be ${home.region} because ${home.because}; choose a connection (or pass --region) to check against the Region you deploy to: ${home.region}`,
    );
  }
  if (single && home === undefined) {
    const names = [...new Set(regioned.map(([, r]) => r))].sort().join(", ");
    context.report(
      CROSS_REGION_STORE_MISSING,
      ["artifactStore"],
      `Actions name more than one Region (${names}), so some run outside the pipeline's Region; replace Artifact store with Artifact stores holding an S3 bucket for each of them: artifactStore`,
    );
  }
  for (const [action, region] of regioned) {
    if (home !== undefined && region === home.region) continue;
    const path = [...action.path, "region"];
    const kind = homeOnlyKind(action);
    if (kind !== undefined) {
      if (home !== undefined) {
        context.report(
          CROSS_REGION_NOT_ALLOWED,
          path,
          `${kind} actions run only in the pipeline's Region (${home.region}); remove the Region or set it to ${home.region}: ${region}`,
        );
      }
      continue;
    }
    if (isRecord(stores)) {
      if (member(stores, region) === undefined) {
        context.report(
          CROSS_REGION_STORE_MISSING,
          path,
          `Add an artifact store for ${region} to Artifact stores (an S3 bucket in ${region}, for example {"type": "S3", "location": "my-artifacts-${region}"}), or run the action in another Region: ${region}`,
        );
      }
    } else if (single && home !== undefined) {
      context.report(
        CROSS_REGION_STORE_MISSING,
        path,
        `This action runs in ${region}, outside the pipeline's Region ${home.region}; replace Artifact store with Artifact stores holding an S3 bucket for ${home.region} and one for ${region}, or remove the action's Region: ${region}`,
      );
    }
  }
  if (
    isRecord(stores) &&
    home !== undefined &&
    home.because === undefined &&
    member(stores, home.region) === undefined
  ) {
    context.report(
      CROSS_REGION_STORE_MISSING,
      ["artifactStores"],
      `Add an artifact store for the pipeline's own Region to Artifact stores, for example {"type": "S3", "location": "my-artifacts-${home.region}"}: ${home.region}`,
    );
  }
}

/** Artifact stores and cross-Region actions, against the pipeline's Region (given or inferred). */
export const CROSS_REGION: RuleGroup = {
  topic: "cross-region",
  rules: [
    ARTIFACT_STORE_CONFLICT,
    MISSING_ARTIFACT_STORE,
    CROSS_REGION_STORE_MISSING,
    CROSS_REGION_NOT_ALLOWED,
    PIPELINE_REGION_INFERRED,
  ],
  check,
};
