/**
 * CloudFormation JSON templates: parsing with line numbers for every path (jsonc-parser keeps the
 * tree), and canonical writing (2-space JSON, members in template order).
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { stringifyCanonical } from "../formats/canonical-json";
import { parseModelJson } from "../formats/parse-document";
import { LineIndex } from "../formats/source-position";
import type { ParsedYaml } from "./cfn-yaml";

/** Parses JSON template text; syntax errors become problems with their line. */
export function parseJsonTemplate(text: string): ParsedYaml {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const lines = new LineIndex(text);
  if (errors.length > 0 || tree === undefined) {
    const first = errors[0];
    return {
      value: undefined,
      problems: [
        {
          line: first ? lines.locate(first.offset).line : 1,
          message: first
            ? `JSON syntax error: ${printParseErrorCode(first.error)}`
            : "The file holds no JSON value",
        },
      ],
      lineOf: () => undefined,
    };
  }
  return {
    // As every JSON file is read: "__proto__" is data, integer-like names are marked in file order.
    value: parseModelJson(text),
    problems: [],
    lineOf(path) {
      const node = findNodeAtLocation(tree, [...path]);
      return node === undefined ? undefined : lines.locate(node.offset).line;
    },
  };
}

/** A template as JSON text, ending in a newline. */
export function stringifyJsonTemplate(value: unknown): string {
  return `${stringifyCanonical(value)}\n`;
}
