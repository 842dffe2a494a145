import { describe, expect, it } from "vitest";

import type { SettingEntry } from "../bindings";
import { MockBackend } from "../mock/mockBackend";
import { checkSetting, SETTING_KEYS, SETTINGS, settingDefault } from "./settings";

describe("the settings registry (generated from the core)", () => {
  it("lists each setting under its own key, with a label, a description and a default its kind takes", () => {
    expect(SETTING_KEYS.length).toBeGreaterThan(10);
    for (const key of SETTING_KEYS) {
      const s = SETTINGS[key];
      expect(s.key).toBe(key);
      expect(s.label).not.toBe("");
      expect(s.description).toMatch(/\.$/);
      expect(s.default !== null || s.unset_means !== null).toBe(true);
      if (s.default !== null) expect(checkSetting(key, s.default)).toBeNull();
    }
  });

  it("refuses what the registry rules out in the core's words (tests/core/settings.rs has the same)", () => {
    expect(checkSetting("notify.dnd", "yes")).toBe(
      'cannot set notify.dnd: "yes" is not one of on, off',
    );
    expect(checkSetting("ui.theme", "purple")).toBe(
      'cannot set ui.theme: "purple" is not one of system, light, dark',
    );
    expect(checkSetting("hotkey.mode", "sometimes")).toBe(
      'cannot set hotkey.mode: "sometimes" is not one of hold, toggle',
    );
    expect(checkSetting("audio.retention_days", "soon")).toBe(
      'cannot set audio.retention_days: "soon" is not a whole number of days from 0 to 36500',
    );
    expect(checkSetting("voice.unload_after_minutes", "99999")).toBe(
      'cannot set voice.unload_after_minutes: "99999" is not a whole number of minutes from 0 to 10080',
    );
    expect(checkSetting("audio.retention_days", " 7 ")).toBeNull();
    expect(checkSetting("audio.retention_days", null)).toBeNull();
    // Text settings are the core's to check.
    expect(checkSetting("voice.language", "klingon")).toBeNull();
    expect(settingDefault("hotkey.shortcut")).toBe("CommandOrControl+Shift+Space");
    expect(settingDefault("voice.device")).toBe("");
  });

  it("is what the mock core lists and takes, key for key", async () => {
    const backend = new MockBackend({});
    const listed = (await backend.handle("list_settings")) as SettingEntry[];
    expect(listed.map((e) => e.key)).toEqual(SETTING_KEYS);
    for (const key of SETTING_KEYS) {
      const d = SETTINGS[key].default;
      if (d !== null) await backend.handle("set_setting", { key, value: d });
      await backend.handle("set_setting", { key, value: null });
    }
    await expect(
      backend.handle("set_setting", { key: "notify.dnd", value: "yes" }),
    ).rejects.toMatchObject({
      message: 'cannot set notify.dnd: "yes" is not one of on, off',
    });
    await expect(
      backend.handle("set_setting", { key: "ui.theem", value: "dark" }),
    ).rejects.toHaveProperty("message", expect.stringContaining("unknown setting 'ui.theem'"));
    backend.desktop.dispose();
  });
});
