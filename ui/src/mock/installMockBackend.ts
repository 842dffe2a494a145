// Mock mode only (`vite --mode mock`): answer Tauri IPC from an in-memory store.
// Loaded through a dynamic import guarded by import.meta.env.MODE in main.tsx.

import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";

import type { OpenView } from "../api";
import type { DownloadEvent, Task, VoiceEvent } from "../bindings";
import { MockBackend } from "./mockBackend";
import { sendEvent } from "./mockDesktop";
import { bulkTasks, DEMO_CATEGORIES, demoTasks, demoTranscripts } from "./seed";

declare global {
  interface Window {
    /** Test/demo hooks (mock mode only). */
    __utterMock?: {
      backend: MockBackend;
      /** Another process (the CLI) adds a task. */
      addExternal: (title: string, extra?: Partial<Task>) => Task;
      /** Sends a "voice" event to the page, as the core does while recording. */
      voice: (e: VoiceEvent) => void;
      /** A finished recording: creates the tasks and sends transcribing → done → idle. */
      dump: (titles: string[], text?: string) => void;
      /** Sends a "model-download" progress event. */
      download: (e: DownloadEvent) => void;
      /** Asks the main window for a view, as the tray menu does. */
      openView: (view: OpenView) => void;
    };
  }
}

export function installMockBackend() {
  const params = new URLSearchParams(window.location.search);
  const seed = params.get("seed");
  const tasks =
    seed === "empty" ? [] : seed && /^\d+$/.test(seed) ? bulkTasks(Number(seed)) : demoTasks();
  const backend = new MockBackend({
    tasks,
    categories: DEMO_CATEGORIES,
    transcripts: demoTranscripts(),
  });
  backend.latencyMs = Number(params.get("latency") ?? 0);
  // The demo tasks: "Summarize customer interviews" has a finished run, "Draft Q3 planning doc" waits on you.
  if (!seed) backend.agents.seedDemo(5, 2);
  // A week of daily backups and the one made before the last upgrade, as a real data dir has.
  if (!seed) {
    backend.backups.seed("pre_migration", 9);
    for (let d = 6; d >= 0; d--) backend.backups.seed("daily", d + 0.3);
  }
  // A real server takes a moment to start; long enough to see "Starting…", short for the e2e.
  backend.mcp.startMs = Number(params.get("mcpStart") ?? 300);

  mockWindows("main");
  mockIPC((cmd, args) => backend.handle(cmd, (args ?? {}) as Record<string, unknown>), {
    shouldMockEvents: true,
  });
  backend.onChange = (e) => sendEvent("storeChanged", e);
  backend.desktop.emit = sendEvent;
  if (params.get("onboarding") === "1") backend.desktop.settings.onboarding_done = false;
  const theme = params.get("theme");
  if (theme === "light" || theme === "dark" || theme === "system")
    backend.desktop.settings.theme = theme;
  if (params.get("mode") === "toggle") backend.desktop.settings.hotkey_mode = "toggle";
  if (params.get("desktop") === "bare") backend.desktop.bare();
  const update = params.get("update");
  if (update)
    backend.updates.status = { state: "ready", version: update, notes: "Faster transcription" };

  window.__utterMock = {
    backend,
    addExternal: (title, extra = {}) => {
      const t = backend.insert({ title, ...extra });
      sendEvent("storeChanged", { kind: "external" });
      return t;
    },
    voice: (e) => backend.desktop.voice(e),
    dump: (titles, text) => backend.desktop.finish(titles, text),
    download: (e) => sendEvent("modelDownload", e),
    openView: (view) => sendEvent("openView", view),
  };
  console.info("[utter] mock IPC installed", { tasks: backend.tasks.length });
}
