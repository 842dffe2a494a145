// Written by `cargo test export_bindings` from USER_SETTINGS in src/service/user_settings.rs. Do not edit.

/** Setting keys `setSetting` accepts, each with what it holds. */
export type SettingKey =
  /** Whisper model: auto (chosen for this machine), a name from `utter models list` or a path to a ggml .bin file */
  | "voice.model"
  /** spoken language: auto, or a code such as en, de, fr */
  | "voice.language"
  /** minutes without recording before the speech model leaves memory; 0 keeps it (default 5) */
  | "voice.unload_after_minutes"
  /** input device name from `utter devices` (unset = system default) */
  | "voice.device"
  /** days to keep recordings; 0 keeps them forever (default 30) */
  | "audio.retention_days"
  /** global shortcut that records, e.g. CommandOrControl+Shift+Space (the default) */
  | "hotkey.shortcut"
  /** hold (push-to-talk, the default) or toggle (press to start, press to stop) */
  | "hotkey.mode"
  /** do not disturb: on silences notifications except errors (default off) */
  | "notify.dnd"
  /** system (default), light or dark */
  | "ui.theme"
  /** on (default) matches each dump against the open cards (repeats and updates change the card instead of adding one); off adds every item as a new card */
  | "dumps.reconcile"
  /** on holds scheduled agent runs (the tray's Pause agents; default off) */
  | "agents.paused"
  /** on starts the desktop app at login (default off) */
  | "app.autostart"
  /** on once first-run setup is done or skipped */
  | "onboarding.done"
  /** on (default) keeps a daily backup in the data dir's backups folder (the last 7); off stops them */
  | "backup.daily"
  /** https URL of a published OAuth Client ID Metadata Document, used as the client id with remote MCP servers that accept one (unset = register with each server) */
  | "mcp.client_metadata_url";
