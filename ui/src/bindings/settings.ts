// Written by `cargo test export_bindings` from the settings registry (src/settings/registry.rs). Do not edit.
import type { SettingInfo } from "./index";
import type { SettingKey } from "./SettingKey";

/** Every setting a user can change, by key, in the registry's order. */
export const SETTINGS: Record<SettingKey, SettingInfo> = {
  "hotkey.shortcut": {
    "key": "hotkey.shortcut",
    "label": "Shortcut",
    "kind": {
      "type": "text"
    },
    "default": "CommandOrControl+Shift+Space",
    "unset_means": null,
    "accepts": "modifiers and a key, e.g. CommandOrControl+Shift+Space or Alt+F9 (function keys may go alone)",
    "description": "Records from any app. The app refuses one that another app holds, and the old one stays."
  },
  "hotkey.mode": {
    "key": "hotkey.mode",
    "label": "Mode",
    "kind": {
      "type": "choice",
      "values": [
        "hold",
        "toggle"
      ]
    },
    "default": "hold",
    "unset_means": null,
    "accepts": "one of hold, toggle",
    "description": "Hold: push-to-talk, release to finish. Toggle: press to start, press again to stop."
  },
  "voice.device": {
    "key": "voice.device",
    "label": "Microphone",
    "kind": {
      "type": "text"
    },
    "default": null,
    "unset_means": "the system default",
    "accepts": "an input device name from `utter devices`",
    "description": "The input device recordings use."
  },
  "voice.model": {
    "key": "voice.model",
    "label": "Speech model",
    "kind": {
      "type": "text"
    },
    "default": "auto",
    "unset_means": null,
    "accepts": "auto (chosen for this machine), a name from `utter models list`, or a path to a ggml .bin file",
    "description": "Whisper runs on this computer. Larger models are more accurate and slower."
  },
  "voice.language": {
    "key": "voice.language",
    "label": "Language",
    "kind": {
      "type": "text"
    },
    "default": "auto",
    "unset_means": null,
    "accepts": "auto, or a Whisper language code such as en, de, fr",
    "description": "What you speak. English-only models (.en) ignore this."
  },
  "voice.unload_after_minutes": {
    "key": "voice.unload_after_minutes",
    "label": "Unload the speech model after",
    "kind": {
      "type": "number",
      "min": 0,
      "max": 10080,
      "unit": "minutes"
    },
    "default": "5",
    "unset_means": null,
    "accepts": "a whole number of minutes from 0 to 10080",
    "description": "Minutes without recording before the speech model leaves memory; 0 keeps it loaded."
  },
  "audio.retention_days": {
    "key": "audio.retention_days",
    "label": "Keep recordings for",
    "kind": {
      "type": "number",
      "min": 0,
      "max": 36500,
      "unit": "days"
    },
    "default": "30",
    "unset_means": null,
    "accepts": "a whole number of days from 0 to 36500",
    "description": "Audio is deleted after this many days; 0 keeps it forever. Transcripts and tasks are always kept."
  },
  "dumps.reconcile": {
    "key": "dumps.reconcile",
    "label": "Match dumps with the board",
    "kind": {
      "type": "flag"
    },
    "default": "on",
    "unset_means": null,
    "accepts": "one of on, off",
    "description": "Saying a card again updates it instead of adding a copy; “push the dentist to Friday” or “I finished the proposal” change the card. Off: every item is a new card."
  },
  "backup.daily": {
    "key": "backup.daily",
    "label": "Daily backups",
    "kind": {
      "type": "flag"
    },
    "default": "on",
    "unset_means": null,
    "accepts": "one of on, off",
    "description": "One backup a day in the data folder, the last seven kept. Off: only the ones before upgrades and the ones you make."
  },
  "notify.dnd": {
    "key": "notify.dnd",
    "label": "Do not disturb",
    "kind": {
      "type": "flag"
    },
    "default": "off",
    "unset_means": null,
    "accepts": "one of on, off",
    "description": "Only errors notify; finished agents and reminders wait on the board."
  },
  "app.autostart": {
    "key": "app.autostart",
    "label": "Start at login",
    "kind": {
      "type": "flag"
    },
    "default": "off",
    "unset_means": null,
    "accepts": "one of on, off",
    "description": "Utter starts in the tray, ready for the shortcut. The settings page also writes the system's login entry."
  },
  "ui.theme": {
    "key": "ui.theme",
    "label": "Theme",
    "kind": {
      "type": "choice",
      "values": [
        "system",
        "light",
        "dark"
      ]
    },
    "default": "system",
    "unset_means": null,
    "accepts": "one of system, light, dark",
    "description": "Follow the system's light or dark mode, or keep one."
  },
  "agents.paused": {
    "key": "agents.paused",
    "label": "Pause agents",
    "kind": {
      "type": "flag"
    },
    "default": "off",
    "unset_means": null,
    "accepts": "one of on, off",
    "description": "Holds scheduled agent runs (the tray's Pause agents)."
  },
  "mcp.client_metadata_url": {
    "key": "mcp.client_metadata_url",
    "label": "MCP client metadata URL",
    "kind": {
      "type": "text"
    },
    "default": null,
    "unset_means": "register with each server",
    "accepts": "an https URL with a path, e.g. https://example.com/oauth/client.json",
    "description": "Where Utter's OAuth Client ID Metadata Document is published: remote MCP servers that accept one take it as the client id instead of a registration."
  },
  "onboarding.done": {
    "key": "onboarding.done",
    "label": "First-run setup done",
    "kind": {
      "type": "flag"
    },
    "default": "off",
    "unset_means": null,
    "accepts": "one of on, off",
    "description": "On once first-run setup is finished or skipped; off shows it again when the app next opens."
  },
};
