/**
 * Random editing sessions for the incremental-validation and incremental-layout properties: a
 * pipeline and a sequence of edits, each giving a new version that shares every untouched object
 * with the one before (as the editor's pure operations do). Edits replace or delete any value, copy
 * a value from one place to another (duplicate names, references that suddenly resolve), move
 * stages and actions (the same objects at new indexes) and insert one action object twice.
 */
import fc from "fast-check";
import { pipelineArbitrary, withUnknownMembers } from "../formats/pipeline-arbitrary";
import { validPipeline, validV2Pipeline } from "./sample-pipelines";

type Path = readonly (string | number)[];

/** One edit; `pick`s choose among whatever paths or elements the version at hand has. */
export type Edit =
  | { kind: "replace"; pick: number; value: unknown }
  | { kind: "delete"; pick: number }
  | { kind: "copy"; from: number; to: number }
  | { kind: "move-stage"; from: number; to: number }
  | { kind: "move-action"; from: number; to: number }
  | { kind: "insert-twice"; from: number; to: number };

const DELETE = Symbol("delete");

/** Every path in a JSON value, the root first. */
export function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  }
  return out;
}

function valueAt(root: unknown, path: Path): unknown {
  let at = root;
  for (const segment of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<string | number, unknown>)[segment];
  }
  return at;
}

/** A copy of `root` with the value at `path` replaced or deleted; everything off the path is shared. */
function replaceAt(root: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement === DELETE ? root : replacement;
  const [head, ...rest] = path;
  if (Array.isArray(root) && typeof head === "number") {
    const copy = [...root];
    if (replacement === DELETE && rest.length === 0) copy.splice(head, 1);
    else copy[head] = replaceAt(root[head], rest, replacement);
    return copy;
  }
  if (typeof root === "object" && root !== null && typeof head === "string") {
    const entries = Object.entries(root).filter(
      ([k]) => !(k === head && replacement === DELETE && rest.length === 0),
    );
    return Object.fromEntries(entries.map(([k, v]) => [k, k === head ? replaceAt(v, rest, replacement) : v]));
  }
  return root;
}

type Json = Record<string, unknown>;

function stagesOf(pipeline: unknown): unknown[] | undefined {
  const stages = (pipeline as Json | null)?.["stages"];
  return Array.isArray(stages) ? stages : undefined;
}

/** Every action as [stage index, action index], where the containers are what they should be. */
function actionSlots(pipeline: unknown): [number, number][] {
  const slots: [number, number][] = [];
  (stagesOf(pipeline) ?? []).forEach((stage, s) => {
    const actions = (stage as Json | null)?.["actions"];
    if (Array.isArray(actions)) actions.forEach((_, a) => slots.push([s, a]));
  });
  return slots;
}

function withActions(pipeline: unknown, s: number, actions: unknown[]): unknown {
  return replaceAt(pipeline, ["stages", s, "actions"], actions);
}

/** The version after `edit`; the same object when the edit does not apply to this version. */
export function applyEdit(pipeline: unknown, edit: Edit): unknown {
  const paths = pathsOf(pipeline);
  const path = (n: number): Path => paths[n % paths.length] ?? [];
  switch (edit.kind) {
    case "replace":
      return replaceAt(pipeline, path(edit.pick), edit.value);
    case "delete":
      return replaceAt(pipeline, path(edit.pick), DELETE);
    case "copy":
      return replaceAt(pipeline, path(edit.to), valueAt(pipeline, path(edit.from)));
    case "move-stage": {
      const stages = stagesOf(pipeline);
      if (stages === undefined || stages.length === 0) return pipeline;
      const copy = [...stages];
      const [moved] = copy.splice(edit.from % copy.length, 1);
      copy.splice(edit.to % (copy.length + 1), 0, moved);
      return replaceAt(pipeline, ["stages"], copy);
    }
    case "move-action":
    case "insert-twice": {
      const slots = actionSlots(pipeline);
      const from = slots[edit.from % Math.max(1, slots.length)];
      const stages = stagesOf(pipeline);
      if (from === undefined || stages === undefined) return pipeline;
      const [fs, fa] = from;
      const source = [...((stages[fs] as Json)["actions"] as unknown[])];
      const action = source[fa];
      let next = pipeline;
      if (edit.kind === "move-action") {
        source.splice(fa, 1);
        next = withActions(pipeline, fs, source);
      }
      const ts = edit.to % stages.length;
      const target = (stagesOf(next)?.[ts] as Json | null)?.["actions"];
      if (!Array.isArray(target)) return next;
      const inserted = [...(target as unknown[])];
      inserted.splice(edit.to % (inserted.length + 1), 0, action);
      return withActions(next, ts, inserted);
    }
  }
}

const VALUES = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(
    "",
    "x".repeat(1200),
    "#{SourceVariables.VersionId}",
    "#{BuildVariables.BUILD_ID}",
    "#{variables.Environment}",
    "#{nowhere.value}",
    "SourceOutput",
    "BuildOutput",
    "Source",
    "Build",
    "codepipeline",
    "Source/Build",
    -1,
    0,
    2,
    3,
    1e9,
    null,
    [],
    {},
    [{ name: "SourceOutput" }],
    { category: "Build", owner: "Custom", provider: "AcmeBuilder", version: "1" },
  ),
);

const EDIT: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant("replace" as const), pick: fc.nat(), value: VALUES }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("copy" as const), from: fc.nat(), to: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("move-stage" as const), from: fc.nat(), to: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("move-action" as const), from: fc.nat(), to: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("insert-twice" as const), from: fc.nat(), to: fc.nat() }),
  },
);

/** A starting pipeline: the hand-written samples, or a random valid one with unknown members. */
export const BASE_PIPELINE: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(validPipeline(), validV2Pipeline()),
  pipelineArbitrary(true).chain(withUnknownMembers),
);

/** A pipeline and up to `maxEdits` edits of it. */
export function editSession(maxEdits = 12): fc.Arbitrary<{ base: unknown; edits: Edit[] }> {
  return fc.record({ base: BASE_PIPELINE, edits: fc.array(EDIT, { minLength: 1, maxLength: maxEdits }) });
}

/** Every version of a session, the base first. */
export function versionsOf(session: { base: unknown; edits: readonly Edit[] }): unknown[] {
  const versions = [session.base];
  for (const edit of session.edits) versions.push(applyEdit(versions[versions.length - 1], edit));
  return versions;
}
