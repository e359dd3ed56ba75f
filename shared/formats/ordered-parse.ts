import { recordKeyOrder } from "./key-order";

/**
 * Records the file's key order for every object of `value` (what `JSON.parse(text)` returned)
 * whose order JavaScript changed, that is, objects with integer-like keys (see key-order.ts).
 * Walks the already-validated text and the value side by side, so no second tree is built.
 * A repeated key keeps its first position, as `JSON.parse` keeps it; only the last occurrence's
 * value is in `value`, and walking it last overwrites whatever an earlier occurrence recorded.
 * Recursion is bounded: the depth scan has already refused deeper files.
 */
export function restoreKeyOrder(text: string, value: unknown): void {
  const cursor = { at: 0 };
  walk(text, cursor, value);
}

interface Cursor {
  at: number;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function walk(text: string, cursor: Cursor, target: unknown): void {
  skipSpace(text, cursor);
  const char = text.charCodeAt(cursor.at);
  if (char === OPEN_BRACE) walkObject(text, cursor, target);
  else if (char === OPEN_BRACKET) walkArray(text, cursor, target);
  else if (char === QUOTE) cursor.at = closingQuote(text, cursor.at + 1) + 1;
  else {
    while (cursor.at < text.length && !/[\s,\]}]/.test(text.charAt(cursor.at))) cursor.at++;
  }
}

function walkObject(text: string, cursor: Cursor, target: unknown): void {
  const record = typeof target === "object" && target !== null && !Array.isArray(target) ? target : undefined;
  const keys = new Set<string>();
  cursor.at++;
  skipSpace(text, cursor);
  if (text.charCodeAt(cursor.at) === CLOSE_BRACE) cursor.at++;
  else {
    for (;;) {
      skipSpace(text, cursor);
      const end = closingQuote(text, cursor.at + 1);
      const source = text.slice(cursor.at + 1, end);
      const key = source.includes("\\") ? (JSON.parse(`"${source}"`) as string) : source;
      cursor.at = end + 1;
      skipSpace(text, cursor);
      cursor.at++; // the colon
      const child =
        record && Object.prototype.hasOwnProperty.call(record, key)
          ? (record as Record<string, unknown>)[key]
          : undefined;
      walk(text, cursor, child);
      keys.add(key);
      skipSpace(text, cursor);
      const separator = text.charCodeAt(cursor.at++);
      if (separator !== 0x2c) break;
    }
  }
  if (record) recordKeyOrder(record, [...keys]);
}

function walkArray(text: string, cursor: Cursor, target: unknown): void {
  const list = Array.isArray(target) ? (target as readonly unknown[]) : undefined;
  cursor.at++;
  skipSpace(text, cursor);
  if (text.charCodeAt(cursor.at) === CLOSE_BRACKET) {
    cursor.at++;
    return;
  }
  for (let index = 0; ; index++) {
    walk(text, cursor, list?.[index]);
    skipSpace(text, cursor);
    if (text.charCodeAt(cursor.at++) !== 0x2c) return;
  }
}

function skipSpace(text: string, cursor: Cursor): void {
  let c = text.charCodeAt(cursor.at);
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++cursor.at);
}

/** The offset of the quote that ends the string starting at `from`, or the text's length. */
export function closingQuote(text: string, from: number): number {
  let quote = text.indexOf('"', from);
  while (quote !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}
