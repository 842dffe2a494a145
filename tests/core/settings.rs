//! One settings registry: `utter settings list --json`, what the desktop's settings commands
//! serve and take, and the UI's generated list all hold the registry's keys; a bad value is
//! refused everywhere with what the setting takes; getters read the registry's defaults.

use serde_json::Value;
use utter::settings::{self, ALL};

use super::support::{service, stderr, stdout, utter};

fn registry_keys() -> Vec<String> {
    ALL.iter().map(|s| s.key.to_owned()).collect()
}

/// The keys of `ui/src/bindings/<file>` that sit between `"` and `"` after `marker`.
fn ts_keys(file: &str, marker: &str) -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("ui/src/bindings")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .filter_map(|l| l.trim().strip_prefix(marker))
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_cli_the_commands_and_the_ui_list_the_same_settings() {
    let dir = tempfile::tempdir().unwrap();
    let keys = registry_keys();

    // The CLI.
    let out = utter(dir.path(), &["settings", "list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listed: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let cli: Vec<String> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["key"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(cli, keys, "utter settings list --json");
    let text = stdout(&utter(dir.path(), &["settings", "list"]));
    let help = stdout(&utter(dir.path(), &["settings", "set", "--help"]));
    for key in &keys {
        assert!(text.contains(&format!("{key} = ")), "settings list: {key}");
        assert!(help.contains(key.as_str()), "settings set --help: {key}");
    }

    // The desktop's commands: `list_settings` serves `user_settings`, `set_setting` goes
    // through `set_user_setting` / `unset_user_setting`, which take exactly these keys.
    let svc = service(dir.path());
    let served: Vec<String> = svc
        .user_settings()
        .unwrap()
        .into_iter()
        .map(|e| e.info.key)
        .collect();
    assert_eq!(served, keys, "list_settings");
    for s in ALL {
        if let Some(default) = s.default_value() {
            svc.set_user_setting(s.key, &default.to_stored())
                .unwrap_or_else(|e| panic!("{}: {e}", s.key));
        }
        svc.unset_user_setting(s.key).unwrap();
    }
    assert!(svc.set_user_setting("no.such", "1").is_err());

    // The UI's generated files.
    assert_eq!(ts_keys("settings.ts", "\"key\": \""), keys, "settings.ts");
    assert_eq!(ts_keys("SettingKey.ts", "| \""), keys, "SettingKey.ts");
}

#[test]
fn a_bad_value_is_refused_with_what_the_setting_takes() {
    let dir = tempfile::tempdir().unwrap();
    let svc = service(dir.path());
    for (key, value, takes) in [
        ("notify.dnd", "yes", "one of on, off"),
        ("ui.theme", "purple", "one of system, light, dark"),
        ("hotkey.mode", "sometimes", "one of hold, toggle"),
        (
            "audio.retention_days",
            "soon",
            "a whole number of days from 0 to 36500",
        ),
        (
            "voice.unload_after_minutes",
            "99999",
            "a whole number of minutes from 0 to 10080",
        ),
    ] {
        let err = svc.set_user_setting(key, value).unwrap_err().to_string();
        assert_eq!(err, format!("cannot set {key}: {value:?} is not {takes}"));
        let out = utter(dir.path(), &["settings", "set", key, value]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains(&err), "{}", stderr(&out));
    }
    // Nothing was stored.
    assert!(
        svc.list_settings().unwrap().is_empty(),
        "{:?}",
        svc.list_settings()
    );
}

#[test]
fn getters_read_the_registrys_defaults_and_values_are_stored_normalized() {
    let dir = tempfile::tempdir().unwrap();
    let svc = service(dir.path());
    assert_eq!(svc.number(&settings::AUDIO_RETENTION_DAYS).unwrap(), 30);
    assert_eq!(
        svc.number(&settings::VOICE_UNLOAD_AFTER_MINUTES).unwrap(),
        5
    );
    assert!(svc.flag(&settings::DUMPS_RECONCILE).unwrap());
    assert!(!svc.flag(&settings::AGENTS_PAUSED).unwrap());
    assert_eq!(svc.text(&settings::VOICE_DEVICE).unwrap(), None);
    assert_eq!(
        svc.text(&settings::VOICE_LANGUAGE).unwrap().as_deref(),
        Some("auto")
    );

    svc.set_user_setting("audio.retention_days", " 007 ")
        .unwrap();
    assert_eq!(
        svc.get_user_setting("audio.retention_days")
            .unwrap()
            .as_deref(),
        Some("7")
    );
    assert_eq!(svc.retention_days().unwrap(), 7);

    // A stored value the registry refuses (an older version, a restore, a hand edit): an
    // on/off setting falls back to its default, a number out of range to its nearest end, and
    // what is no number is an error naming the setting.
    svc.set_setting("dumps.reconcile", "maybe").unwrap();
    assert!(svc.reconcile_enabled().unwrap());
    svc.set_setting("audio.retention_days", "99999").unwrap();
    assert_eq!(
        svc.retention_days().unwrap(),
        36_500,
        "older versions took any number"
    );
    svc.set_setting("audio.retention_days", "forever").unwrap();
    let err = svc.retention_days().unwrap_err().to_string();
    assert!(err.contains("audio.retention_days"), "{err}");
    assert!(err.contains("whole number of days"), "{err}");

    // The language model's provider is set with `utter llm set`, not by hand.
    let err = svc
        .set_user_setting("llm.provider", "{}")
        .unwrap_err()
        .to_string();
    assert!(err.contains("utter llm set"), "{err}");
}
