/**
 * A file with wrong member types opens (through main's real handlers) with every problem listed at
 * its line in the file, and never blocks New, Save or Open.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createAppStore } from "../../renderer/store";
import { DAMAGED_DOCUMENT } from "../../renderer/store/designer-slice";
import { selectDiagnostics } from "../../renderer/store/derived";
import { namedWrongTypes } from "./support/bad-files.mjs";
import { createHandlerApi, type HandlerApi } from "./support/handler-api.mjs";

let api: HandlerApi | undefined;
afterEach(async () => {
  await api?.cleanup();
});

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split("\n").length;
}

describe("problems of a file with wrong member types", () => {
  it("lists each at its line: scalars from validation, containers from parsing", async () => {
    api = await createHandlerApi("structured-clone");
    const store = createAppStore({ api: api.client, confirm: () => true });
    const text = namedWrongTypes
      .find((c) => c.label === '"name": 42')!
      .text.replace(
        '"runOrder": 1,\n            "configuration": {\n              "ProjectName"',
        '"runOrder": "abc",\n            "configuration": {\n              "ProjectName"',
      );
    const path = join(api.dir, "odd.json");
    await writeFile(path, text);
    await store.getState().openRequested(path);
    const problems = selectDiagnostics(store.getState());
    const name = problems.find((d) => d.path.join(".") === "pipeline.name");
    const runOrder = problems.find((d) => d.path.join(".") === "pipeline.stages.1.actions.0.runOrder");
    expect(name?.location?.line).toBe(lineOf(text, '"name": 42'));
    expect(runOrder?.location?.line).toBe(lineOf(text, '"runOrder": "abc"'));
    // Edits are allowed (nothing is damaged) and the lines go once the document no longer matches the file.
    store.getState().pipelineRenamed("fixed");
    expect(
      selectDiagnostics(store.getState()).find((d) => d.path.join(".") === "pipeline.name"),
    ).toBeUndefined();
  });

  it("opens damaged containers read-only for the designer and saves them back unchanged", async () => {
    api = await createHandlerApi("json");
    const store = createAppStore({ api: api.client, confirm: () => true });
    const text = `${namedWrongTypes.find((c) => c.label === '"actions": "x"')!.text}\n`;
    const path = join(api.dir, "damaged.json");
    await writeFile(path, text);
    await store.getState().openRequested(path);
    const problem = selectDiagnostics(store.getState()).find((d) => d.code === "wrong-type");
    expect(problem).toMatchObject({
      path: ["pipeline", "stages", 1, "actions"],
      location: { line: lineOf(text, '"actions": "x"') },
    });
    expect(problem?.message).toBe('"actions" must be an array, found a string: "x"');
    store.getState().pipelineRenamed("edited");
    expect(store.getState().canvasMessage).toBe(DAMAGED_DOCUMENT);
    expect(store.getState().doc?.dirty).toBe(false);
    await store.getState().saveRequested();
    expect(await readFile(path, "utf8")).toBe(text);
    // The JSON view fixes it: then the designer edits again.
    store.getState().jsonTextEdited(text.replace('"actions": "x"', '"actions": []'));
    store.getState().pipelineRenamed("edited");
    expect(store.getState().doc?.document.pipeline.name).toBe("edited");
  });
});
