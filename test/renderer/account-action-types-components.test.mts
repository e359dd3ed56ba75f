// @vitest-environment jsdom
/**
 * The rendered palette and inspector with the connection's custom action types: the palette's
 * Load button lists them in their category, marked Custom; an added action shows the type's
 * properties as fields (required, secret, queryable, description); its problems show inline. The
 * path through main's real handlers and the sandbox is account-action-types.test.mts.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { specFromListing } from "../../shared/catalog/account-types";
import { ok } from "../../shared/ipc";
import { App } from "../../renderer/App";
import { createAppStore, StoreProvider } from "../../renderer/store";
import { selectDiagnostics } from "../../renderer/store/derived";
import { JENKINS_TYPE } from "./support/custom-types.mjs";
import { fakeApi, opened } from "./support/fake-api";

afterEach(cleanup);

// jsdom has no layout, so no ResizeObserver; React Flow needs one to mount.
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
globalThis.ResizeObserver ??= NoLayoutResizeObserver as unknown as typeof ResizeObserver;

/** JENKINS_TYPE as ListActionTypes answers with it, turned into the entry main sends. */
const LISTED = specFromListing({
  id: { category: "Build", owner: "Custom", provider: JENKINS_TYPE.provider, version: "1" },
  settings: JENKINS_TYPE.settings,
  actionConfigurationProperties: JENKINS_TYPE.configurationProperties,
  inputArtifactDetails: JENKINS_TYPE.inputArtifactDetails,
  outputArtifactDetails: JENKINS_TYPE.outputArtifactDetails,
})!;

async function renderDesigner() {
  const { api, client } = fakeApi();
  api.aws.listActionTypes.mockImplementation(async () => ok([LISTED]));
  const store = createAppStore({ api: client, confirm: () => true, newId: () => "rid" });
  render(createElement(StoreProvider, { store }, createElement(App, { api: client })));
  await waitFor(() => expect(store.getState().templates).toHaveLength(1));
  act(() => store.getState().documentLoaded(opened({ dirty: false })));
  return { api, store };
}

describe("the palette and inspector with the connection's custom action types", () => {
  it("lists them on Load, adds one, and shows its properties as fields with their problems", async () => {
    const { api, store } = await renderDesigner();
    const codes = () => selectDiagnostics(store.getState()).map((d) => `${d.severity} ${d.code}`);
    const palette = screen.getByRole("complementary", { name: "Palette" });
    expect(within(palette).queryByRole("button", { name: "TeamJenkins" })).toBeNull();
    fireEvent.click(within(palette).getByRole("button", { name: "Load action types from Sandbox" }));
    await waitFor(() =>
      expect(within(palette).getByRole("status").textContent).toBe("1 action type from Sandbox."),
    );
    expect(api.aws.listActionTypes).toHaveBeenCalledWith({ connection: { kind: "sandbox" } });
    const item = within(within(palette).getByRole("group", { name: "Build" })).getByRole("button", {
      name: "TeamJenkins",
    });
    expect(within(item).getByText("Custom")).toBeTruthy();

    fireEvent.click(item, { detail: 0 });
    const form = await screen.findByRole("form", { name: "Action settings" });
    const project = within(form).getByRole("textbox", { name: "ProjectName" });
    expect(project.getAttribute("aria-required")).toBe("true");
    expect(within(form).getByRole("textbox", { name: "ApiToken" }).getAttribute("aria-required")).not.toBe(
      "true",
    );
    expect(within(form).getByText(/The Jenkins job to run\. Job workers poll by it/)).toBeTruthy();
    expect(within(form).getByText(/Secret: AWS shows it masked/)).toBeTruthy();
    expect(codes()).not.toContain("warning unknown-action-type");
    expect(codes()).toContain("error missing-required-configuration");

    fireEvent.change(project, { target: { value: "team/web" } });
    await waitFor(() => expect(within(form).getByText(/must be 1 to 20 letters, digits/)).toBeTruthy());
    expect(project.getAttribute("aria-invalid")).toBe("true");
    fireEvent.change(project, { target: { value: "web-build" } });
    await waitFor(() => expect(codes()).not.toContain("error queryable-value-invalid"));
    expect(codes()).not.toContain("error missing-required-configuration");
    const added = store
      .getState()
      .doc!.document.pipeline.stages.flatMap((s) => s.actions)
      .find((a) => a.actionTypeId.provider === "TeamJenkins");
    expect(added?.configuration).toEqual({ ProjectName: "web-build" });
  }, 60_000);

  it("says why when the connection cannot list them", async () => {
    const { api } = await renderDesigner();
    api.aws.listActionTypes.mockImplementation(async () => ({
      ok: false as const,
      error: { code: "access-denied", message: "Not allowed: codepipeline:ListActionTypes" },
    }));
    const palette = screen.getByRole("complementary", { name: "Palette" });
    fireEvent.click(within(palette).getByRole("button", { name: "Load action types from Sandbox" }));
    await waitFor(() =>
      expect(within(palette).getByRole("status").textContent).toBe(
        "Could not list the action types of Sandbox: Not allowed: codepipeline:ListActionTypes",
      ),
    );
  });
});
