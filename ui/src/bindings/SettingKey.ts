// Written by `cargo test export_bindings` from the settings registry (src/settings/registry.rs). Do not edit.

/** Setting keys `setSetting` accepts, each with what it holds. */
export type SettingKey =
  /** Shortcut: Records from any app. The app refuses one that another app holds, and the old one stays. Takes modifiers and a key, e.g. CommandOrControl+Shift+Space or Alt+F9 (function keys may go alone); default CommandOrControl+Shift+Space. */
  | "hotkey.shortcut"
  /** Mode: Hold: push-to-talk, release to finish. Toggle: press to start, press again to stop. Takes hold, toggle; default hold. */
  | "hotkey.mode"
  /** Microphone: The input device recordings use. Takes an input device name from `utter devices`; unset: the system default. */
  | "voice.device"
  /** Speech model: Whisper runs on this computer. Larger models are more accurate and slower. Takes auto (chosen for this machine), a name from `utter models list`, or a path to a ggml .bin file; default auto. */
  | "voice.model"
  /** Language: What you speak. English-only models (.en) ignore this. Takes auto, or a Whisper language code such as en, de, fr; default auto. */
  | "voice.language"
  /** Unload the speech model after: Minutes without recording before the speech model leaves memory; 0 keeps it loaded. Takes 0 to 10080 minutes; default 5. */
  | "voice.unload_after_minutes"
  /** Keep recordings for: Audio is deleted after this many days; 0 keeps it forever. Transcripts and tasks are always kept. Takes 0 to 36500 days; default 30. */
  | "audio.retention_days"
  /** Match dumps with the board: Saying a card again updates it instead of adding a copy; “push the dentist to Friday” or “I finished the proposal” change the card. Off: every item is a new card. Takes on, off; default on. */
  | "dumps.reconcile"
  /** Daily backups: One backup a day in the data folder, the last seven kept. Off: only the ones before upgrades and the ones you make. Takes on, off; default on. */
  | "backup.daily"
  /** Do not disturb: Only errors notify; finished agents and reminders wait on the board. Takes on, off; default off. */
  | "notify.dnd"
  /** Start at login: Utter starts in the tray, ready for the shortcut. The settings page also writes the system's login entry. Takes on, off; default off. */
  | "app.autostart"
  /** Theme: Follow the system's light or dark mode, or keep one. Takes system, light, dark; default system. */
  | "ui.theme"
  /** Pause agents: Holds scheduled agent runs (the tray's Pause agents). Takes on, off; default off. */
  | "agents.paused"
  /** MCP client metadata URL: Where Utter's OAuth Client ID Metadata Document is published: remote MCP servers that accept one take it as the client id instead of a registration. Takes an https URL with a path, e.g. https://example.com/oauth/client.json; unset: register with each server. */
  | "mcp.client_metadata_url"
  /** First-run setup done: On once first-run setup is finished or skipped; off shows it again when the app next opens. Takes on, off; default off. */
  | "onboarding.done";
