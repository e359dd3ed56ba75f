// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { ALL_COMMANDS, commandForKey, findCommand, isMenuCommand } from "../../renderer/commands/registry";

const key = (
  k: string,
  mods: Partial<Record<"ctrlKey" | "metaKey" | "shiftKey" | "altKey", boolean>> = {},
  target?: unknown,
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
  target,
});

describe("the command registry", () => {
  it("has unique ids and shortcuts, and every designer command the issue names", () => {
    const ids = ALL_COMMANDS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const shortcuts = ALL_COMMANDS.flatMap((c) => (c.shortcut === undefined ? [] : [c.shortcut]));
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
    for (const id of [
      "undo",
      "redo",
      "cut",
      "copy",
      "paste",
      "duplicate",
      "delete",
      "selectAllInStage",
      "exportV1",
      "exportV2",
      "copyJson",
      "commandPalette",
      "moveLeft",
      "moveRight",
    ])
      expect(findCommand(id), id).toBeDefined();
    expect(isMenuCommand(findCommand("save")!)).toBe(true);
    expect(isMenuCommand(findCommand("undo")!)).toBe(false);
  });

  it("maps keys to commands: Mod, Shift and Alt combinations, Backspace as Delete", () => {
    expect(commandForKey(key("z", { ctrlKey: true }))?.id).toBe("undo");
    expect(commandForKey(key("Z", { metaKey: true, shiftKey: true }))?.id).toBe("redo");
    expect(commandForKey(key("P", { ctrlKey: true, shiftKey: true }))?.id).toBe("commandPalette");
    expect(commandForKey(key("ArrowLeft", { altKey: true }))?.id).toBe("moveLeft");
    expect(commandForKey(key("Backspace"))?.id).toBe("delete");
    expect(commandForKey(key("Delete"))?.id).toBe("delete");
    expect(commandForKey(key("s", { ctrlKey: true }))?.id).toBe("save");
    expect(commandForKey(key("ArrowLeft"))).toBeUndefined();
  });

  it("leaves keys to text fields, except the global ones; clipboard keys come as clipboard events", () => {
    const input = document.createElement("input");
    document.body.append(input);
    expect(commandForKey(key("Delete", {}, input))).toBeUndefined();
    expect(commandForKey(key("z", { ctrlKey: true }, input))).toBeUndefined();
    expect(commandForKey(key("P", { ctrlKey: true, shiftKey: true }, input))?.id).toBe("commandPalette");
    expect(commandForKey(key("s", { ctrlKey: true }, input))?.id).toBe("save");
    expect(commandForKey(key("c", { ctrlKey: true }))).toBeUndefined();
    expect(commandForKey(key("v", { ctrlKey: true }))).toBeUndefined();
  });
});
