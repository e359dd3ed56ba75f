/**
 * Member names in the document model, and how they keep the file's key order.
 *
 * The model is plain JSON data (objects, arrays, scalars), so every part of the app reads it with
 * ordinary property access, and it crosses IPC unchanged: Electron's structured clone and JSON
 * both keep an object's own key order. But a JavaScript object lists integer-like keys ("0",
 * "42") first, in numeric order, whatever order they were written in, so `{"b": 1, "7": 2}` cannot
 * be held as an object in file order.
 *
 * The model therefore never holds an integer-like key: such a key is stored with {@link KEY_MARK}
 * in front (`"\u20607"`), which makes it an ordinary string key that stays where it was put. A file
 * key that itself starts with the mark gets a second one, so the mapping is one-to-one. Parsing
 * (shared/formats) applies it and every writer (canonical save, export, the JSON view, requests to
 * AWS) removes it, so no file, export or AWS call ever sees a mark.
 *
 * Why this representation (rather than the alternatives weighed):
 * - A side table of key orders keyed by object identity (what was here before) does not survive
 *   IPC or any copy an edit makes.
 * - An ordered tree (`[[key, value], …]`) for user-keyed parts would make the validator, layout,
 *   operations and the inspector read configuration through accessors, slower and easy to get wrong.
 * - Saving by patching the source text keeps untouched bytes, but an object that is moved and then
 *   edited has no source to patch, and the document would carry text beside the value again.
 * The mark is invisible (U+2060 WORD JOINER, a zero-width format character), so a message or label
 * that quotes such a key still reads right; known API members are never integer-like, so the rules
 * that look members up by name never see it.
 */

/** Put in front of a member name that JavaScript would reorder (and of one already starting with it). */
export const KEY_MARK = "\u2060";

/** Whether `key` is one JavaScript lists before all others (a canonical array index). */
export function isIndexKey(key: string): boolean {
  const length = key.length;
  if (length === 0 || length > 10) return false;
  const first = key.charCodeAt(0);
  if (first < 0x30 || first > 0x39 || (first === 0x30 && length > 1)) return false;
  for (let i = 1; i < length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return Number(key) < 2 ** 32 - 1;
}

/** Whether a file key must be marked in the model. */
export function needsMark(fileKey: string): boolean {
  return fileKey.charCodeAt(0) === 0x2060 || isIndexKey(fileKey);
}

/** The model's name for the member a file calls `fileKey`. */
export function toModelKey(fileKey: string): string {
  return needsMark(fileKey) ? KEY_MARK + fileKey : fileKey;
}

/** The file's name for the model member `modelKey`. */
export function toFileKey(modelKey: string): string {
  return modelKey.charCodeAt(0) === 0x2060 ? modelKey.slice(1) : modelKey;
}

/**
 * A key as an operation receives it: a model key (from the document itself) passes through; an
 * integer-like key (typed by a person) is marked, so the model never holds one. The one key this
 * cannot tell apart is a typed key starting with the invisible mark itself.
 */
export function memberKey(key: string): string {
  return isIndexKey(key) ? KEY_MARK + key : key;
}
