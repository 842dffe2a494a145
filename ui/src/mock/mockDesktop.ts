// The desktop half of the mock core: settings, microphones, models, recording. Events go
// out through `emit` (the Tauri event mock in `vite --mode mock`, a spy in unit tests).
import { commandError } from "./commandError";
import { events } from "../bindings";
import type {
  AppSettings,
  DesktopStatus,
  InputDevice,
  ModelEntry,
  ProviderConfig,
  Task,
  VoiceEvent,
} from "../bindings";
import {
  checkSetting,
  SETTING_KEYS,
  SETTINGS,
  settingDefault,
  type SettingKey,
} from "../lib/settings";

type Args = Record<string, unknown>;
/** An event the core sends, by its generated name (`voice`, `modelDownload`, ...). */
export type EventName = keyof typeof events;
export type EventPayload<K extends EventName> = Parameters<(typeof events)[K]["emit"]>[0];
export type Emit = <K extends EventName>(event: K, payload: EventPayload<K>) => void;

/** Sends an event to the page as the core would, through the generated bindings. */
export const sendEvent: Emit = (event, payload) => {
  void (events[event].emit as (p: unknown) => Promise<void>)(payload).catch(() => undefined);
};

/** What the mock microphone "hears" during a recording, word by word. */
export const MOCK_SPEECH =
  "call Joe tomorrow about the renewal and the Henderson proposal is due Friday and book the dentist";

/** The registry's defaults; the mock machine has tiny.en and has been set up. */
const DEFAULTS: AppSettings = {
  hotkey: settingDefault("hotkey.shortcut"),
  hotkey_mode: settingDefault("hotkey.mode") as AppSettings["hotkey_mode"],
  device: null,
  model: "tiny.en",
  language: settingDefault("voice.language"),
  retention_days: Number(settingDefault("audio.retention_days")),
  dnd: settingDefault("notify.dnd") === "on",
  theme: settingDefault("ui.theme") as AppSettings["theme"],
  autostart: settingDefault("app.autostart") === "on",
  onboarding_done: true,
  llm: null,
  reconcile: settingDefault("dumps.reconcile") === "on",
  daily_backup: settingDefault("backup.daily") === "on",
};

const FLAG_KEYS: Partial<
  Record<SettingKey, "dnd" | "autostart" | "onboarding_done" | "reconcile" | "daily_backup">
> = {
  "dumps.reconcile": "reconcile",
  "backup.daily": "daily_backup",
  "notify.dnd": "dnd",
  "app.autostart": "autostart",
  "onboarding.done": "onboarding_done",
};

/** Rejections look like the core's: a `CommandError`. */
function refuse(message: string, notFound = false): never {
  throw commandError(notFound ? "not_found" : "invalid", message);
}

/** "call Joe … and the Henderson proposal …" → ["Call Joe …", "The Henderson proposal …"]. */
export function titlesFrom(text: string): string[] {
  return text
    .split(/\s+and\s+|[.;]\s*/i)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 2)
    .map((s) => s[0].toUpperCase() + s.slice(1));
}

export class MockDesktop {
  /** Every instance, so tests can stop their timers between tests. */
  static live = new Set<MockDesktop>();
  static disposeAll() {
    MockDesktop.live.forEach((d) => d.dispose());
    MockDesktop.live.clear();
  }

  settings: AppSettings = { ...DEFAULTS };
  /** Every setting set through `set_setting`, as stored (what `list_settings` shows). */
  stored: Partial<Record<SettingKey, string>> = {};
  /** The meaning-search model, downloaded like a speech model. */
  embeddings = {
    name: "all-MiniLM-L6-v2",
    size: 83_342_062,
    installed: false,
    partial_download: false,
    bytes_on_disk: 0,
    recommended: false,
    auto_in_use: false,
  };
  devices: InputDevice[] = [
    { name: "Built-in Microphone", is_default: true },
    { name: "USB Headset", is_default: false },
  ];
  models: ModelEntry[] = [
    {
      name: "tiny.en",
      description: "Fastest, English only",
      size: 77_704_715,
      multilingual: false,
      installed: true,
      partial_download: false,
      bytes_on_disk: 77_704_715,
      memory_mb: 275,
      recommended: false,
      reason: null,
      auto_in_use: true,
    },
    {
      name: "base.en",
      description: "Good balance, English only",
      size: 147_964_211,
      multilingual: false,
      installed: false,
      partial_download: false,
      bytes_on_disk: 0,
      memory_mb: 350,
      recommended: true,
      reason: "4 cores, 8 GB of memory: base: real time on any 4-core laptop",
      auto_in_use: false,
    },
    {
      name: "small.en",
      description: "More accurate, slower, English only",
      size: 487_614_201,
      multilingual: false,
      installed: false,
      partial_download: false,
      bytes_on_disk: 0,
      memory_mb: 850,
      recommended: false,
      reason: null,
      auto_in_use: false,
    },
    {
      name: "small",
      description: "More accurate, slower",
      size: 487_601_967,
      multilingual: true,
      installed: false,
      partial_download: true,
      bytes_on_disk: 121_900_000,
      memory_mb: 850,
      recommended: false,
      reason: null,
      auto_in_use: false,
    },
  ];
  status: DesktopStatus = {
    hotkey: DEFAULTS.hotkey,
    hotkey_registered: true,
    hotkey_error: null,
    tray: true,
    notifications: true,
    notifications_error: null,
    microphone: true,
    microphone_error: null,
    model_installed: true,
    voice: "idle",
  };
  /** Shortcuts another app owns (set_setting refuses them, the old one stays). */
  taken = new Set<string>(["Control+Alt+Delete", "CommandOrControl+Alt+T"]);
  /** Per download step (10 steps): ~1 s in all by default. */
  downloadStepMs = 100;
  /** Between stop_recording and "done". */
  transcribeMs = 600;
  /** Between words of the mock speech while recording. */
  wordMs = 220;
  emit: Emit = () => undefined;
  /** Creates the tasks a finished mock recording "heard". */
  /** Records a finished recording in the voice journal (the backend sets this). */
  addDump: (text: string, tasks: Task[]) => number = () => 0;
  addTask: (title: string) => Task = () => {
    throw new Error("no task store");
  };
  private levelTimer: ReturnType<typeof setInterval> | null = null;
  private recordTimers: ReturnType<typeof setInterval>[] = [];
  private heard: string[] = [];
  private disposed = false;

  constructor() {
    MockDesktop.live.add(this);
  }

  /** Stops every timer (recording, level test) and sends nothing more. */
  dispose() {
    this.stopTimers();
    if (this.levelTimer) clearInterval(this.levelTimer);
    this.levelTimer = null;
    this.emit = () => undefined;
    this.disposed = true;
  }

  /** No tray host, no notification daemon, no microphone (`?desktop=bare`). */
  bare() {
    this.devices = [];
    Object.assign(this.status, {
      tray: false,
      notifications: false,
      notifications_error:
        "No notification daemon on the session bus (org.freedesktop.Notifications)",
      microphone: false,
      microphone_error: "No microphone found: no input devices on the default host",
    });
  }

  handles(cmd: string): boolean {
    return [
      "get_settings",
      "set_setting",
      "list_settings",
      "desktop_status",
      "list_input_devices",
      "list_models",
      "download_model",
      "embedding_status",
      "download_embedding_model",
      "start_recording",
      "stop_recording",
      "cancel_recording",
      "start_level_test",
      "stop_level_test",
      "set_llm_provider",
      "clear_llm_provider",
      "undo_dump",
    ].includes(cmd);
  }

  voice(e: VoiceEvent) {
    if (e.kind === "state") this.status.voice = e.state;
    this.emit("voice", e);
  }

  dispatch(cmd: string, a: Args, deleteTask: (id: number) => boolean): unknown {
    switch (cmd) {
      case "get_settings":
        return this.snapshot();
      case "set_setting":
        return this.set(String(a.key), (a.value as string | null | undefined) ?? null);
      case "list_settings":
        return SETTING_KEYS.map((k) => ({ ...SETTINGS[k], value: this.stored[k] ?? null }));
      case "desktop_status":
        return {
          ...this.status,
          hotkey: this.settings.hotkey,
          model_installed: this.models.some((m) => m.name === this.settings.model && m.installed),
        };
      case "list_input_devices":
        return this.devices.map((d) => ({ ...d }));
      case "list_models":
        return this.models.map((m) => ({ ...m }));
      case "download_model":
        return this.download(String(a.name));
      case "embedding_status":
        return { model: "all-MiniLM-L6-v2", installed: this.embeddings.installed, pending: 0 };
      case "download_embedding_model":
        return this.download("all-MiniLM-L6-v2");
      case "start_recording":
        return this.startRecording();
      case "stop_recording":
        return this.stopRecording();
      case "cancel_recording":
        this.stopTimers();
        if (this.status.voice !== "idle") {
          this.voice({ kind: "cancelled" });
          this.voice({ kind: "state", state: "idle" });
        }
        return null;
      case "start_level_test":
        return this.startLevelTest((a.device as string | null | undefined) ?? null);
      case "stop_level_test":
        if (this.levelTimer) clearInterval(this.levelTimer);
        this.levelTimer = null;
        return null;
      case "set_llm_provider":
        return this.setLlm(
          a.config as ProviderConfig,
          (a.apiKey as string | null | undefined) ?? null,
        );
      case "clear_llm_provider":
        this.settings.llm = null;
        return null;
      case "undo_dump":
        return (a.taskIds as number[]).filter(deleteTask).length;
      default:
        throw `unknown command ${cmd}`;
    }
  }

  /** A finished recording: transcribing, the tasks, then idle (synchronous, for tests). */
  finish(titles: string[], text = titles.join(". ")) {
    this.voice({ kind: "state", state: "transcribing" });
    const tasks = titles.map((t) => this.addTask(t));
    const transcriptId = this.addDump(text, tasks);
    this.voice({
      kind: "done",
      text,
      transcript_id: transcriptId,
      task_ids: tasks.map((t) => t.id),
      titles,
      changed: [],
      answers: [],
    });
    this.voice({ kind: "state", state: "idle" });
  }

  private snapshot(): AppSettings {
    return { ...this.settings, llm: this.settings.llm ? { ...this.settings.llm } : null };
  }

  private level(t: number): number {
    // Speech-like: syllable bumps on a slow swell.
    return Math.max(
      0.04,
      Math.min(1, 0.35 + 0.25 * Math.sin(t / 3) + 0.2 * Math.abs(Math.sin(t * 1.7))),
    );
  }

  private startLevelTest(device: string | null) {
    if (this.devices.length === 0) refuse(this.status.microphone_error ?? "No microphone found");
    if (device && !this.devices.some((d) => d.name === device))
      refuse(`Microphone “${device}” is not connected`);
    if (this.levelTimer) clearInterval(this.levelTimer);
    let t = 0;
    this.levelTimer = setInterval(
      () => this.emit("voice", { kind: "level", level: this.level(t++) }),
      80,
    );
    return null;
  }

  private startRecording() {
    if (this.status.voice !== "idle") return null;
    if (this.devices.length === 0) {
      this.voice({ kind: "error", message: this.status.microphone_error ?? "No microphone found" });
      return null;
    }
    this.heard = [];
    this.voice({ kind: "state", state: "recording" });
    let t = 0;
    this.recordTimers.push(
      setInterval(() => this.voice({ kind: "level", level: this.level(t++) }), 70),
    );
    const words = MOCK_SPEECH.split(" ");
    this.recordTimers.push(
      setInterval(() => {
        if (this.heard.length >= words.length) return;
        this.heard.push(words[this.heard.length]);
        this.voice({ kind: "partial", text: this.heard.join(" ") });
      }, this.wordMs),
    );
    return null;
  }

  private stopRecording() {
    if (this.status.voice !== "recording") return null;
    this.stopTimers();
    const text = this.heard.join(" ");
    this.voice({ kind: "state", state: "transcribing" });
    this.recordTimers.push(
      setTimeout(() => {
        this.stopTimers();
        this.finish(titlesFrom(text), text);
      }, this.transcribeMs),
    );
    return null;
  }

  private stopTimers() {
    this.recordTimers.forEach((t) => clearInterval(t));
    this.recordTimers = [];
  }

  private setLlm(config: ProviderConfig, apiKey: string | null): ProviderConfig {
    if (!/^https?:\/\/\S+$/.test(config.base_url))
      refuse(`invalid base URL “${config.base_url}”: expected http:// or https://`);
    if (!config.model.trim()) refuse("the model name must not be empty");
    const c = {
      ...config,
      api_key_ref: apiKey?.trim() ? "llm-api-key" : (this.settings.llm?.api_key_ref ?? null),
    };
    this.settings.llm = c;
    return { ...c };
  }

  /** Checked by the registry as the core checks it (same words); the taken shortcut as the shell does. */
  private set(key: string, value: string | null): AppSettings {
    const s = this.settings;
    if (!(key in SETTINGS))
      refuse(
        `unknown setting '${key}'; known: ${SETTING_KEYS.join(", ")} (see \`utter settings list\`)`,
      );
    const k = key as SettingKey;
    const refused = checkSetting(k, value);
    if (refused) refuse(refused);
    const v = value?.trim() ?? null;
    if (k === "hotkey.shortcut") {
      const h = v ?? DEFAULTS.hotkey;
      if (this.taken.has(h))
        refuse(
          `The shortcut ${h} is already taken by another app; ${s.hotkey} stays. Choose another one.`,
        );
      s.hotkey = h;
    } else if (k === "hotkey.mode")
      s.hotkey_mode = (v ?? DEFAULTS.hotkey_mode) as AppSettings["hotkey_mode"];
    else if (k === "voice.device") s.device = v;
    else if (k === "voice.model") s.model = v ?? DEFAULTS.model;
    else if (k === "voice.language") s.language = v ?? DEFAULTS.language;
    else if (k === "audio.retention_days")
      s.retention_days = v === null ? DEFAULTS.retention_days : Number(v);
    else if (k === "ui.theme") s.theme = (v ?? DEFAULTS.theme) as AppSettings["theme"];
    else {
      const field = FLAG_KEYS[k];
      if (field) s[field] = v === null ? DEFAULTS[field] : v === "on";
    }
    if (v === null) delete this.stored[k];
    else this.stored[k] = v;
    return this.snapshot();
  }

  private download(name: string): Promise<null> {
    const m =
      name === "all-MiniLM-L6-v2" ? this.embeddings : this.models.find((x) => x.name === name);
    if (!m) return Promise.reject(commandError("not_found", `unknown model ${name}`));
    const from = m.partial_download ? m.bytes_on_disk : 0;
    return new Promise((resolve) => {
      let step = 0;
      const tick = () => {
        if (this.disposed) return;
        step += 1;
        const downloaded = Math.round(from + ((m.size - from) * step) / 10);
        const done = step >= 10;
        if (done)
          Object.assign(m, { installed: true, partial_download: false, bytes_on_disk: m.size });
        // "Choose for me" moves to the recommended model once it is there (as the core does).
        if (done && m.recommended) this.models.forEach((x) => (x.auto_in_use = x === m));
        this.emit("modelDownload", { name, downloaded, total: m.size, done, error: null });
        if (done) resolve(null);
        else setTimeout(tick, this.downloadStepMs);
      };
      setTimeout(tick, this.downloadStepMs);
    });
  }
}
