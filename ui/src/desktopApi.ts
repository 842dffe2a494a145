// IPC for the desktop features: settings, status, microphones, models, recording.
// Thin typed wrappers like api.ts; camelCase args map to the Rust commands' snake_case.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";

import type { AppSettings } from "./bindings/AppSettings";
import type { DesktopStatus } from "./bindings/DesktopStatus";
import type { DownloadEvent } from "./bindings/DownloadEvent";
import type { InputDevice } from "./bindings/InputDevice";
import type { ModelEntry } from "./bindings/ModelEntry";
import type { ProviderConfig } from "./bindings/ProviderConfig";
import type { VoiceEvent } from "./bindings/VoiceEvent";

export type View = "board" | "settings" | "onboarding" | "approvals";

export const getSettings = () => invoke<AppSettings>("get_settings");
/** `value: null` resets the setting to its default. Rejects with `{ message }`. */
export const setSetting = (key: string, value: string | null) => invoke<AppSettings>("set_setting", { key, value });
export const desktopStatus = () => invoke<DesktopStatus>("desktop_status");
export const listInputDevices = () => invoke<InputDevice[]>("list_input_devices");
export const listModels = () => invoke<ModelEntry[]>("list_models");
export const downloadModel = (name: string) => invoke<void>("download_model", { name });
export const startRecording = () => invoke<void>("start_recording");
export const stopRecording = () => invoke<void>("stop_recording");
export const cancelRecording = () => invoke<void>("cancel_recording");
export const startLevelTest = (device: string | null) => invoke<void>("start_level_test", { device });
export const stopLevelTest = () => invoke<void>("stop_level_test");
export const setLlmProvider = (config: ProviderConfig, apiKey: string | null) =>
  invoke<ProviderConfig>("set_llm_provider", { config, apiKey });
export const clearLlmProvider = () => invoke<void>("clear_llm_provider");
export const undoDump = (taskIds: number[]) => invoke<number>("undo_dump", { taskIds });

export const onVoice = (h: (e: VoiceEvent) => void): Promise<UnlistenFn> => listen<VoiceEvent>("voice", (e) => h(e.payload));
export const onModelDownload = (h: (e: DownloadEvent) => void): Promise<UnlistenFn> =>
  listen<DownloadEvent>("model-download", (e) => h(e.payload));
export const onOpenView = (h: (v: View) => void): Promise<UnlistenFn> => listen<View>("open-view", (e) => h(e.payload));

/** The message of a rejected command (`{ message }` from Rust, or an Error). */
export function errorText(e: unknown): string {
  if (e && typeof e === "object" && "message" in e) return String((e as { message: unknown }).message);
  return String(e);
}

/** Subscribes for the life of an effect; returns its cleanup. */
export function subscribe(p: Promise<UnlistenFn>): () => void {
  let off: UnlistenFn | null = null;
  let gone = false;
  void p.then((f) => (gone ? f() : (off = f)));
  return () => {
    gone = true;
    off?.();
  };
}
