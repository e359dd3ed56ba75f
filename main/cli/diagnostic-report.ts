import type { JsonPath } from "../../shared/pipeline/model";
import { createPathLocator } from "../../shared/formats";
import type { Diagnostic, Severity } from "../../shared/validate";

/** A diagnostic placed in a file, as the CLI prints it. */
export interface ReportedDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  code: string;
  message: string;
  path: JsonPath;
}

/**
 * Places each diagnostic in `text`: its own location (parse errors) or the member its path names;
 * 1:1 for file-level findings. Sorted by position like a compiler's output; the locator is built
 * only when a diagnostic needs it, so clean files never pay for it.
 */
export function placeDiagnostics(
  file: string,
  text: string,
  diagnostics: readonly Diagnostic[],
): ReportedDiagnostic[] {
  let locate: ReturnType<typeof createPathLocator> | undefined;
  const placed = diagnostics.map((d) => {
    let location = d.location;
    if (!location && d.path.length > 0 && text !== "") {
      locate ??= createPathLocator(text);
      location = locate(d.path);
    }
    return {
      file,
      line: location?.line ?? 1,
      column: location?.column ?? 1,
      severity: d.severity,
      code: d.code,
      message: d.message,
      path: d.path,
    };
  });
  return placed.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** `file:line:col: severity code: message`, the format editors and CI annotators understand. */
export function formatCompilerLine(d: ReportedDiagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}\n`;
}

/** "Checked 2 files: 1 error, 0 warnings, 3 info". */
export function formatSummary(fileCount: number, diagnostics: readonly ReportedDiagnostic[]): string {
  const count = (severity: Severity): number => diagnostics.filter((d) => d.severity === severity).length;
  const errors = count("error");
  const warnings = count("warning");
  return `Checked ${fileCount} ${fileCount === 1 ? "file" : "files"}: ${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}, ${count("info")} info\n`;
}

/** `pipeline.stages[1].actions[0]`, for messages that have no line to point at. */
export function formatPath(path: JsonPath): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}
