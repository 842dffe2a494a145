// The updater in memory: idle unless a test or the mock page sets `status`.
import { commandError } from "./commandError";
import type { UpdateStatus } from "../bindings";

export class MockUpdates {
  status: UpdateStatus = { state: "idle" };
  /** What install_update rejects with (a recording is on…); null installs. */
  refuse: string | null = null;
  installed = false;

  handles(cmd: string): boolean {
    return cmd === "update_status" || cmd === "install_update";
  }

  dispatch(cmd: string): unknown {
    if (cmd === "update_status") return this.status;
    if (this.refuse) throw commandError("busy", this.refuse);
    this.installed = true;
    return null;
  }
}
