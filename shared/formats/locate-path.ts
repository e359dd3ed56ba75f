import { findNodeAtLocation, parseTree, type Node } from "jsonc-parser";
import { toFileKey } from "../pipeline/member-keys";
import type { JsonPath } from "../pipeline/model";
import type { SourceLocation } from "../validate/diagnostic";
import { LineIndex } from "./source-position";
import { MAX_NESTING_DEPTH } from "./limits";
import { scanStructure, stripBom } from "./text-scan";

/** Finds where paths are in one text; build once per file, ask per diagnostic. */
export type PathLocator = (path: JsonPath) => SourceLocation | undefined;

/**
 * A locator for `text`: parses it once into a syntax tree (jsonc-parser, tolerant of errors) and
 * an index of line starts, then answers each path with a binary search. A member is located at its
 * key, an array element at its first character; a path that does not exist (a missing required
 * member, say) is located at the deepest part of it that does. A leading BOM is skipped, as
 * editors do not count it as a column.
 */
export function createPathLocator(text: string): PathLocator {
  const body = stripBom(text).text;
  const root = parseShallow(body);
  const lines = new LineIndex(body);
  return (path) => {
    if (!root) return undefined;
    // Paths name members as the model does; the text has the file's names (member-keys.ts).
    const node = deepestNode(
      root,
      path.map((segment) => (typeof segment === "string" ? toFileKey(segment) : segment)),
    );
    const start = node.parent?.type === "property" ? node.parent.offset : node.offset;
    return lines.locate(start);
  };
}

/**
 * jsonc-parser's tree builder recurses once per nesting level, so text that `parseDocument` refuses
 * as too deeply nested is not parsed at all: nothing in it has a path to locate.
 */
function parseShallow(body: string): Node | undefined {
  if (scanStructure(body, MAX_NESTING_DEPTH, false).tooDeepAt !== undefined) return undefined;
  try {
    return parseTree(body, [], { disallowComments: true, allowTrailingComma: false });
  } catch (error) {
    // Malformed text the depth scan read differently from jsonc-parser can still nest too deep.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function deepestNode(root: Node, path: JsonPath): Node {
  for (let length = path.length; length > 0; length--) {
    const node = findNodeAtLocation(root, path.slice(0, length));
    if (node) return node;
  }
  return root;
}

let lastText: string | undefined;
let lastLocator: PathLocator | undefined;

/**
 * The 1-based line and column of the member at `path` in `text` (see `createPathLocator`), or
 * `undefined` when the text holds no JSON value (or nests deeper than `parseDocument` accepts). Remembers the last text's locator, so asking about
 * many paths of one text parses it once. Meant for reporting (CLI, editor markers), not hot paths.
 */
export function locatePath(text: string, path: JsonPath): SourceLocation | undefined {
  if (text !== lastText || !lastLocator) {
    lastLocator = createPathLocator(text);
    lastText = text;
  }
  return lastLocator(path);
}
