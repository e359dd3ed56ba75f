/**
 * Values derived from the document, computed once per document change and shared by every
 * component (diagnostics feed badges, the problems panel, the status bar and the inspector).
 */
import type { ActionTypeSpec } from "../../shared/catalog";
import { pathKey } from "../../shared/ipc";
import { layout, LayoutCache, type Layout } from "../../shared/layout";
import type { PipelineDocument } from "../../shared/pipeline/model";
import { createValidationCache, validateDocument } from "../../shared/validate";
import type { Diagnostic } from "../../shared/validate/diagnostic";
import type { AppState, OpenDocument } from "./state";

const NO_DIAGNOSTICS: readonly Diagnostic[] = Object.freeze([]);
const diagnosticsByDocument = new WeakMap<
  PipelineDocument,
  { region: string | undefined; types: readonly ActionTypeSpec[] | undefined; found: readonly Diagnostic[] }
>();
// Documents are immutable and edits keep untouched stages and actions as the same objects, so
// validation and layout redo only what an edit changed (with results equal to starting afresh).
const validationCache = createValidationCache();
const layoutCache = new LayoutCache();
/** The last list handed out: an edit that changes no finding hands it out again, unchanged. */
let lastDiagnostics: readonly Diagnostic[] = NO_DIAGNOSTICS;

function samePath(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return (
    a.length === b.length &&
    a.every((d, i) => {
      const e = b[i];
      return (
        e !== undefined &&
        d.code === e.code &&
        d.severity === e.severity &&
        d.message === e.message &&
        samePath(d.path, e.path) &&
        d.location?.line === e.location?.line &&
        d.location?.column === e.location?.column
      );
    })
  );
}

/** Findings with their line in the file, while the document is the one that was opened. */
function located(doc: OpenDocument, findings: Diagnostic[]): Diagnostic[] {
  const at = doc.locations?.document === doc.document ? doc.locations.at : undefined;
  if (at === undefined) return findings;
  return findings.map((d) => {
    const location = at[pathKey(d.path)];
    return location === undefined || d.location !== undefined ? d : { ...d, location };
  });
}

/**
 * The Region a document is validated for: the connection's, or us-east-1 for the sandbox (the
 * Region it answers as, which the artifact-store form assumes too). No connection: inferred.
 */
function regionOf(state: Partial<Pick<AppState, "connection">>): string | undefined {
  const connection = state.connection;
  if (connection === undefined) return undefined;
  return connection.kind === "aws" ? connection.region : "us-east-1";
}

/** Every finding for the open document (parse findings from opening it, then validation). */
export function selectDiagnostics(
  state: Pick<AppState, "doc"> & Partial<Pick<AppState, "connection" | "accountActionTypes">>,
): readonly Diagnostic[] {
  const doc = state.doc;
  if (doc === null) return NO_DIAGNOSTICS;
  const region = regionOf(state);
  const types = state.accountActionTypes;
  const known = diagnosticsByDocument.get(doc.document);
  if (known !== undefined && known.region === region && known.types === types) return known.found;
  // Parse findings describe the file as it was opened; once edited they no longer apply.
  const parse = doc.dirty ? doc.diagnostics.filter((d) => d.severity === "info") : doc.diagnostics;
  const options = {
    cache: validationCache,
    ...(region === undefined ? {} : { pipelineRegion: region }),
    ...(types === undefined || types.length === 0 ? {} : { accountActionTypes: types }),
  };
  let found: readonly Diagnostic[] = [...parse, ...located(doc, validateDocument(doc.document, options))];
  // Typing that changes no finding keeps the list as it was, so nothing showing it re-renders.
  if (sameDiagnostics(found, lastDiagnostics)) found = lastDiagnostics;
  lastDiagnostics = found;
  diagnosticsByDocument.set(doc.document, { region, types, found });
  return found;
}

/** Counts per severity, for the status bar. */
export function countBySeverity(
  diagnostics: readonly Diagnostic[],
): Record<"error" | "warning" | "info", number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}

let lastLayout: { key: readonly unknown[]; value: Layout } | null = null;

/** The canvas layout for the open document and the designer's view options (one cached result). */
export function selectLayout(
  state: Pick<AppState, "doc" | "collapsedStages" | "showArtifactEdges"> &
    Partial<Pick<AppState, "connection" | "accountActionTypes">>,
): Layout | null {
  const doc = state.doc;
  if (doc === null) return null;
  const diagnostics = selectDiagnostics(state);
  const key = [doc.document, state.collapsedStages, state.showArtifactEdges, diagnostics] as const;
  if (lastLayout !== null && lastLayout.key.every((k, i) => k === key[i])) return lastLayout.value;
  const value = layout(doc.document.pipeline, {
    diagnostics,
    collapsedStages: new Set(state.collapsedStages),
    showArtifactEdges: state.showArtifactEdges,
    cache: layoutCache,
  });
  lastLayout = { key, value };
  return value;
}

/** A diagnostic path relative to the pipeline (validation gives paths from the file root). */
export function pipelinePath(path: readonly (string | number)[]): readonly (string | number)[] {
  return path[0] === "pipeline" ? path.slice(1) : path;
}
