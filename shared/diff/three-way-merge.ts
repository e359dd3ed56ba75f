/**
 * Three-way merge of pipeline declarations: the base version a document was opened from or last
 * deployed as, the remote pipeline now ("theirs") and the document ("ours"). Each side's change
 * is taken where the other side left that part as it was in the base; where both changed the same
 * part differently, that is a conflict, resolved by a preference and reported. Values compare the
 * way the diff compares them: members the service fills in count with their default value, and a
 * masked secret (`****`) matches any string, so neither is ever a change or a conflict.
 */
import type { ActionDeclaration, JsonPath, PipelineDeclaration, StageDeclaration } from "../pipeline/model";
import { isRecord, sameValue } from "./json-compare";
import { mergeOrder, type MergePreference } from "./merge-order";
import { actionLikeness, identities, stageLikeness, type Likeness, type Named } from "./merge-renames";
import { formatPath, formatValue } from "./render-diff";
import { displayValue } from "./secret-values";
import {
  ACTION_DEFAULTS,
  actionWithDefaults,
  PIPELINE_DEFAULTS,
  stageWithDefaults,
  withServiceDefaults,
} from "./service-defaults";

export type { MergePreference } from "./merge-order";

/**
 * What kind of disagreement a conflict is:
 * - `both-changed`: both sides changed (or both added) the same member, each to its own value;
 * - `removed-remotely`: the remote removed what the document changed;
 * - `removed-locally`: the document removed what the remote changed;
 * - `reordered`: both sides reordered the same stages or actions, each its own way.
 */
export type MergeConflictKind = "both-changed" | "removed-remotely" | "removed-locally" | "reordered";

/** One part of the pipeline both sides changed differently. */
export interface MergeConflict {
  kind: MergeConflictKind;
  /**
   * JSON path from the pipeline. Array indexes are the document's where the element is in the
   * document, the remote pipeline's otherwise.
   */
  path: JsonPath;
  /** The part as people read it: `Stage Build, action Compile: configuration.ProjectName`. */
  subject: string;
  /** Values with service defaults filled in; absent where that side has no such member. */
  base?: unknown;
  theirs?: unknown;
  ours?: unknown;
  /** A sentence naming the part and both changes, secrets hidden. */
  message: string;
}

/** The merged pipeline and the conflicts that `prefer` resolved in it. */
export interface PipelineMerge {
  /** The merge; its `version` is the remote one, so a deploy of it is based on the remote pipeline. */
  pipeline: PipelineDeclaration;
  /** Empty when the two sides changed different things. */
  conflicts: MergeConflict[];
}

/** How to merge. */
export interface MergeOptions {
  /** The side that wins a conflict; `ours` (the document) unless told otherwise. */
  prefer?: MergePreference;
}

type Rec = Readonly<Record<string, unknown>>;

/** What a value is, for defaults, element matching and how a place reads. */
type Kind = "pipeline" | "stages" | "stage" | "actions" | "action" | "other";

/** Where a value sits: its path, the element it belongs to, and where the member part starts. */
interface Place {
  path: JsonPath;
  where: string;
  from: number;
}

interface Context {
  prefer: MergePreference;
  conflicts: MergeConflict[];
}

const NO_DEFAULTS: Rec = {};

function defaultsOf(kind: Kind): Rec {
  if (kind === "pipeline") return PIPELINE_DEFAULTS;
  return kind === "action" ? ACTION_DEFAULTS : NO_DEFAULTS;
}

function childKind(kind: Kind, key: string): Kind {
  if (kind === "pipeline" && key === "stages") return "stages";
  return kind === "stage" && key === "actions" ? "actions" : "other";
}

function elementKind(kind: Kind): Kind {
  if (kind === "stages") return "stage";
  return kind === "actions" ? "action" : "other";
}

function withDefaultsOf(value: unknown, kind: Kind): unknown {
  if (!isRecord(value)) return value;
  if (kind === "pipeline") return withServiceDefaults(value as PipelineDeclaration);
  if (kind === "stage") return stageWithDefaults(value as StageDeclaration);
  return kind === "action" ? actionWithDefaults(value as ActionDeclaration) : value;
}

/** The value as the service would report it, so defaults and masks compare as the diff does. */
function normalized(value: unknown, kind: Kind): unknown {
  if (kind === "stages" || kind === "actions") {
    return Array.isArray(value) ? value.map((item) => withDefaultsOf(item, elementKind(kind))) : value;
  }
  return withDefaultsOf(value, kind);
}

function same(a: unknown, b: unknown, kind: Kind): boolean {
  return sameValue(normalized(a, kind), normalized(b, kind));
}

function member(record: Rec, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function subjectOf(place: Place): string {
  const part = formatPath(place.path, place.from);
  return part === "" ? place.where : `${place.where}: ${part}`;
}

function shown(place: Place, value: unknown): string {
  return formatValue(displayValue(place.path, value));
}

function messageOf(kind: MergeConflictKind, subject: string, place: Place, t: unknown, o: unknown): string {
  switch (kind) {
    case "removed-remotely":
      return `${subject} was removed remotely but changed in the document`;
    case "removed-locally":
      return `${subject} was removed in the document but changed remotely`;
    case "reordered":
      return `${subject} were reordered both remotely (${(t as string[]).join(", ")}) and in the document (${(o as string[]).join(", ")})`;
    case "both-changed":
      return `${subject} changed both remotely (${shown(place, t)}) and in the document (${shown(place, o)})`;
  }
}

function report(
  context: Context,
  kind: MergeConflictKind,
  place: Place,
  values: { base: unknown; theirs: unknown; ours: unknown },
): void {
  const subject = subjectOf(place);
  const conflict: MergeConflict = {
    kind,
    path: place.path,
    subject,
    message: messageOf(kind, subject, place, values.theirs, values.ours),
  };
  if (values.base !== undefined) conflict.base = values.base;
  if (values.theirs !== undefined) conflict.theirs = values.theirs;
  if (values.ours !== undefined) conflict.ours = values.ours;
  context.conflicts.push(conflict);
}

/**
 * One side of a conflict as a short text: `removed` where that side removed the part, the names
 * in order for a reordering, otherwise the value as compact JSON with secrets hidden.
 */
export function formatConflictValue(conflict: MergeConflict, side: MergePreference): string {
  const value = conflict[side];
  if (value === undefined) return "removed";
  if (conflict.kind === "reordered" && Array.isArray(value)) return value.join(", ");
  return formatValue(displayValue(conflict.path, value));
}

/** Lists whose elements are matched by name: every element a record with a name of its own. */
function namedList(value: unknown): Named[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const names = new Set<string>();
  for (const item of value) {
    if (!isRecord(item) || typeof item["name"] !== "string" || names.has(item["name"])) return undefined;
    names.add(item["name"]);
  }
  return value as Named[];
}

/**
 * Merges one value. `raw` holds the members as the sides have them (absent stays absent in the
 * result); `values` has them with the service's default where it has one, for comparing.
 */
function mergeValue(
  context: Context,
  kind: Kind,
  values: { base: unknown; theirs: unknown; ours: unknown },
  raw: { theirs: unknown; ours: unknown },
  place: Place,
): unknown {
  const { base, theirs, ours } = values;
  // Agreement, or a change on one side only: the document's own form wins whenever it is right.
  if (same(theirs, ours, kind) || same(base, theirs, kind)) return raw.ours;
  // Objects and named lists merge part by part even when only the remote changed them: the
  // document's parts that only look unchanged (its real secret where the remote shows `****`)
  // are kept that way.
  if (isRecord(theirs) && isRecord(ours) && (base === undefined || isRecord(base))) {
    return mergeRecord(context, kind, base, theirs, ours, place);
  }
  const lists = { base: namedList(base ?? []), theirs: namedList(theirs), ours: namedList(ours) };
  if (lists.base && lists.theirs && lists.ours) {
    return mergeList(context, elementKind(kind), lists.base, lists.theirs, lists.ours, place);
  }
  if (same(base, ours, kind)) return raw.theirs;
  const conflictKind =
    theirs === undefined ? "removed-remotely" : ours === undefined ? "removed-locally" : "both-changed";
  report(context, conflictKind, place, values);
  return context.prefer === "ours" ? raw.ours : raw.theirs;
}

/**
 * Merges two objects member by member; `version` of the pipeline is the remote one, unmerged. An
 * object both sides added has no base, and then no defaults either: two different additions
 * conflict even where one of them is the service default.
 */
function mergeRecord(
  context: Context,
  kind: Kind,
  base: Rec | undefined,
  theirs: Rec,
  ours: Rec,
  place: Place,
): Rec {
  const defaults = defaultsOf(kind);
  const merged = new Map<string, unknown>();
  const baseKeys = base === undefined ? [] : Object.keys(base);
  const keys = new Set([...Object.keys(ours), ...Object.keys(theirs), ...baseKeys]);
  for (const key of keys) {
    if (kind === "pipeline" && key === "version") {
      if (Object.hasOwn(theirs, key)) merged.set(key, theirs[key]);
      continue;
    }
    const filled = (record: Rec | undefined) => {
      if (record === undefined) return undefined;
      const value = member(record, key);
      return value === undefined && Object.hasOwn(defaults, key) ? defaults[key] : value;
    };
    const value = mergeValue(
      context,
      childKind(kind, key),
      { base: filled(base), theirs: filled(theirs), ours: filled(ours) },
      { theirs: member(theirs, key), ours: member(ours, key) },
      { ...place, path: [...place.path, key] },
    );
    if (value !== undefined) merged.set(key, value);
  }
  const { order } = mergeOrder(
    baseKeys,
    Object.keys(theirs),
    Object.keys(ours),
    new Set(merged.keys()),
    context.prefer,
  );
  return Object.fromEntries(order.map((key) => [key, merged.get(key)]));
}

const NEVER_ALIKE: Likeness = () => 0;

function likenessOf(kind: Kind): Likeness {
  if (kind === "stage") return stageLikeness;
  return kind === "action" ? actionLikeness : NEVER_ALIKE;
}

/** The place of a list element: stages and actions start a new subject, other elements extend it. */
function elementPlace(kind: Kind, list: Place, index: number, name: string): Place {
  const path = [...list.path, index];
  if (kind === "stage") return { path, where: `Stage ${name}`, from: path.length };
  if (kind === "action") return { path, where: `${list.where}, action ${name}`, from: path.length };
  return { ...list, path };
}

interface Located {
  item: Named;
  index: number;
}

function locate(items: readonly Named[], ids: readonly string[]): Map<string, Located> {
  return new Map(ids.map((id, index) => [id, { item: items[index]!, index }]));
}

/** One element of a named list, present on any of the three sides. */
function mergeElement(
  context: Context,
  kind: Kind,
  sides: { base?: Named | undefined; theirs?: Named | undefined; ours?: Named | undefined },
  place: Place,
): unknown {
  const { base, theirs, ours } = sides;
  if (theirs === undefined && ours === undefined) return undefined;
  const values = {
    base: normalized(base, kind),
    theirs: normalized(theirs, kind),
    ours: normalized(ours, kind),
  };
  if (theirs === undefined || ours === undefined) {
    if (base === undefined) return theirs ?? ours;
    const kept = theirs ?? ours;
    // One side removed it: fine if the other left it alone, a conflict if the other changed it.
    if (same(base, kept, kind)) return undefined;
    report(context, theirs === undefined ? "removed-remotely" : "removed-locally", place, values);
    return (context.prefer === "ours") === (ours !== undefined) ? kept : undefined;
  }
  if (same(theirs, ours, kind)) return ours;
  return mergeRecord(context, kind, base, theirs, ours, place);
}

/**
 * Merges a list of named elements: stages by name, actions by name within their stage (renames
 * recognised, see merge-renames), other named lists (variables, artifacts) by name.
 */
function mergeList(
  context: Context,
  kind: Kind,
  base: readonly Named[],
  theirs: readonly Named[],
  ours: readonly Named[],
  place: Place,
): unknown[] {
  const likeness = likenessOf(kind);
  const baseIds = base.map((item) => item.name);
  const inBaseNames = new Set(baseIds);
  const addedBy = (side: readonly Named[]) =>
    new Set(side.map((item) => item.name).filter((name) => !inBaseNames.has(name)));
  const theirIds = identities(base, theirs, likeness, addedBy(ours));
  const ourIds = identities(base, ours, likeness, addedBy(theirs));
  const inBase = locate(base, baseIds);
  const inTheirs = locate(theirs, theirIds);
  const inOurs = locate(ours, ourIds);
  const merged = new Map<string, unknown>();
  for (const id of new Set([...ourIds, ...theirIds, ...baseIds])) {
    const b = inBase.get(id);
    const t = inTheirs.get(id);
    const o = inOurs.get(id);
    const shownAs = o ?? t ?? b!;
    const value = mergeElement(
      context,
      kind,
      { base: b?.item, theirs: t?.item, ours: o?.item },
      elementPlace(kind, place, shownAs.index, shownAs.item.name),
    );
    if (value !== undefined) merged.set(id, value);
  }
  const { order, conflict } = mergeOrder(baseIds, theirIds, ourIds, new Set(merged.keys()), context.prefer);
  if (conflict) {
    const names = (ids: string[], on: Map<string, Located>) => ids.map((id) => on.get(id)!.item.name);
    report(context, "reordered", place, {
      base: undefined,
      theirs: names(conflict.theirs, inTheirs),
      ours: names(conflict.ours, inOurs),
    });
  }
  return order.map((id) => merged.get(id));
}

/**
 * Merges the remote pipeline (`theirs`) and the document (`ours`) from their common `base`:
 * pipeline members, stages matched by name, actions by name within their stage (a rename counts
 * as one: a stage keeping most of its actions' names, an action keeping all else), configuration
 * keys and other object members one by one, named lists (artifacts, variables) by name, and other
 * values (triggers, commands) whole. Stages and actions come in the document's order, with the
 * remote's new ones after their remote predecessor; when only the remote reordered them, in its
 * order. Unknown members are merged like known ones, so none is lost. `version` is not merged:
 * the result has the remote's. Pure; never throws, whatever JSON it is given.
 */
export function mergePipelines(
  base: PipelineDeclaration,
  theirs: PipelineDeclaration,
  ours: PipelineDeclaration,
  options: MergeOptions = {},
): PipelineMerge {
  const context: Context = { prefer: options.prefer ?? "ours", conflicts: [] };
  const record = (value: unknown): Rec => (isRecord(value) ? value : {});
  const pipeline = mergeRecord(context, "pipeline", record(base), record(theirs), record(ours), {
    path: [],
    where: "Pipeline",
    from: 0,
  });
  return { pipeline: pipeline as PipelineDeclaration, conflicts: context.conflicts };
}
