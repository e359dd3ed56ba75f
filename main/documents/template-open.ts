/**
 * Open accepts a CloudFormation template or a Terraform file too: its pipeline resource becomes a
 * new, unsaved document (the template is never written by Save; export writes it). A template with
 * several pipelines fails with `choose-resource` and the list, and the renderer asks which one.
 */
import { basename } from "node:path";
import { detectFormat, importIac } from "../../shared/iac";
import type { OpenedDocument } from "../../shared/ipc";
import { AppFailure } from "./fs-errors";

/** True when `text` is a template rather than a pipeline file. */
export function isTemplate(text: string, path: string): boolean {
  const format = detectFormat(text, basename(path));
  return format !== undefined && format !== "pipeline";
}

/** Imports the template at `path` (already read), or throws the error the user sees. */
export function openTemplate(path: string, text: string, resource: string | undefined): OpenedDocument {
  const result = importIac(text, {
    fileName: basename(path),
    ...(resource === undefined ? {} : { resource }),
  });
  if (result.document !== undefined && result.format !== undefined && result.resource !== undefined) {
    return {
      path: null,
      document: result.document,
      version: null,
      diagnostics: [],
      dirty: true,
      importedFrom: { path, resource: result.resource, format: result.format },
    };
  }
  if (result.diagnostics.some((d) => d.code === "several-pipelines")) {
    throw new AppFailure({
      code: "choose-resource",
      message: `The template has ${result.choices.length} pipelines; choose the one to open: ${path}`,
      choices: result.choices,
      file: path,
    });
  }
  const first = result.diagnostics[0];
  throw new AppFailure({
    code: "not-a-pipeline",
    message: `The template cannot be opened (${first?.message ?? "no pipeline resource"}): ${path}`,
    details: result.diagnostics.map((d) => `${d.code}: ${d.message}`).join("\n"),
  });
}
