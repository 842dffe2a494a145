// The updater's IPC: where an update stands, and "restart to install". The shell checks,
// downloads and verifies; the UI only shows the result (src-tauri/src/updates.rs).
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";

import type { UpdateStatus } from "./bindings/UpdateStatus";

export function updateStatus(): Promise<UpdateStatus> {
  return invoke<UpdateStatus>("update_status");
}

/** Installs and restarts; rejects (nothing installed) while a recording or agent run is on. */
export function installUpdate(): Promise<void> {
  return invoke<void>("install_update");
}

export function onUpdate(handler: (status: UpdateStatus) => void): Promise<UnlistenFn> {
  return listen<UpdateStatus>("update", (e) => handler(e.payload));
}
