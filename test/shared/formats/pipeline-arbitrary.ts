import fc from "fast-check";
import type { PipelineDeclaration } from "../../../shared/pipeline/model";
import { findV2OnlyFeatures } from "../../../shared/validate/v2-features";

/**
 * fast-check arbitraries for pipelines that satisfy the service model (names, patterns, lengths,
 * enums, counts), with unique stage and action names and a source-only first stage. Objects are
 * built with Object.fromEntries, which makes own members even of "__proto__", like JSON.parse.
 */

const NAME = fc.stringMatching(/^[A-Za-z0-9.@_-]{1,24}$/);
const ARTIFACT = fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/);
const TYPE_PART = fc.stringMatching(/^[0-9A-Za-z_-]{1,9}$/);
const CONFIG_KEY = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,20}$/);
/** Free text; the model's `.*` patterns (Java) refuse line terminators, so none are generated. */
const TEXT = fc
  .string({ minLength: 1, maxLength: 40, unit: "grapheme" })
  .filter((text) => !/[\n\r\u0085\u2028\u2029]/.test(text));

type Entries = Array<[string, unknown]>;

/** Drops entries whose value is `undefined` (an absent optional member). */
function present(entries: Entries): Entries {
  return entries.filter(([, value]) => value !== undefined);
}

const configuration = fc
  .uniqueArray(fc.tuple(CONFIG_KEY, TEXT), { maxLength: 5, selector: ([key]) => key })
  .map((entries) => Object.fromEntries(entries) as Record<string, string>);

const artifactList = fc
  .uniqueArray(ARTIFACT, { minLength: 1, maxLength: 3 })
  .map((names) => names.map((name) => ({ name })));

const sourceAction = fc
  .record({ name: NAME, output: ARTIFACT, configuration: fc.option(configuration, { nil: undefined }) })
  .map(({ name, output, configuration: config }) =>
    Object.fromEntries(
      present([
        ["name", name],
        ["actionTypeId", { category: "Source", owner: "AWS", provider: "S3", version: "1" }],
        ["runOrder", 1],
        ["configuration", config],
        ["outputArtifacts", [{ name: output }]],
      ]),
    ),
  );

const laterAction = fc
  .record({
    name: NAME,
    category: fc.constantFrom("Build", "Deploy", "Test", "Invoke", "Approval"),
    owner: fc.constantFrom("AWS", "ThirdParty", "Custom"),
    provider: fc.stringMatching(/^[0-9A-Za-z_-]{1,35}$/),
    version: TYPE_PART,
    runOrder: fc.option(fc.integer({ min: 1, max: 999 }), { nil: undefined }),
    configuration: fc.option(configuration, { nil: undefined }),
    inputArtifacts: fc.option(artifactList, { nil: undefined }),
    outputArtifacts: fc.option(artifactList, { nil: undefined }),
    namespace: fc.option(fc.stringMatching(/^[A-Za-z0-9@_-]{1,20}$/), { nil: undefined }),
    region: fc.option(fc.constantFrom("us-east-1", "eu-west-1"), { nil: undefined }),
  })
  .map((a) =>
    Object.fromEntries(
      present([
        ["name", a.name],
        ["actionTypeId", { category: a.category, owner: a.owner, provider: a.provider, version: a.version }],
        ["runOrder", a.runOrder],
        ["configuration", a.configuration],
        ["inputArtifacts", a.inputArtifacts],
        ["outputArtifacts", a.outputArtifacts],
        ["namespace", a.namespace],
        ["region", a.region],
      ]),
    ),
  );

function stage(action: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      name: NAME,
      actions: fc.uniqueArray(action, { minLength: 1, maxLength: 4, selector: (a) => a["name"] }),
    })
    .map(({ name, actions }) => ({ name, actions }));
}

const variables = fc.uniqueArray(
  fc.record({ name: fc.stringMatching(/^[A-Za-z0-9@_-]{1,20}$/), defaultValue: TEXT }),
  { minLength: 1, maxLength: 3, selector: (v) => v.name },
);

/** A pipeline the service model accepts; V2-only features appear only when `withV2` is set. */
export function pipelineArbitrary(withV2: boolean): fc.Arbitrary<PipelineDeclaration> {
  const pipelines = anyPipeline(withV2);
  // A random provider can name a V2-only action type (EC2, Commands…); keep those out of V1.
  return withV2 ? pipelines : pipelines.filter((pipeline) => findV2OnlyFeatures(pipeline).length === 0);
}

function anyPipeline(withV2: boolean): fc.Arbitrary<PipelineDeclaration> {
  return fc
    .record({
      name: NAME,
      location: fc.stringMatching(/^[a-z0-9][a-z0-9.-]{2,40}$/),
      first: stage(sourceAction),
      rest: fc.array(stage(laterAction), { minLength: 1, maxLength: 4 }),
      version: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
      executionMode: withV2
        ? fc.constantFrom("QUEUED", "PARALLEL", "SUPERSEDED", undefined)
        : fc.constant(undefined),
      pipelineType: fc.constantFrom("V1", "V2", undefined),
      variables: withV2 ? fc.option(variables, { nil: undefined }) : fc.constant(undefined),
    })
    .filter(({ first, rest }) => new Set([first, ...rest].map((s) => s["name"])).size === rest.length + 1)
    .map((p) => {
      const sourceName = String((p.first["actions"] as Array<Record<string, unknown>>)[0]?.["name"]);
      const triggers = withV2 && p.variables ? [triggerFor(sourceName)] : undefined;
      return Object.fromEntries(
        present([
          ["name", p.name],
          ["roleArn", `arn:aws:iam::111122223333:role/${p.name}`],
          ["artifactStore", { type: "S3", location: p.location }],
          ["stages", [p.first, ...p.rest]],
          ["version", p.version],
          ["executionMode", p.executionMode],
          ["pipelineType", p.pipelineType],
          ["variables", p.variables],
          ["triggers", triggers],
        ]),
      ) as PipelineDeclaration;
    });
}

function triggerFor(sourceActionName: string): Record<string, unknown> {
  return {
    providerType: "CodeStarSourceConnection",
    gitConfiguration: { sourceActionName, push: [{ branches: { includes: ["main"] } }] },
  };
}

/** Member names a file may hold that mean nothing to Pipewright, including hostile ones. */
const EXTRA_KEY = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "0",
    "42",
    "4294967294",
    "-1",
    "01",
    "",
  ),
  fc.string({ maxLength: 12 }),
);

/**
 * Adds unknown members (any key, any JSON value) at random positions in the pipeline, its stages
 * and actions, the way a newer API or a user's own annotations would.
 */
export function withUnknownMembers(pipeline: PipelineDeclaration): fc.Arbitrary<PipelineDeclaration> {
  const extras = fc.uniqueArray(fc.tuple(EXTRA_KEY, fc.jsonValue({ maxDepth: 3 }).map(asJson), fc.nat()), {
    maxLength: 3,
    selector: ([key]) => key,
  });
  const stages = pipeline.stages;
  const actionCount = stages.reduce((n, s) => n + s.actions.length, 0);
  return fc
    .tuple(
      extras,
      fc.array(extras, { minLength: stages.length, maxLength: stages.length }),
      fc.array(extras, { minLength: actionCount, maxLength: actionCount }),
    )
    .map(([pipelineExtras, stageExtras, actionExtras]) => {
      let actionIndex = 0;
      const newStages = stages.map((s, i) =>
        insert(
          {
            ...s,
            actions: s.actions.map((a) => insert(a, actionExtras[actionIndex++] ?? [])),
          },
          stageExtras[i] ?? [],
        ),
      );
      return insert({ ...pipeline, stages: newStages }, pipelineExtras) as PipelineDeclaration;
    });
}

/** `obj` with each extra member inserted at a position; known members are never replaced. */
function insert<T extends object>(obj: T, extras: ReadonlyArray<readonly [string, unknown, number]>): T {
  const entries = Object.entries(obj);
  for (const [key, value, position] of extras) {
    if (entries.some(([k]) => k === key)) continue;
    entries.splice(position % (entries.length + 1), 0, [key, value]);
  }
  return Object.fromEntries(entries) as T;
}

/** The value as JSON gives it back: fc.jsonValue may yield -0, which JSON writes as 0. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}
