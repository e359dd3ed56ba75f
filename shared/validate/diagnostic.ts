import type { JsonPath } from "../pipeline/model";

/** How bad a finding is: errors block export and deploy; warnings and info do not. */
export type Severity = "error" | "warning" | "info";

/**
 * One finding about a document. `code` is stable (tests, docs and suppressions key on it);
 * `path` points into the object that was checked: `validatePipeline` gives paths from the pipeline
 * declaration (`["stages", 1, "actions", 0, "name"]`), `validateDocument` and `parseDocument` from
 * the file's root (`["pipeline", "stages", …]`); file-level findings have an empty path.
 * `message` tells a person what to do, and ends with the offending value after a colon where
 * there is one.
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  path: JsonPath;
  message: string;
  /** Where in the file text, when known (parse errors; the CLI adds it for every diagnostic). */
  location?: SourceLocation;
}

/** A 1-based line and column in a file's text. */
export interface SourceLocation {
  line: number;
  column: number;
}
