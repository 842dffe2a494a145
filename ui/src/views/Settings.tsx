// The settings page. Each control saves at once; the core validates and may refuse.
import { useEffect, useState, type ReactNode } from "react";

import type { DesktopStatus } from "../bindings/DesktopStatus";
import { desktopStatus } from "../desktopApi";
import { useSettings } from "../hooks/useSettings";
import { HotkeyField } from "./settings/HotkeyField";
import { LlmField } from "./settings/LlmField";
import { MicrophoneField } from "./settings/MicrophoneField";
import { ModelField } from "./settings/ModelField";
import { StatusList } from "./settings/StatusList";

const LANGUAGES: [string, string][] = [
  ["auto", "Detect automatically"], ["en", "English"], ["de", "German"], ["fr", "French"], ["es", "Spanish"],
  ["it", "Italian"], ["nl", "Dutch"], ["pt", "Portuguese"], ["pl", "Polish"], ["sv", "Swedish"], ["ja", "Japanese"], ["zh", "Chinese"],
];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="settings-section">
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function Settings({ onClose, onOnboarding }: { onClose: () => void; onOnboarding: () => void }) {
  const { settings, setSettings, loadError, save } = useSettings();
  const [status, setStatus] = useState<DesktopStatus | null>(null);
  const [errors, setErrors] = useState<Record<string, string | null>>({});

  useEffect(() => {
    desktopStatus().then(setStatus, () => undefined);
  }, [settings]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !(e.target as HTMLElement | null)?.closest?.(".hotkey-capture")) onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);

  const set = async (key: string, value: string | null) => {
    const err = await save(key, value);
    setErrors((e) => ({ ...e, [key]: err }));
    return err;
  };
  const err = (key: string) => errors[key] && <p className="field-error" role="alert">{errors[key]}</p>;

  return (
    <div className="settings" role="dialog" aria-label="Settings">
      <header className="settings-header">
        <h1>Settings</h1>
        <button type="button" className="ghost-button" onClick={onOnboarding}>
          Run first-time setup
        </button>
        <button type="button" className="icon-button" aria-label="Close settings" title="Close (Esc)" onClick={onClose}>
          ×
        </button>
      </header>
      {loadError && <p className="field-error">Could not load settings: {loadError}</p>}
      {settings && (
        <div className="settings-body">
          <Section title="Status">
            <StatusList status={status} />
          </Section>
          <Section title="Record shortcut">
            <HotkeyField value={settings.hotkey} onSave={(v) => set("hotkey.shortcut", v)} />
            <div className="field-row" role="radiogroup" aria-label="Shortcut mode">
              {(["hold", "toggle"] as const).map((m) => (
                <label key={m} className="radio">
                  <input type="radio" name="hotkey-mode" checked={settings.hotkey_mode === m} onChange={() => void set("hotkey.mode", m)} />
                  {m === "hold" ? "Hold to talk" : "Press to start, press again to stop"}
                </label>
              ))}
            </div>
          </Section>
          <Section title="Microphone">
            <MicrophoneField value={settings.device} onSave={(v) => set("voice.device", v)} />
          </Section>
          <Section title="Speech model">
            <ModelField value={settings.model} onSave={(v) => set("voice.model", v)} />
            <label className="field-inline">
              Language
              <select value={settings.language} onChange={(e) => void set("voice.language", e.target.value)}>
                {LANGUAGES.map(([code, name]) => (
                  <option key={code} value={code}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            {err("voice.language")}
          </Section>
          <Section title="Language model">
            <LlmField value={settings.llm} onChange={(llm) => setSettings({ ...settings, llm })} />
          </Section>
          <Section title="Recordings">
            <label className="field-inline">
              Keep audio for
              <input
                type="number"
                min={0}
                className="days-input"
                defaultValue={settings.retention_days}
                onBlur={(e) => void set("audio.retention_days", e.target.value)}
              />
              days (0 = forever; transcripts are always kept)
            </label>
            {err("audio.retention_days")}
          </Section>
          <Section title="App">
            <label className="field-inline">
              <input type="checkbox" checked={settings.dnd} onChange={(e) => void set("notify.dnd", e.target.checked ? "on" : "off")} />
              Do not disturb (only errors notify)
            </label>
            <label className="field-inline">
              <input type="checkbox" checked={settings.autostart} onChange={(e) => void set("app.autostart", e.target.checked ? "on" : "off")} />
              Start Utter at login
            </label>
            {err("app.autostart")}
            <label className="field-inline">
              Theme
              <select value={settings.theme} onChange={(e) => void set("ui.theme", e.target.value)}>
                <option value="system">Follow the system</option>
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            </label>
          </Section>
        </div>
      )}
    </div>
  );
}
