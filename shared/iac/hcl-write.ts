/**
 * Writes HCL as `terraform fmt` leaves it: two-space indentation, the `=` of consecutive one-line
 * attributes aligned (object entries too), and a blank line around blocks and multi-line
 * attributes, so alignment never spans one (which is where formatters differ). The tests run every
 * output through HashiCorp's hclwrite formatter (what `terraform fmt` uses) and expect no change.
 */
import type { HclValue } from "./hcl-parse";

/** An item to write. */
export type HclOut =
  | { kind: "attribute"; name: string; value: HclValue }
  | { kind: "block"; type: string; labels: string[]; body: HclOut[] }
  | { kind: "comment"; text: string }
  /** Source text copied as it was (meta-arguments of an imported resource), already indented to 0. */
  | { kind: "raw"; text: string };

const INDENT = "  ";
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** A string literal, escaped so Terraform reads back exactly `value`. */
export function quoteHcl(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value.charAt(i);
    const code = value.charCodeAt(i);
    if (c === '"') out += '\\"';
    else if (c === "\\") out += "\\\\";
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "\t") out += "\\t";
    // "${" and "%{" start a template sequence; doubling the first character makes them literal.
    else if ((c === "$" || c === "%") && value.charAt(i + 1) === "{") out += `${c}${c}`;
    else if (code < 0x20) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += c;
  }
  return `${out}"`;
}

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : quoteHcl(name);
}

function isMultiLine(value: HclValue): boolean {
  return (
    (value.kind === "object" && value.entries.length > 0) ||
    (value.kind === "expression" && value.source.includes("\n"))
  );
}

/** A value's text; continuation lines are indented for the item at `indent`. */
export function writeValue(value: HclValue, indent: string): string {
  switch (value.kind) {
    case "literal":
      return typeof value.value === "string" ? quoteHcl(value.value) : String(value.value);
    case "expression":
      return value.source;
    case "tuple":
      return `[${value.items.map((item) => writeValue(item, indent)).join(", ")}]`;
    case "object": {
      if (value.entries.length === 0) return "{}";
      const inner = indent + INDENT;
      const lines = aligned(
        value.entries.map(([name, v]) => ({
          name: key(name),
          value: writeValue(v, inner),
          multi: isMultiLine(v),
        })),
        inner,
      );
      return `{\n${lines.join("\n")}\n${indent}}`;
    }
  }
}

/** Lines `name = value` with `=` aligned within each run of one-line entries. */
function aligned(entries: Array<{ name: string; value: string; multi: boolean }>, indent: string): string[] {
  const lines: string[] = [];
  let run: Array<{ name: string; value: string }> = [];
  const flush = (): void => {
    const width = Math.max(0, ...run.map((e) => e.name.length));
    for (const e of run) lines.push(`${indent}${e.name.padEnd(width)} = ${e.value}`);
    run = [];
  };
  for (const entry of entries) {
    if (entry.multi) {
      flush();
      lines.push(`${indent}${entry.name} = ${entry.value}`);
    } else run.push(entry);
  }
  flush();
  return lines;
}

/** A body at `indent`, one item per line, blank lines around blocks and multi-line attributes. */
export function writeBody(items: readonly HclOut[], indent: string): string[] {
  const lines: string[] = [];
  let run: Array<{ name: string; value: string; multi: boolean }> = [];
  let lastWasSection = false;
  let lastWasComment = false;
  const separate = (): void => {
    if (lines.length > 0 && lines[lines.length - 1] !== "" && !lastWasComment) lines.push("");
  };
  const flush = (): void => {
    if (run.length === 0) return;
    if (lastWasSection) separate();
    lines.push(...aligned(run, indent));
    run = [];
    lastWasSection = false;
    lastWasComment = false;
  };
  for (const item of items) {
    if (item.kind === "attribute" && !isMultiLine(item.value)) {
      run.push({ name: key(item.name), value: writeValue(item.value, indent), multi: false });
      continue;
    }
    flush();
    if (item.kind === "comment") {
      if (lastWasSection) separate();
      lines.push(`${indent}${item.text}`);
      lastWasSection = false;
      lastWasComment = true;
      continue;
    }
    separate();
    if (item.kind === "raw")
      lines.push(...item.text.split("\n").map((l) => (l === "" ? l : `${indent}${l}`)));
    else if (item.kind === "attribute")
      lines.push(`${indent}${key(item.name)} = ${writeValue(item.value, indent)}`);
    else {
      const head = [item.type, ...item.labels.map(quoteHcl)].join(" ");
      if (item.body.length === 0) lines.push(`${indent}${head} {}`);
      else lines.push(`${indent}${head} {`, ...writeBody(item.body, indent + INDENT), `${indent}}`);
    }
    lastWasSection = true;
    lastWasComment = false;
  }
  flush();
  return lines;
}

/** A whole file: top-level items separated by blank lines, ending with a newline. */
export function writeHclFile(items: readonly HclOut[]): string {
  return `${writeBody(items, "").join("\n")}\n`;
}
