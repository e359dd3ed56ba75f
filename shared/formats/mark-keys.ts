import { needsMark, toModelKey } from "../pipeline/member-keys";

/**
 * `value` (what `JSON.parse(text)` returned) in model form: every object whose file keys include
 * an integer-like key (or one starting with the mark) is rebuilt with marked keys in the file's
 * order (member-keys.ts). Walks the already-validated text and the value side by side; nothing is
 * changed in place: a container is copied only when something below it was rebuilt, and the rest
 * of the tree is shared.
 *
 * A repeated key keeps its first position and its last value, as `JSON.parse` does. The value
 * holds only the last occurrence, so an earlier occurrence's walk may produce nonsense; it is
 * replaced by the later one's, and since nothing is mutated it leaves no trace. Recursion is
 * bounded: the depth scan has already refused deeper files.
 */
export function markKeys(text: string, value: unknown): unknown {
  return walk(text, { at: 0 }, value);
}

interface Cursor {
  at: number;
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;

function walk(text: string, cursor: Cursor, target: unknown): unknown {
  skipSpace(text, cursor);
  const char = text.charCodeAt(cursor.at);
  if (char === OPEN_BRACE) return walkObject(text, cursor, target);
  if (char === OPEN_BRACKET) return walkArray(text, cursor, target);
  if (char === QUOTE) cursor.at = closingQuote(text, cursor.at + 1) + 1;
  else {
    while (cursor.at < text.length && !/[\s,\]}]/.test(text.charAt(cursor.at))) cursor.at++;
  }
  return target;
}

function walkObject(text: string, cursor: Cursor, target: unknown): unknown {
  const record =
    typeof target === "object" && target !== null && !Array.isArray(target)
      ? (target as Record<string, unknown>)
      : undefined;
  const has = (key: string): boolean =>
    record !== undefined && Object.prototype.hasOwnProperty.call(record, key);
  const children = new Map<string, unknown>();
  let marked = false;
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
      const child = walk(text, cursor, has(key) ? record?.[key] : undefined);
      // A later occurrence replaces an earlier one's result but keeps its position (Map order).
      children.set(key, child);
      if (!marked && needsMark(key)) marked = true;
      skipSpace(text, cursor);
      if (text.charCodeAt(cursor.at++) !== COMMA) break;
    }
  }
  if (record === undefined) return target;
  if (marked) {
    const entries: Array<[string, unknown]> = [];
    for (const [key, child] of children) if (has(key)) entries.push([toModelKey(key), child]);
    return Object.fromEntries(entries);
  }
  let changed = false;
  for (const [key, child] of children) if (has(key) && child !== record[key]) changed = true;
  if (!changed) return record;
  // fromEntries, not assignment: "__proto__" must stay a member, not become a prototype.
  return Object.fromEntries(
    Object.keys(record).map((key) => [key, children.has(key) ? children.get(key) : record[key]]),
  );
}

function walkArray(text: string, cursor: Cursor, target: unknown): unknown {
  const list = Array.isArray(target) ? (target as readonly unknown[]) : undefined;
  let copy: unknown[] | undefined;
  cursor.at++;
  skipSpace(text, cursor);
  if (text.charCodeAt(cursor.at) === CLOSE_BRACKET) {
    cursor.at++;
    return target;
  }
  for (let index = 0; ; index++) {
    const element = list?.[index];
    const child = walk(text, cursor, element);
    if (list !== undefined && child !== element) {
      copy ??= [...list];
      copy[index] = child;
    }
    skipSpace(text, cursor);
    if (text.charCodeAt(cursor.at++) !== COMMA) return copy ?? target;
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
