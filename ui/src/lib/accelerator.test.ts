import { describe, expect, it } from "vitest";

import { acceleratorKeys, captureShortcut, prettyAccelerator } from "./accelerator";

const key = (
  k: string,
  code: string,
  mods: Partial<Record<"ctrlKey" | "metaKey" | "altKey" | "shiftKey", boolean>> = {},
) => ({
  key: k,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe("accelerators", () => {
  it("builds Tauri accelerators from key events, per platform", () => {
    expect(captureShortcut(key(" ", "Space", { ctrlKey: true, shiftKey: true }), false)).toEqual({
      accelerator: "CommandOrControl+Shift+Space",
    });
    expect(captureShortcut(key(" ", "Space", { metaKey: true, shiftKey: true }), true)).toEqual({
      accelerator: "CommandOrControl+Shift+Space",
    });
    expect(captureShortcut(key("k", "KeyK", { ctrlKey: true, metaKey: true }), true)).toEqual({
      accelerator: "CommandOrControl+Control+K",
    });
    expect(captureShortcut(key("ß", "Minus", { altKey: true }), false)).toEqual({
      accelerator: "Alt+Minus",
    });
    expect(captureShortcut(key("1", "Digit1", { metaKey: true }), false)).toEqual({
      accelerator: "Super+1",
    });
    expect(captureShortcut(key("F9", "F9"), false)).toEqual({ accelerator: "F9" });
  });

  it("waits on bare modifiers and refuses keys that would catch typing", () => {
    expect(captureShortcut(key("Control", "ControlLeft", { ctrlKey: true }), false)).toBeNull();
    expect(captureShortcut(key("a", "KeyA"), false)).toHaveProperty(
      "problem",
      expect.stringContaining("A alone"),
    );
    expect(captureShortcut(key("A", "KeyA", { shiftKey: true }), false)).toHaveProperty(
      "problem",
      expect.stringContaining("Shift+A alone"),
    );
  });

  it("shows accelerators in the platform's style", () => {
    expect(prettyAccelerator("CommandOrControl+Shift+Space", false)).toBe("Ctrl+Shift+Space");
    expect(prettyAccelerator("CommandOrControl+Shift+Space", true)).toBe("⇧⌘Space");
    expect(prettyAccelerator("Shift+Alt+Control+ArrowUp", false)).toBe("Ctrl+Alt+Shift+↑");
    expect(acceleratorKeys("Super+Alt+K", true)).toEqual(["⌥", "⌘", "K"]);
  });
});
