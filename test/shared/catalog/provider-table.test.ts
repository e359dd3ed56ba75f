import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ACTION_TYPES, type ActionTypeSpec } from "../../../shared/catalog";

// The provider table of the team's CodePipeline reference (§2). The reference lives outside the
// repository, so a copy sits beside this test; where the reference exists, the two must agree, so a
// row added there without a catalog entry fails here.
const REFERENCE = fileURLToPath(new URL("../../../../shared/reference/codepipeline.md", import.meta.url));
const COPY = fileURLToPath(new URL("./provider-table.md", import.meta.url));

interface TableRow {
  line: string;
  categories: string[];
  owner: string;
  providers: string[];
  version: string;
  inputs: string;
  outputs: string;
  requiredCell: string;
  optionalCell: string;
}

const ESCAPED_PIPE = "\u0000";

/** Rows of the markdown table under "### Provider table", cells split on unescaped pipes. */
function parseProviderTable(markdown: string): TableRow[] {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => l.trim() === "### Provider table");
  if (start < 0) throw new Error("no provider table heading");
  const tableStart = lines.findIndex((l, i) => i > start && l.startsWith("|"));
  const rows: TableRow[] = [];
  for (let i = tableStart + 2; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!line.startsWith("|")) break;
    const cells = line
      .replaceAll("\\|", ESCAPED_PIPE)
      .split("|")
      .slice(1, -1)
      .map((c) => c.replaceAll(ESCAPED_PIPE, "|").trim());
    if (cells.length !== 8) throw new Error(`row with ${cells.length} cells: ${line}`);
    const [cat = "", owner = "", provider = "", version = "", inputs = "", outputs = "", req = "", opt = ""] =
      cells;
    rows.push({
      line,
      categories: cat.split("/").map((c) => c.trim()),
      owner,
      // "OpsWorks, ServiceCatalog" shares a row; "Jenkins (name set at registration)" has a note.
      providers: provider
        .replace(/\(.*?\)/g, "")
        .split(",")
        .map((p) => p.trim()),
      version,
      inputs,
      outputs,
      requiredCell: req,
      optionalCell: opt,
    });
  }
  return rows;
}

/** A count cell as a range, or undefined when the cell is prose ("see page", "1 (doc)"). */
function parseCount(cell: string): { min: number; max: number } | undefined {
  const match = /^(\d+)(?:–(\d+))?$/.exec(cell);
  if (match === null) return undefined;
  const min = Number(match[1]);
  return { min, max: match[2] === undefined ? min : Number(match[2]) };
}

/** `Image{1..4}ArtifactName/ContainerName` → Image1ArtifactName … Image4ContainerName. */
function expandRanges(text: string): string {
  return text.replace(
    /(\w+)\{(\d+)\.\.(\d+)\}(\w+)((?:\/\w+)*)/g,
    (_m, head: string, a, b, tail: string, more: string) => {
      const suffixes = [tail, ...more.split("/").filter((s) => s !== "")];
      const out: string[] = [];
      for (let n = Number(a); n <= Number(b); n++) for (const s of suffixes) out.push(`${head}${n}${s}`);
      return out.join(", ");
    },
  );
}

/** Configuration-key-like words of a cell: code spans, notes and "Label:" prefixes removed. */
function keyWords(cell: string, minUpper: number): string[] {
  const text = expandRanges(cell)
    .replace(/`[^`]*`/g, " ")
    .replace(/\([^)]*\)/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .replace(/\b\w+:/g, " ");
  return text
    .split(/[\s,;/.|…]+/)
    .filter((w) => /^[A-Z][A-Za-z0-9]*$/.test(w) && /[a-z]/.test(w))
    .filter((w) => (w.match(/[A-Z]/g) ?? []).length >= minUpper);
}

/**
 * Counts where the catalog follows the provider's own reference page over the table, with the
 * reason; the test holds the catalog to these values instead.
 */
const COUNT_DEVIATIONS: Record<string, { outputs?: { min: number; max: number }; why: string }> = {
  "Deploy/AWS/OpsWorks": {
    outputs: { min: 0, max: 1 },
    why: "action-reference-OpsWorks.html gives output artifacts as `0 to 1`",
  },
};

/** "Req" keys the catalog keeps optional, because what makes them required is not a key's value. */
const PRESENCE_DEPENDENT = new Set([
  "Deploy/AWS/EKS/HelmReleaseName", // Helm deployments only
  "Deploy/AWS/EKS/HelmChartLocation",
  "Deploy/AWS/EKS/ManifestFiles", // kubectl deployments only
  "Deploy/AWS/EC2/TargetDirectory", // unless a DeploySpec file is given
  "Deploy/AWS/EC2/PostScript",
]);

function entriesFor(row: TableRow, category: string, provider: string): ActionTypeSpec[] {
  return ACTION_TYPES.filter(
    (s) =>
      s.category === category &&
      s.owner === row.owner &&
      s.provider === provider &&
      // "by type" (Custom Jenkins) matches any version the catalog chose.
      (!/^\d+$/.test(row.version) || s.version === row.version),
  );
}

const rows = parseProviderTable(readFileSync(COPY, "utf8"));
const cases = rows.flatMap((row) =>
  row.categories.flatMap((category) =>
    row.providers.map(
      (provider) => [`${category}/${row.owner}/${provider}`, row, category, provider] as const,
    ),
  ),
);

describe("codepipeline.md provider table", () => {
  it.runIf(existsSync(REFERENCE))("copy beside this test matches the reference", () => {
    const strip = (r: TableRow) => ({ ...r, line: "" });
    expect(parseProviderTable(readFileSync(COPY, "utf8")).map(strip)).toEqual(
      parseProviderTable(readFileSync(REFERENCE, "utf8")).map(strip),
    );
  });

  it("parses into the rows the reference holds", () => {
    expect(rows.length).toBeGreaterThanOrEqual(28);
    expect(cases.length).toBeGreaterThanOrEqual(31);
  });

  it.each(cases)("%s has a catalog entry that agrees with the row", (_id, row, category, provider) => {
    const entries = entriesFor(row, category, provider);
    expect(entries, row.line).toHaveLength(1);
    const spec = entries[0] as ActionTypeSpec;
    const inputs = parseCount(row.inputs);
    const outputs =
      COUNT_DEVIATIONS[`${category}/${row.owner}/${provider}`]?.outputs ?? parseCount(row.outputs);
    if (inputs !== undefined) expect(spec.inputArtifacts, `inputs of ${row.line}`).toEqual(inputs);
    if (outputs !== undefined) expect(spec.outputArtifacts, `outputs of ${row.line}`).toEqual(outputs);
    const keys = spec.configuration.map((f) => f.key);
    // Every key the row names must be known; single-word keys count in "Req", where prose is rare.
    for (const key of keyWords(row.requiredCell, 1)) {
      const field = spec.configuration.find((f) => f.key === key);
      expect(keys, `Req ${key} in ${row.line}`).toContain(key);
      if (!PRESENCE_DEPENDENT.has(`${category}/${row.owner}/${provider}/${key}`)) {
        expect(field?.required, `Req ${key} must be required in ${row.line}`).toBe(true);
      }
    }
    for (const key of keyWords(row.optionalCell, 2)) {
      const field = spec.configuration.find((f) => f.key === key);
      expect(keys, `Opt ${key} in ${row.line}`).toContain(key);
      expect(field?.required, `Opt ${key} must not be unconditionally required`).toBe(false);
    }
  });

  it("marks V2-only exactly the types the reference lists as V2 only", () => {
    const v2Only = ACTION_TYPES.filter((s) => s.v2Only).map((s) => `${s.category}/${s.owner}/${s.provider}`);
    expect(v2Only.sort()).toEqual(
      [
        "Build/AWS/ECRBuildAndPublish",
        "Compute/AWS/Commands",
        "Deploy/AWS/EC2",
        "Deploy/AWS/EKS",
        "Deploy/AWS/Lambda",
        "Invoke/AWS/CodePipeline",
      ].sort(),
    );
  });
});

describe("the table reader itself", () => {
  const sample = [
    "### Provider table",
    "",
    "| Cat | Owner | Provider | Ver | In | Out | Req | Opt / notes |",
    "|---|---|---|---|---|---|---|---|",
    "| Build/Test | AWS | CodeBuild | 1 | 1–5 | 0–5 | ProjectName | PrimarySource (if >1 input), `x`\\|`y` |",
    "| Deploy | AWS | OpsWorks, ServiceCatalog | 1 | 1 | 0 | see their pages | Image{1..2}ArtifactName/ContainerName |",
    "",
    "after",
  ].join("\n");

  it("splits categories, shared provider cells and escaped pipes", () => {
    const parsed = parseProviderTable(sample);
    expect(parsed.map((r) => [r.categories, r.providers])).toEqual([
      [["Build", "Test"], ["CodeBuild"]],
      [["Deploy"], ["OpsWorks", "ServiceCatalog"]],
    ]);
    expect(parsed[0]?.optionalCell).toBe("PrimarySource (if >1 input), `x`|`y`");
  });

  it("reads counts and key words", () => {
    expect(parseCount("1–5")).toEqual({ min: 1, max: 5 });
    expect(parseCount("0")).toEqual({ min: 0, max: 0 });
    expect(parseCount("1 (doc)")).toBeUndefined();
    expect(keyWords("Image{1..2}ArtifactName/ContainerName; inputs ≤3 MB", 2)).toEqual([
      "Image1ArtifactName",
      "Image1ContainerName",
      "Image2ArtifactName",
      "Image2ContainerName",
    ]);
    expect(keyWords("ClusterName; Helm: HelmReleaseName (V2), `commands`", 1)).toEqual([
      "ClusterName",
      "HelmReleaseName",
    ]);
  });

  it("finds no entry for a provider the catalog lacks", () => {
    const [row] = parseProviderTable(sample.replace("CodeBuild |", "NoSuchBuild |"));
    expect(row && entriesFor(row, "Build", "NoSuchBuild")).toEqual([]);
  });
});
