// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { createElement } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { fail } from "../../shared/ipc";
import { findCommand } from "../../renderer/commands/registry";
import { OwnerTagKeysDialog } from "../../renderer/panels/iac/OwnerTagKeysDialog";
import { createAppStore, StoreProvider } from "../../renderer/store";
import { fakeApi } from "./support/fake-api";

afterEach(cleanup);

function renderDialog() {
  const { api, client } = fakeApi();
  const store = createAppStore({ api: client, confirm: () => true, newId: () => "rid" });
  render(createElement(StoreProvider, { store }, createElement(OwnerTagKeysDialog)));
  return { api, store };
}

function open(store: ReturnType<typeof renderDialog>["store"]) {
  const command = findCommand("ownerTagKeys")!;
  expect(command.label).toBe("Owner tag keys…");
  expect(command.enabled(store.getState())).toBe(true);
  command.run(store.getState());
  return screen.findByRole("dialog", { name: "Owner tag keys" });
}

describe("owner tag keys", () => {
  it("starts from the default key, saves what is typed to the settings, and closes", async () => {
    const { api, store } = renderDialog();
    const dialog = await open(store);
    const keys = within(dialog).getByRole("textbox", { name: /Tag keys/ }) as HTMLTextAreaElement;
    expect(keys.value).toBe("ManagedBy");
    fireEvent.change(keys, { target: { value: "ManagedBy\n Owner-Tool ,ManagedBy\n\n" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Save keys" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(api.settings.update).toHaveBeenCalledWith({ ownerTagKeys: ["ManagedBy", "Owner-Tool"] });
    expect(store.getState().settings.ownerTagKeys).toEqual(["ManagedBy", "Owner-Tool"]);
    // Opened again, it shows the saved keys.
    const again = await open(store);
    expect((within(again).getByRole("textbox", { name: /Tag keys/ }) as HTMLTextAreaElement).value).toBe(
      "ManagedBy\nOwner-Tool",
    );
  });

  it("says why a key cannot be saved, and keeps the dialog and the text when saving fails", async () => {
    const { api, store } = renderDialog();
    const dialog = await open(store);
    const keys = within(dialog).getByRole("textbox", { name: /Tag keys/ });
    const save = within(dialog).getByRole("button", { name: "Save keys" }) as HTMLButtonElement;
    fireEvent.change(keys, { target: { value: "x".repeat(129) } });
    expect(within(dialog).getByRole("alert").textContent).toContain("A tag key has at most 128 characters");
    expect(save.disabled).toBe(true);

    fireEvent.change(keys, { target: { value: "Owner" } });
    expect(save.disabled).toBe(false);
    api.settings.update.mockResolvedValueOnce(
      fail("permission-denied", "The settings could not be written: EACCES"),
    );
    fireEvent.click(save);
    await within(dialog).findByText("The settings could not be written: EACCES");
    expect((keys as HTMLTextAreaElement).value).toBe("Owner");
    expect(store.getState().settings.ownerTagKeys).toBeUndefined();
  });
});
