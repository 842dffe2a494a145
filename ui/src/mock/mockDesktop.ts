// The desktop half of the mock core: settings, microphones, models, recording. Events go
// out through `emit` (the Tauri event mock in `vite --mode mock`, a spy in unit tests).
import type { AppSettings } from "../bindings/AppSettings";
import type { DesktopStatus } from "../bindings/DesktopStatus";
import type { InputDevice } from "../bindings/InputDevice";
import type { ModelEntry } from "../bindings/ModelEntry";
import type { ProviderConfig } from "../bindings/ProviderConfig";
import type { Task } from "../bindings/Task";
import type { VoiceEvent } from "../bindings/VoiceEvent";

type Args = Record<string, unknown>;
export type Emit = (event: string, payload: unknown) => void;

const FLAG_KEYS: Record<string, keyof AppSettings> = {
  "notify.dnd": "dnd",
  "app.autostart": "autostart",
  "onboarding.done": "onboarding_done",
};

export class MockDesktop {
  settings: AppSettings = {
    hotkey: "CommandOrControl+Shift+Space",
    hotkey_mode: "hold",
    device: null,
    model: "tiny.en",
    language: "auto",
    retention_days: 30,
    dnd: false,
    theme: "system",
    autostart: false,
    onboarding_done: true,
    llm: null,
  };
  devices: InputDevice[] = [
    { name: "Built-in Microphone", is_default: true },
    { name: "USB Headset", is_default: false },
  ];
  models: ModelEntry[] = [
    { name: "tiny.en", description: "fastest, English only", size: 77_704_715, multilingual: false, installed: true, partial_download: false, bytes_on_disk: 77_704_715 },
    { name: "base.en", description: "good balance, English only", size: 147_964_211, multilingual: false, installed: false, partial_download: false, bytes_on_disk: 0 },
    { name: "small.en", description: "more accurate, slower", size: 487_614_201, multilingual: false, installed: false, partial_download: false, bytes_on_disk: 0 },
  ];
  status: DesktopStatus = {
    hotkey: "CommandOrControl+Shift+Space",
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
  /** Shortcuts another app owns (set_setting refuses them). */
  taken = new Set<string>(["Control+Alt+Delete"]);
  downloadStepMs = 100;
  emit: Emit = () => undefined;
  /** Creates the tasks a finished mock recording "heard". */
  addTask: (title: string) => Task = () => {
    throw new Error("no task store");
  };
  private timers: ReturnType<typeof setTimeout>[] = [];

  handles(cmd: string): boolean {
    return [
      "get_settings", "set_setting", "desktop_status", "list_input_devices", "list_models", "download_model",
      "start_recording", "stop_recording", "cancel_recording", "start_level_test", "stop_level_test",
      "set_llm_provider", "clear_llm_provider", "undo_dump",
    ].includes(cmd);
  }

  voice(e: VoiceEvent) {
    if (e.kind === "state") this.status.voice = e.state;
    this.emit("voice", e);
  }

  dispatch(cmd: string, a: Args, deleteTask: (id: number) => void): unknown {
    switch (cmd) {
      case "get_settings":
        return { ...this.settings };
      case "set_setting":
        return this.set(String(a.key), (a.value as string | null) ?? null);
      case "desktop_status":
        return { ...this.status, hotkey: this.settings.hotkey, model_installed: this.models.some((m) => m.name === this.settings.model && m.installed) };
      case "list_input_devices":
        return this.devices.map((d) => ({ ...d }));
      case "list_models":
        return this.models.map((m) => ({ ...m }));
      case "download_model":
        return this.download(String(a.name));
      case "start_recording":
        this.voice({ kind: "state", state: "recording" });
        return null;
      case "stop_recording":
        this.finish(["Call Joe about the renewal", "Send the Henderson proposal"]);
        return null;
      case "cancel_recording":
        this.voice({ kind: "cancelled" });
        this.voice({ kind: "state", state: "idle" });
        return null;
      case "start_level_test":
        this.timers.push(setInterval(() => this.emit("voice", { kind: "level", level: 0.3 + Math.random() * 0.4 }), 100));
        return null;
      case "stop_level_test":
        this.timers.forEach((t) => clearInterval(t));
        this.timers = [];
        return null;
      case "set_llm_provider": {
        const c = { ...(a.config as ProviderConfig) };
        if (a.apiKey) c.api_key_ref = "llm-api-key";
        this.settings.llm = c;
        return c;
      }
      case "clear_llm_provider":
        this.settings.llm = null;
        return null;
      case "undo_dump": {
        const ids = a.taskIds as number[];
        ids.forEach(deleteTask);
        return ids.length;
      }
      default:
        throw `unknown command ${cmd}`;
    }
  }

  /** A mock recording: level, partial text, then tasks. */
  finish(titles: string[]) {
    this.voice({ kind: "state", state: "transcribing" });
    const tasks = titles.map((t) => this.addTask(t));
    this.voice({ kind: "done", text: titles.join(". "), task_ids: tasks.map((t) => t.id), titles });
    this.voice({ kind: "state", state: "idle" });
  }

  private set(key: string, value: string | null): AppSettings {
    const s = this.settings;
    if (key === "hotkey.shortcut") {
      const v = value ?? "CommandOrControl+Shift+Space";
      if (this.taken.has(v)) throw { message: `${v} is already taken by another app; choose another shortcut in Settings`, not_found: false };
      s.hotkey = v;
    } else if (key === "hotkey.mode") s.hotkey_mode = value === "toggle" ? "toggle" : "hold";
    else if (key === "voice.device") s.device = value;
    else if (key === "voice.model") s.model = value ?? "base.en";
    else if (key === "voice.language") s.language = value ?? "auto";
    else if (key === "audio.retention_days") {
      if (value !== null && !/^\d+$/.test(value)) throw { message: `cannot set audio.retention_days: "${value}" is not a whole number of days`, not_found: false };
      s.retention_days = value === null ? 30 : Number(value);
    } else if (key === "ui.theme") s.theme = (value ?? "system") as AppSettings["theme"];
    else if (key in FLAG_KEYS) (s[FLAG_KEYS[key]] as boolean) = value === "on";
    else throw { message: `cannot set ${key}: unknown setting`, not_found: false };
    return { ...s };
  }

  private download(name: string): Promise<null> {
    const m = this.models.find((x) => x.name === name);
    if (!m) return Promise.reject({ message: `unknown model ${name}`, not_found: true });
    return new Promise((resolve) => {
      let step = 0;
      const tick = () => {
        step += 1;
        const downloaded = Math.round((m.size * step) / 10);
        this.emit("model-download", { name, downloaded, total: m.size, done: step >= 10, error: null });
        if (step >= 10) {
          m.installed = true;
          m.bytes_on_disk = m.size;
          resolve(null);
        } else setTimeout(tick, this.downloadStepMs);
      };
      setTimeout(tick, this.downloadStepMs);
    });
  }
}
