// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { fail, ok } from "../../shared/ipc";
import { findCommand } from "../../renderer/commands/registry";
import { DeployControls } from "../../renderer/panels/deploy/DeployControls";
import { createAppStore, StoreProvider } from "../../renderer/store";
import { fakeApi, opened } from "./support/fake-api";

afterEach(cleanup);

function renderControls() {
  const { api, client } = fakeApi();
  const store = createAppStore({ api: client, confirm: () => true, newId: () => "rid" });
  render(createElement(StoreProvider, { store }, createElement(DeployControls)));
  return { api, store };
}

const SUMMARY = {
  stagesAdded: 0,
  stagesRemoved: 0,
  stagesMoved: 0,
  stagesChanged: 1,
  actionsAdded: 0,
  actionsRemoved: 0,
  actionsMoved: 0,
  actionsChanged: 1,
  pipelineChanges: 0,
};

/** Deploy, once the open document has enabled it. */
async function clickDeploy(): Promise<void> {
  const deploy = screen.getByRole("button", { name: "Deploy" }) as HTMLButtonElement;
  await waitFor(() => expect(deploy.disabled).toBe(false));
  fireEvent.click(deploy);
}

describe("deploy controls", () => {
  it("picks the sandbox without profiles, tests it, and enables Deploy once a document is open", async () => {
    const { api, store } = renderControls();
    await waitFor(() => expect(api.aws.profiles).toHaveBeenCalled());
    const picker = screen.getByRole("group", { name: "Connection" });
    expect((within(picker).getByRole("combobox", { name: "Connection" }) as HTMLSelectElement).value).toBe(
      "sandbox:",
    );
    fireEvent.click(within(picker).getByRole("button", { name: "Test connection" }));
    await within(picker).findByText(/Account sandbox/);
    const deploy = screen.getByRole("button", { name: "Deploy" }) as HTMLButtonElement;
    expect(deploy.disabled).toBe(true);
    store.getState().documentLoaded(opened());
    await waitFor(() => expect(deploy.disabled).toBe(false));
    expect(findCommand("deploy")?.label).toBe("Deploy");
  });

  it("shows the diff with secret values hidden, warnings, and the wait-until-idle choice", async () => {
    const { api, store } = renderControls();
    store.getState().documentLoaded(opened());
    api.aws.previewDeploy.mockResolvedValueOnce(
      ok({
        planId: "11111111-1111-1111-1111-111111111111",
        name: "sample",
        action: "update" as const,
        diagnostics: [],
        remoteVersion: 7,
        upToDate: false,
        warnings: [
          {
            code: "executions-in-progress" as const,
            message: "A run is in progress: r-1",
            executionIds: ["r-1"],
          },
          {
            code: "managed-by-cloudformation" as const,
            message: "Managed by a CloudFormation stack: st",
            owner: "st",
          },
        ],
        diff: {
          identical: false,
          pipeline: [],
          stages: [
            {
              kind: "changed" as const,
              name: "Build",
              changes: [],
              actions: [
                {
                  kind: "changed" as const,
                  name: "Compile",
                  stage: "Build",
                  changes: [
                    {
                      kind: "changed" as const,
                      path: ["stages", 1, "actions", 0, "configuration", "OAuthToken"],
                      before: "old-secret",
                      after: "new-secret",
                    },
                  ],
                },
              ],
            },
          ],
          summary: SUMMARY,
        },
      }),
    );
    await clickDeploy();
    const dialog = await screen.findByRole("dialog", { name: "Deploy sample to Sandbox" });
    const diff = within(dialog).getByRole("region", { name: "Changes to version 7" });
    expect(diff.textContent).toMatch(/1 stage changed, 1 action changed/);
    expect(diff.textContent).toMatch(/configuration\.OAuthToken/);
    expect(diff.textContent).not.toMatch(/old-secret|new-secret/);
    expect(diff.textContent).toMatch(/\(secret\)/);
    expect(
      within(dialog)
        .getAllByRole("note")
        .map((n) => n.textContent),
    ).toEqual(["A run is in progress: r-1", "Managed by a CloudFormation stack: st"]);
    fireEvent.click(within(dialog).getByRole("checkbox", { name: /Wait until idle/ }));
    api.aws.deploy.mockResolvedValueOnce(ok({ action: "update" as const, name: "sample", version: 8 }));
    // A stack owns the pipeline: deploying directly is a separate, explicit choice.
    const guard = within(dialog).getByRole("region", { name: "Drift warning" });
    expect(within(guard).getByRole("button", { name: "Export the change as a template" })).toBeTruthy();
    const anyway = within(guard).getByRole("button", { name: "Deploy changes anyway" }) as HTMLButtonElement;
    expect(anyway.disabled).toBe(true);
    fireEvent.click(within(guard).getByRole("checkbox", { name: /Deploy directly anyway/ }));
    fireEvent.click(anyway);
    await within(dialog).findByText(/sample is now at version 8/);
    expect(api.aws.deploy).toHaveBeenCalledWith({
      planId: "11111111-1111-1111-1111-111111111111",
      waitUntilIdle: true,
      allowDrift: true,
    });
  });

  it("explains a failure and that the document was not changed", async () => {
    const { api, store } = renderControls();
    store.getState().documentLoaded(opened());
    api.aws.previewDeploy.mockResolvedValueOnce(
      fail("access-denied", "Not allowed to codepipeline:GetPipeline as arn:aws:iam::1:user/u: sample"),
    );
    await clickDeploy();
    const dialog = await screen.findByRole("dialog", { name: "Deploy failed: sample" });
    expect(within(dialog).getByRole("alert").textContent).toMatch(/codepipeline:GetPipeline.*not changed/);
  });
});
