/**
 * Bad pipeline files for fuzzing the open path: a real file (a template, with tags) with random JSON
 * at one member, cut short, nested too deep, or holding a huge string.
 */
import fc from "fast-check";
import { MAX_FILE_BYTES, serializeDocument } from "../../../shared/formats";
import { createFromTemplate } from "../../../main/documents/templates";

/** A real file: the cross-region template, with tags, so every kind of member is there. */
export const BASE = JSON.parse(serializeDocument(createFromTemplate("cross-region")!)) as Record<
  string,
  unknown
>;

type Path = Array<string | number>;

/** Every member and array element of a JSON value, parents before children. */
function pathsOf(value: unknown, path: Path = []): Path[] {
  if (typeof value !== "object" || value === null) return [];
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...path, key], ...pathsOf(child, [...path, key])]);
}
export const PATHS = pathsOf(BASE);

export function replaced(value: unknown, path: Path, replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, replacement) : v));
  const record = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(record).map((k) => [k, k === head ? replaced(record[k], rest, replacement) : record[k]]),
  );
}

/** The wrong types the issue names, then arbitrary JSON, at a random member. */
const wrongValue = fc.oneof(
  fc.constantFrom<unknown>(42, {}, "x", "abc", "true", "false", [], null, true, -1, 1.5, "", [1, "a"], {
    a: {},
  }),
  // An object whose toString is data: String() of it throws, as a template literal does.
  fc.constant<unknown>({ toString: [1] }),
  fc.jsonValue({ maxDepth: 3 }),
);
export const memberCase = fc.tuple(fc.constantFrom(...PATHS), wrongValue).map(([path, value]) => ({
  kind: "member" as const,
  // Listed first, so a failure report says where the bad value went before the whole text.
  at: `${path.join(".")} = ${JSON.stringify(value).slice(0, 80)}`,
  text: JSON.stringify(replaced(BASE, path, value), null, 2),
}));
const BASE_TEXT = JSON.stringify(BASE, null, 2);
export const truncatedCase = fc
  .nat(BASE_TEXT.length - 1)
  .map((cut) => ({ kind: "truncated" as const, text: BASE_TEXT.slice(0, cut) }));
export const deepCase = fc
  .tuple(fc.constantFrom(...PATHS), fc.integer({ min: 50, max: 400 }))
  .map(([path, depth]) => ({
    kind: "deep" as const,
    text: JSON.stringify(replaced(BASE, path, "DEEP"), null, 2).replace(
      '"DEEP"',
      `${"[".repeat(depth)}${"]".repeat(depth)}`,
    ),
  }));
export const hugeCase = fc
  .tuple(fc.constantFrom(...PATHS), fc.constantFrom(100_000, MAX_FILE_BYTES - 20_000, MAX_FILE_BYTES + 1))
  .map(([path, size]) => ({
    kind: "huge" as const,
    text: JSON.stringify(replaced(BASE, path, "x".repeat(size)), null, 2),
  }));

/** The wrong member types the issue names, each in the real file. */
export const namedWrongTypes: Array<{ label: string; text: string }> = [
  { label: '"name": 42', path: ["pipeline", "name"], value: 42 },
  { label: '"stages": {}', path: ["pipeline", "stages"], value: {} },
  { label: '"actions": "x"', path: ["pipeline", "stages", 1, "actions"], value: "x" },
  { label: '"runOrder": "abc"', path: ["pipeline", "stages", 1, "actions", 0, "runOrder"], value: "abc" },
  {
    label: "a boolean where a string belongs",
    path: ["pipeline", "stages", 0, "actions", 0, "configuration", "PollForSourceChanges"],
    value: false,
  },
  {
    label: '"timeoutInMinutes": "true"',
    path: ["pipeline", "stages", 1, "actions", 0, "timeoutInMinutes"],
    value: "true",
  },
  {
    label: '"actionTypeId": "CodeBuild"',
    path: ["pipeline", "stages", 1, "actions", 0, "actionTypeId"],
    value: "CodeBuild",
  },
  { label: '"tags": {}', path: ["tags"], value: {} },
  { label: '"pipeline": []', path: ["pipeline"], value: [] },
].map(({ label, path, value }) => ({ label, text: JSON.stringify(replaced(BASE, path, value), null, 2) }));
