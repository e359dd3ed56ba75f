import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RECENT_FILES_SCHEMA } from "../../../main/documents/recent-files";
import { SETTINGS_SCHEMA } from "../../../main/app/settings-store";
import { dispatch } from "../../../main/ipc/dispatch";
import { createHandlers } from "../../../main/ipc/handlers";
import { readState, StateFile } from "../../../main/storage/state-file";
import { createTestServices } from "../documents/support/services";

let dir: string;
let notices: string[];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "pipewright-state-"));
  notices = [];
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function settingsFile(): StateFile<ReturnType<typeof SETTINGS_SCHEMA.fallback>> {
  return new StateFile(join(dir, "settings.json"), SETTINGS_SCHEMA, (m) => notices.push(m));
}

describe("state files", () => {
  it("use the defaults when there is no file, quietly", async () => {
    expect(await settingsFile().read()).toEqual({ theme: "system", recentLimit: 10 });
    expect(notices).toEqual([]);
  });

  it("migrate a file written before formats and write it back in the current format", async () => {
    const path = join(dir, "settings.json");
    await writeFile(path, JSON.stringify({ theme: "dark", recentLimit: 5 }));
    const file = settingsFile();
    expect(await file.read()).toEqual({ theme: "dark", recentLimit: 5 });
    await file.update((s) => ({ ...s, recentLimit: 6 }));
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual({ format: 1, theme: "dark", recentLimit: 6 });
    expect(readState({ files: [{ path: "/a", openedAt: "t" }] }, RECENT_FILES_SCHEMA)).toEqual({
      kind: "ok",
      value: { files: [{ path: "/a", openedAt: "t" }] },
      migratedFrom: 0,
    });
    expect(notices).toEqual([]);
  });

  it.each([
    ["not JSON", "{theme: dark", "corrupt", "is not valid JSON"],
    ["not an object", "[1, 2]", "corrupt", "cannot be read: it is not a JSON object"],
    ["a bad format", '{"format": "one"}', "corrupt", "cannot be read: its format is not a version number"],
    [
      "from a newer version",
      '{"format": 99, "theme": "dark"}',
      "v99",
      "was written by a newer version of Pipewright (format 99; this version knows 1)",
    ],
  ])(
    "set a file that is %s aside with a message, use the defaults, and never write over it",
    async (_what, text, tag, problem) => {
      const path = join(dir, "settings.json");
      await writeFile(path, text);
      const file = settingsFile();
      expect(await file.read()).toEqual({ theme: "system", recentLimit: 10 });
      const aside = (await readdir(dir)).find((n) => n.startsWith(`settings.json.${tag}-`));
      expect(aside).toBeDefined();
      expect(await readFile(join(dir, aside!), "utf8")).toBe(text);
      expect(notices).toEqual([
        `The settings file ${problem}; it was set aside and the defaults are used: ${join(dir, aside!)}`,
      ]);
      // The next change writes a fresh file; the set-aside one stays as it was.
      await file.update((s) => ({ ...s, theme: "light" }));
      expect(JSON.parse(await readFile(path, "utf8"))).toEqual({
        format: 1,
        theme: "light",
        recentLimit: 10,
      });
      expect(await readFile(join(dir, aside!), "utf8")).toBe(text);
    },
  );

  it("leave a file that cannot be read in place and do not write over it", async () => {
    const path = join(dir, "settings.json");
    await mkdir(path);
    await writeFile(join(path, "keep"), "mine");
    const file = settingsFile();
    expect(await file.update((s) => ({ ...s, theme: "dark" }))).toEqual({ theme: "dark", recentLimit: 10 });
    expect(await readFile(join(path, "keep"), "utf8")).toBe("mine");
    expect(notices[0]).toMatch(
      /^The settings file could not be read \(EISDIR\); the defaults are used and the file is left as it is: /,
    );
  });

  it("reach the page once, through app.notices, when the app finds them at start", async () => {
    const t = await createTestServices();
    try {
      const data = join(t.dir, "data");
      await mkdir(join(data, "recovery"), { recursive: true });
      await writeFile(join(data, "settings.json"), "not json");
      await writeFile(join(data, "recent-files.json"), '{"format": 7, "files": []}');
      await writeFile(join(data, "recovery", "later.json"), '{"format": 2}');
      const handlers = createHandlers(t.services);
      expect(await dispatch(handlers, "settings.get", {})).toEqual({
        ok: true,
        value: { theme: "system", recentLimit: 10 },
      });
      expect(await dispatch(handlers, "documents.recent", {})).toEqual({ ok: true, value: [] });
      expect(await dispatch(handlers, "recovery.list", {})).toEqual({ ok: true, value: [] });
      const found = await dispatch(handlers, "app.notices", {});
      expect(found.ok && (found.value as string[]).map((m) => m.replace(/: .*$/, ""))).toEqual([
        "The settings file is not valid JSON; it was set aside and the defaults are used",
        "The recent-files list was written by a newer version of Pipewright (format 7; this version knows 1); it was set aside and the defaults are used",
        "A recovery copy was written by a newer version of Pipewright (format 2); it is not offered and is left in place",
      ]);
      expect(await dispatch(handlers, "app.notices", {})).toEqual({ ok: true, value: [] });
      expect(await readdir(join(data, "recovery"))).toEqual(["later.json"]);
    } finally {
      await t.cleanup();
    }
  });
});
