//! The checks of the text settings: each says what it expected when it refuses a value.
//! (Whether a model name is in the catalog needs the data dir; the service checks that.)

/// Checks an accelerator's shape (`Mods+Key`) so a typo is refused when saved, not at the
/// next start. Whether the OS lets us have it is only known when registering.
pub(super) fn check_hotkey(value: &str) -> Result<(), String> {
    const MODS: &[&str] = &[
        "commandorcontrol",
        "cmdorctrl",
        "commandorctrl",
        "cmdorcontrol",
        "control",
        "ctrl",
        "shift",
        "alt",
        "option",
        "super",
        "meta",
        "command",
        "cmd",
    ];
    let parts: Vec<&str> = value.split('+').map(str::trim).collect();
    let Some((key, mods)) = parts.split_last() else {
        return Err("empty shortcut".into());
    };
    if key.is_empty() || MODS.contains(&key.to_ascii_lowercase().as_str()) {
        return Err(format!(
            "{value:?} has no key after the modifiers (e.g. Ctrl+Shift+Space)"
        ));
    }
    if let Some(bad) = mods
        .iter()
        .find(|m| !MODS.contains(&m.to_ascii_lowercase().as_str()))
    {
        return Err(format!(
            "{bad:?} is not a modifier; use Ctrl, Shift, Alt, Super or CommandOrControl"
        ));
    }
    if mods.is_empty() && !key.to_ascii_uppercase().starts_with('F') {
        // A bare letter would fire while typing anywhere.
        return Err(format!(
            "{value:?} needs a modifier such as Ctrl or Alt (function keys may go alone)"
        ));
    }
    Ok(())
}

/// `auto` or a language Whisper knows (`en`, `de`, `fr`, …).
pub(super) fn check_language(value: &str) -> Result<(), String> {
    let ok = value == "auto"
        || (value.len() <= 16
            && value.chars().all(|c| c.is_ascii_alphabetic())
            && whisper_rs::get_lang_id(&value.to_ascii_lowercase()).is_some());
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{value:?} is not a Whisper language; use auto or a code such as en, de, fr"
        ))
    }
}

/// An https URL with a path: a Client ID Metadata Document's URL is the client id
/// (draft-ietf-oauth-client-id-metadata-document).
pub(super) fn check_metadata_url(value: &str) -> Result<(), String> {
    let ok = url::Url::parse(value).is_ok_and(|u| u.scheme() == "https" && u.path().len() > 1);
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{value:?} is not an https URL with a path, e.g. https://example.com/oauth/client.json"
        ))
    }
}

/// A device name (the setting is unset for the system default).
pub(super) fn check_device(value: &str) -> Result<(), String> {
    if value.is_empty() {
        Err("give a device name, or unset it for the system default".into())
    } else {
        Ok(())
    }
}

/// `auto`, a catalog name or a file path; which of those it is, the service checks.
pub(super) fn check_model(value: &str) -> Result<(), String> {
    if value.is_empty() {
        Err("give auto, a model name from `utter models list` or a path to a ggml .bin file".into())
    } else {
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn hotkeys_are_checked_for_shape() {
        assert!(check_hotkey("CommandOrControl+Shift+Space").is_ok());
        assert!(check_hotkey("Alt+F9").is_ok());
        assert!(check_hotkey("F8").is_ok());
        assert!(check_hotkey("A").unwrap_err().contains("needs a modifier"));
        assert!(check_hotkey("Ctrl+Shift").unwrap_err().contains("no key"));
        assert!(
            check_hotkey("Hyper+K")
                .unwrap_err()
                .contains("not a modifier")
        );
        assert!(check_hotkey("").is_err());
    }

    #[test]
    fn languages_and_urls() {
        assert!(check_language("auto").is_ok() && check_language("de").is_ok());
        assert!(check_language("klingon").is_err());
        assert!(check_metadata_url("https://example.com/oauth/client.json").is_ok());
        assert!(check_metadata_url("https://example.com/").is_err());
        assert!(check_metadata_url("http://example.com/client.json").is_err());
    }
}
