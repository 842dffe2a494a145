// The updater's IPC: where an update stands, and "restart to install". The shell checks,
// downloads and verifies; the UI only shows the result (src-tauri/src/updates.rs).
import type { UnlistenFn } from "@tauri-apps/api/event";

import { commands, events } from "./bindings";
import type { UpdateStatus } from "./bindings";

export const updateStatus = commands.updateStatus;

/** Installs and restarts; rejects (nothing installed) while a recording or agent run is on. */
export const installUpdate = commands.installUpdate;

export function onUpdate(handler: (status: UpdateStatus) => void): Promise<UnlistenFn> {
  return events.update.listen((e) => handler(e.payload));
}
