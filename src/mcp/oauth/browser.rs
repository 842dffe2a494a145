//! Opens the sign-in page in the user's browser: `$BROWSER` first (so a headless test can
//! follow the redirects with curl), else the system's opener.

/// `Err(why)` when no browser could be started; the caller shows the URL instead.
pub(crate) fn open(url: &str) -> Result<(), String> {
    webbrowser::open(url).map_err(|e| e.to_string())
}
