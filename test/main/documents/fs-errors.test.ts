import { describe, expect, it } from "vitest";
import { readError, writeError } from "../../../main/documents/fs-errors";

function errno(code: string): Error {
  return Object.assign(new Error(`${code}: failed`), { code });
}

describe("file system errors", () => {
  it.each([
    ["ENOSPC", "disk-full"],
    ["EDQUOT", "disk-full"],
    ["EROFS", "read-only"],
    ["EACCES", "read-only"],
    ["EIO", "write-failed"],
  ])("a write failing with %s is %s, says the old file was kept and names the path", (code, expected) => {
    const error = writeError(errno(code), "/data/p.json");
    expect(error.code).toBe(expected);
    expect(error.message).toMatch(/kept: \/data\/p\.json$/);
    expect(error.details).toContain(code);
  });

  it.each([
    ["ENOENT", "not-found"],
    ["EACCES", "permission-denied"],
    ["EISDIR", "is-a-directory"],
    ["EMFILE", "read-failed"],
  ])("a read failing with %s is %s", (code, expected) => {
    const error = readError(errno(code), "/data/p.json");
    expect(error.code).toBe(expected);
    expect(error.message).toMatch(/: \/data\/p\.json$/);
  });
});
