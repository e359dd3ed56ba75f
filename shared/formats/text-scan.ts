import { needsMark } from "../pipeline/member-keys";
import { MAX_FILE_BYTES } from "./limits";

/** The byte order mark some editors put at the start of UTF-8 files. */
const BOM = "\uFEFF";

/** `text` without a leading byte order mark, and whether one was there. */
export function stripBom(text: string): { text: string; hadBom: boolean } {
  return text.startsWith(BOM) ? { text: text.slice(1), hadBom: true } : { text, hadBom: false };
}

/**
 * The UTF-8 size of `text` when it is over `MAX_FILE_BYTES`, else `undefined`. Every UTF-16 unit
 * encodes to at most 3 bytes, so short texts are settled by their length without counting.
 */
export function oversizeBytes(text: string): number | undefined {
  if (text.length * 3 <= MAX_FILE_BYTES) return undefined;
  // Pure ASCII (most pipeline files) is one byte per unit; a native search settles that.
  const bytes = NON_ASCII.test(text) ? countUtf8Bytes(text) : text.length;
  return bytes > MAX_FILE_BYTES ? bytes : undefined;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** The UTF-8 size of `text` in bytes, as it is written to a file. */
export function utf8Length(text: string): number {
  return NON_ASCII.test(text) ? countUtf8Bytes(text) : text.length;
}

function countUtf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** What one linear pass over the text learned before anything recursive runs. */
export interface StructureScan {
  /** Offset of the first `{` or `[` that nests deeper than the limit, if any. */
  tooDeepAt?: number;
  /**
   * True when some object key is integer-like ("0", "42") or starts with the model's key mark:
   * such a file takes the key-marking pass (member-keys.ts) after `JSON.parse`.
   */
  needsKeyMarks: boolean;
  /** Offsets of the opening quote of every key that repeats an earlier key of its object. */
  duplicateKeys: number[];
}

const COLON = 0x3a;
const BACKSLASH = 0x5c;
/** The characters that matter to the scan; everything between them is skipped natively. */
const STRUCTURAL = /["{}[\]]/g;

/**
 * Scans `text` once, iteratively, for nesting depth and, unless `keys` is false, for keys that need
 * marking or repeat within their object. It skips string contents (where brackets are just
 * characters) and needs no valid JSON: on malformed text the answer may be rough, and the syntax
 * check that follows reports the real problem. Jumps between structural characters with a regular
 * expression and `indexOf`, so it costs less than `JSON.parse`.
 */
export function scanStructure(text: string, maxDepth: number, keys = true): StructureScan {
  const structural = new RegExp(STRUCTURAL.source, "g");
  const strings = new StringEnds(text);
  // The keys seen in each open object (null for an array), innermost last.
  const open: Array<Set<string> | null> = [];
  let needsKeyMarks = false;
  const duplicateKeys: number[] = [];
  for (let match = structural.exec(text); match !== null; match = structural.exec(text)) {
    const at = match.index;
    const char = match[0];
    if (char === '"') {
      const end = strings.endOf(at + 1);
      structural.lastIndex = end + 1;
      const seen = open[open.length - 1];
      if (!keys || !seen || nextNonSpace(text, end + 1) !== COLON) continue;
      const key = keyText(text.slice(at + 1, end));
      if (seen.has(key)) duplicateKeys.push(at);
      else seen.add(key);
      if (!needsKeyMarks && needsMark(key)) needsKeyMarks = true;
    } else if (char === "{" || char === "[") {
      open.push(char === "{" && keys ? new Set() : null);
      if (open.length > maxDepth) return { tooDeepAt: at, needsKeyMarks, duplicateKeys };
    } else {
      open.pop();
    }
  }
  return { needsKeyMarks, duplicateKeys };
}

/**
 * Finds where strings end the way jsonc-parser's scanner does: at an unescaped quote, or at a
 * line break (JSON strings cannot hold one, so the string is unterminated there). Agreeing with
 * that scanner matters: on malformed text, brackets this scan took for string content must not be
 * structure to jsonc-parser, whose recursive parser explains syntax errors after this scan has
 * vouched for the depth. Line-break positions are cached, so the whole scan stays linear.
 */
class StringEnds {
  private nextLf = -2;
  private nextCr = -2;

  constructor(private readonly text: string) {}

  /** The offset of the quote or line break ending the string whose content starts at `from`. */
  endOf(from: number): number {
    const text = this.text;
    let at = from;
    for (;;) {
      const quote = text.indexOf('"', at);
      const lineBreak = this.lineBreakFrom(at);
      const end = quote === -1 ? lineBreak : lineBreak === -1 ? quote : Math.min(quote, lineBreak);
      if (end === -1) return text.length;
      let backslashes = 0;
      while (end - 1 - backslashes >= from && text.charCodeAt(end - 1 - backslashes) === BACKSLASH)
        backslashes++;
      if (backslashes % 2 === 0) return end;
      // An escaped quote or line break belongs to the string (jsonc-parser consumes it as an escape).
      at = end + 1;
    }
  }

  private lineBreakFrom(at: number): number {
    if (this.nextLf !== -1 && this.nextLf < at) this.nextLf = this.text.indexOf("\n", at);
    if (this.nextCr !== -1 && this.nextCr < at) this.nextCr = this.text.indexOf("\r", at);
    if (this.nextLf === -1) return this.nextCr;
    if (this.nextCr === -1) return this.nextLf;
    return Math.min(this.nextLf, this.nextCr);
  }
}

/** A key as written between its quotes (escapes and all), decoded; as written when it cannot be. */
function keyText(source: string): string {
  if (!source.includes("\\")) return source;
  try {
    return JSON.parse(`"${source}"`) as string;
  } catch {
    return source;
  }
}

function nextNonSpace(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return c;
  }
  return -1;
}
