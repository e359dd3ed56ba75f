/**
 * Pipelines from every creation route (console/CLI, CloudFormation, CDK, Terraform), in
 * test/fixtures/real-world: each parses, has no validation error, reports exactly the warnings and
 * info its README row lists, and an open + canonical save without edits gives back the same bytes.
 * The published examples AWS would refuse (findings/) report exactly their documented error.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument, serializeDocument } from "../../../shared/formats";
import { validateDocument } from "../../../shared/validate";

const DIR = new URL("../../fixtures/real-world/", import.meta.url);
const README = readFileSync(new URL("README.md", DIR), "utf8");

const jsonFiles = (dir: URL): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();

/** `| \`file.json\` | … | codes |` rows of a README table: file → the last cell's codes. */
function expectedByFile(table: string): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const line of table.split("\n")) {
    const match = /^\| `([^`]+\.json)` \|(.*)\|\s*$/.exec(line);
    if (!match) continue;
    const cells = (match[2] ?? "").split(/(?<!\\)\|/);
    const last = (cells[cells.length - 1] ?? "").trim();
    rows.set(match[1] ?? "", last === "" ? [] : last.split(/,\s*/));
  }
  return rows;
}

function load(dir: URL, file: string) {
  const text = readFileSync(new URL(file, dir), "utf8");
  const { document, diagnostics } = parseDocument(text);
  if (document === undefined) throw new Error(`${file} did not parse: ${JSON.stringify(diagnostics)}`);
  return { text, document, found: [...diagnostics, ...validateDocument(document)] };
}

const expected = expectedByFile(README);
const files = jsonFiles(DIR);

describe("the real-world fixture set", () => {
  it("has at least 40 pipelines, every one documented in the README with its source", () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
    expect(files.filter((f) => !expected.has(f))).toEqual([]);
    expect([...expected.keys()].filter((f) => !f.startsWith("findings/") && !files.includes(f))).toEqual([]);
  });

  it("covers every creation route: console/CLI, CloudFormation, CDK and Terraform", () => {
    const routes = new Set(files.map((f) => f.split("-")[0]));
    expect([...routes].sort()).toEqual(["cdk", "cfn", "cli", "terraform"]);
  });
});

describe.each(files)("%s", (file) => {
  const { text, document, found } = load(DIR, file);

  it("is canonical JSON and saves back byte for byte", () => {
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(serializeDocument(document)).toBe(text);
  });

  it("has no error, and exactly the warnings and info its README row lists", () => {
    expect(
      found
        .filter((d) => d.severity === "error")
        .map((d) => `${d.code} at ${d.path.join(".")}: ${d.message}`),
    ).toEqual([]);
    const codes = [...new Set(found.map((d) => d.code))].sort();
    expect(codes).toEqual([...(expected.get(file) ?? [])].sort());
  });
});

describe("published examples AWS would refuse (findings/)", () => {
  const findingsDir = new URL("findings/", DIR);
  const documented = expectedByFile(
    README.slice(README.indexOf("## Findings"), README.indexOf("## The table")),
  );
  it.each(jsonFiles(findingsDir))("%s reports its documented error", (file) => {
    // The findings table's third cell is the error code; its last cell is the reason.
    const row = README.split("\n").find((line) => line.startsWith(`| \`findings/${file}\``)) ?? "";
    const code = (row.split("|")[3] ?? "").trim();
    expect(documented.has(`findings/${file}`)).toBe(true);
    const { found } = load(findingsDir, file);
    expect([...new Set(found.filter((d) => d.severity === "error").map((d) => d.code))]).toEqual([code]);
  });
});
