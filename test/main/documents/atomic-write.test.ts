import { spawn } from "node:child_process";
import { watch } from "node:fs";
import {
  chmod,
  lstat,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TEMP_PREFIX, writeFileAtomic } from "../../../main/documents/atomic-write";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "pipewright-atomic-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("writeFileAtomic", () => {
  it("replaces the file's content and leaves no temporary file", async () => {
    const path = join(dir, "a.pipeline.json");
    await writeFile(path, "old\n");
    await writeFileAtomic(path, "new\n");
    expect(await readFile(path, "utf8")).toBe("new\n");
    expect(await readdir(dir)).toEqual(["a.pipeline.json"]);
  });

  it("keeps the permission bits of the file it replaces", async () => {
    const path = join(dir, "a.json");
    await writeFile(path, "old");
    await chmod(path, 0o600);
    await writeFileAtomic(path, "new");
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it("clears what a killed save of the same file left behind, but not a save in progress", async () => {
    const path = join(dir, "p.json");
    const stale = join(dir, `${TEMP_PREFIX}p.json-dead.tmp`);
    const fresh = join(dir, `${TEMP_PREFIX}p.json-live.tmp`);
    const other = join(dir, `${TEMP_PREFIX}q.json-dead.tmp`);
    for (const f of [stale, fresh, other]) await writeFile(f, "partial");
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(stale, old, old);
    await utimes(other, old, old);
    await writeFileAtomic(path, "saved");
    expect((await readdir(dir)).sort()).toEqual(
      [`${TEMP_PREFIX}p.json-live.tmp`, `${TEMP_PREFIX}q.json-dead.tmp`, "p.json"].sort(),
    );
  });

  it("writes through a symlink, which stays a symlink", async () => {
    const real = join(dir, "real.json");
    const link = join(dir, "link.json");
    await writeFile(real, "old");
    await symlink(real, link);
    await writeFileAtomic(link, "new");
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, "utf8")).toBe("new");
  });

  it("fails without touching anything when the folder does not exist", async () => {
    await expect(writeFileAtomic(join(dir, "missing", "a.json"), "x")).rejects.toMatchObject({
      code: "ENOENT",
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it("keeps the old file intact when the writer is killed mid-write", async () => {
    const path = join(dir, "big.pipeline.json");
    await writeFile(path, "the old content\n");
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        join(import.meta.dirname, "support", "write-large.ts"),
        path,
        String(96 * 1024 * 1024),
      ],
      { stdio: "ignore" },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once("exit", (_code, signal) => resolve(signal)),
    );
    // Kill the writer the moment its temporary file appears: the write has started, the rename has not.
    let sawTemp = false;
    const watcher = watch(dir, (_event, name) => {
      if (name !== null && name.startsWith(TEMP_PREFIX) && !sawTemp) {
        sawTemp = true;
        child.kill("SIGKILL");
      }
    });
    const signal = await exited;
    watcher.close();
    expect(sawTemp).toBe(true);
    expect(signal).toBe("SIGKILL");
    expect(await readFile(path, "utf8")).toBe("the old content\n");
  });
});
