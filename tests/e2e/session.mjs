// Starting the app through tauri-driver, shared by the e2e files.
import { Builder } from "selenium-webdriver";

// A WebDriver session that never starts (seen once on a loaded 2-core CI machine) would
// otherwise hang the whole suite: the hook fails with a name instead.
export const SESSION_TIMEOUT_MS = 180_000;
export const setupHook = { timeout: SESSION_TIMEOUT_MS + 60_000 };

/** Starts the desktop app under tauri-driver and returns the driver. */
export async function openApp(app, driverUrl) {
  let timer;
  const gaveUp = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the app's WebDriver session did not start within ${SESSION_TIMEOUT_MS / 1000} s (see the tauri-driver log)`)),
      SESSION_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      new Builder()
        .usingServer(driverUrl)
        .withCapabilities({ browserName: "wry", "tauri:options": { application: app } })
        .build(),
      gaveUp,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
