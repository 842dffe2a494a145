//! The small always-on-top window that shows recording state, the input level and the live
//! transcript. It is created hidden at start (so it appears instantly) and never takes focus.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use tauri::{AppHandle, Manager, PhysicalPosition, Runtime, WebviewUrl, WebviewWindowBuilder};

pub const LABEL: &str = "overlay";
const WIDTH: f64 = 460.0;
const HEIGHT: f64 = 132.0;
/// Space between the overlay and the bottom of the screen.
const MARGIN: f64 = 96.0;

/// Bumped on every show, so a pending hide from an earlier recording does not hide this one.
static GENERATION: AtomicU64 = AtomicU64::new(0);

pub fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    // The UI picks the overlay view from the window label.
    let builder = WebviewWindowBuilder::new(app, LABEL, WebviewUrl::App("index.html".into()));
    // Transparent so the panel's rounded corners show the desktop (macOS needs Tauri's
    // private-API feature for this; there the corners stay square).
    #[cfg(not(target_os = "macos"))]
    let builder = builder.transparent(true);
    builder
        .title("Utter — recording")
        .inner_size(WIDTH, HEIGHT)
        .resizable(false)
        .decorations(false)
        .always_on_top(true)
        .skip_taskbar(true)
        .focused(false)
        .visible(false)
        .build()?;
    Ok(())
}

pub fn show<R: Runtime>(app: &AppHandle<R>) {
    GENERATION.fetch_add(1, Ordering::SeqCst);
    let Some(w) = app.get_webview_window(LABEL) else {
        return;
    };
    if let Ok(Some(monitor)) = w.primary_monitor() {
        let size = monitor.size();
        let scale = monitor.scale_factor();
        let x = (f64::from(size.width) - WIDTH * scale) / 2.0;
        let y = f64::from(size.height) - (HEIGHT + MARGIN) * scale;
        let _ = w.set_position(PhysicalPosition::new(x.max(0.0), y.max(0.0)));
    }
    if let Err(e) = w.show() {
        tracing::debug!("overlay: {e}");
    }
}

/// Hides the overlay after `ms` (time to read "3 tasks added"), unless a new recording
/// started meanwhile.
pub fn hide_after<R: Runtime>(app: &AppHandle<R>, ms: u64) {
    let generation = GENERATION.load(Ordering::SeqCst);
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(Duration::from_millis(ms)).await;
        if GENERATION.load(Ordering::SeqCst) != generation {
            return;
        }
        if let Some(w) = app.get_webview_window(LABEL) {
            let _ = w.hide();
        }
    });
}
