import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { clearMocks } from "@tauri-apps/api/mocks";
import { afterEach, beforeAll } from "vitest";

import { MockAgents } from "../mock/mockAgents";
import { MockDesktop } from "../mock/mockDesktop";

beforeAll(() => {
  // jsdom lacks these; the Tauri mocks and dnd-kit touch them.
  if (!window.crypto?.getRandomValues) {
    Object.defineProperty(window, "crypto", { value: globalThis.crypto });
  }
  if (!("ResizeObserver" in window)) {
    class RO {
      observe() {}
      unobserve() {}
      disconnect() {}
    }
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver = RO;
  }
  if (!Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = function () {};
});

afterEach(() => {
  MockDesktop.disposeAll();
  MockAgents.disposeAll();
  cleanup();
  clearMocks();
});
