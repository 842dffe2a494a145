import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Tauri loads the dev server at http://localhost:5173 (see src-tauri/tauri.conf.json)
// and embeds `dist/` in release builds.
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  clearScreen: false,
  envPrefix: ["VITE_", "TAURI_ENV_"],
  server: {
    port: 5173,
    strictPort: true,
    // The Rust side is rebuilt by `tauri dev`; don't reload the UI for it.
    watch: { ignored: ["**/src-tauri/**", "**/target/**"] },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: mode === "mock",
    // Tauri webviews: WebView2 (Chromium) on Windows, WebKit on macOS/Linux.
    target: ["es2022", "chrome105", "safari15"],
  },
}));
