import { spawn } from "node:child_process";
import { watch } from "node:fs";
import {
  chmod,
  lstat,
  mkdir,
  readlink,
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
import * as fsp from "node:fs/promises";
import { TEMP_PREFIX, writeFileAtomic, type AtomicWriteFs } from "../../../main/storage/atomic-write";

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

  it("writes through a chain of relative symlinks, each staying a link", async () => {
    await mkdir(join(dir, "real"));
    const real = join(dir, "real", "p.json");
    await writeFile(real, "old");
    await chmod(real, 0o640);
    await symlink(join("real", "p.json"), join(dir, "hop.json"));
    await symlink("hop.json", join(dir, "link.json"));
    await writeFileAtomic(join(dir, "link.json"), "new");
    expect(await readlink(join(dir, "link.json"))).toBe("hop.json");
    expect(await readlink(join(dir, "hop.json"))).toBe(join("real", "p.json"));
    expect(await readFile(real, "utf8")).toBe("new");
    expect((await stat(real)).mode & 0o777).toBe(0o640);
    expect((await readdir(join(dir, "real"))).sort()).toEqual(["p.json"]);
  });

  it("creates the file a dangling symlink points to, keeping the link", async () => {
    const link = join(dir, "link.json");
    await symlink("target.json", link);
    await writeFileAtomic(link, "first");
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, "target.json"), "utf8")).toBe("first");
  });

  it("gives a new file the requested mode exactly, whatever the umask", async () => {
    const path = join(dir, "secret.json");
    await writeFileAtomic(path, "{}", { mode: 0o600 });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await writeFileAtomic(join(dir, "plain.json"), "{}");
    expect((await stat(join(dir, "plain.json"))).mode & 0o777).toBe(0o644);
  });

  it("fsyncs the data before the rename and the folder after it", async () => {
    const path = join(dir, "a.json");
    const calls: string[] = [];
    const io: AtomicWriteFs = {
      ...realFs(),
      open: (async (file: string, flags: string, mode?: number) => {
        const handle = await fsp.open(file, flags, mode);
        const kind = file === dir ? "folder" : "temp";
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          calls.push(`sync ${kind}`);
          await sync();
        };
        return handle;
      }) as AtomicWriteFs["open"],
      rename: async (from, to) => {
        calls.push("rename");
        await fsp.rename(from, to);
      },
    };
    await writeFileAtomic(path, "data", { fs: io });
    expect(calls).toEqual(["sync temp", "rename", "sync folder"]);
    expect(await readFile(path, "utf8")).toBe("data");
  });

  for (const step of ["write", "sync", "close", "rename"] as const) {
    it(`removes its temporary file and keeps the old file when ${step} fails`, async () => {
      const path = join(dir, "a.json");
      await writeFile(path, "old");
      const io = failingAt(step);
      await expect(writeFileAtomic(path, "new", { fs: io })).rejects.toMatchObject({ code: "EIO" });
      expect(await readFile(path, "utf8")).toBe("old");
      expect(await readdir(dir)).toEqual(["a.json"]);
    });
  }

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
      ["--import", "tsx", join(import.meta.dirname, "write-large.ts"), path, String(96 * 1024 * 1024)],
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

function realFs(): AtomicWriteFs {
  return {
    lstat: fsp.lstat,
    readlink: fsp.readlink,
    stat: fsp.stat,
    open: fsp.open,
    rename: fsp.rename,
    rm: fsp.rm,
    readdir: fsp.readdir,
  };
}

function eio(): Error {
  return Object.assign(new Error("EIO: i/o error"), { code: "EIO" });
}

/** Real file-system calls, except that one step of writing the temporary file fails. */
function failingAt(step: "write" | "sync" | "close" | "rename"): AtomicWriteFs {
  return {
    ...realFs(),
    open: (async (file: string, flags: string, mode?: number) => {
      const handle = await fsp.open(file, flags, mode);
      if (flags !== "wx") return handle;
      if (step === "write") handle.writeFile = () => Promise.reject(eio());
      if (step === "sync") handle.sync = () => Promise.reject(eio());
      if (step === "close") {
        const close = handle.close.bind(handle);
        handle.close = async () => {
          await close();
          throw eio();
        };
      }
      return handle;
    }) as AtomicWriteFs["open"],
    rename: step === "rename" ? () => Promise.reject(eio()) : fsp.rename,
  };
}
