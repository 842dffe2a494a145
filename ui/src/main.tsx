import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./App";
import "./styles/theme.css";
import "./styles/app.css";
import "./styles/board.css";
import "./styles/detail.css";

async function start() {
  // Browser-only development/e2e: fake the Rust core with an in-memory store.
  // The dynamic import keeps the mock out of the production bundle.
  if (import.meta.env.MODE === "mock") {
    const { installMockBackend } = await import("./mock/installMockBackend");
    installMockBackend();
  }
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
