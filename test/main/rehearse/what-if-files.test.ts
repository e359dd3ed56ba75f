import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deleteWhatIf, listWhatIfs, saveWhatIf, whatIfPath } from "../../../main/rehearse/what-if-files";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "pipewright-whatif-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("what-if files beside a pipeline", () => {
  it("saves each what-if as web.whatif.<name>.json and lists them back", async () => {
    const doc = join(dir, "web.json");
    const deployFails = { rules: [{ stage: "Deploy", outcome: "fail" }], expect: { status: "Failed" } };
    expect(await saveWhatIf(doc, "deploy-fails", deployFails)).toBe(
      join(dir, "web.whatif.deploy-fails.json"),
    );
    await saveWhatIf(doc, "alarm_skips", { conditionRules: [{ rule: "Alarm", outcome: "fail" }] });
    expect(readFileSync(join(dir, "web.whatif.deploy-fails.json"), "utf8")).toBe(
      `${JSON.stringify(deployFails, null, 2)}\n`,
    );
    writeFileSync(join(dir, "other.whatif.x.json"), "{}");
    writeFileSync(join(dir, "web.whatif.broken.json"), "{ nope");
    writeFileSync(join(dir, "web.whatif.wrong.json"), JSON.stringify({ rules: [{ outcome: "explode" }] }));
    const listed = await listWhatIfs(doc);
    expect(listed.map((w) => w.name)).toEqual(["alarm_skips", "broken", "deploy-fails", "wrong"]);
    expect(listed[2]).toEqual({
      name: "deploy-fails",
      path: join(dir, "web.whatif.deploy-fails.json"),
      whatIf: deployFails,
    });
    expect(listed[1]?.problem).toMatch(/^not valid JSON/);
    expect(listed[3]?.problem).toContain("Invalid scenario at rules.0.outcome");
  });

  it("refuses a bad name or scenario without writing, and deletes", async () => {
    const doc = join(dir, "web.json");
    expect(() => whatIfPath(doc, "../escape")).toThrow("A what-if name has letters, digits, - and _ only");
    await expect(saveWhatIf(doc, "bad", { rules: "no" })).rejects.toThrow("Invalid scenario at rules");
    expect(await listWhatIfs(doc)).toEqual([]);
    await saveWhatIf(doc, "ok", {});
    await deleteWhatIf(doc, "ok");
    await deleteWhatIf(doc, "ok");
    expect(await listWhatIfs(doc)).toEqual([]);
  });
});
