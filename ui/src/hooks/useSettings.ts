import { useCallback, useEffect, useState } from "react";

import type { AppSettings } from "../bindings/AppSettings";
import { errorText, getSettings, setSetting } from "../desktopApi";
import { applyTheme } from "../lib/theme";

/** The settings, and a save that returns the core's refusal (or null). */
export function useSettings() {
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(() => {
    getSettings().then(
      (s) => {
        setSettings(s);
        applyTheme(s.theme);
      },
      (e) => setLoadError(errorText(e)),
    );
  }, []);
  useEffect(reload, [reload]);

  const save = useCallback(async (key: string, value: string | null): Promise<string | null> => {
    try {
      const s = await setSetting(key, value);
      setSettings(s);
      applyTheme(s.theme);
      return null;
    } catch (e) {
      return errorText(e);
    }
  }, []);

  return { settings, setSettings, loadError, save, reload };
}
