/**
 * The document end to end (issue: one pipeline in the document, key order kept): random edit
 * sequences run through the renderer store, cross to main's real handlers by JSON (web mode) or
 * structured clone (Electron), are saved, and the file is opened again. Every part of the file the
 * edits left alone must come back byte for byte, integer-like keys included, and an edited object
 * must keep the order of its remaining members.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { findNodeAtLocation, parseTree, type Node } from "jsonc-parser";
import { afterAll, describe, expect, it } from "vitest";
import { parseDocument, serializeDocument } from "../../shared/formats";
import { toFileKey } from "../../shared/pipeline/member-keys";
import type { ActionDeclaration, PipelineDeclaration } from "../../shared/pipeline/model";
import { moveAction, moveStage, renameStage, setConfigurationValue } from "../../shared/pipeline/operations";
import { createAppStore, type AppStore } from "../../renderer/store";
import { obj, treeText, type Tree } from "./support/file-tree";
import { createHandlerApi, type HandlerApi, type Transport } from "./support/handler-api.mjs";

const RUNS = 60;
/** Keys JavaScript would reorder ("0", "7", "10", the largest index) mixed with ordinary ones. */
const KEYS = ["b", "7", "10", "a", "0", "4294967294", "__proto__", "ProjectName", "x1", "01"] as const;

const value = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom("1", "true", ""));
const configuration = fc
  .uniqueArray(fc.constantFrom(...KEYS), { maxLength: 6 })
  .chain((keys) =>
    fc
      .tuple(...keys.map(() => value))
      .map((values) => obj(...keys.map((k, i): [string, Tree] => [k, values[i]!]))),
  );
const unknownMember = fc.constantFrom<[string, Tree]>(
  ["5", obj(["z", 1], ["3", "q"])],
  ["extra", obj(["9", true], ["a", null])],
  ["42", [obj(["1", 1], ["b", 2])]],
);

function action(name: string, runOrder: number, config: Tree, extra: Array<[string, Tree]>): Tree {
  return obj(
    ["name", name],
    [
      "actionTypeId",
      obj(["category", "Build"], ["owner", "AWS"], ["provider", "CodeBuild"], ["version", "1"]),
    ],
    ["runOrder", runOrder],
    ["configuration", config],
    ...extra,
  );
}

/** A create-pipeline input file with unique action names and integer-like keys in many places. */
const fileTree = fc
  .array(
    fc.array(
      fc.tuple(
        fc.integer({ min: 1, max: 3 }),
        configuration,
        fc.uniqueArray(unknownMember, { maxLength: 2, selector: (m) => m[0] }),
      ),
      {
        minLength: 1,
        maxLength: 3,
      },
    ),
    { minLength: 2, maxLength: 4 },
  )
  .chain((stages) =>
    fc.tuple(
      fc.constant(stages),
      fc.uniqueArray(unknownMember, { maxLength: 2, selector: (m) => m[0] }),
      fc.boolean(),
    ),
  )
  .map(([stages, pipelineExtra, tagsFirst]): Tree => {
    const pipeline = obj(
      ["name", "p"],
      ["roleArn", "arn:aws:iam::111111111111:role/r"],
      ["artifactStore", obj(["type", "S3"], ["location", "bucket"])],
      [
        "stages",
        stages.map((actions, s) =>
          obj(
            ["name", `S${s}`],
            [
              "actions",
              actions.map(([runOrder, config, extra], a) => action(`A${s}_${a}`, runOrder, config, extra)),
            ],
          ),
        ),
      ],
      ...pipelineExtra,
    );
    const tags: [string, Tree] = ["tags", [obj(["key", "k"], ["value", "v"])]];
    return tagsFirst
      ? obj(tags, ["8", obj(["y", 1], ["2", 2])], ["pipeline", pipeline])
      : obj(["pipeline", pipeline], ["8", obj(["y", 1], ["2", 2])], tags);
  });

type Op =
  | { kind: "config"; action: number; key: string; value: string | null }
  | { kind: "renameStage"; stage: number; name: string }
  | { kind: "moveStage"; from: number; to: number }
  | { kind: "moveAction"; action: number; stage: number; mode: "parallel" | "before" | "after" }
  | { kind: "renamePipeline"; name: string }
  | { kind: "undo" }
  | { kind: "redo" }
  | { kind: "jsonView" }
  | { kind: "save" };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("config" as const),
    action: fc.nat(20),
    key: fc.constantFrom(...KEYS, "9", "c"),
    value: fc.option(fc.string({ maxLength: 3 })),
  }),
  fc.record({
    kind: fc.constant("renameStage" as const),
    stage: fc.nat(5),
    name: fc.constantFrom("Build", "7", "Deploy"),
  }),
  fc.record({ kind: fc.constant("moveStage" as const), from: fc.nat(5), to: fc.nat(5) }),
  fc.record({
    kind: fc.constant("moveAction" as const),
    action: fc.nat(20),
    stage: fc.nat(5),
    mode: fc.constantFrom("parallel" as const, "before" as const, "after" as const),
  }),
  fc.record({ kind: fc.constant("renamePipeline" as const), name: fc.constantFrom("q", "renamed") }),
  fc.constant({ kind: "undo" as const }),
  fc.constant({ kind: "redo" as const }),
  fc.constant({ kind: "jsonView" as const }),
  fc.constant({ kind: "save" as const }),
);

function addresses(pipeline: PipelineDeclaration): Array<{ stage: number; action: number }> {
  return pipeline.stages.flatMap((stage, s) => stage.actions.map((_, a) => ({ stage: s, action: a })));
}

/** Runs one op through the store; records which configuration keys were ever deleted, per action. */
async function apply(store: AppStore, o: Op, deleted: Set<string>): Promise<void> {
  const state = store.getState();
  const pipeline = state.doc!.document.pipeline;
  const all = addresses(pipeline);
  switch (o.kind) {
    case "config": {
      const at = all[o.action % all.length]!;
      const name = pipeline.stages[at.stage]!.actions[at.action]!.name;
      if (o.value === null) deleted.add(`${name}\u0000${o.key}`);
      state.documentEdited((p) => setConfigurationValue(p, at, o.key, o.value ?? undefined));
      return;
    }
    case "renameStage":
      state.documentEdited((p) => renameStage(p, o.stage % p.stages.length, o.name));
      return;
    case "moveStage":
      state.documentEdited((p) => moveStage(p, o.from % p.stages.length, o.to % p.stages.length));
      return;
    case "moveAction": {
      const from = all[o.action % all.length]!;
      state.documentEdited((p) =>
        moveAction(p, from, { stage: o.stage % p.stages.length, runOrder: 1, mode: o.mode }),
      );
      return;
    }
    case "renamePipeline":
      state.pipelineRenamed(o.name);
      return;
    case "undo":
      state.undoRequested();
      return;
    case "redo":
      state.redoRequested();
      return;
    case "jsonView":
      // What the JSON view applies when the user retypes its text: a full parse of the shown text.
      state.jsonTextEdited(serializeDocument(state.doc!.document));
      return;
    case "save":
      await state.saveRequested();
      return;
  }
}

function nodeText(text: string, root: Node, path: Array<string | number>): string | undefined {
  const node = findNodeAtLocation(root, path);
  return node === undefined ? undefined : text.slice(node.offset, node.offset + node.length);
}

/** Every action of the original file, by name: its model value and its text. */
function originalActions(text: string): Map<string, { action: ActionDeclaration; text: string }> {
  const doc = parseDocument(text).document!;
  const root = parseTree(text)!;
  const found = new Map<string, { action: ActionDeclaration; text: string }>();
  doc.pipeline.stages.forEach((stage, s) =>
    stage.actions.forEach((action, a) => {
      found.set(action.name, {
        action,
        text: nodeText(text, root, ["pipeline", "stages", s, "actions", a])!,
      });
    }),
  );
  return found;
}

const opened: HandlerApi[] = [];
afterAll(async () => {
  for (const api of opened) await api.cleanup();
});

describe("document round trip through store, IPC, save and open (property-based)", () => {
  it("keeps untouched parts byte for byte and edited objects in order", async () => {
    const apis = new Map<Transport, HandlerApi>();
    for (const transport of ["json", "structured-clone"] as const) {
      const api = await createHandlerApi(transport);
      opened.push(api);
      apis.set(transport, api);
    }
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fileTree,
        fc.array(op, { minLength: 1, maxLength: 12 }),
        fc.constantFrom<Transport>("json", "structured-clone"),
        async (tree, ops, transport) => {
          const api = apis.get(transport)!;
          const path = join(api.dir, `run-${++run}.json`);
          const original = `${treeText(tree)}\n`;
          await writeFile(path, original);
          let clock = 0;
          const store = createAppStore({
            api: api.client,
            confirm: () => true,
            newId: () => `r${run}`,
            now: () => (clock += 5000),
          });
          await store.getState().openRequested(path);
          expect(store.getState().error).toBe(null);
          expect(serializeDocument(store.getState().doc!.document)).toBe(original);

          const deleted = new Set<string>();
          for (const o of ops) await apply(store, o, deleted);
          await store.getState().saveRequested();
          expect(store.getState().error).toBe(null);
          const saved = await readFile(path, "utf8");
          expect(saved).toBe(serializeDocument(store.getState().doc!.document));

          // Untouched parts: the envelope, pipeline members other than stages, and every action equal to one
          // of the original ones come back as the same bytes.
          const before = parseTree(original)!;
          const after = parseTree(saved)!;
          for (const key of ["8", "tags"])
            expect(nodeText(saved, after, [key])).toBe(nodeText(original, before, [key]));
          for (const key of ["5", "extra", "42", "artifactStore", "roleArn"])
            expect(nodeText(saved, after, ["pipeline", key])).toBe(
              nodeText(original, before, ["pipeline", key]),
            );
          const originals = originalActions(original);
          const final = store.getState().doc!.document.pipeline;
          let compared = 0;
          final.stages.forEach((stage, s) =>
            stage.actions.forEach((act, a) => {
              const old = originals.get(act.name);
              if (old === undefined) return;
              const text = nodeText(saved, after, ["pipeline", "stages", s, "actions", a]);
              try {
                expect(act).toEqual(old.action);
              } catch {
                // Edited: the configuration keeps its remaining original keys in their order.
                const keep = Object.keys(old.action.configuration ?? {})
                  .map(toFileKey)
                  .filter((k) => !deleted.has(`${act.name}\u0000${k}`));
                const savedKeys = (
                  findNodeAtLocation(after, ["pipeline", "stages", s, "actions", a, "configuration"])
                    ?.children ?? []
                ).map((p) => p.children![0]!.value as string);
                expect(savedKeys.filter((k) => keep.includes(k))).toEqual(
                  keep.filter((k) => savedKeys.includes(k)),
                );
                return;
              }
              compared++;
              expect(text).toBe(old.text);
            }),
          );
          expect(compared + final.stages.length).toBeGreaterThan(0);

          // Open the saved file again and save it unchanged: the same bytes.
          await store.getState().openRequested(path);
          expect(store.getState().doc!.dirty).toBe(false);
          store.getState().documentEdited((p) => ({ ...p }));
          await store.getState().saveRequested();
          expect(await readFile(path, "utf8")).toBe(saved);
        },
      ),
      { numRuns: RUNS },
    );
    // Sixty runs of opening, editing and saving files: minutes on a loaded 2-core machine.
  }, 300_000);
});
