import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Handlers, RehearseOutcome, Result, WhatIfFileEntry } from "../../../shared/ipc";
import { dispatch } from "../../../main/ipc/dispatch";
import { createRehearseHandlers } from "../../../main/ipc/rehearse-handlers";
import { build, deploy, pipeline, source } from "../rehearse/pipelines";

// Only the rehearse channels are called; the other handlers are never reached.
const handlers = createRehearseHandlers() as unknown as Handlers;

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "pipewright-rehearse-ipc-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("rehearse channels", () => {
  it("rehearses a pipeline that was never saved, in a private sandbox", async () => {
    const outcome = value<RehearseOutcome>(
      await dispatch(handlers, "rehearse.run", {
        pipeline: pipeline([source(), build(), deploy({ onFailure: { result: "ROLLBACK" } })]),
        whatIf: { rules: [{ stage: "Deploy", outcome: "fail" }] },
      }),
    );
    expect(outcome.kind).toBe("ran");
    if (outcome.kind !== "ran") return;
    expect(outcome.result.status).toBe("Failed");
    expect(outcome.result.stages[2]?.rolledBack).toBe(true);
  });

  it("answers an invalid pipeline and a bad what-if as outcomes, not errors", async () => {
    const invalid = value<RehearseOutcome>(
      await dispatch(handlers, "rehearse.run", { pipeline: pipeline([source()]), whatIf: {} }),
    );
    expect(invalid).toMatchObject({ kind: "invalid-pipeline" });
    const bad = value<RehearseOutcome>(
      await dispatch(handlers, "rehearse.run", {
        pipeline: pipeline([source(), build()]),
        whatIf: { rules: 3 },
      }),
    );
    expect(bad).toMatchObject({ kind: "invalid-what-if" });
    const refused = await dispatch(handlers, "rehearse.run", { pipeline: "x", whatIf: {} });
    expect(refused).toMatchObject({ ok: false, error: { code: "invalid-request" } });
  });

  it("saves, lists and deletes what-ifs beside the document", async () => {
    const documentPath = join(dir, "web.json");
    const saved = value<{ path: string }>(
      await dispatch(handlers, "rehearse.saveWhatIf", {
        documentPath,
        name: "deploy-fails",
        whatIf: { rules: [] },
      }),
    );
    expect(saved.path).toBe(join(dir, "web.whatif.deploy-fails.json"));
    const listed = value<WhatIfFileEntry[]>(
      await dispatch(handlers, "rehearse.listWhatIfs", { documentPath }),
    );
    expect(listed).toEqual([{ name: "deploy-fails", path: saved.path, whatIf: { rules: [] } }]);
    const refused = await dispatch(handlers, "rehearse.saveWhatIf", {
      documentPath,
      name: "x",
      whatIf: { rules: "no" },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: "invalid-request" } });
    const badName = await dispatch(handlers, "rehearse.saveWhatIf", {
      documentPath,
      name: "../x",
      whatIf: {},
    });
    expect(badName).toMatchObject({ ok: false, error: { code: "invalid-request" } });
    value(await dispatch(handlers, "rehearse.deleteWhatIf", { documentPath, name: "deploy-fails" }));
    expect(
      value<WhatIfFileEntry[]>(await dispatch(handlers, "rehearse.listWhatIfs", { documentPath })),
    ).toEqual([]);
  });
});
