/**
 * The smallest single replacement that turns one text into another: everything before the first
 * difference and after the last one is left alone. Handing CodeMirror this instead of the whole
 * new text keeps its syntax tree, undo positions and viewport for the untouched parts, so showing
 * an inspector edit in a large document costs what the edit changed, not what the document holds.
 */
export interface TextChange {
  from: number;
  to: number;
  insert: string;
}

/** The change from `before` to `after`, or null when they are equal. */
export function textChange(before: string, after: string): TextChange | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  // The common tail may not reach back into the common head (e.g. "aa" -> "aaa").
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end++;
  // Never split a surrogate pair: widen the change to whole characters on both sides.
  if (start > 0 && isHighSurrogate(before.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
