import { createDocument } from "../pipeline/document";
import type {
  DamagedMember,
  Extensible,
  FileShape,
  PipelineDeclaration,
  PipelineDocument,
} from "../pipeline/model";
import type { Diagnostic } from "../validate/diagnostic";
import { ContainerProblems, hasKind, repairContainer } from "./container-check";
import { PIPELINE_RULE, ROOT_MEMBER_RULES } from "./container-schema";
import { explainSyntaxError } from "./json-syntax-error";
import { describeSize, FILE_LIMIT_TEXT, MAX_NESTING_DEPTH } from "./limits";
import { closingQuote, markKeys } from "./mark-keys";
import { createPathLocator } from "./locate-path";
import { LineIndex } from "./source-position";
import { oversizeBytes, scanStructure, stripBom } from "./text-scan";
import { describeValue } from "./value-description";

/** What `parseDocument` found: a document when the file is usable, and what to tell the user. */
export interface ParseResult {
  /** Present when the file is a pipeline whose containers have the model's types. */
  document?: PipelineDocument;
  /** Errors (then there is no document), and info such as `bom-stripped`. */
  diagnostics: Diagnostic[];
}

/**
 * Reads a pipeline file's text into a document. Accepts the three shapes a user has: create-pipeline
 * input `{pipeline, tags?}`, get-pipeline output `{pipeline, metadata}`, and a bare pipeline
 * object. Never throws. Cheap guards run first (size, emptiness, nesting depth, all linear), then
 * `JSON.parse`, which is fast and makes `"__proto__"` an own member rather than a prototype; the
 * slower jsonc-parser runs only to explain a syntax error, and a second walk only to mark
 * integer-like keys so their order is kept (shared/pipeline/member-keys.ts). A key repeated in an
 * object is a warning at its line; the last value is used, as `JSON.parse` and the AWS CLI do.
 * Only the types of containers are checked here (see container-schema.ts); everything else is the
 * validator's job, so a file with wrong enum values still opens.
 */
export function parseDocument(text: string): ParseResult {
  if (typeof text !== "string")
    return fail("not-a-pipeline", `Expected file text, found ${describeValue(text)}`);
  const diagnostics: Diagnostic[] = [];
  const stripped = stripBom(text);
  if (stripped.hadBom) {
    diagnostics.push({
      code: "bom-stripped",
      severity: "info",
      path: [],
      message: "The file starts with a byte order mark (BOM); it was ignored and is not written back",
      location: { line: 1, column: 1 },
    });
  }
  const body = stripped.text;

  const bytes = oversizeBytes(body);
  if (bytes !== undefined) {
    return fail(
      "file-too-large",
      `The file is too large to open; the limit is ${FILE_LIMIT_TEXT}: ${describeSize(bytes)}`,
      diagnostics,
    );
  }
  if (body.trim() === "")
    return fail("empty-file", "The file is empty; a pipeline file holds a JSON object", diagnostics);

  const scan = scanStructure(body, MAX_NESTING_DEPTH);
  if (scan.tooDeepAt !== undefined) {
    const location = new LineIndex(body).locate(scan.tooDeepAt);
    return fail(
      "too-deeply-nested",
      `Objects and arrays nest more than ${MAX_NESTING_DEPTH} levels deep, first at: line ${location.line}, column ${location.column}`,
      diagnostics,
      location,
    );
  }

  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const problem = explainSyntaxError(body, error instanceof Error ? error.message : String(error));
    return fail("json-syntax", problem.message, diagnostics, problem.location);
  }
  if (scan.needsKeyMarks) value = markKeys(body, value);
  if (scan.duplicateKeys.length > 0) diagnostics.push(...duplicateKeyWarnings(body, scan.duplicateKeys));

  const shaped = toDocument(value, body);
  return shaped.document
    ? { document: shaped.document, diagnostics: [...diagnostics, ...shaped.diagnostics] }
    : { diagnostics: [...diagnostics, ...shaped.diagnostics] };
}

function fail(
  code: string,
  message: string,
  before: readonly Diagnostic[] = [],
  location?: Diagnostic["location"],
): ParseResult {
  const diagnostic: Diagnostic = { code, severity: "error", path: [], message };
  if (location) diagnostic.location = location;
  return { diagnostics: [...before, diagnostic] };
}

function toDocument(value: unknown, body: string): ParseResult {
  if (!hasKind(value, "object")) {
    return fail("not-a-pipeline", `Not a pipeline file: the top-level value is ${describeValue(value)}`);
  }
  const root = value as Extensible;
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(root, key);
  let shape: FileShape;
  if (has("pipeline")) shape = has("metadata") ? "get-output" : "create-input";
  else if (has("stages")) shape = "bare";
  else {
    const keys = Object.keys(root);
    const found = keys.length === 0 ? "an empty object" : `members ${listKeys(keys)}`;
    return fail(
      "not-a-pipeline",
      `Not a pipeline file: expected a "pipeline" member (create-pipeline input or get-pipeline output) or a pipeline with "stages"; found ${found}`,
    );
  }

  // Containers of the wrong kind do not stop the file from opening: they are repaired in the
  // model and kept aside to be written back (PipelineDocument.damaged), and listed at their lines.
  const problems = new ContainerProblems();
  const damaged: DamagedMember[] = [];
  let document: PipelineDocument;
  if (shape === "bare") {
    const pipeline = repairContainer(root, PIPELINE_RULE, [], problems, damaged);
    document = createDocument(pipeline as PipelineDeclaration, "bare");
  } else {
    const pipeline = repairContainer(root["pipeline"], PIPELINE_RULE, ["pipeline"], problems, damaged);
    const around = Object.fromEntries(
      Object.keys(root).map((key): [string, unknown] => {
        const rule = ROOT_MEMBER_RULES[key];
        return [
          key,
          rule === undefined || key === "pipeline"
            ? root[key]
            : repairContainer(root[key], rule, [key], problems, damaged),
        ];
      }),
    );
    document = createDocument(pipeline as PipelineDeclaration, shape, around);
  }
  const diagnostics = problems.finish();
  // Beyond the listed problems the file is not a pipeline someone fixes by hand: it does not open.
  if (problems.overflowed) return { diagnostics };
  if (damaged.length === 0) return { document, diagnostics };
  const locate = createPathLocator(body);
  for (const d of diagnostics) {
    const location = locate(d.path);
    if (location) d.location = location;
  }
  return { document: { ...document, damaged }, diagnostics };
}

/** At most this many repeated keys are listed one by one. */
const MAX_DUPLICATE_WARNINGS = 20;

function duplicateKeyWarnings(body: string, offsets: readonly number[]): Diagnostic[] {
  const lines = new LineIndex(body);
  const warnings: Diagnostic[] = offsets.slice(0, MAX_DUPLICATE_WARNINGS).map((offset) => {
    const end = closingQuote(body, offset + 1);
    const key = body.slice(offset + 1, Math.min(end, offset + 61));
    return {
      code: "duplicate-key",
      severity: "warning",
      path: [],
      message: `This member repeats an earlier one of the same object; the last value is used and saving keeps only it: "${key}${end > offset + 61 ? "…" : ""}"`,
      location: lines.locate(offset),
    };
  });
  if (offsets.length > MAX_DUPLICATE_WARNINGS) {
    warnings.push({
      code: "duplicate-key",
      severity: "warning",
      path: [],
      message: `More repeated members than listed; not shown: ${offsets.length - MAX_DUPLICATE_WARNINGS}`,
    });
  }
  return warnings;
}

function listKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((key) => JSON.stringify(key.length > 30 ? `${key.slice(0, 30)}…` : key));
  return keys.length > 5 ? `${shown.join(", ")} and ${keys.length - 5} more` : shown.join(", ");
}

/**
 * Any JSON text in model form (integer-like keys marked, as `parseDocument` does), or `undefined`
 * when it is not JSON or nests too deeply: for text that is not a pipeline file, such as the
 * designer's clipboard.
 */
export function parseModelJson(text: string): unknown {
  const scan = scanStructure(text, MAX_NESTING_DEPTH);
  if (scan.tooDeepAt !== undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return scan.needsKeyMarks ? markKeys(text, value) : value;
}
