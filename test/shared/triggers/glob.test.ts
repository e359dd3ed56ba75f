import { describe, expect, it } from "vitest";
import { compileGlob, globMatches } from "../../../shared/triggers";

/**
 * Every example of "Working with glob patterns in syntax"
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/syntax-glob.html), as a pair of
 * values the pattern must match and must not match.
 */
const GUIDE_EXAMPLES: { pattern: string; rule: string; matches: string[]; misses: string[] }[] = [
  {
    pattern: "*.java",
    rule: "Specifies a path that represents a file name ending in .java",
    matches: ["Main.java", ".java"],
    misses: ["src/Main.java", "Main.javac"],
  },
  {
    pattern: "*.*",
    rule: "Specifies file names containing a dot",
    matches: ["a.b", "x."],
    misses: ["README", "dir.d/file"],
  },
  {
    pattern: "*.{java,class}",
    rule: "Specifies file names ending with .java or .class",
    matches: ["A.java", "A.class"],
    misses: ["A.jar", "A.javaclass"],
  },
  {
    pattern: "foo.?",
    rule: "Specifies file names starting with foo. and a single character extension",
    matches: ["foo.c", "foo.h"],
    misses: ["foo.cc", "foo.", "foo./"],
  },
  {
    pattern: "my-file.jar",
    rule: "a single file that is in the root of your build location or source repository location",
    matches: ["my-file.jar"],
    misses: ["lib/my-file.jar", "my-file.jar.bak"],
  },
  {
    pattern: "directory/subdirectory/my-file.jar",
    rule: "a single file in a subdirectory",
    matches: ["directory/subdirectory/my-file.jar"],
    misses: ["directory/my-file.jar"],
  },
  { pattern: "**", rule: "To specify all files", matches: ["a", "a/b/c.txt", ""], misses: [] },
  {
    pattern: "directory/**",
    rule: "all files and directories in a directory named directory",
    matches: ["directory/a", "directory/a/b/c"],
    misses: ["directory", "other/directory/a"],
  },
  {
    pattern: "directory/*",
    rule: "all files in a directory named directory, but not any of its subdirectories",
    matches: ["directory/a.txt"],
    misses: ["directory/sub/a.txt"],
  },
  {
    pattern: "file[abc].txt",
    rule: "To specify a single character out of a set of characters, use [ ]",
    matches: ["filea.txt", "filec.txt"],
    misses: ["filed.txt", "fileab.txt"],
  },
  {
    pattern: "v[0-9].x",
    rule: "a range in a bracket expression",
    matches: ["v0.x", "v9.x"],
    misses: ["va.x"],
  },
  {
    pattern: "[!a-c]x",
    rule: "the first character after the ! if negating",
    matches: ["dx", "-x"],
    misses: ["ax", "cx", "/x"],
  },
  {
    pattern: "[-a]x",
    rule: "The (-) character matches itself if it is the first character within the brackets",
    matches: ["-x", "ax"],
    misses: ["bx"],
  },
  {
    pattern: "[!-a]x",
    rule: "… or the first character after the ! if negating",
    matches: ["bx"],
    misses: ["-x", "ax"],
  },
  {
    pattern: "[*?\\]x",
    rule: "Within a bracket expression the *, ? and \\ characters match themselves",
    matches: ["*x", "?x", "\\x"],
    misses: ["ax"],
  },
  {
    pattern: "\\*.md",
    rule: "To escape characters that would otherwise be interpreted as special characters, use \\",
    matches: ["*.md"],
    misses: ["a.md"],
  },
];

describe("glob patterns from the user guide", () => {
  for (const example of GUIDE_EXAMPLES) {
    it(`${example.pattern}: ${example.rule}`, () => {
      for (const value of example.matches) expect(globMatches(example.pattern, value), value).toBe(true);
      for (const value of example.misses) expect(globMatches(example.pattern, value), value).toBe(false);
    });
  }

  it("** crosses directory boundaries, * and ? do not", () => {
    expect(globMatches("feature/**", "feature/a/b")).toBe(true);
    expect(globMatches("feature/*", "feature/a/b")).toBe(false);
    expect(globMatches("a?b", "a/b")).toBe(false);
    // "**" then "/" needs a separator: the guide's "**/README.md" is a README below the root.
    expect(globMatches("**/README.md", "docs/README.md")).toBe(true);
    expect(globMatches("**/README.md", "README.md")).toBe(false);
  });

  it("treats regular-expression characters as literals", () => {
    expect(globMatches("release-1.0+build(2)", "release-1.0+build(2)")).toBe(true);
    expect(globMatches("release-1.0", "release-1x0")).toBe(false);
    expect(globMatches("a|b", "a")).toBe(false);
    expect(globMatches("$^", "$^")).toBe(true);
  });

  it("reports what makes a pattern invalid instead of throwing", () => {
    expect(compileGlob("{a,{b}}")).toMatchObject({ ok: false, problem: "groups { } cannot be nested" });
    expect(compileGlob("[abc")).toMatchObject({
      ok: false,
      problem: "a bracket expression is missing its closing ]",
    });
    expect(compileGlob("{a,b")).toMatchObject({ ok: false, problem: "a group { is missing its closing }" });
    expect(compileGlob("a\\")).toMatchObject({ ok: false });
    expect(compileGlob("[a/b]")).toMatchObject({ ok: false });
    expect(compileGlob("[z-a]")).toMatchObject({ ok: false });
    expect(globMatches("[abc", "[abc")).toBe(false);
  });

  it("matches whole code points, not UTF-16 halves", () => {
    expect(globMatches("?", "😀")).toBe(true);
    expect(globMatches("release-?", "release-é")).toBe(true);
  });
});
