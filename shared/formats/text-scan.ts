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
  const bytes = countUtf8Bytes(text);
  return bytes > MAX_FILE_BYTES ? bytes : undefined;
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
   * True when some object key may be integer-like ("0", "42"). JavaScript objects list such keys
   * first whatever the file said, so these files take the order-keeping parse.
   */
  mayHaveIndexKeys: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/**
 * Scans `text` once, iteratively, for nesting depth and integer-like keys. It skips string
 * contents (where brackets are just characters) and needs no valid JSON: on malformed text the
 * answer may be rough, and the syntax check that follows reports the real problem.
 */
export function scanStructure(text: string, maxDepth: number): StructureScan {
  const length = text.length;
  let depth = 0;
  let mayHaveIndexKeys = false;
  let i = 0;
  while (i < length) {
    const unit = text.charCodeAt(i);
    if (unit === QUOTE) {
      const start = i + 1;
      let end = start;
      let digitsOnly = true;
      let escaped = false;
      while (end < length) {
        const c = text.charCodeAt(end);
        if (c === QUOTE) break;
        if (c === BACKSLASH) {
          escaped = true;
          end += 2;
          continue;
        }
        if (c < 0x30 || c > 0x39) digitsOnly = false;
        end++;
      }
      if (!mayHaveIndexKeys && (escaped || (digitsOnly && isArrayIndex(text, start, end)))) {
        mayHaveIndexKeys = nextNonSpace(text, end + 1) === COLON;
      }
      i = end + 1;
      continue;
    }
    if (unit === 0x7b || unit === 0x5b) {
      depth++;
      if (depth > maxDepth) return { tooDeepAt: i, mayHaveIndexKeys };
    } else if (unit === 0x7d || unit === 0x5d) {
      depth--;
    }
    i++;
  }
  return { mayHaveIndexKeys };
}

/** Whether the digits in text[start, end) are a canonical array index, the keys JS moves first. */
function isArrayIndex(text: string, start: number, end: number): boolean {
  const digits = end - start;
  if (digits === 0 || digits > 10) return false;
  if (digits > 1 && text.charCodeAt(start) === 0x30) return false;
  return Number(text.slice(start, end)) < 2 ** 32 - 1;
}

function nextNonSpace(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return c;
  }
  return -1;
}
