/**
 * The glob language of trigger filters, compiled to a regular expression that must match the
 * whole branch name, tag name or file path.
 *
 * The rules come from the user guide, "Working with glob patterns in syntax"
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/syntax-glob.html):
 * - "To specify zero or more characters of a name component in directory boundaries, use `*`."
 * - "To specify zero or more characters of a name component crossing directory boundaries, use `**`."
 * - "To specify one character of a name component, use `?`."
 * - "To escape characters that would otherwise be interpreted as special characters, use the
 *   backslash character (`\`)."
 * - "To specify a single character out of a set of characters, use `[ ]`."
 * - "Within a bracket expression the `*`, `?` and `\` characters match themselves. The (-)
 *   character matches itself if it is the first character within the brackets, or the first
 *   character after the `!` if negating."
 * - "The `{ }` characters are a group of subpatterns, where the group matches if any subpattern in
 *   the group matches. The `","` character is used to separate the subpatterns. Groups cannot be
 *   nested."
 *
 * The page's wording is that of the glob syntax of Java's `FileSystem.getPathMatcher`, and the
 * compilation follows that language to the letter: a name component never contains `/`, so `*`,
 * `?` and bracket expressions never match it, while `**` matches any characters including `/`.
 * One consequence worth knowing: `**` followed by `/` needs a `/` in the value, so
 * `**\/README.md` matches `docs/README.md` but not a `README.md` at the root.
 */

/** A compiled pattern, or why the pattern is not a valid glob. */
export type CompiledGlob =
  | { readonly ok: true; readonly pattern: string; readonly regex: RegExp }
  | { readonly ok: false; readonly pattern: string; readonly problem: string };

/** Writes one literal character so the regular expression (in `u` mode) matches only it. */
function literal(char: string): string {
  return /[A-Za-z0-9_]/.test(char) ? char : `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`;
}

class GlobSyntaxError extends Error {}

/** Compiles a bracket expression starting after its `[`; returns the regex text and the next index. */
function bracket(chars: readonly string[], start: number): { text: string; next: number } {
  let i = start;
  let negate = false;
  let body = "";
  if (chars[i] === "!") {
    negate = true;
    i += 1;
  }
  if (chars[i] === "-") {
    body += literal("-");
    i += 1;
  }
  let last: string | undefined;
  for (;;) {
    const char = chars[i];
    if (char === undefined) throw new GlobSyntaxError("a bracket expression is missing its closing ]");
    i += 1;
    if (char === "]") break;
    if (char === "/") throw new GlobSyntaxError("a bracket expression cannot contain the separator /");
    if (char === "-") {
      const end = chars[i];
      if (last === undefined) throw new GlobSyntaxError("a range in a bracket expression has no start");
      if (end === undefined || end === "]") {
        // "[a-]" ends the expression with a literal hyphen, as in Java's glob.
        body += literal("-");
        continue;
      }
      if ((end.codePointAt(0) ?? 0) < (last.codePointAt(0) ?? 0)) {
        throw new GlobSyntaxError(`the range ${last}-${end} in a bracket expression runs backwards`);
      }
      body += `-${literal(end)}`;
      i += 1;
      last = undefined;
      continue;
    }
    body += literal(char);
    last = char;
  }
  // A bracket expression matches one character of a name component, never the separator.
  return { text: `(?!/)[${negate ? "^" : ""}${body}]`, next: i };
}

function toRegexSource(pattern: string): string {
  const chars = Array.from(pattern);
  let out = "";
  let inGroup = false;
  for (let i = 0; i < chars.length;) {
    const char = chars[i] as string;
    i += 1;
    switch (char) {
      case "*":
        if (chars[i] === "*") {
          out += ".*";
          i += 1;
        } else out += "[^/]*";
        break;
      case "?":
        out += "[^/]";
        break;
      case "\\": {
        const next = chars[i];
        if (next === undefined) throw new GlobSyntaxError("the pattern ends with \\ and nothing to escape");
        out += literal(next);
        i += 1;
        break;
      }
      case "[": {
        const compiled = bracket(chars, i);
        out += compiled.text;
        i = compiled.next;
        break;
      }
      case "{":
        if (inGroup) throw new GlobSyntaxError("groups { } cannot be nested");
        out += "(?:(?:";
        inGroup = true;
        break;
      case "}":
        if (inGroup) {
          out += "))";
          inGroup = false;
        } else out += literal(char);
        break;
      case ",":
        out += inGroup ? ")|(?:" : literal(char);
        break;
      default:
        out += literal(char);
    }
  }
  if (inGroup) throw new GlobSyntaxError("a group { is missing its closing }");
  return `^${out}$`;
}

const cache = new Map<string, CompiledGlob>();

/** Compiles a trigger filter pattern (cached: the same few patterns are tested again and again). */
export function compileGlob(pattern: string): CompiledGlob {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let compiled: CompiledGlob;
  try {
    compiled = { ok: true, pattern, regex: new RegExp(toRegexSource(pattern), "u") };
  } catch (error) {
    const problem = error instanceof GlobSyntaxError ? error.message : "it is not a valid glob";
    compiled = { ok: false, pattern, problem };
  }
  if (cache.size > 1000) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

/** True when `value` (a branch, tag or file path) matches the whole glob `pattern`. */
export function globMatches(pattern: string, value: string): boolean {
  const compiled = compileGlob(pattern);
  return compiled.ok && compiled.regex.test(value);
}
