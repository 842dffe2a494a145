//! Every setting a user can change, declared once. To add one: declare it here, read it
//! with `Service::flag` / `number` / `choice` / `text`, run `cargo test -p utter --lib
//! settings` (it rewrites the UI's `bindings/settings.ts` and the README's settings table),
//! and give it a control on the settings page if it belongs there.

use super::DefaultValue::{Is, Unset};
use super::Kind::{Choice, Flag, Number, Text};
use super::Setting;
use super::checks::{check_device, check_hotkey, check_language, check_metadata_url, check_model};

/// Declares each setting as a constant and lists them all in [`ALL`], so none can be
/// declared without being listed.
macro_rules! settings {
    ($( $(#[$doc:meta])* $name:ident = $setting:expr; )*) => {
        $( $(#[$doc])* pub const $name: Setting = $setting; )*
        /// Every setting, in the order `utter settings list`, the UI and the docs show them.
        pub const ALL: &[Setting] = &[$($name),*];
    };
}

settings! {
    HOTKEY_SHORTCUT = Setting {
        key: "hotkey.shortcut",
        label: "Shortcut",
        kind: Text {
            takes: "modifiers and a key, e.g. CommandOrControl+Shift+Space or Alt+F9 (function keys may go alone)",
            check: check_hotkey,
        },
        // Ctrl+Shift+Space (Cmd on macOS): free in the common desktops, reachable with one hand.
        default: Is("CommandOrControl+Shift+Space"),
        description: "Records from any app. The app refuses one that another app holds, and the old one stays.",
    };
    HOTKEY_MODE = Setting {
        key: "hotkey.mode",
        label: "Mode",
        kind: Choice(&["hold", "toggle"]),
        default: Is("hold"),
        description: "Hold: push-to-talk, release to finish. Toggle: press to start, press again to stop.",
    };
    VOICE_DEVICE = Setting {
        key: "voice.device",
        label: "Microphone",
        kind: Text {
            takes: "an input device name from `utter devices`",
            check: check_device,
        },
        default: Unset("the system default"),
        description: "The input device recordings use.",
    };
    VOICE_MODEL = Setting {
        key: "voice.model",
        label: "Speech model",
        kind: Text {
            takes: "auto (chosen for this machine), a name from `utter models list`, or a path to a ggml .bin file",
            check: check_model,
        },
        default: Is(crate::service::AUTO_MODEL),
        description: "Whisper runs on this computer. Larger models are more accurate and slower.",
    };
    VOICE_LANGUAGE = Setting {
        key: "voice.language",
        label: "Language",
        kind: Text {
            takes: "auto, or a Whisper language code such as en, de, fr",
            check: check_language,
        },
        default: Is("auto"),
        description: "What you speak. English-only models (.en) ignore this.",
    };
    VOICE_UNLOAD_AFTER_MINUTES = Setting {
        key: "voice.unload_after_minutes",
        label: "Unload the speech model after",
        kind: Number { min: 0, max: 10_080, unit: "minutes" },
        default: Is("5"),
        description: "Minutes without recording before the speech model leaves memory; 0 keeps it loaded.",
    };
    AUDIO_RETENTION_DAYS = Setting {
        key: "audio.retention_days",
        label: "Keep recordings for",
        kind: Number { min: 0, max: 36_500, unit: "days" },
        default: Is("30"),
        description: "Audio is deleted after this many days; 0 keeps it forever. Transcripts and tasks are always kept.",
    };
    DUMPS_RECONCILE = Setting {
        key: "dumps.reconcile",
        label: "Match dumps with the board",
        kind: Flag,
        default: Is("on"),
        description: "Saying a card again updates it instead of adding a copy; “push the dentist to Friday” or “I finished the proposal” change the card. Off: every item is a new card.",
    };
    BACKUP_DAILY = Setting {
        key: "backup.daily",
        label: "Daily backups",
        kind: Flag,
        default: Is("on"),
        description: "One backup a day in the data folder, the last seven kept. Off: only the ones before upgrades and the ones you make.",
    };
    NOTIFY_DND = Setting {
        key: "notify.dnd",
        label: "Do not disturb",
        kind: Flag,
        default: Is("off"),
        description: "Only errors notify; finished agents and reminders wait on the board.",
    };
    APP_AUTOSTART = Setting {
        key: "app.autostart",
        label: "Start at login",
        kind: Flag,
        default: Is("off"),
        description: "Utter starts in the tray, ready for the shortcut. The settings page also writes the system's login entry.",
    };
    UI_THEME = Setting {
        key: "ui.theme",
        label: "Theme",
        kind: Choice(&["system", "light", "dark"]),
        default: Is("system"),
        description: "Follow the system's light or dark mode, or keep one.",
    };
    AGENTS_PAUSED = Setting {
        key: "agents.paused",
        label: "Pause agents",
        kind: Flag,
        default: Is("off"),
        description: "Holds scheduled agent runs (the tray's Pause agents).",
    };
    MCP_CLIENT_METADATA_URL = Setting {
        key: "mcp.client_metadata_url",
        label: "MCP client metadata URL",
        kind: Text {
            takes: "an https URL with a path, e.g. https://example.com/oauth/client.json",
            check: check_metadata_url,
        },
        default: Unset("register with each server"),
        description: "Where Utter's OAuth Client ID Metadata Document is published: remote MCP servers that accept one take it as the client id instead of a registration.",
    };
    ONBOARDING_DONE = Setting {
        key: "onboarding.done",
        label: "First-run setup done",
        kind: Flag,
        default: Is("off"),
        description: "On once first-run setup is finished or skipped; off shows it again when the app next opens.",
    };
}
