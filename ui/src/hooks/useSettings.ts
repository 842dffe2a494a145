// The app settings, and a save that applies the result (theme included) or returns the
// core's refusal as text for an inline error.
import { useCallback, useEffect, useState } from "react";

import { errorMessage, getSettings, setSetting, type SettingKey } from "../api";
import type { AppSettings } from "../bindings";
import { checkSetting } from "../lib/settings";
import { applyTheme } from "../lib/theme";

export type SaveSetting = (key: SettingKey, value: string | null) => Promise<string | null>;

export function useSettings() {
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    getSettings().then(
      (s) => {
        if (!live) return;
        setSettings(s);
        applyTheme(s.theme);
      },
      (e) => live && setLoadError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  /** Resolves to null when saved, else to the reason it was refused (the old value stays). */
  const save = useCallback<SaveSetting>(async (key, value) => {
    // What the registry rules out is refused here, in the core's words, without a round trip.
    const refused = checkSetting(key, value);
    if (refused) return refused;
    try {
      const s = await setSetting(key, value);
      setSettings(s);
      applyTheme(s.theme);
      return null;
    } catch (e) {
      return errorMessage(e);
    }
  }, []);

  return { settings, setSettings, loadError, save };
}
