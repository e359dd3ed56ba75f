import { printParseErrorCode, visit } from "jsonc-parser";
import type { SourceLocation } from "../validate/diagnostic";
import { LineIndex } from "./source-position";

/** A syntax error explained for a person, and where it is. */
export interface SyntaxProblem {
  message: string;
  location: SourceLocation;
}

interface OpenContainer {
  kind: "object" | "array";
  line: number;
  column: number;
}

interface FirstError {
  code: string;
  offset: number;
  length: number;
  location: SourceLocation;
  container: OpenContainer | undefined;
}

/**
 * Explains why `JSON.parse` rejected `text`. jsonc-parser's scanner, run in strict mode (no
 * comments, no trailing commas), finds the first error with its offset and the object or array it
 * occurred in, which is enough for a message like "Expected ',' or '}' after property value".
 * Runs only on failure, so valid files never pay for it.
 */
export function explainSyntaxError(text: string, engineMessage: string): SyntaxProblem {
  let first: FirstError | undefined;
  try {
    first = findFirstError(text);
  } catch (error) {
    // jsonc-parser recurses per nesting level; malformed text can nest past the depth scan's view.
    if (!(error instanceof RangeError)) throw error;
  }
  if (first) return { message: describe(first, text), location: first.location };
  return explainFromEngine(text, engineMessage);
}

function findFirstError(text: string): FirstError | undefined {
  const stack: OpenContainer[] = [];
  // jsonc-parser ends a container before reporting that its closing bracket is missing.
  let lastClosed: OpenContainer | undefined;
  let first: FirstError | undefined;
  visit(
    text,
    {
      onObjectBegin: (_offset, _length, line, character) => {
        stack.push({ kind: "object", line: line + 1, column: character + 1 });
      },
      onArrayBegin: (_offset, _length, line, character) => {
        stack.push({ kind: "array", line: line + 1, column: character + 1 });
      },
      onObjectEnd: () => {
        lastClosed = stack.pop();
      },
      onArrayEnd: () => {
        lastClosed = stack.pop();
      },
      onError: (error, offset, length, line, character) => {
        const code = printParseErrorCode(error);
        const unclosed = code === "CloseBraceExpected" || code === "CloseBracketExpected";
        first ??= {
          code,
          offset,
          length,
          location: { line: line + 1, column: character + 1 },
          container: unclosed ? lastClosed : stack[stack.length - 1],
        };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return first;
}

function describe(error: FirstError, text: string): string {
  const atEnd = error.offset >= text.length;
  const found = atEnd
    ? "end of file"
    : quoteToken(text.slice(error.offset, error.offset + Math.max(1, error.length)));
  const container = error.container;
  const opened = container ? ` opened at line ${container.line}, column ${container.column}` : "";
  switch (error.code) {
    case "CommaExpected":
      return container?.kind === "array"
        ? `Expected ',' or ']' after array element, found: ${found}`
        : `Expected ',' or '}' after property value, found: ${found}`;
    case "CloseBraceExpected":
      return atEnd
        ? `Unexpected end of file: the object${opened} is not closed with '}'`
        : `Expected ',' or '}' after property value, found: ${found}`;
    case "CloseBracketExpected":
      return atEnd
        ? `Unexpected end of file: the array${opened} is not closed with ']'`
        : `Expected ',' or ']' after array element, found: ${found}`;
    case "PropertyNameExpected":
      return found === "'}'"
        ? `Expected a property name in double quotes (JSON allows no trailing comma), found: ${found}`
        : `Expected a property name in double quotes, found: ${found}`;
    case "ValueExpected":
      return found === "']'"
        ? `Expected a value (JSON allows no trailing comma), found: ${found}`
        : `Expected a value, found: ${found}`;
    case "ColonExpected":
      return `Expected ':' after property name, found: ${found}`;
    case "EndOfFileExpected":
      return `Unexpected content after the end of the JSON value: ${found}`;
    case "InvalidCommentToken":
    case "UnexpectedEndOfComment":
      return `Comments are not allowed in JSON: ${found}`;
    case "UnexpectedEndOfString":
      return `Unterminated string (a string must end with '"' on the same line): ${found}`;
    case "UnexpectedEndOfNumber":
    case "InvalidNumberFormat":
      return `Invalid number: ${found}`;
    case "InvalidUnicode":
      return `Invalid \\u escape in string (expected four hex digits): ${found}`;
    case "InvalidEscapeCharacter":
      return `Invalid escape sequence in string: ${found}`;
    case "InvalidCharacter":
      return `Control characters must be escaped in strings (for example \\n or \\t): ${found}`;
    default:
      return `Unexpected text: ${found}`;
  }
}

function quoteToken(token: string): string {
  const shown = token.length > 40 ? `${token.slice(0, 40)}…` : token;
  // Control characters would break the one-line message; quotes stay readable as they are.
  const escaped = [...shown].map((c) => (c < " " ? JSON.stringify(c).slice(1, -1) : c)).join("");
  return /^["']/.test(escaped) ? escaped : `'${escaped}'`;
}

/**
 * The fallback for the rare text that jsonc-parser accepts and `JSON.parse` does not: V8 names a
 * position ("… in JSON at position 12"), which is turned into a line and column.
 */
function explainFromEngine(text: string, engineMessage: string): SyntaxProblem {
  const position = /at position (\d+)/.exec(engineMessage);
  const offset = position?.[1] === undefined ? 0 : Number(position[1]);
  const message = engineMessage.replace(/\s*(in JSON )?at position \d+.*$/s, "").trim() || "Invalid JSON";
  return { message, location: new LineIndex(text).locate(offset) };
}
