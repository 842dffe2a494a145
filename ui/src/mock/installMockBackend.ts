// Mock mode only (`vite --mode mock`): answer Tauri IPC from an in-memory store.
// Loaded through a dynamic import guarded by import.meta.env.MODE in main.tsx.

import { mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";

import { STORE_CHANGED } from "../api";
import type { Task } from "../bindings/Task";
import type { VoiceEvent } from "../bindings/VoiceEvent";
import { MockBackend } from "./mockBackend";
import { bulkTasks, DEMO_CATEGORIES, demoTasks, demoTranscripts } from "./seed";

declare global {
  interface Window {
    /** Test/demo hooks: simulate another process (the CLI) changing the store. */
    __utterMock?: {
      backend: MockBackend;
      addExternal: (title: string, extra?: Partial<Task>) => Task;
      /** Sends a recording event, as the hotkey would. */
      voice: (e: VoiceEvent) => void;
    };
  }
}

export function installMockBackend() {
  const params = new URLSearchParams(window.location.search);
  const seed = params.get("seed");
  const tasks = seed === "empty" ? [] : seed && /^\d+$/.test(seed) ? bulkTasks(Number(seed)) : demoTasks();
  const backend = new MockBackend({ tasks, categories: DEMO_CATEGORIES, transcripts: demoTranscripts() });
  backend.latencyMs = Number(params.get("latency") ?? 0);

  mockWindows("main");
  mockIPC((cmd, args) => backend.handle(cmd, (args ?? {}) as Record<string, unknown>), { shouldMockEvents: true });
  backend.onChange = (e) => void emit(STORE_CHANGED, e);
  backend.desktop.emit = (event, payload) => void emit(event, payload);
  if (params.get("onboarding") === "1") backend.desktop.settings.onboarding_done = false;
  if (params.get("theme")) backend.desktop.settings.theme = params.get("theme") as "light" | "dark";

  window.__utterMock = {
    backend,
    addExternal: (title, extra = {}) => {
      const t = backend.insert({ title, ...extra });
      void emit(STORE_CHANGED, { kind: "external" });
      return t;
    },
    voice: (e) => backend.desktop.voice(e),
  };
  console.info("[utter] mock IPC installed", { tasks: backend.tasks.length });
}
