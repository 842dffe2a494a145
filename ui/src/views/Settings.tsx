// The settings page: covers the board; Esc or × returns to it. Each control saves at once; the
// core validates, and a refusal shows next to the control that caused it. A row's label and
// help come from the core's settings registry (lib/settings.ts), as in `utter settings list`.
import { useCallback, useEffect, useRef, useState } from "react";

import { desktopStatus, type SettingKey } from "../api";
import type { DesktopStatus, HotkeyMode, Theme } from "../bindings";
import { useSettings } from "../hooks/useSettings";
import { SETTINGS } from "../lib/settings";
import { DataField } from "./settings/DataField";
import { BackupsField } from "./settings/BackupsField";
import { HotkeyField } from "./settings/HotkeyField";
import { LANGUAGES } from "./settings/languages";
import { LlmField } from "./settings/LlmField";
import { MeaningSearchField } from "./settings/MeaningSearchField";
import { MicrophoneField } from "./settings/MicrophoneField";
import { ModelField } from "./settings/ModelField";
import { RetentionField } from "./settings/RetentionField";
import { Segmented, SettingRow } from "./settings/SettingRow";
import { StatusList } from "./settings/StatusList";
import { VocabularyField } from "./settings/VocabularyField";

const MODES = [
  ["hold", "Hold to talk"],
  ["toggle", "Press to start, again to stop"],
] as const satisfies readonly (readonly [HotkeyMode, string])[];
const THEMES = [
  ["system", "System"],
  ["light", "Light"],
  ["dark", "Dark"],
] as const satisfies readonly (readonly [Theme, string])[];

/** Where the File menu sent the user: Settings → Data, at its export or its restore. */
export type SettingsFocus = "export" | "restore" | null;

export function Settings({
  onClose,
  onSetup,
  focus = null,
}: {
  onClose: () => void;
  onSetup: () => void;
  focus?: SettingsFocus;
}) {
  const { settings, setSettings, loadError, save } = useSettings();
  const [status, setStatus] = useState<DesktopStatus | null>(null);
  const [errors, setErrors] = useState<Partial<Record<SettingKey, string | null>>>({});
  const root = useRef<HTMLDivElement>(null);

  const recheck = useCallback(() => {
    desktopStatus().then(setStatus, () => undefined);
  }, []);
  // Saving a shortcut, microphone or model changes what works: check again after each save.
  useEffect(recheck, [recheck, settings]);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    root.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      // The board's shortcut handler also sees this Esc (and marks it handled): close anyway.
      // A shortcut being captured stops its Esc before it gets here.
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("keydown", onKey);
      before?.focus?.();
    };
  }, [onClose]);

  const set = useCallback(
    async (key: SettingKey, value: string | null) => {
      const err = await save(key, value);
      setErrors((e) => ({ ...e, [key]: err }));
      return err;
    },
    [save],
  );

  // An on/off setting as a switch.
  const toggle = (key: SettingKey, id: string, checked: boolean) => (
    <input
      id={id}
      type="checkbox"
      className="switch"
      checked={checked}
      onChange={(e) => void set(key, e.target.checked ? "on" : "off")}
    />
  );

  return (
    <div className="settings page" role="dialog" aria-label="Settings" ref={root} tabIndex={-1}>
      <header className="page-header">
        <h1>Settings</h1>
        <button type="button" className="ghost-button" onClick={onSetup}>
          Run first-time setup
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Close settings"
          title="Back to the board (Esc)"
          onClick={onClose}
        >
          ×
        </button>
      </header>
      {loadError && (
        <p className="field-error page-error" role="alert">
          Could not load settings: {loadError}
        </p>
      )}
      {settings && (
        <div className="page-body">
          <section className="settings-section" aria-labelledby="s-status">
            <h2 id="s-status">Status</h2>
            <StatusList status={status} model={settings.model} onRecheck={recheck} />
          </section>

          <section className="settings-section" aria-labelledby="s-recording">
            <h2 id="s-recording">Recording</h2>
            <SettingRow
              setting="hotkey.shortcut"
              htmlFor="setting-hotkey"
              help={`${SETTINGS["hotkey.shortcut"].description} Click, then press the keys.`}
            >
              <HotkeyField
                id="setting-hotkey"
                value={settings.hotkey}
                onSave={(v) => set("hotkey.shortcut", v)}
              />
            </SettingRow>
            <SettingRow setting="hotkey.mode" error={errors["hotkey.mode"]}>
              <Segmented
                name="hotkey-mode"
                label="Shortcut mode"
                value={settings.hotkey_mode}
                options={MODES}
                onChange={(m) => void set("hotkey.mode", m)}
              />
            </SettingRow>
            <SettingRow
              setting="voice.device"
              htmlFor="setting-microphone"
              error={errors["voice.device"]}
            >
              <MicrophoneField
                id="setting-microphone"
                value={settings.device}
                onSave={(v) => set("voice.device", v)}
              />
            </SettingRow>
          </section>

          <section className="settings-section" aria-labelledby="s-speech">
            <h2 id="s-speech">Transcription</h2>
            <SettingRow setting="voice.model" id="setting-model" error={errors["voice.model"]}>
              <ModelField value={settings.model} onSave={(v) => set("voice.model", v)} />
            </SettingRow>
            <SettingRow
              setting="voice.language"
              htmlFor="setting-language"
              error={errors["voice.language"]}
            >
              <select
                id="setting-language"
                value={settings.language}
                onChange={(e) => void set("voice.language", e.target.value)}
              >
                {LANGUAGES.map(([code, name]) => (
                  <option key={code} value={code}>
                    {name}
                  </option>
                ))}
                {!LANGUAGES.some(([c]) => c === settings.language) && (
                  <option value={settings.language}>{settings.language}</option>
                )}
              </select>
            </SettingRow>
          </section>

          <section className="settings-section" aria-labelledby="s-vocabulary">
            <h2 id="s-vocabulary">Vocabulary</h2>
            <p className="section-help">
              Names and terms the speech model should spell your way. People and companies on your
              board are included automatically; add what it still gets wrong, with what it writes
              instead.
            </p>
            <VocabularyField />
          </section>

          <section className="settings-section" aria-labelledby="s-board">
            <h2 id="s-board">Board</h2>
            <SettingRow
              setting="dumps.reconcile"
              htmlFor="setting-reconcile"
              error={errors["dumps.reconcile"]}
            >
              {toggle("dumps.reconcile", "setting-reconcile", settings.reconcile)}
            </SettingRow>
            <SettingRow
              label="Search by meaning"
              help="A small model (all-MiniLM-L6-v2) that runs on this computer, so “medical appointment” finds “Book the dentist”. Without it, search matches words."
            >
              <MeaningSearchField />
            </SettingRow>
          </section>

          <section className="settings-section" aria-labelledby="s-llm">
            <h2 id="s-llm">
              Language model <span className="optional">optional</span>
            </h2>
            <p className="section-help">
              Utter works offline without one. A language model can understand longer, messier
              dumps, and agents need one to work on tasks.
            </p>
            <LlmField value={settings.llm} onChange={(llm) => setSettings({ ...settings, llm })} />
          </section>

          <section className="settings-section" aria-labelledby="s-privacy">
            <h2 id="s-privacy">Privacy</h2>
            <SettingRow
              setting="audio.retention_days"
              htmlFor="setting-retention"
              error={errors["audio.retention_days"]}
            >
              <RetentionField
                id="setting-retention"
                value={settings.retention_days}
                onSave={(v) => set("audio.retention_days", v)}
              />
            </SettingRow>
          </section>

          <section className="settings-section" aria-labelledby="s-data">
            <h2 id="s-data">Data</h2>
            <p className="section-help">
              Utter backs up the board every day and before each upgrade, and keeps the last seven
              daily backups. A backup holds your cards, transcripts and agent runs; API keys stay in
              the system keychain and are not in it.
            </p>
            <SettingRow
              setting="backup.daily"
              htmlFor="setting-daily-backup"
              error={errors["backup.daily"]}
            >
              {toggle("backup.daily", "setting-daily-backup", settings.daily_backup)}
            </SettingRow>
            <BackupsField pickOnOpen={focus === "restore"} />
            <DataField focusExport={focus === "export"} />
          </section>

          <section className="settings-section" aria-labelledby="s-app">
            <h2 id="s-app">App</h2>
            <SettingRow setting="notify.dnd" htmlFor="setting-dnd" error={errors["notify.dnd"]}>
              {toggle("notify.dnd", "setting-dnd", settings.dnd)}
            </SettingRow>
            <SettingRow
              setting="app.autostart"
              htmlFor="setting-autostart"
              error={errors["app.autostart"]}
            >
              {toggle("app.autostart", "setting-autostart", settings.autostart)}
            </SettingRow>
            <SettingRow setting="ui.theme" error={errors["ui.theme"]}>
              <Segmented
                name="theme"
                label="Theme"
                value={settings.theme}
                options={THEMES}
                onChange={(t) => void set("ui.theme", t)}
              />
            </SettingRow>
          </section>
        </div>
      )}
    </div>
  );
}
