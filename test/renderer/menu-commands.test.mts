import { describe, expect, it } from "vitest";
import { MENU_COMMANDS } from "../../shared/ipc";
import { findCommand } from "../../renderer/commands/registry";

/** Every id the desktop menu can send (main/app/menu.ts is typed by this list) runs a real command. */
describe("menu commands", () => {
  it("all exist in the renderer's command registry", () => {
    expect(MENU_COMMANDS.filter((id) => findCommand(id) === undefined)).toEqual([]);
  });
});
