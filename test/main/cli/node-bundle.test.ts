import { cpSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir, REPO_ROOT, runProcess } from "./run-cli";

/**
 * bin/node-bundle.mjs in a copy of the repository (so rebuilding never races the other tests): the
 * CLI runs from the bundle npm's prepare step builds, and a source edited after the build is picked
 * up at the next start instead of running stale code.
 */
describe("the prebuilt Node bundle", () => {
  const temp = makeTempDir();
  const root = join(temp.dir, "repo");
  const pointer = () => JSON.parse(readFileSync(join(root, "out", "node.json"), "utf8")) as { dir: string };
  const cli = (args: string[]) =>
    runProcess(process.execPath, [join(root, "bin", "pipewright.js"), ...args], root);

  beforeAll(() => {
    for (const part of ["bin", "main", "shared", "package.json", "tsconfig.base.json"])
      cpSync(join(REPO_ROOT, part), join(root, part), { recursive: true });
    symlinkSync(join(REPO_ROOT, "node_modules"), join(root, "node_modules"), "dir");
  });
  afterAll(() => temp.remove());

  it("is built by `node bin/node-bundle.mjs` (npm's prepare step) and then used as is", async () => {
    const built = await runProcess(process.execPath, [join(root, "bin", "node-bundle.mjs")], root);
    expect(built.code).toBe(0);
    const first = pointer().dir;
    const run = await cli(["--version"]);
    expect(run).toMatchObject({ code: 0, stdout: `${readVersion()}\n` });
    expect(pointer().dir).toBe(first);
  });

  it("is rebuilt when a source is newer than it, so the edit takes effect", async () => {
    const before = pointer().dir;
    const source = join(root, "main", "cli", "version.ts");
    writeFileSync(source, 'export function readVersion(): string {\n  return "edited";\n}\n');
    const run = await cli(["--version"]);
    expect(run).toMatchObject({ code: 0, stdout: "edited\n" });
    expect(pointer().dir).not.toBe(before);
  });

  function readVersion(): string {
    return (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
  }
});
