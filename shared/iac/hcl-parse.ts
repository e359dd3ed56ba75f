/**
 * A reader for Terraform's native HCL syntax, enough to import `aws_codepipeline` resources: the
 * structure (blocks with labels, attributes, comments) with offsets, and values. A literal (string
 * without interpolation, number, bool, null, tuple, object) is decoded; every other expression
 * (`var.bucket`, `"${var.prefix}-x"`, `merge(…)`, a conditional) is kept as its exact source text,
 * which is what import needs: such a value is resolved by Terraform, never by Pipewright.
 *
 * Hand-written because the HCL parsers on npm either run Go through WebAssembly (not pure, so not
 * usable in shared/) or turn expressions into `${…}` strings, losing their source text and
 * positions. The tests check it against @cdktf/hcl2json, HashiCorp's own parser compiled to WASM.
 * https://github.com/hashicorp/hcl/blob/main/hclsyntax/spec.md
 */

/** A value: decoded when literal, source text otherwise. */
export type HclValue =
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "tuple"; items: HclValue[] }
  | { kind: "object"; entries: Array<[string, HclValue]> }
  | { kind: "expression"; source: string };

/** `name = value`. */
export interface HclAttribute {
  kind: "attribute";
  name: string;
  value: HclValue;
  /** Offsets of the whole item in the file. */
  start: number;
  end: number;
}

/** `type "label" … { body }`. */
export interface HclBlock {
  kind: "block";
  type: string;
  labels: string[];
  body: HclItem[];
  start: number;
  end: number;
}

/** A `#` or `//` line comment, or a block comment, as written. */
export interface HclComment {
  kind: "comment";
  text: string;
  start: number;
  end: number;
}

export type HclItem = HclAttribute | HclBlock | HclComment;

/** A syntax error at an offset. */
export class HclSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** Parses a whole file. Throws {@link HclSyntaxError}. */
export function parseHcl(text: string): HclItem[] {
  const reader = new BodyReader(text);
  const items = reader.body(false);
  return items;
}

class BodyReader {
  at = 0;
  constructor(private readonly text: string) {}

  private fail(message: string, offset = this.at): never {
    throw new HclSyntaxError(message, offset);
  }

  /** Skips spaces, tabs and line breaks (and, with `comments`, nothing else). */
  private skipBlank(): void {
    while (this.at < this.text.length && /\s/.test(this.text.charAt(this.at))) this.at++;
  }

  body(nested: boolean): HclItem[] {
    const items: HclItem[] = [];
    for (;;) {
      this.skipBlank();
      if (this.at >= this.text.length) {
        if (nested) this.fail("Missing } to close a block");
        return items;
      }
      const c = this.text.charAt(this.at);
      if (c === "}") {
        if (!nested) this.fail("Unexpected }");
        return items;
      }
      const comment = this.comment();
      if (comment) {
        items.push(comment);
        continue;
      }
      items.push(this.item());
    }
  }

  private comment(): HclComment | undefined {
    const start = this.at;
    const rest = this.text.slice(start, start + 2);
    if (rest.startsWith("#") || rest === "//") {
      const end = this.text.indexOf("\n", start);
      this.at = end < 0 ? this.text.length : end;
      return {
        kind: "comment",
        text: this.text.slice(start, this.at).replace(/\r$/, ""),
        start,
        end: this.at,
      };
    }
    if (rest === "/*") {
      const end = this.text.indexOf("*/", start + 2);
      if (end < 0) this.fail("Unclosed /* comment", start);
      this.at = end + 2;
      return { kind: "comment", text: this.text.slice(start, this.at), start, end: this.at };
    }
    return undefined;
  }

  private identifier(): string {
    IDENT.lastIndex = this.at;
    const match = IDENT.exec(this.text);
    if (!match)
      this.fail(`Expected an attribute or block name; found ${JSON.stringify(this.text.charAt(this.at))}`);
    this.at += match[0].length;
    return match[0];
  }

  private skipInline(): void {
    while (
      this.at < this.text.length &&
      (this.text.charAt(this.at) === " " || this.text.charAt(this.at) === "\t")
    )
      this.at++;
  }

  private item(): HclAttribute | HclBlock {
    const start = this.at;
    const name = this.identifier();
    this.skipInline();
    if (this.text.charAt(this.at) === "=" && this.text.charAt(this.at + 1) !== "=") {
      this.at++;
      const valueStart = this.at;
      const end = expressionEnd(this.text, valueStart);
      this.at = end;
      return {
        kind: "attribute",
        name,
        value: parseValue(this.text.slice(valueStart, end), valueStart),
        start,
        end,
      };
    }
    const labels: string[] = [];
    for (;;) {
      this.skipInline();
      const c = this.text.charAt(this.at);
      if (c === "{") break;
      if (c === '"') {
        const end = stringEnd(this.text, this.at);
        const label = decodeString(this.text.slice(this.at, end));
        if (label === undefined) this.fail("A block label cannot hold an interpolation");
        labels.push(label);
        this.at = end;
      } else if (/[A-Za-z_]/.test(c)) labels.push(this.identifier());
      else this.fail(`Expected = or { after ${name}`);
    }
    this.at++;
    const body = this.body(true);
    this.at++;
    return { kind: "block", type: name, labels, body, start, end: this.at };
  }
}

/** The offset where the expression starting at `from` ends: a line break or `}` outside brackets. */
export function expressionEnd(text: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === '"') i = stringEnd(text, i);
    else if (c === "<" && text.startsWith("<<", i) && /^<<-?[A-Za-z_]/.test(text.slice(i, i + 4)))
      i = heredocEnd(text, i);
    else if (c === "#" || text.startsWith("//", i)) {
      if (depth === 0) return trimEnd(text, from, i);
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? text.length : nl;
    } else if (text.startsWith("/*", i)) {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === "(" || c === "[" || c === "{") {
      depth++;
      i++;
    } else if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) return trimEnd(text, from, i);
      depth--;
      i++;
    } else if ((c === "\n" || c === ",") && depth === 0) return trimEnd(text, from, i);
    else i++;
  }
  if (depth > 0) throw new HclSyntaxError("Unclosed bracket in an expression", from);
  return trimEnd(text, from, i);
}

function trimEnd(text: string, from: number, end: number): number {
  let e = end;
  while (e > from && /\s/.test(text.charAt(e - 1))) e--;
  return e;
}

/** The offset after the closing quote of the string starting at `from` (templates may nest). */
function stringEnd(text: string, from: number): number {
  let i = from + 1;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === "\\") i += 2;
    else if (c === '"') return i + 1;
    else if ((c === "$" || c === "%") && text.charAt(i + 1) === "{") {
      if (text.charAt(i - 1) === c && text.charAt(i - 2) !== c) {
        i += 2; // "$${" is a literal "${"
        continue;
      }
      i = templateEnd(text, i + 2);
    } else if (c === "\n") throw new HclSyntaxError("A quoted string must end on its line", from);
    else i++;
  }
  throw new HclSyntaxError("Unclosed string", from);
}

function templateEnd(text: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < text.length && depth > 0) {
    const c = text.charAt(i);
    if (c === '"') i = stringEnd(text, i);
    else {
      if (c === "{") depth++;
      else if (c === "}") depth--;
      i++;
    }
  }
  return i;
}

function heredocEnd(text: string, from: number): number {
  const header = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)\r?\n/.exec(text.slice(from));
  if (!header) throw new HclSyntaxError("Malformed heredoc", from);
  const marker = header[2] ?? "";
  const lineStart = new RegExp(`^[ \\t]*${marker}[ \\t]*$`, "m");
  const body = text.slice(from + header[0].length);
  const match = lineStart.exec(body);
  if (!match) throw new HclSyntaxError(`Heredoc without its closing ${marker}`, from);
  return from + header[0].length + match.index + match[0].length;
}

/** Decodes a quoted string without interpolation; undefined when it has `${` or `%{`. */
export function decodeString(source: string): string | undefined {
  const body = source.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i);
    if ((c === "$" || c === "%") && body.charAt(i + 1) === "{") return undefined;
    if ((c === "$" || c === "%") && body.charAt(i + 1) === c && body.charAt(i + 2) === "{") {
      out += `${c}{`;
      i += 2;
      continue;
    }
    if (c !== "\\") {
      out += c;
      continue;
    }
    const next = body.charAt(++i);
    const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", '"': '"', "\\": "\\" };
    if (next in simple) out += simple[next];
    else if (next === "u" || next === "U") {
      const length = next === "u" ? 4 : 8;
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 1 + length), 16));
      i += length;
    } else throw new HclSyntaxError(`Unknown escape \\${next} in a string`, 0);
  }
  return out;
}

/** Splits the inside of a tuple or object into its elements (commas or line breaks at depth 0). */
function elements(inner: string, base: number): Array<{ text: string; offset: number }> {
  const out: Array<{ text: string; offset: number }> = [];
  let i = 0;
  while (i < inner.length) {
    while (i < inner.length && /[\s,]/.test(inner.charAt(i))) i++;
    if (i >= inner.length) break;
    if (inner.charAt(i) === "#" || inner.startsWith("//", i)) {
      const nl = inner.indexOf("\n", i);
      i = nl < 0 ? inner.length : nl;
      continue;
    }
    const end = expressionEnd(inner, i);
    if (end === i) throw new HclSyntaxError("Unexpected character in a list or object", base + i);
    out.push({ text: inner.slice(i, end), offset: base + i });
    i = end;
  }
  return out;
}

/** Parses an expression's source text into a value. */
export function parseValue(source: string, offset = 0): HclValue {
  const text = source.trim();
  const expression: HclValue = { kind: "expression", source: text };
  if (text === "") throw new HclSyntaxError("Expected a value", offset);
  if (text === "true" || text === "false") return { kind: "literal", value: text === "true" };
  if (text === "null") return { kind: "literal", value: null };
  if (NUMBER.test(text)) return { kind: "literal", value: Number(text) };
  if (text.startsWith('"')) {
    if (stringEnd(text, 0) !== text.length) return expression;
    const value = decodeString(text);
    return value === undefined ? expression : { kind: "literal", value };
  }
  if (text.startsWith("<<")) {
    if (heredocEnd(text, 0) !== text.length) return expression;
    return heredocValue(text) ?? expression;
  }
  if (text.startsWith("[") && closes(text, "[", "]")) {
    const items = elements(text.slice(1, -1), offset + 1).map((e) => parseValue(e.text, e.offset));
    return { kind: "tuple", items };
  }
  if (text.startsWith("{") && closes(text, "{", "}")) {
    const entries: Array<[string, HclValue]> = [];
    for (const e of elements(text.slice(1, -1), offset + 1)) {
      const match = /^("(?:[^"\\]|\\.)*"|[A-Za-z_][A-Za-z0-9_-]*)\s*[=:]\s*/.exec(e.text);
      if (!match) return expression;
      const key = match[1]?.startsWith('"') ? decodeString(match[1]) : match[1];
      if (key === undefined) return expression;
      entries.push([key, parseValue(e.text.slice(match[0].length), e.offset + match[0].length)]);
    }
    return { kind: "object", entries };
  }
  return expression;
}

function closes(text: string, open: string, close: string): boolean {
  if (!text.endsWith(close)) return false;
  try {
    return elementsClose(text, open);
  } catch {
    return false;
  }
}

function elementsClose(text: string, open: string): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '"') {
      i = stringEnd(text, i) - 1;
      continue;
    }
    if (c === open || c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0 && i < text.length - 1) return false;
    }
  }
  return depth === 0;
}

function heredocValue(text: string): HclValue | undefined {
  const header = /^<<(-?)([A-Za-z_][A-Za-z0-9_-]*)\r?\n/.exec(text);
  if (!header) return undefined;
  const lines = text.slice(header[0].length).split("\n");
  lines.pop(); // the closing marker
  if (lines.some((line) => /[$%]\{/.test(line.replace(/([$%])\1\{/g, "")))) return undefined;
  let body = lines;
  if (header[1] === "-") {
    const indents = lines.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
    const strip = indents.length === 0 ? 0 : Math.min(...indents);
    body = lines.map((l) => l.slice(strip));
  }
  return { kind: "literal", value: `${body.join("\n").replace(/([$%])\1\{/g, "$1{")}\n` };
}
