//! The main window's menu: File → Export…, Restore from a file…, Quit. Each item only opens
//! the place in the app that does the work (Settings → Data), so the menu, the page and the
//! tray share one path.

use tauri::menu::{Menu, MenuBuilder, MenuEvent, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Manager, Runtime};

use crate::tray;

const EXPORT: &str = "file-export";
const RESTORE: &str = "file-restore";

/// What each menu item asks the main window for (the `open-view` event).
pub fn view_for(id: &str) -> Option<&'static str> {
    match id {
        EXPORT => Some("settings:export"),
        RESTORE => Some("settings:restore"),
        _ => None,
    }
}

pub fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<Menu<R>> {
    let export = MenuItemBuilder::with_id(EXPORT, "Export…")
        .accelerator("CmdOrCtrl+E")
        .build(app)?;
    let restore = MenuItemBuilder::with_id(RESTORE, "Restore from a file…").build(app)?;
    let file = SubmenuBuilder::new(app, "File")
        .item(&export)
        .item(&restore)
        .separator()
        .quit()
        .build()?;
    MenuBuilder::new(app).item(&file).build()
}

/// On macOS the menu is the app's (the menu bar); elsewhere it belongs to the main window
/// only, so the recording overlay stays a bare window.
pub fn attach<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let menu = build(app)?;
    #[cfg(target_os = "macos")]
    app.set_menu(menu)?;
    #[cfg(not(target_os = "macos"))]
    if let Some(main) = app.get_webview_window("main") {
        main.set_menu(menu)?;
    }
    app.on_menu_event(on_event);
    Ok(())
}

fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    if let Some(view) = view_for(event.id().as_ref()) {
        tray::open_view(app, view);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The menu on tauri's mock runtime: File holds Export… (with its shortcut) and Restore,
    /// and each asks for a view the page knows.
    #[test]
    fn file_menu_items_open_the_data_settings() {
        let app = tauri::test::mock_app();
        let menu = build(app.handle()).unwrap_or_else(|e| panic!("menu: {e}"));
        let items = menu.items().unwrap_or_else(|e| panic!("{e}"));
        let file = items
            .first()
            .and_then(|i| i.as_submenu())
            .unwrap_or_else(|| panic!("no File menu"));
        assert_eq!(file.text().unwrap_or_default(), "File");
        let ids: Vec<String> = file
            .items()
            .unwrap_or_default()
            .iter()
            .map(|i| i.id().as_ref().to_owned())
            .collect();
        assert!(
            ids.contains(&EXPORT.to_owned()) && ids.contains(&RESTORE.to_owned()),
            "{ids:?}"
        );
        assert_eq!(view_for(EXPORT), Some("settings:export"));
        assert_eq!(view_for(RESTORE), Some("settings:restore"));
        assert_eq!(view_for("quit"), None);
    }
}
