// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createElement } from "react";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseDocument } from "../../shared/formats";
import { App } from "../../renderer/App";
import { ALL_COMMANDS } from "../../renderer/commands/registry";
import { createAppStore, StoreProvider } from "../../renderer/store";
import { selectDiagnostics } from "../../renderer/store/derived";
import { fakeApi, opened } from "./support/fake-api";

afterEach(cleanup);

// jsdom has no layout, so no ResizeObserver; React Flow needs one to mount.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoLayoutResizeObserver as unknown as typeof ResizeObserver;

async function renderDesigner() {
  const { client } = fakeApi();
  const store = createAppStore({ api: client, confirm: () => true, newId: () => "rid" });
  render(createElement(StoreProvider, { store }, createElement(App, { api: client })));
  await waitFor(() => expect(store.getState().templates).toHaveLength(1));
  act(() => store.getState().documentLoaded(opened({ dirty: false })));
  return { store, s: () => store.getState() };
}

describe("designer components", () => {
  it("palette: buttons named by provider in category groups, V2-only marked, a Stage item, and search", async () => {
    await renderDesigner();
    const palette = screen.getByRole("complementary", { name: "Palette" });
    const build = within(palette).getByRole("group", { name: "Build" });
    expect(within(build).getByRole("button", { name: "CodeBuild" })).toBeTruthy();
    const v2 = within(palette).getAllByText("V2");
    expect(v2.length).toBeGreaterThan(0);
    expect(within(palette).getByRole("button", { name: "Stage" })).toBeTruthy();
    for (const category of ["Source", "Build", "Test", "Deploy", "Approval", "Invoke", "Compute"])
      expect(within(palette).getByRole("group", { name: category })).toBeTruthy();
    fireEvent.change(within(palette).getByRole("searchbox", { name: "Search actions" }), {
      target: { value: "lambda" },
    });
    expect(within(palette).queryByRole("group", { name: "Build" })).toBeNull();
    expect(
      within(within(palette).getByRole("group", { name: "Invoke" })).getByRole("button", { name: "Lambda" }),
    ).toBeTruthy();
  });

  it("canvas: stages are regions named 'Stage <name>', actions are named '<name> (<provider>)'", async () => {
    await renderDesigner();
    await waitFor(() => expect(screen.getByRole("region", { name: "Stage Source" })).toBeTruthy());
    expect(screen.getByRole("region", { name: "Stage Approve" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Source (S3)" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Approve (Manual)" })).toBeTruthy();
  });

  it("canvas: a stage collapses to a count and expands again; toolbar toggles artifact flow", async () => {
    const { s } = await renderDesigner();
    fireEvent.click(await screen.findByRole("button", { name: "Collapse stage Approve" }));
    expect(s().collapsedStages).toEqual(["stage:Approve"]);
    await waitFor(() =>
      expect(
        within(screen.getByRole("region", { name: "Stage Approve" })).getByText("1 action"),
      ).toBeTruthy(),
    );
    fireEvent.click(screen.getByRole("button", { name: "Expand stage Approve" }));
    expect(s().collapsedStages).toEqual([]);
    fireEvent.click(screen.getByRole("checkbox", { name: "Artifact flow" }));
    expect(s().showArtifactEdges).toBe(false);
  });

  it("adds from the palette with the keyboard (a click without a pointer) and selects the new action", async () => {
    const { s } = await renderDesigner();
    const palette = screen.getByRole("complementary", { name: "Palette" });
    fireEvent.click(
      within(within(palette).getByRole("group", { name: "Build" })).getByRole("button", {
        name: "CodeBuild",
      }),
      { detail: 0 },
    );
    expect(s().doc?.document.pipeline.stages.map((st) => st.name)).toEqual(["Source", "Approve", "Build"]);
    await waitFor(() => expect(screen.getByRole("form", { name: "Action settings" })).toBeTruthy());
    expect(screen.getByRole("textbox", { name: "Action name" })).toHaveProperty("value", "CodeBuild");
  });

  it("inspector: catalog fields with required marks, inline errors, and edits that reach the document", async () => {
    const { s } = await renderDesigner();
    fireEvent.keyDown(await screen.findByRole("button", { name: "Source (S3)" }), { key: "Enter" });
    const form = await screen.findByRole("form", { name: "Action settings" });
    const bucket = within(form).getByRole("textbox", { name: "S3Bucket" });
    expect(bucket.getAttribute("aria-required")).toBe("true");
    fireEvent.change(bucket, { target: { value: "" } });
    expect(s().doc?.document.pipeline.stages[0]?.actions[0]?.configuration?.["S3Bucket"]).toBeUndefined();
    await waitFor(() => expect(within(form).getByText(/S3 needs it: S3Bucket/)).toBeTruthy());
    expect(bucket.getAttribute("aria-invalid")).toBe("true");
    fireEvent.change(bucket, { target: { value: "my-bucket" } });
    expect(s().doc?.document.pipeline.stages[0]?.actions[0]?.configuration?.["S3Bucket"]).toBe("my-bucket");
  });

  it("problems: the count is in the tab and the status bar; clicking one selects its element", async () => {
    const { s, store } = await renderDesigner();
    act(() =>
      store.getState().documentEdited((p) => ({
        ...p,
        stages: p.stages.map((st, i) => (i === 1 ? { ...st, name: "Source" } : st)),
      })),
    );
    const tab = await screen.findByRole("tab", { name: /^Problems \([1-9]/ });
    expect(tab).toBeTruthy();
    expect(screen.getByRole("status", { name: "Status" }).textContent).toMatch(/[1-9]\d* errors?/);
    const problem = within(screen.getByRole("list", { name: "Problems" }))
      .getAllByRole("button")
      .find((b) => /stages\.1\.name/.test(b.textContent ?? ""));
    expect(problem).toBeDefined();
    fireEvent.click(problem!);
    expect(s().selection).toEqual({ kind: "stage", stage: 1 });
  });

  it("command palette: Ctrl+Shift+P lists every registry command with its shortcut", async () => {
    await renderDesigner();
    fireEvent.keyDown(window, { key: "P", ctrlKey: true, shiftKey: true });
    const dialog = await screen.findByRole("dialog", { name: "Command palette" });
    const options = within(dialog).getAllByRole("option");
    expect(options).toHaveLength(ALL_COMMANDS.length);
    const undo = options.find((o) => o.textContent?.startsWith("Undo"));
    expect(undo?.textContent).toBe("UndoMod+Z");
    fireEvent.change(within(dialog).getByRole("combobox", { name: "Search commands" }), {
      target: { value: "add a stage" },
    });
    fireEvent.keyDown(within(dialog).getByRole("combobox", { name: "Search commands" }), { key: "Enter" });
    await waitFor(() => expect(screen.getByRole("region", { name: "Stage Stage" })).toBeTruthy());
  });
});

describe("designer components: bad input", () => {
  it("renders unknown providers as generic nodes, keeps unknown fields, and pasting garbage changes nothing", async () => {
    const { store, s } = await renderDesigner();
    const doc = opened().document;
    const pipeline = {
      ...doc.pipeline,
      futureMember: { kept: true },
      stages: doc.pipeline.stages.map((st, i) =>
        i === 1
          ? {
              ...st,
              actions: [
                {
                  name: "Mystery",
                  actionTypeId: {
                    category: "Deploy" as const,
                    owner: "Custom" as const,
                    provider: "AcmeDeployer",
                    version: "7",
                  },
                  configuration: { Anything: "goes" },
                  somethingNew: [1, 2, 3],
                },
              ],
            }
          : st,
      ),
    };
    act(() =>
      store.getState().documentLoaded(opened({ document: { shape: "bare", pipeline, envelope: {} } })),
    );
    const node = await screen.findByRole("button", { name: "Mystery (AcmeDeployer)" });
    expect(node.className).toContain("category-unknown");
    fireEvent.keyDown(node, { key: "Enter" });
    const form = await screen.findByRole("form", { name: "Action settings" });
    expect(within(form).getByText(/not in the catalog/)).toBeTruthy();
    // The extra configuration key is editable as a free key.
    fireEvent.change(within(form).getByRole("textbox", { name: "Anything" }), { target: { value: "else" } });
    const action = s().doc?.document.pipeline.stages[1]?.actions[0] as unknown as Record<string, unknown>;
    expect(action["somethingNew"]).toEqual([1, 2, 3]);
    expect((s().doc?.document.pipeline as unknown as Record<string, unknown>)["futureMember"]).toEqual({
      kept: true,
    });
    const before = s().doc?.document;
    const paste = new Event("paste", { bubbles: true }) as Event & { clipboardData?: unknown };
    Object.defineProperty(paste, "clipboardData", { value: { getData: () => "\u0000garbage{[" } });
    act(() => {
      document.body.dispatchEvent(paste);
    });
    expect(s().doc?.document).toBe(before);
  });
});

describe("designer components: pipeline settings", () => {
  it("edits triggers' push filters and pull-request events, and variables, each reaching the document", async () => {
    const { store, s } = await renderDesigner();
    const text = readFileSync(
      join(import.meta.dirname, "..", "fixtures", "aws", "v2-trigger-filters.json"),
      "utf8",
    );
    const document = parseDocument(text).document!;
    act(() => store.getState().documentLoaded(opened({ document })));
    const form = await screen.findByRole("form", { name: "Pipeline settings" });
    const trigger = within(form).getByRole("group", { name: "Trigger 1" });
    const git = () => s().doc!.document.pipeline.triggers![0]!.gitConfiguration;
    const before = git();
    const push = within(trigger).getByRole("group", { name: "Push filter 1" });
    fireEvent.change(within(push).getByRole("textbox", { name: "Branches" }), {
      target: { value: "main, release/*" },
    });
    // Only the includes changed: excludes, the other filters and the pull-request filter are kept.
    expect(git().push?.[0]?.branches).toEqual({
      includes: ["main", "release/*"],
      excludes: before.push?.[0]?.branches?.excludes,
    });
    expect(git().push?.[0]?.filePaths).toEqual(before.push?.[0]?.filePaths);
    expect(git().push?.[1]).toBe(before.push?.[1]);
    const pr = within(trigger).getByRole("group", { name: "Pull request filter 1" });
    fireEvent.click(within(pr).getByRole("checkbox", { name: "OPEN" }));
    expect(git().pullRequest?.[0]?.events).toEqual(["CLOSED", "OPEN"]);
    expect(git().pullRequest?.[0]?.filePaths).toEqual(before.pullRequest?.[0]?.filePaths);
    fireEvent.click(within(form).getByRole("button", { name: "Add a variable" }));
    expect(s().doc!.document.pipeline.variables?.length).toBeGreaterThan(0);
    expect(s().past.length).toBe(3);
  });

  it("moves to a store per region for a cross-region action, adds and removes regions, and back", async () => {
    const { s } = await renderDesigner();
    const codes = () => selectDiagnostics(s()).map((d) => d.code);
    const last = s().doc!.document.pipeline.stages.length - 1;
    act(() =>
      s().documentEdited((p) => ({
        ...p,
        stages: p.stages.map((stage, i) =>
          i === last
            ? {
                ...stage,
                actions: stage.actions.map((a, j) => (j === 0 ? { ...a, region: "eu-west-1" } : a)),
              }
            : stage,
        ),
      })),
    );
    expect(codes()).toContain("cross-region-store-missing");
    const form = await screen.findByRole("form", { name: "Pipeline settings" });
    const bucket = s().doc!.document.pipeline.artifactStore!.location;
    expect(
      within(form).getByText("Actions run in eu-west-1: each region needs its own bucket."),
    ).toBeTruthy();
    fireEvent.click(within(form).getByRole("button", { name: "Use a store per region" }));
    // The sandbox connection deploys to us-east-1: the bucket already entered is that region's.
    const pipeline = () => s().doc!.document.pipeline;
    expect(pipeline().artifactStore).toBeUndefined();
    expect(pipeline().artifactStores).toEqual({
      "us-east-1": { type: "S3", location: bucket },
      "eu-west-1": { type: "S3", location: "" },
    });
    expect(codes()).not.toContain("cross-region-store-missing");
    const eu = within(form).getByRole("group", { name: "Store in eu-west-1" });
    fireEvent.change(within(eu).getByRole("textbox", { name: /^Bucket in eu-west-1/ }), {
      target: { value: "artifacts-eu" },
    });
    expect(pipeline().artifactStores?.["eu-west-1"]?.location).toBe("artifacts-eu");
    expect(codes().filter((c) => c.startsWith("cross-region") || c.includes("artifact-store"))).toEqual([]);

    const region = within(form).getByRole("textbox", { name: "Region to add" });
    fireEvent.change(region, { target: { value: "nowhere" } });
    expect(within(form).getByText("Not a region name (like eu-west-1)")).toBeTruthy();
    expect(within(form).getByRole("button", { name: "Add store for region" })).toHaveProperty(
      "disabled",
      true,
    );
    fireEvent.change(region, { target: { value: "eu-west-1" } });
    expect(within(form).getByText("That region has a store already")).toBeTruthy();
    fireEvent.change(region, { target: { value: "ap-south-1" } });
    fireEvent.click(within(form).getByRole("button", { name: "Add store for region" }));
    expect(Object.keys(pipeline().artifactStores ?? {})).toEqual(["us-east-1", "eu-west-1", "ap-south-1"]);
    fireEvent.click(within(form).getByRole("button", { name: "Remove store for ap-south-1" }));
    expect(Object.keys(pipeline().artifactStores ?? {})).toEqual(["us-east-1", "eu-west-1"]);

    fireEvent.click(within(form).getByRole("button", { name: "Use one artifact store" }));
    expect(pipeline().artifactStore).toEqual({ type: "S3", location: bucket });
    expect(codes()).toContain("cross-region-store-missing");
    // Each switch, add and remove is one undo step; the bucket typing one more.
    act(() => s().undoRequested());
    expect(Object.keys(pipeline().artifactStores ?? {})).toEqual(["us-east-1", "eu-west-1"]);
  });
});

describe("designer components: changes since save", () => {
  it("shows what the document changes in its file, and nothing to show once saved", async () => {
    const { store, s } = await renderDesigner();
    act(() =>
      store.getState().documentLoaded(opened({ path: "/work/gate.json", version: "v1", dirty: false })),
    );
    const button = () => screen.getByRole("button", { name: "Changes since save" });
    expect(button()).toHaveProperty("disabled", true);
    act(() =>
      s().documentEdited((p) => ({
        ...p,
        stages: p.stages.map((stage) =>
          stage.name === "Source"
            ? {
                ...stage,
                actions: stage.actions.map((a) => ({
                  ...a,
                  configuration: { ...a.configuration, S3ObjectKey: "v2.zip" },
                })),
              }
            : stage,
        ),
      })),
    );
    fireEvent.click(button());
    const dialog = await screen.findByRole("dialog", { name: "Changes since gate.json was saved" });
    const diff = within(dialog).getByRole("region", { name: "Not saved yet" });
    expect(diff.textContent).toContain("configuration.S3ObjectKey");
    expect(diff.textContent).toContain('"k.zip"');
    expect(diff.textContent).toContain('"v2.zip"');
    fireEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    await act(() => s().saveRequested());
    expect(s().doc?.dirty).toBe(false);
    expect(s().doc?.savedPipeline).toBe(s().doc?.document.pipeline);
    expect(button()).toHaveProperty("disabled", true);
  });

  it("keeps an edit made while the file was being written unsaved, and compares with what was written", async () => {
    const { store, s } = await renderDesigner();
    act(() =>
      store.getState().documentLoaded(opened({ path: "/work/gate.json", version: "v1", dirty: false })),
    );
    act(() => s().pipelineRenamed("first"));
    const written = s().doc!.document;
    act(() => s().pipelineRenamed("second"));
    act(() => s().documentSaved({ path: "/work/gate.json", version: "v2" }, written));
    expect(s().doc?.dirty).toBe(true);
    expect(s().doc?.savedPipeline?.name).toBe("first");
    expect(screen.getByRole("button", { name: "Changes since save" })).toHaveProperty("disabled", false);
  });
});
