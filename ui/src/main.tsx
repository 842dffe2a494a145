import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { getCurrentWindow } from "@tauri-apps/api/window";

import { App } from "./App";
import { applyRememberedTheme } from "./lib/theme";
import { Overlay } from "./views/Overlay";
import "./styles/theme.css";
import "./styles/app.css";
import "./styles/board.css";
import "./styles/detail.css";
import "./styles/desktop.css";
import "./styles/agents.css";
import "./styles/chat.css";
import "./styles/dumps.css";

/** The recording overlay is the same bundle in a window labelled "overlay" (or `#overlay`). */
function isOverlay(): boolean {
  if (window.location.hash === "#overlay") return true;
  try {
    return getCurrentWindow().label === "overlay";
  } catch {
    return false;
  }
}

async function start() {
  // Browser-only development/e2e: fake the Rust core with an in-memory store.
  // The dynamic import keeps the mock out of the production bundle.
  if (import.meta.env.MODE === "mock") {
    const { installMockBackend } = await import("./mock/installMockBackend");
    installMockBackend();
  }
  applyRememberedTheme();
  const overlay = isOverlay();
  if (overlay) document.documentElement.classList.add("overlay-window");
  createRoot(document.getElementById("root")!).render(
    <StrictMode>{overlay ? <Overlay /> : <App />}</StrictMode>,
  );
}

void start();
